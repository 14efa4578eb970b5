import type { Context } from '../context.js';
import { printJson } from '../ui/output.js';

export async function paths(options: { json?: boolean }, ctx: Context): Promise<void> {
  const p = ctx.paths;
  const rows: Array<[string, string, string]> = [
    ['bundled', p.bundled, 'the handbook shipped with delegate (read-only)'],
    ['notes', p.notes, 'your notes and pages (DELEGATE_NOTES_DIR); replaces bundled pages with the same id'],
    ...p.extra.map((dir): [string, string, string] => ['path', dir, 'from DELEGATE_PATH; replaces earlier pages with the same id']),
    ['data', p.data, 'saved checklist progress'],
    ['cache', p.cache, 'the search index (safe to delete)'],
  ];
  if (options.json) {
    printJson({ bundled: p.bundled, notes: p.notes, path: p.extra, data: p.data, cache: p.cache }, ctx);
    return;
  }
  if (!ctx.interactive) {
    ctx.stdout.write(rows.map(([name, dir]) => `${name}\t${dir}\n`).join(''));
    return;
  }
  const { theme } = ctx;
  ctx.stdout.write(rows.map(([name, dir, what]) => `${theme.title(name.padEnd(8))}${dir}\n${' '.repeat(8)}${theme.dim(what)}\n`).join(''));
}
