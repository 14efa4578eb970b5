#!/usr/bin/env node
// CommonJS on purpose: an ES module entry would start Node's ESM loader, a few ms at every run.
require('../dist/cli.cjs');
