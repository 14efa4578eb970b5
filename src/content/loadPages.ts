import { readFileSync, statSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { FrontMatterError, splitFrontMatter } from './frontMatter.js';
import { pagesFromManifest } from './manifest.js';
import { listMarkdownFiles } from './pageFiles.js';
import { pageKinds, type ContentPath, type ContentWarning, type Origin, type Page, type PageKind } from './page.js';
import { slugify } from '../util/slug.js';

/** Pages larger than this are not handbook pages; they are skipped with a warning. */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;

export interface LoadedContent {
  pages: Page[];
  warnings: ContentWarning[];
}

function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

function asStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asString).filter((v): v is string => !!v);
  const single = asString(value);
  if (!single) return [];
  return single.split(',').map((s) => s.trim()).filter(Boolean);
}

function firstHeading(body: string): string | undefined {
  const match = /^#{1,2}\s+(.+?)\s*#*\s*$/m.exec(body);
  return match?.[1];
}

/**
 * Parse one page. Bundled pages must carry every field; a delegate's own file may leave out
 * id, title, kind and tags, which are taken from its name and first heading.
 */
export async function parsePage(text: string, file: string, origin: Origin): Promise<Page> {
  if (text.includes('\u0000')) throw new FrontMatterError('this is a binary file, not Markdown', 1);
  const { data, body, bodyLine } = await splitFrontMatter(text);
  const strict = origin === 'bundled';
  const missing = (key: string) => new FrontMatterError(`front matter has no "${key}"`, 1);

  const rawId = asString(data.id);
  if (strict && !rawId) throw missing('id');
  const id = slugify(rawId || basename(file, '.md'));
  if (!id) throw new FrontMatterError('the page id is empty once made safe; give it letters or digits', 1);

  const title = asString(data.title) || firstHeading(body) || basename(file, '.md');
  if (strict && !asString(data.title)) throw missing('title');

  const rawKind = asString(data.kind) ?? (strict ? undefined : 'note');
  if (!rawKind) throw missing('kind');
  if (!(pageKinds as readonly string[]).includes(rawKind)) {
    throw new FrontMatterError(`kind "${rawKind}" is not one of ${pageKinds.join(', ')}`, 1);
  }
  const summary = asString(data.summary) ?? '';
  const sources = asStrings(data.sources);
  if (strict && !summary) throw missing('summary');
  if (strict && sources.length === 0) throw missing('sources');

  const page: Page = {
    id,
    title,
    kind: rawKind as PageKind,
    tags: asStrings(data.tags).map((t) => t.toLowerCase()),
    summary,
    sources,
    body,
    bodyLine,
    file,
    origin,
  };
  const date = asString(data.date);
  if (date) page.date = date;
  const checked = asString(data.checked);
  if (checked) page.checked = checked;
  const created = asString(data.created);
  if (created) page.created = created;
  const author = asString(data.author);
  if (author) page.author = author;
  if (typeof data.order === 'number') page.order = data.order;
  return page;
}

// Plain code-point order: Intl collation costs ~15 ms to start, and titles here are English.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const kindRank: Record<PageKind, number> = { lesson: 0, note: 1, procedure: 2, cheatsheet: 3 };

/** Handbook order: lessons in their order, then notes by date, then procedure by title. */
export function comparePages(a: Page, b: Page): number {
  return (
    kindRank[a.kind] - kindRank[b.kind] ||
    (a.order ?? 999) - (b.order ?? 999) ||
    compareText(a.date ?? '', b.date ?? '') ||
    compareText(a.title.toLowerCase(), b.title.toLowerCase())
  );
}

/**
 * Load every page from the content paths in order; a later page with the same id replaces an
 * earlier one. A file that cannot be read or parsed becomes a warning, never a failure.
 */
export async function loadPages(contentPaths: readonly ContentPath[]): Promise<LoadedContent> {
  const byId = new Map<string, Page>();
  const warnings: ContentWarning[] = [];
  for (const { dir, origin, manifest } of contentPaths) {
    const prepared = manifest ? pagesFromManifest(manifest, dir) : undefined;
    if (prepared) {
      for (const page of prepared) byId.set(page.id, page);
      continue;
    }
    for (const file of listMarkdownFiles(dir)) {
      try {
        const stat = statSync(file);
        const { size, mtimeMs } = stat;
        // A link to a device or a pipe (/dev/zero, a FIFO) would be read forever.
        if (!stat.isFile()) {
          warnings.push({ file, message: 'skipped: not a regular file' });
          continue;
        }
        if (size > MAX_PAGE_BYTES) {
          warnings.push({ file, message: `skipped: ${Math.round(size / 1024)} KiB is too large for a page` });
          continue;
        }
        const page = await parsePage(readFileSync(file, 'utf8'), file, origin);
        page.stamp = `${size}:${mtimeMs}`;
        byId.set(page.id, page);
      } catch (error) {
        if (error instanceof FrontMatterError) {
          warnings.push({ file, line: error.line, message: error.message });
        } else if (error instanceof Error && 'code' in error) {
          warnings.push({ file, message: `cannot be read (${String((error as NodeJS.ErrnoException).code)})` });
        } else {
          throw error;
        }
      }
    }
  }
  return { pages: [...byId.values()].sort(comparePages), warnings };
}

/** "file:line: message", relative to a base when that is shorter. */
export function formatWarning(warning: ContentWarning, base?: string): string {
  const where = base ? relative(base, warning.file) : warning.file;
  const shown = where.startsWith('..') ? warning.file : where;
  return `${shown}${warning.line ? `:${warning.line}` : ''}: ${warning.message}`;
}
