// The least a search must do before it can use its index, as the issue asks: list every note
// and stat it (to see that none was added, changed or deleted). No index, no query, no output.
// `npm run bench search` times this beside the real search, so the share of a search that is
// the machine's file system, and not delegate, can be read off the same run.
'use strict';
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) walk(join(dir, entry.name));
    else statSync(join(dir, entry.name));
  }
};
walk(process.argv[2]);
