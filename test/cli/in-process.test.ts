// Commands run in-process through the command context: the same results as the process, with
// fake streams and scripted answers (test/helpers/run-command.ts).
import { strict as assert } from 'node:assert';

import { runCommand } from '../helpers/run-command.js';

describe('commands in-process (command context with fakes)', function () {
  this.timeout(30_000);

  it('config get: the JSON envelope on the fake stdout, the source of the value', async () => {
    const r = await runCommand(['config', 'get', 'lang', '--json'], { env: { ONEID_LANG: 'ru' } });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual([r.json.result.value, r.json.result.source], ['ru', 'env']);
  });

  it('errors: exit code and message in the language asked for, nothing on stdout', async () => {
    const r = await runCommand(['config', 'get', 'nope', '--lang', 'uz']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /sozlama yo‘q/);
  });

  it('a prompt is answered by the scripted prompter (login asks for the login it was not given)', async () => {
    const r = await runCommand(['login', '--portal', 'http://127.0.0.1:9', '--insecure-storage'], {
      answers: ['nobody', 'Secret-pass1'],
    });
    assert.deepEqual(r.asked.length, 2, r.stderr);
    assert.equal(r.code, 7, r.stderr); // then the portal is unreachable
  });
});
