#!/usr/bin/env node
// CommonJS on purpose: an ES module entry would start Node's ESM loader, a few ms at every run.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
const file = join(dist, 'cli.cjs');

// The build leaves V8's compiled code for dist/cli.cjs in dist/cli.cache (see
// scripts/build.mjs), which saves compiling the core at every start. It is used only when the
// build id at its head is the one at the head of cli.cjs (V8 itself checks only the length of
// the source), and V8 ignores a cache from another Node version or other flags.
let source;
try {
  source = readFileSync(file, 'utf8');
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
  process.stderr.write(`delegate: ${file} is missing: this copy of delegate was never built.\nRun \`npm install\` (or \`npm run build\`) in ${join(__dirname, '..')}, then try again.\n`);
  process.exit(1);
}
const build = /^"use strict";\/\*(delegate-build:[^*]*)\*\//.exec(source);
let cachedData;
if (build) {
  try {
    const cache = readFileSync(join(dist, 'cli.cache'));
    const head = `${build[1]}\n`;
    if (cache.length > head.length && cache.toString('latin1', 0, head.length) === head) cachedData = cache.subarray(head.length);
  } catch {
    // no cache: built without one, or removed
  }
}
// Compiled from the source already read, with the cache when there is one.
const Module = require('node:module');
const { Script } = require('node:vm');
const script = new Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
const core = new Module(file, module);
core.filename = file;
script.runInThisContext()(core.exports, Module.createRequire(file), core, file, dist);
