/**
 * The examples users read: `static examples` of every command (from oclif.manifest.json, with
 * `<%= config.bin %>` as `oneid`) and every `oneid …` line of a fenced code block in README.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Example {
  /** Where it is shown: a command id (`key:sign`) or `README.md:<line>`. */
  source: string;
  /** The shell line exactly as the user reads it. */
  line: string;
}

type ManifestExample = string | { command: string; description?: string };

export function helpExamples(root: string): Example[] {
  const manifest = JSON.parse(readFileSync(path.join(root, 'oclif.manifest.json'), 'utf8')) as {
    commands: Record<string, { examples?: ManifestExample[] }>;
  };
  const out: Example[] = [];
  for (const [id, cmd] of Object.entries(manifest.commands)) {
    for (const e of cmd.examples ?? []) {
      const text = typeof e === 'string' ? e : e.command;
      for (const line of text.split('\n')) {
        const l = line.replaceAll('<%= config.bin %>', 'oneid').trim();
        if (l) out.push({ source: id, line: l });
      }
    }
  }
  return out;
}

/** `oneid …` lines (optionally after `$ `, or after `VAR=… ` assignments) in README code blocks. */
export function readmeExamples(root: string): Example[] {
  const lines = readFileSync(path.join(root, 'README.md'), 'utf8').split('\n');
  const out: Example[] = [];
  let fence: string | undefined;
  lines.forEach((raw, i) => {
    const m = /^\s*(```+|~~~+)/.exec(raw);
    if (m) {
      fence = fence ? (raw.trim().startsWith(fence) ? undefined : fence) : m[1];
      return;
    }
    if (!fence) return;
    const line = raw.trim().replace(/^\$\s+/, '');
    if (/^([A-Z_][A-Z0-9_]*=\S*\s+)*oneid(\s|$)/.test(line) || /\|\s*oneid\s/.test(line)) {
      out.push({ source: `README.md:${i + 1}`, line });
    }
  });
  return out;
}
