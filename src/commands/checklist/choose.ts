import type { Checklist } from '../../checklist/checklist.js';
import { DEFAULT_RUN, type Progress } from '../../checklist/progress.js';
import { runStatus, type RunStatus } from '../../checklist/runStatus.js';
import { runLabel } from '../../render/runLabel.js';
import type { Context } from '../../context.js';
import { renderChecklistIndex, type ChecklistRuns } from '../../render/checklistView.js';
import { neutralise } from '../../render/sanitize.js';
import { printJson } from '../../ui/output.js';
import { canPrompt, select, type Choice, type Separator } from '../../ui/prompts.js';
import { tickInteractively } from './interactive.js';
import type { ChecklistOptions } from './open.js';
import { loadAll, openStore, resolveRun } from './shared.js';

/** Every saved run of one checklist, the default run first. */
export function statusesFor(checklist: Checklist, saved: Progress[]): RunStatus[] {
  return saved
    .filter((p) => p.checklist === checklist.id)
    .sort((a, b) => (a.run === DEFAULT_RUN ? -1 : b.run === DEFAULT_RUN ? 1 : a.run < b.run ? -1 : 1))
    .map((p) => runStatus(checklist, p.run, p));
}

/** `delegate checklist` without an id (and `checklist list`): pick one on a terminal, otherwise list them. */
export async function chooseChecklist(options: ChecklistOptions, ctx: Context): Promise<void> {
  const checklists = await loadAll(ctx);
  const run = resolveRun(options.run, ctx);
  const store = openStore(ctx);
  const saved = store.all();
  const rowFor = (checklist: Checklist, from: Progress[] = saved): ChecklistRuns => ({
    checklist,
    runs: [runStatus(checklist, run, from.find((p) => p.checklist === checklist.id && p.run === run))],
  });

  if (options.json) {
    printJson(
      checklists.map((c) => {
        const { runs } = rowFor(c);
        return { id: c.id, title: c.title, when: c.when, summary: c.summary, origin: c.origin, file: c.file, run, done: runs[0]!.done, total: runs[0]!.total };
      }),
      ctx,
    );
    return;
  }
  if (options.list || !canPrompt(ctx)) {
    // The run asked for (or the default run) first, then, unless --run names one, every other
    // run saved for that checklist.
    const rows = checklists.map((c) => {
      const row = rowFor(c);
      if (!options.run) row.runs.push(...statusesFor(c, saved).filter((status) => status.run !== run));
      return row;
    });
    ctx.stdout.write(renderChecklistIndex(rows, ctx.theme, ctx.interactive));
    if (ctx.interactive) ctx.stdout.write(ctx.theme.dim('\nOpen one with: delegate checklist <id>\n'));
    return;
  }

  type Pick = { checklist: Checklist; run: string } | 'quit';
  for (let first = true; ; first = false) {
    // Read afresh after each checklist: its ticks have changed.
    const current = first ? saved : store.all();
    const choices: Array<Choice<Pick> | Separator> = [];
    for (const checklist of checklists) {
      const runs = options.run ? rowFor(checklist, current).runs : statusesFor(checklist, current);
      // The default run is always on offer; other runs once they have been started.
      if (!runs.some((status) => status.run === run)) runs.unshift(runStatus(checklist, run, undefined));
      for (const status of runs) {
        choices.push({
          name: `${neutralise(checklist.title)}${runLabel(status.run)}  ${status.done}/${status.total}`,
          value: { checklist, run: status.run },
          description: neutralise(checklist.summary || checklist.when),
        });
      }
    }
    choices.push({ separator: ' ' }, { name: options.fromMenu ? '← Back' : 'Quit', value: 'quit' });
    const choice = await select<Pick>(ctx, 'Which checklist?', choices);
    if (choice === 'quit') return;
    await tickInteractively(choice.checklist, choice.run, store, ctx);
  }
}
