#!/usr/bin/env node
// CommonJS on purpose: an ES module entry would start Node's ESM loader, a few ms at every run.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { compileFunction } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const cli = join(dist, 'cli.cjs');
const loader = join(dist, 'code-cache.cjs');
// cli.cjs runs with the V8 code its command left last time (src/startup/codeCache.ts), which
// also turns on Node's own compile cache for the files it reads later (islands, vendors).
// NOTE: the loader is compiled here as the function Node would wrap it in, not require()d: Node's
// module loader (resolving, real path, a Module) cost about 1 ms more at every start (Node 24,
// 3 December 2026). It requires only Node's own modules.
try {
  const loaded = { exports: {} };
  compileFunction(readFileSync(loader, 'utf8'), ['exports', 'require', 'module', '__filename', '__dirname'], { filename: loader })(loaded.exports, require, loaded, loader, dist);
  loaded.exports.runWithCodeCache(cli);
} catch (error) {
  if (!['MODULE_NOT_FOUND', 'ENOENT'].includes(error.code) || ![cli, loader].some((f) => error.message.includes(`'${f}'`))) throw error;
  process.stderr.write(`delegate: ${cli} is missing: this copy of delegate was never built.\nRun \`npm install\` (or \`npm run build\`) in ${join(__dirname, '..')}, then try again.\n`);
  process.exitCode = 1;
}
