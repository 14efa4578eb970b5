import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { writeFileAtomicSync } from '../util/writeFileAtomic.js';
import { buildId } from '../version.js';
import { ensureDir } from '../util/ensureDir.js';

// FNV-1a, 32-bit twice over: enough to tell renderings apart, and no crypto module to load.
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(36) + b.toString(36);
}

const MAGIC = 'delegate-rendered';

/** The cached file: a header line naming the build and the text's checksum, then the text. */
function withHeader(text: string): string {
  return `${MAGIC} ${buildId()} ${text.length} ${hash(text)}\n${text}`;
}

/** The text of a cached file, or undefined when it is damaged or from another build. */
function fromCache(file: string): string | undefined {
  const stored = readFileSync(file, 'utf8');
  const newline = stored.indexOf('\n');
  if (newline === -1) return undefined;
  const text = stored.slice(newline + 1);
  return stored.slice(0, newline) === `${MAGIC} ${buildId()} ${text.length} ${hash(text)}` ? text : undefined;
}

/**
 * Rendered pages kept in the cache folder, as man keeps formatted pages: the key covers the
 * page file's size and time, the width, colour, and the delegate version, so any change renders
 * afresh. NOTE: what is read back is checked against its header (build and checksum); a file
 * cut short, emptied or overwritten is rendered afresh and replaced, never shown. A cache that
 * cannot be read or written is simply not used.
 */
export async function cachedRender(ctx: Context, name: string, parts: unknown[], render: () => Promise<string>): Promise<string> {
  // One file per page and display (width, colour): a newer rendering replaces only its own kind.
  const display = `${ctx.width}${ctx.theme.color ? 'c' : 'p'}${ctx.interactive ? 't' : ''}${ctx.theme.hyperlinks ? 'h' : ''}${ctx.theme.background?.[0] ?? ''}`;
  const safeName = `${name.replace(/[^a-z0-9-]/gi, '_').slice(0, 60)}-${display}`;
  const key = `${safeName}.${hash(JSON.stringify([buildId(), ...parts]))}.txt`;
  const dir = join(ctx.paths.cache, 'rendered');
  const file = join(dir, key);
  try {
    const cached = fromCache(file);
    if (cached !== undefined) return cached;
  } catch {
    // not cached yet
  }
  const text = await render();
  try {
    ensureDir(dir);
    for (const old of readdirSync(dir)) if (old.startsWith(`${safeName}.`) && old !== key) rmSync(join(dir, old), { force: true });
    writeFileAtomicSync(file, withHeader(text));
  } catch {
    // a read-only or full cache folder costs speed, never the page
  }
  return text;
}
