#!/usr/bin/env node
// Build: compile TypeScript to dist/ (the library, workers, the sandbox, type declarations), then
// bundle the CLI — @oclif/core and every command — into dist/cli/ with esbuild, and regenerate
// oclif.manifest.json from it. Runs from `npm ci` (prepare) on a fresh clone.
//
// Why a bundle: start-up time is dominated by module resolution and loading (~250 small CommonJS
// files for @oclif/core and its dependencies). One split ESM bundle loads in a fraction of that
// (see docs/decisions.md and bench/startup.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { build } from 'esbuild';
import { globSync } from 'tinyglobby';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = (script, args) =>
  execFileSync(process.execPath, [script, ...args], {
    cwd: root,
    stdio: 'inherit',
    // The oclif dev CLI would otherwise look for a newer version of itself on every build.
    env: { ...process.env, OCLIF_SKIP_NEW_VERSION_CHECK: 'true' },
  });

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
run(require.resolve('typescript/bin/tsc'), ['-p', 'tsconfig.json']);

// Each language's messages as one JSON file beside the i18n module: a run parses only its own
// language instead of the three languages' catalogs (src/lib/i18n/index.ts).
const { merged } = await import(pathToFileURL(path.join(root, 'dist/lib/i18n/catalogs/index.js')).href);
const { LANGUAGES } = await import(pathToFileURL(path.join(root, 'dist/lib/i18n/types.js')).href);
for (const lang of LANGUAGES)
  writeFileSync(path.join(root, 'dist/lib/i18n', `messages.${lang}.json`), JSON.stringify(merged(lang)));

// Code that locates files next to itself (worker scripts, the sandbox server) must keep pointing
// at the compiled dist/ tree after bundling: rewrite its `import.meta.url` to the URL its file has
// in dist/, computed from the bundle's own location at run time.
const keepFileUrls = {
  name: 'keep-file-urls',
  setup(b) {
    b.onLoad({ filter: /[/\\]src[/\\].*\.ts$/ }, async (args) => {
      let text = readFileSync(args.path, 'utf8');
      if (text.includes('import.meta.url')) {
        const rel = path
          .relative(path.join(root, 'src'), args.path)
          .replace(/\\/g, '/')
          .replace(/\.ts$/, '.js');
        text = text.replaceAll('import.meta.url', `__oneidDistUrl(${JSON.stringify(rel)})`);
      }
      return { contents: text, loader: 'ts' };
    });
  },
};

// oclif sorts every plugin's commands with String#localeCompare on each start; the first call
// initialises ICU's collator, 7.7–8.4 ms here — about an eighth of a bare `node -e 0`, on every
// oneid invocation. Command ids are ASCII, so a plain code-unit comparison orders them the same
// way for our purposes (help sorts its own lists) and costs nothing.
const LOCALE_SORT = '.sort((a, b) => a.id.localeCompare(b.id))';
const ordinalCommandSort = {
  name: 'ordinal-command-sort',
  setup(b) {
    b.onLoad({ filter: /[/\\]@oclif[/\\]core[/\\]lib[/\\]config[/\\]plugin\.js$/ }, async (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(LOCALE_SORT)) {
        console.warn(`build: ${LOCALE_SORT} not found in @oclif/core (start-up keeps ICU's collator)`);
        return { contents: text, loader: 'js' };
      }
      return {
        contents: text.replace(LOCALE_SORT, '.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))'),
        loader: 'js',
      };
    });
  },
};

const banner = [
  "import { createRequire as __oneidCreateRequire } from 'node:module';",
  'const require = __oneidCreateRequire(import.meta.url);',
  "const __oneidDistUrl = (rel) => import.meta.url.slice(0, import.meta.url.lastIndexOf('/dist/cli/')) + '/dist/' + rel;",
].join('\n');

await build({
  absWorkingDir: root,
  // The bundle's entries land where tsc put the same files (dist/cli/commands/…, dist/cli/help.js,
  // dist/cli/entry.js) and replace them, so that package.json's `oclif.commands` (./dist/cli/commands)
  // maps to src/cli/commands in development mode (bin/dev.js runs the TypeScript sources).
  entryPoints: [
    ...globSync(['src/cli/commands/**/*.ts'], { cwd: root }),
    'src/cli/entry.ts',
    'src/cli/help.ts',
  ],
  outbase: 'src',
  outdir: 'dist',
  allowOverwrite: true,
  chunkNames: 'cli/chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Identifiers stay unminified: error classes report their own names.
  minifySyntax: true,
  minifyWhitespace: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  banner: { js: banner },
  plugins: [keepFileUrls, ordinalCommandSort],
  // Native addons and packages only the sandbox process or development mode use stay external.
  external: [
    'better-sqlite3',
    '@napi-rs/keyring',
    'fastify',
    'typescript',
    'ts-node',
    'tsx',
    '@oclif/plugin-*',
  ],
});

// The signing and verification workers are started once per core for every batch, so their
// start-up counts in every `key sign` / large `key verify`: one self-contained file each instead
// of ~30 modules (measured: ready in 39–54 ms instead of 63–76 ms; docs/decisions.md). They
// replace tsc's output at the same paths, where pool.js finds them.
await build({
  absWorkingDir: root,
  entryPoints: ['src/lib/sign/worker.ts', 'src/lib/sign/verify-worker.ts'],
  outdir: 'dist/lib/sign',
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  // Files beside a module (the i18n messages) are found from its place in dist/, as in the CLI.
  banner: {
    js: "const __oneidDistUrl = (rel) => import.meta.url.slice(0, import.meta.url.lastIndexOf('/dist/lib/')) + '/dist/' + rel;",
  },
  plugins: [keepFileUrls],
});

run(path.join(path.dirname(require.resolve('oclif/package.json')), 'bin', 'run.js'), ['manifest']);
