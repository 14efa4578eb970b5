import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where everything lives. Computed from the environment passed in, never from globals. */
export interface Paths {
  /** The bundled, read-only handbook shipped with the package. */
  bundled: string;
  /** The delegate's own pages and notes (the personal content path). */
  notes: string;
  /** Extra content directories from DELEGATE_PATH, in order. */
  extra: string[];
  /** Saved state: checklist progress. */
  data: string;
  /** Rebuildable files: the search index. */
  cache: string;
  /** Editable configuration (reserved). */
  config: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

// NOTE: dist/cli.cjs sits one level below the package root, as does src/ in tests. Bundled,
// __dirname is dist/ (no URL to parse at every start); as an ES module, in tests, the module's
// own URL says where it is.
const packageRoot = typeof __dirname === 'string' ? dirname(__dirname) : fileURLToPath(new URL('..', import.meta.url));

export function bundledContentDir(): string {
  return join(packageRoot, 'content');
}

/** The bundled pages parsed at build time (see content/manifest.ts). */
export function bundledManifestFile(): string {
  return join(packageRoot, 'dist', 'content-manifest.json');
}

function xdg(env: Env, name: string, fallback: string): string {
  const value = env[name];
  // The XDG spec says relative paths are invalid and must be ignored.
  if (value && value.startsWith('/')) return value;
  return join(env.HOME || homedir(), fallback);
}

export function resolvePaths(env: Env): Paths {
  const data = join(xdg(env, 'XDG_DATA_HOME', '.local/share'), 'delegate');
  return {
    bundled: bundledContentDir(),
    notes: env.DELEGATE_NOTES_DIR ? resolve(env.DELEGATE_NOTES_DIR) : join(data, 'notes'),
    extra: (env.DELEGATE_PATH ?? '')
      .split(':')
      .filter((p) => p.trim() !== '')
      .map((p) => resolve(p)),
    data,
    cache: join(xdg(env, 'XDG_CACHE_HOME', '.cache'), 'delegate'),
    config: join(xdg(env, 'XDG_CONFIG_HOME', '.config'), 'delegate'),
  };
}
