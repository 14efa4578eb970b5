#!/usr/bin/env node
// CommonJS on purpose: an ES module entry would start Node's ESM loader, a few ms at every run.
'use strict';
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
const cli = join(dist, 'cli.cjs');
const loader = join(dist, 'code-cache.cjs');
// Node 22.1 and later keep V8's code for the files read on demand (islands, vendors); cli.cjs
// itself runs with the code its command left last time (src/startup/codeCache.ts).
require('node:module').enableCompileCache?.();
try {
  require(loader).runWithCodeCache(cli);
} catch (error) {
  if (!['MODULE_NOT_FOUND', 'ENOENT'].includes(error.code) || ![cli, loader].some((f) => error.message.includes(`'${f}'`))) throw error;
  process.stderr.write(`delegate: ${cli} is missing: this copy of delegate was never built.\nRun \`npm install\` (or \`npm run build\`) in ${join(__dirname, '..')}, then try again.\n`);
  process.exitCode = 1;
}
