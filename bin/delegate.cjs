#!/usr/bin/env node
// CommonJS on purpose: an ES module entry would start Node's ESM loader, a few ms at every run.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
const file = join(dist, 'cli.cjs');

// The build leaves V8's compiled code for dist/cli.cjs in dist/cli.cache (see
// scripts/build.mjs), which saves compiling the core at every start. A cache that does not fit
// this Node (another version, other flags) is ignored by V8, and then this is a plain require.
let cachedData;
try {
  cachedData = readFileSync(join(dist, 'cli.cache'));
} catch {
  // no cache: built without one, or removed
}
if (cachedData === undefined) {
  require(file);
} else {
  const Module = require('node:module');
  const { Script } = require('node:vm');
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const core = new Module(file, module);
  core.filename = file;
  script.runInThisContext()(core.exports, Module.createRequire(file), core, file, dist);
}
