// Bundle src/ into dist/ with esbuild, shaped for start-up time:
//
//   dist/cli.cjs        our code and commander, one CommonJS module, already wrapped in its
//                       function (run by bin/delegate.cjs, not require). Commands are still loaded
//                       lazily (each `await import()` in src becomes a module initialised on
//                       first use), but nothing goes through Node's ESM loader, which costs about
//                       a millisecond per file and reads each one asynchronously.
//   dist/islands/*.cjs  our modules that need the Markdown libraries (marked, marked-terminal,
//                       chalk), built separately so that their 200 kB are read only when a page
//                       is rendered afresh, not at every start.
//   dist/vendor/*.cjs   the prompt library and the full YAML parser, likewise on first use.
//   dist/content-manifest.json   the bundled pages, parsed at build time.
//   dist/cli*.cache     V8's compiled code for cli.cjs, made by running commands with it
//                       here, one cache per group of commands; the bin uses one when it was
//                       made for this very cli.cjs (the build id heads both) and V8 finds it
//                       fits the Node that runs it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// `npm install -g .` runs this (as "prepare") before it installs devDependencies.
let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  if (existsSync(`${root}/dist/cli.cjs`)) {
    console.warn('build: esbuild is not installed here; keeping the existing dist/.');
    process.exit(0);
  }
  console.error('build: esbuild is not installed. Run `npm install` in this folder first, then try again.');
  process.exit(1);
}
const stub = (name) => fileURLToPath(new URL(`./stubs/${name}`, import.meta.url));

const version = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')).version;
const buildId = `${version}+${Date.now().toString(36)}`;

/** Our modules that import the Markdown libraries; the core requires them from islands/. */
const islands = ['src/render/markdownTerminal.ts', 'src/render/plainText.ts', 'src/render/cheatsheetHtml.ts'];
const islandName = (path) => path.replace(/^.*\/|\.[jt]s$/g, '');

/**
 * Packages the core loads from vendor/, each bundled on its own. The prompts bundle holds only
 * the prompts src/ui/prompts.ts uses: the whole of @inquirer/prompts would bring the editor
 * prompt and 550 kB of character-set tables with it.
 */
const vendors = {
  '@inquirer/prompts': {
    file: 'inquirer-prompts',
    source: [
      "export { default as select, Separator } from '@inquirer/select';",
      "export { default as confirm } from '@inquirer/confirm';",
      "export { default as search } from '@inquirer/search';",
      "export { default as input } from '@inquirer/input';",
    ].join('\n'),
  },
  '@inquirer/core': { file: 'inquirer-core', source: "export * from '@inquirer/core';" },
  yaml: { file: 'yaml', source: "export * from 'yaml';" },
};

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const splitOut = {
  name: 'islands-and-vendors',
  setup(b) {
    const vendorFilter = new RegExp(`^(${Object.keys(vendors).map(escape).join('|')})$`);
    b.onResolve({ filter: vendorFilter }, (args) => ({ path: `./vendor/${vendors[args.path].file}.cjs`, external: true }));
    const islandFilter = new RegExp(`/(${islands.map(islandName).join('|')})\\.js$`);
    b.onResolve({ filter: islandFilter }, (args) => ({ path: `./islands/${islandName(args.path)}.cjs`, external: true }));
  },
};

