import { dirname, join, posix, win32 } from 'node:path';
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

/** The platforms whose conventions delegate follows; any other is taken as Linux. */
export type Platform = NodeJS.Platform;

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

/**
 * The user's home folder, asked of the system only when the environment does not say (HOME, or
 * USERPROFILE on Windows): node:os is not loaded otherwise (0.3 to 0.4 ms at every start).
 */
function homedir(): string {
  return process.getBuiltinModule('node:os').homedir();
}

/** Where data, cache and config folders go on `platform`, as env-paths (sindresorhus) puts them. */
function platformFolders(env: Env, platform: Platform): { data: string; cache: string; config: string } {
  if (platform === 'win32') {
    const home = env.USERPROFILE || homedir();
    const appData = env.APPDATA || win32.join(home, 'AppData', 'Roaming');
    const localAppData = env.LOCALAPPDATA || win32.join(home, 'AppData', 'Local');
    return {
      data: win32.join(localAppData, 'delegate', 'Data'),
      cache: win32.join(localAppData, 'delegate', 'Cache'),
      config: win32.join(appData, 'delegate', 'Config'),
    };
  }
  const home = env.HOME || homedir();
  if (platform === 'darwin') {
    const library = posix.join(home, 'Library');
    return {
      data: posix.join(library, 'Application Support', 'delegate'),
      cache: posix.join(library, 'Caches', 'delegate'),
      config: posix.join(library, 'Preferences', 'delegate'),
    };
  }
  // The XDG spec says relative paths are invalid and must be ignored.
  const xdg = (name: string, fallback: string) => {
    const value = env[name];
    return value && value.startsWith('/') ? value : posix.join(home, fallback);
  };
  return {
    data: posix.join(xdg('XDG_DATA_HOME', '.local/share'), 'delegate'),
    cache: posix.join(xdg('XDG_CACHE_HOME', '.cache'), 'delegate'),
    config: posix.join(xdg('XDG_CONFIG_HOME', '.config'), 'delegate'),
  };
}

/** The cache folder alone (what dist/code-cache.cjs needs before the bundle runs). */
export function cacheFolder(env: Env, platform: Platform = process.platform): string {
  return platformFolders(env, platform).cache;
}

/**
 * Every folder delegate uses, for `platform` (process.platform by default): data, cache and
 * config where the platform keeps them (XDG on Linux, ~/Library on macOS, %LOCALAPPDATA% and
 * %APPDATA% on Windows), written as that platform writes paths. DELEGATE_PATH is split at the
 * platform's delimiter (; on Windows, : elsewhere).
 */
export function resolvePaths(env: Env, platform: Platform = process.platform): Paths {
  const path = platform === 'win32' ? win32 : posix;
  const { data, cache, config } = platformFolders(env, platform);
  return {
    bundled: bundledContentDir(),
    notes: env.DELEGATE_NOTES_DIR ? path.resolve(env.DELEGATE_NOTES_DIR) : path.join(data, 'notes'),
    extra: (env.DELEGATE_PATH ?? '')
      .split(path.delimiter)
      .filter((p) => p.trim() !== '')
      .map((p) => path.resolve(p)),
    data,
    cache,
    config,
  };
}
