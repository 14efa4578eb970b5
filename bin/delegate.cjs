#!/usr/bin/env node
// CommonJS on purpose: an ES module entry would start Node's ESM loader, a few ms at every run.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
const file = join(dist, 'cli.cjs');

// NOTE: read as latin1, which the build makes safe by keeping cli.cjs plain ASCII: decoded
// quicker than UTF-8, with less memory.
let source;
try {
  source = readFileSync(file, 'latin1');
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
  process.stderr.write(`delegate: ${file} is missing: this copy of delegate was never built.\nRun \`npm install\` (or \`npm run build\`) in ${join(__dirname, '..')}, then try again.\n`);
  process.exit(1);
}

// The build leaves V8's compiled code for cli.cjs beside it (see scripts/build.mjs), which
// saves compiling the core at every start: dist/cli.<group>-<command>.cache for one command
// (`delegate motion compare`), dist/cli.<group>.cache for the rest of a group (`delegate
// motion …`), dist/cli.cache for the rest. A cache is used only when the build id at its head
// is the one at the head of cli.cjs (V8 itself checks only the length of the source), and V8
// ignores a cache from another Node version or other flags.
function readCache() {
  const [group, command] = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const names = [];
  if (/^[a-z]+$/.test(group ?? '')) {
    if (/^[a-z]+$/.test(command ?? '')) names.push(`cli.${group}-${command}.cache`);
    names.push(`cli.${group}.cache`);
  }
  for (const name of names) {
    try {
      return readFileSync(join(dist, name));
    } catch {
      // none for this command or group
    }
  }
  return readFileSync(join(dist, 'cli.cache'));
}
const build = /^"use strict";\/\*(delegate-build:[^*]*)\*\//.exec(source);
let cachedData;
if (build) {
  try {
    const cache = readCache();
    const head = `${build[1]}\n`;
    if (cache.length > head.length && cache.toString('latin1', 0, head.length) === head) cachedData = cache.subarray(head.length);
  } catch {
    // no cache: built without one, or removed
  }
}
// Compiled from the source already read, with the cache when there is one. cli.cjs is written
// as the function Node wraps a CommonJS module in (scripts/build.mjs): run here, not required.
const Module = require('node:module');
const { Script } = require('node:vm');
const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
const core = new Module(file, module);
core.filename = file;
script.runInThisContext()(core.exports, Module.createRequire(file), core, file, dist);
