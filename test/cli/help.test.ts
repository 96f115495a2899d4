import { strict as assert } from 'node:assert';

import { readFileSync } from 'node:fs';
import path from 'node:path';

import { helpKey, reflow } from '../../src/cli/help.js';
import { hasKey } from '../../src/lib/i18n/index.js';
import { ROOT, runCli } from '../helpers/cli.js';

/** Flags every command has, translated once under cmd.flag.<name> (and oclif's own --json). */
const GLOBAL = new Set(['json', 'lang', 'no-color', 'no-prompt', 'profile']);

describe('help', () => {
  it('reflows source-wrapped paragraphs but keeps list items and indented lines', () => {
    const text =
      'One line\nand its rest,\n--all flag inside.\n\n- item one\n- item two\n  indented\n\nLast\nparagraph.';
    assert.equal(
      reflow(text),
      'One line and its rest, --all flag inside.\n\n- item one\n- item two\n  indented\n\nLast paragraph.',
    );
  });

  it('shows command summaries and global flags in the chosen language, without a duplicate --json description', async () => {
    const r = await runCli(['key', 'list', '--help', '--lang', 'uz']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /ERI kalitlari ro‘yxati \(parol kerak emas\)/);
    assert.match(r.stdout, /--json\s+Natijani bitta JSON hujjat/);
    assert.doesNotMatch(r.stdout, /Format output as json/);
    const topics = await runCli(['--help'], { env: { ONEID_LANG: 'ru' } });
    assert.match(topics.stdout, /key\s+Ключи ЭЦП/);
  });

  it("has every command's description, flags and arguments in the catalogs (so in en, ru and uz)", () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'oclif.manifest.json'), 'utf8')) as {
      commands: Record<string, { flags: Record<string, unknown>; args: Record<string, unknown> }>;
    };
    const missing: string[] = [];
    for (const [id, c] of Object.entries(manifest.commands)) {
      const k = helpKey(id);
      for (const key of [`${k}.summary`, `${k}.description`]) if (!hasKey(key)) missing.push(key);
      for (const flag of Object.keys(c.flags))
        if (!GLOBAL.has(flag) && !hasKey(`${k}.flag.${flag}`) && !hasKey(`cmd.flag.${flag}`))
          missing.push(`${k}.flag.${flag}`);
      for (const arg of Object.keys(c.args)) if (!hasKey(`${k}.arg.${arg}`)) missing.push(`${k}.arg.${arg}`);
    }
    assert.deepEqual(missing, []);
  });

  it("shows a command's description, flags and arguments in Russian and Uzbek", async () => {
    const [ru, uz] = await Promise.all([
      runCli(['ca', 'get', '--help', '--lang', 'ru']),
      runCli(['ca', 'get', '--help'], { env: { ONEID_LANG: 'uz' } }),
    ]);
    assert.match(ru.stdout, /Получает корневой сертификат УЦ портала/);
    assert.match(ru.stdout, /--force\s+Заменить FILE, если он существует/);
    assert.match(ru.stdout, /\[FILE\]\s+Куда записать сертификаты PEM/);
    assert.match(uz.stdout, /--tsa\s+Vaqt tamg‘asi xizmati sertifikatini qo‘shish/);
    assert.doesNotMatch(ru.stdout + uz.stdout, /Replace FILE if it exists|Fetches the portal/);
  });

  it('shows the sandbox, config and help commands and the shared flags in Russian and Uzbek', async () => {
    const [outbox, set, logout, env] = await Promise.all([
      runCli(['sandbox', 'outbox', '--help', '--lang', 'uz']),
      runCli(['config', 'set', '--help', '--lang', 'ru']),
      runCli(['logout', '--help'], { env: { ONEID_LANG: 'ru' } }),
      runCli(['help', 'environment', '--help', '--lang', 'uz']),
    ]);
    assert.match(outbox.stdout, /Avval\s+eng\s+yangilari/);
    assert.match(outbox.stdout, /--data=<value>.*Sandbox ma’lumotlar katalogi/);
    assert.match(outbox.stdout, /--url=<value>\s+Ishlayotgan\s+sandbox\s+manzili/);
    assert.match(outbox.stdout, /--last=<value>.*Ko‘pi bilan shuncha xabar/);
    assert.match(set.stdout, /KEY\s+Имя\s+параметра:\s+portal/);
    assert.match(set.stdout, /Значения\s+проверяются\s+до\s+записи/);
    assert.match(logout.stdout, /--insecure-storage\s+Хранить\s+сессию\s+в\s+файле/);
    assert.match(logout.stdout, /То же задаёт\s+параметр\s+профиля/);
    assert.match(env.stdout, /Hamma\s+joyda\s+ustuvorlik/);
    assert.doesNotMatch(
      outbox.stdout + set.stdout + logout.stdout + env.stdout,
      /Newest first|Sandbox data directory|Setting name|Keep the session in a file|Precedence everywhere/,
    );
  });
});
