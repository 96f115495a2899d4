// The account commands' help in the user's language: descriptions, flags (the shared secret and
// storage flags too) and arguments come from the cmd/account catalog.
import { strict as assert } from 'node:assert';

import { runCli } from '../helpers/cli.js';

describe('account: help of the account commands in en, ru and uz', function () {
  this.timeout(30_000);

  it('register: the description (with --resume), its flags and the secret flags in Russian', async () => {
    const r = await runCli(['register', '--help', '--lang', 'ru']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Мастер регистрации id\.gov\.uz/);
    assert.match(r.stdout, /--resume <номер регистрации>/);
    assert.match(r.stdout, /--resend-sms\s+С --resume: сначала запросить у портала новый\s+код по СМС/);
    assert.match(r.stdout, /--sms-code-stdin\s+Прочитать код из СМС из стандартного ввода/);
    assert.doesNotMatch(r.stdout, /The registration wizard|Read the sms code/);
  });

  it('login: the argument, --role and --insecure-storage in Uzbek', async () => {
    const r = await runCli(['login', '--help'], { env: { ONEID_LANG: 'uz' } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\[LOGIN\]\s+Hisob logini \(berilmasa so‘raladi\)/);
    assert.match(r.stdout, /--role=<value>\s+Rol: "individual"/);
    assert.match(r.stdout, /--insecure-storage\s+Sessiyani OT kalitlar ombori o‘rniga/);
    assert.doesNotMatch(r.stdout, /Account login \(asked when missing\)|Password login asks/);
  });

  it('whoami, logout, verify-account, le bind, le list: translated descriptions', async () => {
    const runs = await Promise.all(
      [['whoami'], ['logout'], ['verify-account'], ['le', 'bind'], ['le', 'list']].map((c) =>
        runCli([...c, '--help', '--lang', 'ru']),
      ),
    );
    const [whoami, logout, verify, bind, list] = runs.map((r) => r.stdout);
    assert.match(whoami!, /--show-pinfl\s+Показать ПИНФЛ полностью/);
    assert.match(logout!, /--all\s+Выйти из всех сохранённых сессий/);
    assert.match(verify!, /Подписывает запрос портала вашим личным ключом/);
    assert.match(bind!, /-k, --key=<value>\s+Ключ юридического лица/);
    assert.match(list!, /Юридические лица, от имени которых вы можете действовать/);
  });
});
