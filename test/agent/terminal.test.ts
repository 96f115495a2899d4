// Consent in the agent's own terminal: `oneid agent start` in the foreground of a real
// pseudo-terminal (tmux), no desktop — a new site is asked about there, a locked key's password is
// typed there (masked), and Ctrl-C stops the agent.
import { strict as assert } from 'node:assert';

import { hasTmux, Terminal } from '../account/tmux.js';
import { tempConfigDir } from '../helpers/cli.js';
import { makeStick, PW } from '../keys/fixtures.js';
import { rpc } from './helpers.js';

describe('agent: consent in its terminal (foreground, tmux)', function () {
  this.timeout(60_000);
  before(function () {
    if (!hasTmux()) this.skip();
  });

  it('asks about a new site and for a locked key’s password on its terminal, masked', async () => {
    const cfg = tempConfigDir();
    const stick = makeStick();
    const term = new Terminal(['agent', 'start', '--port', '0', '--tls-port', '0'], {
      ONEID_CONFIG_DIR: cfg,
      ONEID_KEYS_PATH: stick.root,
      ONEID_KEYS_SYSTEM_ROOTS: '0',
    });
    try {
      const screen = await term.waitFor(/Agent listening at (\S+) /);
      const ws = /Agent listening at (\S+) /.exec(screen)![1]!;
      const site = 'https://tty.example.uz';
      const version = rpc(ws, { name: 'version' }, { origin: site });
      await term.waitFor(/Allow https:\/\/tty\.example\.uz to list your keys/);
      term.type('y');
      assert.equal((await version).success, true);

      const { certificates } = await rpc(
        ws,
        { plugin: 'pfx', name: 'list_all_certificates' },
        { origin: site },
      );
      const c = certificates.find((x: { name: string }) => x.name === 'DS312345678901230001');
      const { keyId } = await rpc(
        ws,
        { plugin: 'pfx', name: 'load_key', arguments: [c.disk, c.path, c.name, c.alias] },
        { origin: site },
      );
      const signed = rpc(
        ws,
        { plugin: 'pkcs7', name: 'create_pkcs7', arguments: ['aGk=', keyId, 'no'] },
        { origin: site },
      );
      await term.waitFor(/wants to sign with the key DS312345678901230001\.pfx\. Key password:/);
      term.type(PW);
      const r = await signed;
      assert.equal(r.success, true, r.reason);
      assert.ok(!term.screen().includes(PW), 'the password is masked');
      term.key('C-c');
      assert.equal(await term.exitCode(), 0);
    } finally {
      term.close();
    }
  });
});
