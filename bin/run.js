#!/usr/bin/env node
// The CLI runs from the bundle in dist/cli (scripts/build.js): @oclif/core and the commands load
// from a few files instead of hundreds, which halves start-up time.
import { execute } from '../dist/cli/entry.js';

await execute({ dir: import.meta.url });
