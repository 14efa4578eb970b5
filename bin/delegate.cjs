#!/usr/bin/env node
// CommonJS on purpose: an ES module entry would start Node's ESM loader, a few ms at every run.
'use strict';
const { join } = require('node:path');

// Node 22.1 and later keep V8's compiled code for dist/cli.cjs on disk and reuse it at the next
// start (in the temporary folder, or NODE_COMPILE_CACHE); Node 20 compiles it at every start.
require('node:module').enableCompileCache?.();

const cli = join(__dirname, '..', 'dist', 'cli.cjs');
try {
  require(cli);
} catch (error) {
  if (error.code !== 'MODULE_NOT_FOUND' || !error.message.includes(`'${cli}'`)) throw error;
  process.stderr.write(`delegate: ${cli} is missing: this copy of delegate was never built.\nRun \`npm install\` (or \`npm run build\`) in ${join(__dirname, '..')}, then try again.\n`);
  process.exitCode = 1;
}
