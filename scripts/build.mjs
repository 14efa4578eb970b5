// Bundle src/ into dist/ with esbuild, shaped for start-up time:
//
//   dist/cli.cjs        our code and commander, one CommonJS module that bin/delegate.cjs
//                       requires. Commands are still loaded lazily (each `await import()` in src
//                       becomes a module initialised on first use), but nothing goes through
//                       Node's ESM loader, which costs about a millisecond per file and reads
//                       each one asynchronously.
//   dist/islands/*.cjs  our modules that need the Markdown libraries (marked, marked-terminal,
//                       chalk), built separately so that their 200 kB are read only when a page
//                       is rendered afresh, not at every start.
//   dist/vendor/*.cjs   the prompt library and the full YAML parser, likewise on first use.
//   dist/content-manifest.json   the bundled pages, parsed at build time.
//
//   dist/code-cache.cjs  what bin/delegate.cjs loads cli.cjs with: V8's code for it is kept in
//                       the cache folder, per command, after the command's first run
//                       (src/startup/codeCache.ts). The build keeps none.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
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

/**
 * Our modules that import the Markdown libraries, and the one that imports jsdiff (used only to
 * draft an amendment); the core requires them from islands/.
 */
const islands = ['src/render/markdownTerminal.ts', 'src/render/plainText.ts', 'src/render/cheatsheetHtml.ts', 'src/motion/wordDiff.ts'];
/**
 * Our modules that read PDF and Word files, islands too, read only when such a file is. mammoth
 * is bundled into its island (one file to read: about 40% less start-up than its hundred modules
 * from node_modules). pdfjs-dist is not: it is an ES module that loads its worker from beside
 * itself, so it is imported from node_modules (a dependency, installed with delegate).
 */
const documentIslands = ['src/motion/pdfText.ts', 'src/motion/docxText.ts'];
const documentLibraries = ['pdfjs-dist'];
const islandName = (path) => path.replace(/^.*\/|\.[jt]s$/g, '');
/**
 * The motion workbench's domain logic (src/motion/), an island of its own: every import of it
 * from outside src/motion is sent to its entry, src/motion/island.ts, built as islands/motion.cjs.
 * It holds its own copy of what it imports from the rest of src/ (errors.ts, two small helpers):
 * UserError is told by a mark, not by its class (src/errors.ts).
 */
