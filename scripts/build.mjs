// Bundle src/ into dist/ with esbuild: one small entry, and a chunk per lazily loaded command,
// so `delegate --version` loads no Markdown renderer and `delegate read` no prompt library.
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stub = (name) => fileURLToPath(new URL(`./stubs/${name}.mjs`, import.meta.url));

// A command module declared in program.ts but not written yet is left out with a warning, so
// work on one command never blocks building the others. Tests of that command still fail.
const declared = [...readFileSync(`${root}/src/program.ts`, 'utf8').matchAll(/import\('(\.\/commands\/[\w-]+)\.js'\)/g)].map((m) => m[1]);
const missing = [...new Set(declared)].filter((m) => !existsSync(`${root}/src/${m.slice(2)}.ts`)).map((m) => `${m}.js`);
if (missing.length) console.warn(`build: not written yet, left out: ${missing.join(', ')}`);

const version = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')).version;

const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: stub('lazy-child-process').replace(/\.mjs$/, '.cjs') } : undefined,
    );
  },
};

rmSync(`${root}/dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', 'write-manifest': 'src/content/writeManifest.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.17',
  // Native addon: loaded from node_modules at run time.
  external: ['better-sqlite3', 'node-pty', ...missing],
  alias: { 'cli-highlight': stub('cli-highlight'), 'node-emoji': stub('node-emoji') },
  // CommonJS dependencies call require() for Node built-ins; give the ESM bundle one.
  banner: { js: "import { createRequire as __delegateRequire } from 'node:module'; const require = __delegateRequire(import.meta.url);" },
  chunkNames: '[name]-[hash]',
  legalComments: 'none',
  define: { __DELEGATE_VERSION__: JSON.stringify(version), __DELEGATE_BUILD__: JSON.stringify(`${version}+${Date.now().toString(36)}`) },
  plugins: [lazyChildProcessForCommander],
  logLevel: 'warning',
  metafile: false,
});

// The bundled pages, parsed once now rather than at every start.
await import(pathToFileURL(`${root}/dist/write-manifest.js`).href);
rmSync(`${root}/dist/write-manifest.js`);
