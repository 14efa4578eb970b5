// Build step: compile dist/cli.cjs (a module's function, as the build writes it), run
// delegate commands with it in this one process, and write what V8 compiled to a code cache
// file. bin/delegate.cjs hands that cache back to V8, so the commands run here start without
// compiling their code again.
//
//   node scripts/train-code-cache.cjs <cli.cjs> <cache file> <runs.json> [name]
//
// NOTE: V8 keeps the file name the code was compiled under in the cache, and stack traces of
// code from the cache show it, not the name the bin gives. `name` is where cli.cjs will be
// (the build writes it elsewhere first), so that a bug report shows a path that exists.
//
// runs.json is a list of argument lists. Each run's exit is caught rather than taken, so the
// next run finds everything the earlier ones compiled.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');

const [, , file, cacheFile, runsFile, name = file] = process.argv;
const runs = JSON.parse(readFileSync(runsFile, 'utf8'));
const script = new Script(readFileSync(file, 'latin1'), { filename: name });

const exit = process.exit.bind(process);
let finished;
process.exit = (code) => finished(code ?? process.exitCode ?? 0);

async function main() {
  const failed = [];
  for (const args of runs) {
    process.argv = [process.argv[0], file, ...args];
    process.exitCode = undefined;
    const code = await new Promise((resolve) => {
      finished = resolve;
      // A run that never ends (it should not) must not hold up the build: no cache, then.
      setTimeout(() => {
        process.stderr.write(`train-code-cache: ${args.join(' ')} did not finish in 60 s\n`);
        exit(1);
      }, 60_000).unref();
      const core = new Module(file, module);
      core.filename = file;
      script.runInThisContext()(core.exports, Module.createRequire(file), core, file, dirname(file));
    });
    if (code !== 0 && code !== 1) failed.push(`${args.join(' ')} (exit ${code})`);
  }
  // V8 writes the flags in force into the cache, and rejects it in a process whose flags
  // differ. A big enough `motion compare` changes two (src/util/shortJob.ts): back to Node's
  // defaults first, or every start would compile cli.cjs afresh.
  require('node:v8').setFlagsFromString('--opt --parallel-scavenge');
  writeFileSync(cacheFile, script.createCachedData());
  if (failed.length > 0) {
    process.stderr.write(`train-code-cache: these runs failed: ${failed.join(', ')}\n`);
    exit(1);
  }
  exit(0);
}
main();