const motionDir = join(root, 'src', 'motion') + sep;
const motionIsland = {
  name: 'motion-island',
  setup(b) {
    b.onResolve({ filter: /\/motion\/[^/]+\.js$/ }, (args) => {
      if (args.importer.startsWith(motionDir) || !resolve(dirname(args.importer), args.path).startsWith(motionDir)) return undefined;
      return { path: './islands/motion.cjs', external: true };
    });
  },
};

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
// better-sqlite3's JavaScript, for search on Node before 24 (src/search/engines/betterSqlite3.ts
// requires it from here on first use). An optional dependency: a build without it leaves it out,
// and search then says how to install it.
const betterSqlite3 = (() => {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
})();

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const splitOut = {
  name: 'islands-and-vendors',
  setup(b) {
    const vendorFilter = new RegExp(`^(${Object.keys(vendors).map(escape).join('|')})$`);
    b.onResolve({ filter: vendorFilter }, (args) => ({ path: `./vendor/${vendors[args.path].file}.cjs`, external: true }));
    const islandFilter = new RegExp(`/(${[...islands, ...documentIslands].map(islandName).join('|')})\\.js$`);
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

const moduleUrl = "var __delegateModule = { get url() { return require('node:url').pathToFileURL(__filename).href; } };";
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.17',
  // node-pty is for tests only. better-sqlite3's addon is loaded from node_modules at run time.
  external: ['node-pty'],
  // The handbook has no code to colour and marked-terminal runs without emoji.
  alias: { 'cli-highlight': stub('cli-highlight.mjs'), 'node-emoji': stub('node-emoji.mjs') },
  outExtension: { '.js': '.cjs' },
  // `await import()` of islands and vendors becomes require(): no ESM loader. Node 20 reads
  // \p{…} in regular expression literals; lowered to `new RegExp()`, a pattern inside a
  // function would be parsed again at every call.
  supported: { 'dynamic-import': false, 'regexp-unicode-property-escapes': true },
  legalComments: 'none',
  // Comments, spaces and long local names out: less to read and to keep in memory at every
  // start (names out: 400 kB of core became 287 kB, 150 fewer pages of memory for a search).
  // Stack traces still give the file, line and column; `node scripts/build.mjs --sourcemap`
  // writes maps beside the files to read them with.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  sourcemap: process.argv.includes('--sourcemap') ? 'external' : false,
  logLevel: 'warning',
  define: {
    __DELEGATE_VERSION__: JSON.stringify(version),
    __DELEGATE_BUILD__: JSON.stringify(buildId),
    __BETTER_SQLITE3_VERSION__: JSON.stringify(betterSqlite3),
    'import.meta.url': '__delegateModule.url',
  },
  // "use strict" first: esbuild writes it below the banner, where it would no longer count.
  // import.meta.url is worked out only where it is used (a URL costs at every start).
  banner: { js: `"use strict";${moduleUrl}` },
};

const coreBanner = `/*delegate-build:${buildId}*/(function (exports, require, module, __filename, __dirname) {"use strict";${moduleUrl}`;

// Built beside dist/ and swapped in at the end, so a delegate process (or a test) running
// while we build never finds dist/ half written.
const out = `${root}/dist.build-${process.pid}`;
rmSync(out, { recursive: true, force: true });

// The core is written as the function Node would wrap a module in (src/startup/codeCache.ts
// compiles and calls it): wrapped at run time instead, V8 first copies the whole source into
// one string, as much memory again as the file at every start. The build id before it tags
// the V8 code kept of it.
await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: out,
  plugins: [motionIsland, splitOut, lazyChildProcessForCommander],
  banner: { js: coreBanner },
  footer: { js: '})' },
});
// Named entry points: from more than one folder of src/, esbuild would otherwise keep the folders.
await build({ ...common, entryPoints: Object.fromEntries(islands.map((path) => [islandName(path), path])), outdir: `${out}/islands` });
// The motion island reads its own islands (the word diff, PDF and Word text) from beside it.
const besideMotion = {
  name: 'islands-beside-motion',
  setup(b) {
    const filter = new RegExp(`/(${['src/motion/wordDiff.ts', ...documentIslands].map(islandName).join('|')})\\.js$`);
    b.onResolve({ filter }, (args) => ({ path: `./${islandName(args.path)}.cjs`, external: true }));
  },
};
// Written as the core is (see below): run with the code its command left (src/startup/codeCache.ts).
await build({ ...common, entryPoints: { motion: 'src/motion/island.ts' }, outdir: `${out}/islands`, plugins: [besideMotion], banner: { js: coreBanner }, footer: { js: '})' } });
const vendorBuilds = [...Object.values(vendors), ...(betterSqlite3 ? [{ file: 'better-sqlite3', source: "module.exports = require('better-sqlite3');" }] : [])];
// import() kept as import() for pdfjs-dist, an ES module, which require() cannot load on Node 20.17.
await build({ ...common, entryPoints: Object.fromEntries(documentIslands.map((path) => [islandName(path), path])), outdir: `${out}/islands`, external: [...common.external, ...documentLibraries], supported: { ...common.supported, 'dynamic-import': true } });
for (const { file, source } of vendorBuilds) {
  await build({ ...common, stdin: { contents: source, resolveDir: root, loader: 'js' }, outfile: `${out}/vendor/${file}.cjs` });
}
// What bin/delegate.cjs loads cli.cjs with, and keeps V8's code for it with.
await build({ ...common, banner: {}, entryPoints: { 'code-cache': 'src/startup/codeCache.ts' }, outdir: out });

// The bundled pages, parsed once now rather than at every start. (An ES module: it uses
// top-level await, and writes beside itself.)
await build({ ...common, format: 'esm', supported: {}, banner: {}, entryPoints: { 'write-manifest': 'src/content/writeManifest.ts' }, outdir: out, outExtension: { '.js': '.mjs' },
  define: { __DELEGATE_VERSION__: common.define.__DELEGATE_VERSION__, __DELEGATE_BUILD__: common.define.__DELEGATE_BUILD__ } });
await import(pathToFileURL(`${out}/write-manifest.mjs`).href);
rmSync(`${out}/write-manifest.mjs`);

const old = `${root}/dist.old-${process.pid}`;
try {
  renameSync(`${root}/dist`, old);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
renameSync(out, `${root}/dist`);
rmSync(old, { recursive: true, force: true });
