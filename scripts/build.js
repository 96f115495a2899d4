#!/usr/bin/env node
// Build: compile TypeScript to dist/ and regenerate oclif.manifest.json from it.
// Runs from `npm ci` (prepare), so it must work on a fresh clone with devDependencies installed.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = (script, args) =>
  execFileSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
run(require.resolve('typescript/bin/tsc'), ['-p', 'tsconfig.json']);
run(path.join(path.dirname(require.resolve('oclif/package.json')), 'bin', 'run.js'), ['manifest']);
