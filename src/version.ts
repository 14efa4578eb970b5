import { readFileSync } from 'node:fs';

// NOTE: the build replaces this with the version from package.json; tests read the file.
declare const __DELEGATE_VERSION__: string | undefined;
declare const __DELEGATE_BUILD__: string | undefined;

/** The package version. */
export function version(): string {
  if (typeof __DELEGATE_VERSION__ === 'string') return __DELEGATE_VERSION__;
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Changes with every build, so caches of rendered output never outlive the renderer. */
export function buildId(): string {
  return typeof __DELEGATE_BUILD__ === 'string' ? __DELEGATE_BUILD__ : `dev-${version()}`;
}
