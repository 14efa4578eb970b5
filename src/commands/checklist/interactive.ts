import type { Checklist } from '../../checklist/checklist.js';
import type { ProgressStore } from '../../checklist/progress.js';
import { initialTicks, runStatus } from '../../checklist/runStatus.js';
import { runLabel } from '../../render/runLabel.js';
import type { Context } from '../../context.js';
import { renderItemExplanation } from '../../render/checklistView.js';
import { neutralise } from '../../render/sanitize.js';
import { pageTitles } from './shared.js';

/** The interactive prompt over one run; returns when the delegate presses q. */
export async function tickInteractively(checklist: Checklist, run: string, store: ProgressStore, ctx: Context): Promise<void> {
  const titles = await pageTitles(ctx);
  const { theme } = ctx;
  const explanationWidth = Math.max(20, ctx.width - 4);
  const items = checklist.items.map((item) => ({
    id: item.id,
    text: neutralise(item.text),
    explanation: renderItemExplanation(item, titles, explanationWidth, theme)
      .split('\n')
      .map((line) => (line ? `    ${line}` : line))
      .join('\n'),
  }));
  // The list gets what the screen has left once the tallest explanation is shown.
  const tallest = Math.max(0, ...items.map((item) => item.explanation.split('\n').length));
  const rows = ctx.stdout.rows ?? 24;
  // At least a few items, and at most what leaves the title, a line of explanation and the help.
  const pageSize = Math.max(3, Math.min(40, rows - tallest - 5, rows - 7));
  const initial = initialTicks(checklist);
  const { tickChecklist } = await import('../../ui/checklistPrompt.js');
  await tickChecklist(ctx, {
    title: `${neutralise(checklist.title)}${runLabel(run)}`,
    items,
    ticked: runStatus(checklist, run, store.read(checklist.id, run)).ticked,
    onToggle: (id, ticked) => {
      const saved = store.update(
        checklist.id,
        run,
        (saved, now) => {
          if (ticked) saved[id] ??= now;
          else delete saved[id];
        },
        initial,
      );
      return runStatus(checklist, run, saved).ticked;
    },
    theme,
    width: ctx.width,
    pageSize,
    rows,
  });
}
