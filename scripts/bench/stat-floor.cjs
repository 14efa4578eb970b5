// The least a search must do before it can use its index, as the issue asks: list every note
// and stat it (to see that none was added, changed or deleted). No index, no query, no output.
// `npm run bench search` times this beside the real search, so the share of a search that is
// the machine's file system, and not delegate, can be read off the same run.
'use strict';
const { readdirSync, statSync } = require('node:fs');

// As lean as Node allows: names only from readdir, one stat per entry, no path module.
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name.charCodeAt(0) === 46) continue; // dot files and folders
    const path = `${dir}/${name}`;
    if (statSync(path).isDirectory()) walk(path);
  }
};
walk(process.argv[2]);
