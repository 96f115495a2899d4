// Loaded by mocha before every test file (.mocharc.json "require").
// Tests never touch the developer's real config, keys or sessions: everything points into a
// temporary HOME-like folder unless a test sets its own.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const sandboxHome = mkdtempSync(path.join(tmpdir(), 'oneid-test-home-'));
process.env.ONEID_CONFIG_DIR ??= path.join(sandboxHome, 'config');
process.env.ONEID_NO_PROMPT = '1';
delete process.env.ONEID_TOKEN;
delete process.env.ONEID_PORTAL;
delete process.env.ONEID_LANG;

// Many tests run the built CLI (bin/run.js loads dist/): a source file newer than the build means
// those tests would test old code. Stop at once with the fix instead of failing in odd places.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = (() => {
  try {
    return statSync(path.join(root, 'dist', 'cli', 'entry.js')).mtimeMs;
  } catch {
    return 0;
  }
})();
const newer = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter(
  (f) => f.endsWith('.ts') && statSync(path.join(root, 'src', f)).mtimeMs > built,
);
if (newer.length > 0 && process.env.ONEID_TEST_STALE_DIST !== 'ok') {
  process.stderr.write(
    `test/setup.ts: dist/ is ${built ? 'older than' : 'missing for'} src/${newer[0]}` +
      `${newer.length > 1 ? ` and ${newer.length - 1} more` : ''}: run \`npm run build\` first ` +
      '(or set ONEID_TEST_STALE_DIST=ok for tests that do not run the CLI).\n',
  );
  process.exit(2);
}
