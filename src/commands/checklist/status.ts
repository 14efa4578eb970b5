import type { Context } from '../../context.js';
import { renderChecklistStatus, type ChecklistRuns, type OrphanRun } from '../../render/checklistView.js';
import { printJson } from '../../ui/output.js';
import { statusesFor } from './choose.js';
import { loadAll, openStore } from './shared.js';

/** `delegate checklist status`: every saved run's progress, with a bar each. */
export async function checklistStatus(options: { json?: boolean }, ctx: Context): Promise<void> {
  const checklists = await loadAll(ctx);
  const saved = openStore(ctx).all();
  const known = new Map(checklists.map((c) => [c.id, c]));
  const rows: ChecklistRuns[] = checklists.map((checklist) => ({ checklist, runs: statusesFor(checklist, saved) }));
  const orphans: OrphanRun[] = saved.filter((p) => !known.has(p.checklist)).map((p) => ({ checklist: p.checklist, run: p.run, ticks: Object.keys(p.ticked).length }));
  if (options.json) {
    printJson(
      {
        checklists: rows.map(({ checklist, runs }) => ({
          id: checklist.id,
          title: checklist.title,
          total: checklist.items.length,
          runs: runs.map((s) => ({ run: s.run, done: s.done, total: s.total, updated: s.updated ?? null })),
        })),
        orphans,
      },
      ctx,
    );
    return;
  }
  ctx.stdout.write(renderChecklistStatus(rows, orphans, ctx.theme, ctx.width));
  if (saved.length === 0) ctx.stdout.write(ctx.theme.dim('\nNothing ticked yet. Start one with: delegate checklist <id>\n'));
}
