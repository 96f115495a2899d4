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
