/**
 * Entry of the bundled CLI (dist/cli/entry.js, see scripts/build.js): bin/run.js imports
 * `execute` from here so that @oclif/core is loaded from the bundle, the same copy the bundled
 * commands extend.
 */
export { execute } from '@oclif/core';
