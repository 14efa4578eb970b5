import { join } from 'node:path';
import type { Checklist } from '../../checklist/checklist.js';
import { findChecklist } from '../../checklist/findChecklist.js';
import { loadChecklists } from '../../checklist/loadChecklists.js';
import { DEFAULT_RUN, ProgressStore, runName } from '../../checklist/progress.js';
import { formatWarning } from '../../content/loadPages.js';
import type { Context } from '../../context.js';
import { UserError, usageError } from '../../errors.js';
import type { PageTitles } from '../../render/checklistView.js';
import { runRenamed } from '../../render/runLabel.js';
import { neutralise } from '../../render/sanitize.js';
import { warnAboutContentPaths } from '../../ui/contentPathWarnings.js';
import { loadHandbook } from '../loadHandbook.js';
import { warn } from '../../ui/warn.js';

/** What the checklist commands share: loading, the progress store, runs, and finding one. */

export async function loadAll(ctx: Context): Promise<Checklist[]> {
  warnAboutContentPaths(ctx);
  const { checklists, warnings } = await loadChecklists(ctx.paths);
  for (const warning of warnings) warn(ctx, formatWarning(warning));
  return checklists;
}

export function openStore(ctx: Context): ProgressStore {
  return new ProgressStore({
    dir: join(ctx.paths.data, 'progress'),
    now: ctx.now,
    warn: (message) => warn(ctx, message),
  });
}

export function resolveRun(input: string | undefined, ctx: Context): string {
  if (input === undefined) return DEFAULT_RUN;
  const run = runName(input);
  if (!run) throw usageError(`the run name "${neutralise(input)}" has no letters or digits`, 'Name the run after the meeting, e.g. --run economy');
  if (run !== input) ctx.stderr.write(`${ctx.theme.dim(runRenamed(input, run))}\n`);
  return run;
}

export function pick(checklists: Checklist[], query: string): Checklist {
  const result = findChecklist(checklists, query);
  if (result.found) return result.found;
  const list = result.suggestions.map((id) => `  delegate checklist ${id}`).join('\n');
  throw new UserError(`no checklist called "${neutralise(query)}"`, {
    hint: list ? `Did you mean:\n${list}` : `The checklists are: ${checklists.map((c) => c.id).join(', ')}`,
  });
}

export async function pageTitles(ctx: Context): Promise<PageTitles> {
  const { pages } = await loadHandbook(ctx);
  return new Map(pages.map((p) => [p.id, p.title]));
}
