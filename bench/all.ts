/**
 * Run every benchmark in bench/ and rewrite docs/benchmarks.md with what each printed and the
 * machine it ran on. Each benchmark prints its own ratios against a reference measured in the same
 * run; this file only collects them. Usage: npm run bench [-- name …] (a subset replaces only its
 * own sections of docs/benchmarks.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const benches = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && f !== 'all.ts' && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

function machine(): string {
  const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' }).stdout.trim() || 'not found';
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
    `- CPU: ${cpu}, ${os.cpus().length} cores; memory ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node.js ${process.version}; ${openssl}`,
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  ].join('\n');
}

const sections: string[] = [];
for (const name of benches) {
  process.stderr.write(`bench/${name}.ts …\n`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', `${name}.ts`)], {
    cwd: root,
    encoding: 'utf8',
    timeout: 15 * 60_000,
    maxBuffer: 16 * 2 ** 20,
  });
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  const status =
    r.status === 0 ? `ran in ${secs} s` : `FAILED (exit ${r.status ?? r.signal}) after ${secs} s`;
  const out =
    (r.stdout || '').trim() +
    (r.status === 0 ? '' : `\n${(r.stderr || '').trim().split('\n').slice(-5).join('\n')}`);
  process.stdout.write(`\n## ${name}\n${out}\n`);
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  sections.push(`## ${name} (\`bench/${name}.ts\`, ${status}, ${when} UTC)\n\n\`\`\`\n${out}\n\`\`\``);
}

const doc = `# Benchmarks

Written by \`npm run bench\` (\`bench/all.ts\`); do not edit by hand. Every figure is measured in
one run on the machine below (each section says when it ran), next to its reference (bare Node,
OpenSSL, node:crypto), so the ratios are what to compare across machines.

${machine()}

${sections.join('\n\n')}
`;
const file = path.join(root, 'docs', 'benchmarks.md');
if (only.length === 0) writeFileSync(file, doc);
else if (existsSync(file)) {
  // A subset re-run replaces only its own sections (each says when it ran); the rest stay.
  let text = readFileSync(file, 'utf8');
  for (const section of sections) {
    const name = section.slice(3, section.indexOf(' ', 3));
    const re = new RegExp(`## ${name} \\(\`bench/${name}\\.ts\`[\\s\\S]*?\\n\`\`\`\\n[\\s\\S]*?\\n\`\`\``);
    text = re.test(text) ? text.replace(re, () => section) : `${text.trimEnd()}\n\n${section}\n`;
  }
  writeFileSync(file, text);
  process.stderr.write(
    `(docs/benchmarks.md: section${sections.length > 1 ? 's' : ''} ${only.join(', ')} replaced)\n`,
  );
}