// commander requires child_process at load time but only uses it for executable subcommands,
// which delegate has none of; loading it on first use keeps ~5 ms off every start.
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: stub('lazy-child-process.cjs') } : undefined,
    );
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.17',
  // node-pty is for tests only. better-sqlite3's JavaScript is bundled; its addon is loaded from
  // node_modules at run time (see src/search/searchIndex.ts).
  external: ['node-pty'],
  // The handbook has no code to colour and marked-terminal runs without emoji.
  alias: { 'cli-highlight': stub('cli-highlight.mjs'), 'node-emoji': stub('node-emoji.mjs') },
  outExtension: { '.js': '.cjs' },
  // `await import()` of islands and vendors becomes require(): no ESM loader. Node 20 reads
  // \p{…} in regular expression literals; lowered to `new RegExp()`, a pattern inside a
  // function would be parsed again at every call.
  supported: { 'dynamic-import': false, 'regexp-unicode-property-escapes': true },
  legalComments: 'none',
  // Comments and spaces out, names kept (stack traces stay readable): less to read and parse
  // at every start.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  define: {
    __DELEGATE_VERSION__: JSON.stringify(version),
    __DELEGATE_BUILD__: JSON.stringify(buildId),
    __BETTER_SQLITE3_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version),
    'import.meta.url': '__delegateModule.url',
  },
  // "use strict" first: esbuild writes it below the banner, where it would no longer count.
  // import.meta.url is worked out only where it is used (a URL costs at every start).
  banner: { js: `"use strict";/*delegate-build:${buildId}*/var __delegateModule = { get url() { return require('node:url').pathToFileURL(__filename).href; } };` },
};

// Built beside dist/ and swapped in at the end, so a delegate process (or a test) running
// while we build never finds dist/ half written.
const out = `${root}/dist.build-${process.pid}`;
rmSync(out, { recursive: true, force: true });

await build({ ...common, entryPoints: { cli: 'src/cli.ts' }, outdir: out, plugins: [splitOut, lazyChildProcessForCommander] });
// NOTE: cli.cjs is read at every start. Plain ASCII, it becomes a one-byte string; one other
// character anywhere makes all of it two bytes a character, slower to read and twice the
// memory. esbuild escapes strings but leaves regular expression literals and String.raw as
// written: write such characters there as \u2019 and the like.
{
  const core = readFileSync(`${out}/cli.cjs`, 'utf8');
  const at = core.search(/[^\x00-\x7f]/);
  if (at !== -1) {
    rmSync(out, { recursive: true, force: true });
    throw new Error(`build: dist/cli.cjs has a character outside ASCII (${JSON.stringify(core[at])}) in: ${core.slice(Math.max(0, at - 60), at + 20)}`);
  }
  // NOTE: cli.cjs is written as the function Node would wrap a CommonJS module in, so that the
  // bin compiles the text as read: wrapping it there (Module.wrap) makes V8 copy all of it into
  // one string again at every start. The build id stays at its head, and so does "use strict".
  const head = /^"use strict";\/\*delegate-build:[^*]*\*\//.exec(core)[0];
  writeFileSync(`${out}/cli.cjs`, `${head}(function (exports, require, module, __filename, __dirname) {${core.slice(head.length)}\n})`);
}
await build({ ...common, entryPoints: islands, outdir: `${out}/islands` });
for (const { file, source } of Object.values(vendors)) {
  await build({ ...common, stdin: { contents: source, resolveDir: root, loader: 'js' }, outfile: `${out}/vendor/${file}.cjs` });
}

// The bundled pages, parsed once now rather than at every start. (An ES module: it uses
// top-level await, and writes beside itself.)
await build({ ...common, format: 'esm', supported: {}, banner: {}, entryPoints: { 'write-manifest': 'src/content/writeManifest.ts' }, outdir: out, outExtension: { '.js': '.mjs' },
  define: { __DELEGATE_VERSION__: common.define.__DELEGATE_VERSION__, __DELEGATE_BUILD__: common.define.__DELEGATE_BUILD__ } });
await import(pathToFileURL(`${out}/write-manifest.mjs`).href);
rmSync(`${out}/write-manifest.mjs`);

