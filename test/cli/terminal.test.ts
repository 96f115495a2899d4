import { strict as assert } from 'node:assert';

import { detectTerminal } from '../../src/cli/terminal.js';
import { createProgress, formatDuration } from '../../src/cli/progress.js';
import { redact } from '../../src/lib/debug/index.js';

const tty = { stdinIsTTY: true, stdoutIsTTY: true, stderrIsTTY: true };

describe('terminal rules', () => {
  it('colours and animates a plain TTY', () => {
    assert.deepEqual(detectTerminal({ ...tty, env: {} }), { color: true, dynamic: true, interactive: true });
  });
  for (const [name, env] of [
    ['NO_COLOR', { NO_COLOR: '' }],
    ['CI', { CI: 'true' }],
    ['TERM=dumb', { TERM: 'dumb' }],
  ] as const)
    it(`turns colour and animation off with ${name}`, () => {
      const t = detectTerminal({ ...tty, env });
      assert.equal(t.color, false);
      assert.equal(t.dynamic, false);
    });
  it('turns colour off with --no-color even under FORCE_COLOR', () => {
    assert.equal(detectTerminal({ ...tty, env: { FORCE_COLOR: '1' }, noColorFlag: true }).color, false);
  });
  it('FORCE_COLOR colours a pipe but does not make it interactive or animated', () => {
    const t = detectTerminal({
      stdinIsTTY: false,
      stdoutIsTTY: false,
      stderrIsTTY: false,
      env: { FORCE_COLOR: '1' },
    });
    assert.deepEqual(t, { color: true, dynamic: false, interactive: false });
  });
  it('never prompts off a TTY, with --no-prompt or ONEID_NO_PROMPT', () => {
    assert.equal(detectTerminal({ ...tty, stdinIsTTY: false, env: {} }).interactive, false);
    assert.equal(detectTerminal({ ...tty, env: {}, noPromptFlag: true }).interactive, false);
    assert.equal(detectTerminal({ ...tty, env: { ONEID_NO_PROMPT: '1' } }).interactive, false);
  });
});

describe('progress off a TTY', () => {
  it('prints at most one plain line per interval, and a final line', () => {
    let clock = 0;
    const lines: string[] = [];
    const stream = { write: (s: string) => lines.push(s) } as unknown as NodeJS.WritableStream;
    const p = createProgress(
      { color: false, dynamic: false, interactive: false },
      { total: 100, label: 'signed', now: () => clock },
      stream,
    );
    for (let i = 0; i < 100; i++) {
      clock += 100; // 100 ms per item: 10 s in all
      p.tick();
    }
    p.done();
    assert.ok(lines.length <= 3, `got ${lines.length} lines`);
    assert.match(lines.at(-1)!, /^signed 100\/100 \(10\.0\/s, ETA 00:00\)\n$/);
  });
  it('formats durations', () => {
    assert.equal(formatDuration(65), '01:05');
    assert.equal(formatDuration(3725), '1:02:05');
    assert.equal(formatDuration(Infinity), '--:--');
  });
});

describe('debug redaction', () => {
  it('hides secrets by key and by shape', () => {
    const r = redact({
      password: 'p@ss',
      headers: { authorization: 'Bearer abc' },
      url: 'https://x/?code=123&state=ok',
      note: 'Bearer tok.en',
    }) as Record<string, any>;
    assert.equal(r.password, '[redacted]');
    assert.equal(r.headers.authorization, '[redacted]');
    assert.equal(r.url, 'https://x/?code=[redacted]&state=ok');
    assert.equal(r.note, 'Bearer [redacted]');
  });
});
