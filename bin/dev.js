#!/usr/bin/env -S node --import tsx --no-warnings
// Development entry: runs the TypeScript sources (src/cli/commands, src/cli/help.ts) through tsx,
// which the shebang has already loaded; nothing is read from the build output. The development
// mode of oclif would map the build output back to the sources only after registering tsx or
// ts-node by itself, which fails with this tsx, so the configuration names the sources directly,
// and the version carries "+dev" so that oclif.manifest.json (which lists the built files) does
// not match and the commands are found in src/cli/commands instead.
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';

import { execute, settings } from '@oclif/core';

const root = fileURLToPath(new URL('..', import.meta.url));
const pjson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
pjson.oclif = { ...pjson.oclif, commands: './src/cli/commands', helpClass: './src/cli/help.ts' };
pjson.version = `${pjson.version}+dev`;
settings.enableAutoTranspile = false;

await execute({ development: true, dir: import.meta.url, loadOptions: { root, pjson } });
