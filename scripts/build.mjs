// Bundle src/ into dist/ with esbuild: one small entry, and a chunk per lazily loaded command,
// so `delegate --version` loads no Markdown renderer and `delegate read` no prompt library.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// `npm install -g .` runs this (as "prepare") before it installs devDependencies.
let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  if (existsSync(`${root}/dist/cli.js`)) {
    console.warn('build: esbuild is not installed here; keeping the existing dist/.');
    process.exit(0);
  }
  console.error('build: esbuild is not installed. Run `npm install` in this folder first, then try again.');
  process.exit(1);
}
const stub = (name) => fileURLToPath(new URL(`./stubs/${name}.mjs`, import.meta.url));

const version = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')).version;

const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: stub('lazy-child-process').replace(/\.mjs$/, '.cjs') } : undefined,
    );
  },
};

// Built beside dist/ and swapped in at the end, so a delegate process (or a test) running
// while we build never finds dist/ half written.
const out = `dist.build-${process.pid}`;
rmSync(`${root}/${out}`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', 'write-manifest': 'src/content/writeManifest.ts' },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.17',
  // Native addon: loaded from node_modules at run time.
  external: ['better-sqlite3', 'node-pty'],
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
await import(pathToFileURL(`${root}/${out}/write-manifest.js`).href);
rmSync(`${root}/${out}/write-manifest.js`);

const old = `dist.old-${process.pid}`;
try {
  renameSync(`${root}/dist`, `${root}/${old}`);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
renameSync(`${root}/${out}`, `${root}/dist`);
rmSync(`${root}/${old}`, { recursive: true, force: true });
