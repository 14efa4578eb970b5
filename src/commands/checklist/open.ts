import type { Checklist } from '../../checklist/checklist.js';
import type { ProgressStore } from '../../checklist/progress.js';
import { runStatus } from '../../checklist/runStatus.js';
import { runOption } from '../../render/runLabel.js';
import type { Context } from '../../context.js';
import { usageError } from '../../errors.js';
import { checklistToJson, renderChecklistMarkdown, renderChecklistText } from '../../render/checklistView.js';
import { printJson, printPaged } from '../../ui/output.js';
import { canPrompt } from '../../ui/prompts.js';
import { applyTicks, resetRun, type Say } from './change.js';
import { chooseChecklist } from './choose.js';
import { tickInteractively } from './interactive.js';
import { loadAll, openStore, pageTitles, pick, resolveRun } from './shared.js';

export interface ChecklistOptions {
  id?: string;
  run?: string;
  list?: boolean;
  json?: boolean;
  check?: string[];
  uncheck?: string[];
  reset?: boolean;
  yes?: boolean;
  format?: 'text' | 'markdown';
  /** Opened from the home menu: the picker's last choice goes back to it. */
  fromMenu?: boolean;
}

/** What `delegate checklist <id>` shows once any changes are saved. */
type Show = 'json' | 'markdown' | 'text' | 'nothing' | 'prompt' | 'text-with-hint';

function whatToShow(options: ChecklistOptions, changed: boolean, ctx: Context): Show {
  if (options.json) return 'json';
  if (options.format === 'markdown') return 'markdown';
  if (options.format === 'text' || options.list) return 'text';
  if (changed) return 'nothing'; // the confirmations said it all
  return canPrompt(ctx) ? 'prompt' : 'text-with-hint';
}

function checkUsage(options: ChecklistOptions, changing: boolean): void {
  if (options.json && options.format) throw usageError('--json and --format cannot be used together', 'Use --json for scripts, or --format markdown to share.');
  if (options.reset && changing) throw usageError('--reset cannot be combined with --check or --uncheck', 'Clear the run with --reset first, then tick items.');
  if (!options.id && (changing || options.reset || options.format)) {
    throw usageError('say which checklist', 'For example: delegate checklist compositing-meeting --check 1\nSee them all with: delegate checklist --list');
  }
}

/**
 * `delegate checklist [id]`: pick and tick on a terminal; otherwise list, tick with --check and
 * --uncheck, clear with --reset, print with --list, --format or --json. Never waits for keys
 * without a terminal.
 */
export async function checklistCommand(options: ChecklistOptions, ctx: Context): Promise<void> {
  const ticks = { check: options.check ?? [], uncheck: options.uncheck ?? [] };
  const changing = ticks.check.length > 0 || ticks.uncheck.length > 0;
  checkUsage(options, changing);
  if (!options.id) return chooseChecklist(options, ctx);

  const checklist = pick(await loadAll(ctx), options.id);
  const run = resolveRun(options.run, ctx);
  const store = openStore(ctx);
  const show = whatToShow(options, changing || !!options.reset, ctx);
  // Confirmations go to stderr when stdout carries a listing.
  const say: Say = (line) => (show === 'json' || show === 'markdown' || show === 'text' ? ctx.stderr : ctx.stdout).write(`${line}\n`);

  if (options.reset && !(await resetRun(checklist, run, store, options.yes ?? false, ctx, say))) return;
  if (changing) applyTicks(checklist, run, store, ticks, ctx, say);
  await showRun(checklist, run, store, show, options, ctx);
}

async function showRun(checklist: Checklist, run: string, store: ProgressStore, show: Show, options: ChecklistOptions, ctx: Context): Promise<void> {
  if (show === 'nothing') return;
  if (show === 'prompt') return tickInteractively(checklist, run, store, ctx);
  const progress = store.read(checklist.id, run);
  const status = runStatus(checklist, run, progress);
  if (show === 'json') return printJson(checklistToJson(checklist, status, progress), ctx);
  if (show === 'markdown') {
    ctx.stdout.write(renderChecklistMarkdown(checklist, status, await pageTitles(ctx)));
    return;
  }
  if (show === 'text') return printPaged(renderChecklistText(checklist, status, ctx.theme, ctx.width), ctx);
  ctx.stdout.write(renderChecklistText(checklist, status, ctx.theme, ctx.width));
  const example = checklist.items.find((item) => !status.ticked.has(item.id)) ?? checklist.items[0]!;
  const hint = `\nTick an item (by id or number) with:\n  delegate checklist ${checklist.id}${runOption(run, !!options.run)} --check ${example.id}\n`;
  (ctx.interactive ? ctx.stdout : ctx.stderr).write(ctx.theme.dim(hint));
}
