import type { Context } from '../context.js';
import { folderProblem } from '../content/contentPathProblems.js';
import { neutralise } from '../render/sanitize.js';
import { printJson } from '../ui/output.js';

interface Row {
  name: string;
  dir: string;
  what: string;
  /** Set for a DELEGATE_PATH folder that gives no pages: "does not exist", "is not a folder". */
  problem?: string;
}

export async function paths(options: { json?: boolean }, ctx: Context): Promise<void> {
  const p = ctx.paths;
  const rows: Row[] = [
    { name: 'bundled', dir: p.bundled, what: 'the handbook shipped with delegate (read-only)' },
    { name: 'notes', dir: p.notes, what: 'your notes and pages (DELEGATE_NOTES_DIR); replaces bundled pages with the same id' },
    ...p.extra.map((dir): Row => {
      const problem = folderProblem(dir);
      return { name: 'path', dir, what: 'from DELEGATE_PATH; replaces earlier pages with the same id', ...(problem ? { problem } : {}) };
    }),
    { name: 'data', dir: p.data, what: 'saved checklist progress' },
    { name: 'cache', dir: p.cache, what: 'the search index (safe to delete)' },
  ];
  if (options.json) {
    const problems = rows.filter((r) => r.problem).map((r) => ({ dir: r.dir, problem: r.problem }));
    printJson({ bundled: p.bundled, notes: p.notes, path: p.extra, data: p.data, cache: p.cache, ...(problems.length ? { problems } : {}) }, ctx);
    return;
  }
  if (!ctx.interactive) {
    // A third field only for a folder that gives no pages, so scripts reading two still work.
    ctx.stdout.write(rows.map((r) => `${r.name}\t${neutralise(r.dir)}${r.problem ? `\t${r.problem}` : ''}\n`).join(''));
    return;
  }
  const { theme } = ctx;
  const says = (r: Row) => (r.problem ? theme.warn(`from DELEGATE_PATH, but it ${r.problem}: no pages come from it`) : theme.dim(r.what));
  ctx.stdout.write(rows.map((r) => `${theme.title(r.name.padEnd(8))}${neutralise(r.dir)}\n${' '.repeat(8)}${says(r)}\n`).join(''));
}