// Run the commands a delegate uses with the core, and keep what V8 compiled for them
// (scripts/train-code-cache.cjs): the bin hands it back to V8 at every start instead of
// compiling cli.cjs again. V8 reads a whole cache at every start, so there is one per group of
// commands, holding only what that group runs: dist/cli.<group>.cache for `delegate <group> …`,
// dist/cli.<group>-<command>.cache for one command of a group, and dist/cli.cache for the rest
// (the handbook). Only a cache made by this very Node fits; V8 rejects any other, and the bin
// then compiles as usual.
const motions = join(root, 'test', 'fixtures', 'motions');
const housing = ['anytown.txt', 'riverside.txt', 'hilltop.txt', 'workers-union.txt', 'lakeside.txt'];
const trials = {
  cli: [['--version'], ['list'], ['read', 'chair-not-neutral'], ['read', 'card-votes'], ['cheatsheet']],
  search: [['search', 'reference', 'back']],
  notes: [['notes', 'list']],
  checklist: [['checklist', 'list']],
  ...(existsSync(motions)
    ? {
        motion: [
          ['motion', 'check', join(motions, 'two-subjects.txt')],
          ['motion', 'keep', '--mine', join(motions, 'housing-cac.md'), '--draft', join(motions, 'draft-composite.txt')],
        ],
        // compare alone has a speed target (npm run bench), and reads none of check's or keep's
        // code. Run twice: the second time on 20 motions, too many for a grid, as a big topic is.
        'motion-compare': [
          ['motion', 'compare', join(motions, 'housing-cac.md')],
          ['motion', 'compare', ...[1, 2, 3].map(() => join(motions, 'housing-cac.md')), ...housing.map((f) => join(motions, 'housing', f))],
        ],
      }
    : {}),
};
const cacheFile = (group) => `${out}/${group === 'cli' ? 'cli' : `cli.${group}`}.cache`;
// Whether V8 takes a cache, tried in a fresh process as the bin will: a rejected one would
// cost every start a compile, and nothing would say so.
const acceptsCache = `
const { readFileSync } = require('node:fs'); const { Script } = require('node:vm');
const [source, cache, name] = process.argv.slice(1);
const data = readFileSync(cache);
const script = new Script(readFileSync(source, 'latin1'), { filename: name, cachedData: data.subarray(data.indexOf(10) + 1) });
console.log(script.cachedDataRejected ? 'rejected' : 'accepted');`;

async function train(group, runs) {
  const home = mkdtempSync(join(tmpdir(), 'delegate-build-'));
  try {
    writeFileSync(join(home, 'runs.json'), JSON.stringify(runs));
    // The trial runs see none of the delegate's settings, NODE_OPTIONS included: V8 writes the
    // flags in force into the cache and rejects it in a process whose flags differ.
    const env = { PATH: process.env.PATH, HOME: home, XDG_DATA_HOME: home, XDG_CACHE_HOME: home, XDG_CONFIG_HOME: home, NO_COLOR: '1' };
    const trained = await run([join(root, 'scripts', 'train-code-cache.cjs'), `${out}/cli.cjs`, cacheFile(group), join(home, 'runs.json'), join(root, 'dist', 'cli.cjs')], env);
    if (trained.code !== 0 || !existsSync(cacheFile(group))) return `a trial run failed, exit ${trained.code}: ${trained.stderr.trim()}`;
    // V8 checks a cache against the source's length, not its text: the build id in front ties
    // this cache to this cli.cjs (bin/delegate.cjs compares them).
    writeFileSync(cacheFile(group), Buffer.concat([Buffer.from(`delegate-build:${buildId}\n`), readFileSync(cacheFile(group))]));
    const check = await run(['-e', acceptsCache, `${out}/cli.cjs`, cacheFile(group), join(root, 'dist', 'cli.cjs')], env);
    return check.stdout.trim() === 'accepted' ? '' : `V8 rejects it (${check.stdout.trim() || check.stderr.trim()}); see scripts/train-code-cache.cjs`;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

function run(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const failed = await Promise.all(Object.entries(trials).map(async ([group, runs]) => [group, await train(group, runs)]));
for (const [group, why] of failed) {
  if (!why) continue;
  rmSync(cacheFile(group), { force: true });
  console.warn(`build: no code cache for ${group === 'cli' ? 'the handbook' : `\`delegate ${group}\``} (${why})`);
}

const old = `${root}/dist.old-${process.pid}`;
try {
  renameSync(`${root}/dist`, old);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
renameSync(out, `${root}/dist`);
rmSync(old, { recursive: true, force: true });
