import type { Checklist } from '../../checklist/checklist.js';
import { findItem, nearItems } from '../../checklist/findChecklist.js';
import type { ProgressStore } from '../../checklist/progress.js';
import { initialTicks, runStatus } from '../../checklist/runStatus.js';
import { runLabel, runOption } from '../../render/runLabel.js';
import type { Context } from '../../context.js';
import { UserError, usageError } from '../../errors.js';
import { neutralise } from '../../render/sanitize.js';
import { canPrompt, confirm } from '../../ui/prompts.js';
import { plural } from '../../util/plural.js';

/** Says one line of confirmation (to stdout, or stderr when stdout carries a listing). */
export type Say = (line: string) => void;

/** --check and --uncheck: each item by id or number, saved in one locked update. */
export function applyTicks(checklist: Checklist, run: string, store: ProgressStore, ticks: { check: string[]; uncheck: string[] }, ctx: Context, say: Say): void {
  const resolve = (query: string) => {
    const item = findItem(checklist, query);
    if (item) return item;
    const near = nearItems(checklist, query);
    throw new UserError(`"${neutralise(query)}" is not an item on the checklist "${checklist.id}"`, {
      hint: `${near.length ? `Did you mean: ${near.join(', ')}\n` : ''}Give an item id or a number from 1 to ${checklist.items.length}. The ids are:\n${checklist.items
        .map((item, index) => `  ${String(index + 1).padStart(2)}  ${item.id}`)
        .join('\n')}`,
    });
  };
  const toTick = ticks.check.map(resolve);
  const toUntick = ticks.uncheck.map(resolve);
  const both = toTick.find((item) => toUntick.includes(item));
  if (both) throw usageError(`"${both.id}" is given to both --check and --uncheck`, 'Give each item to one of them.');

  const before = new Set<string>();
  const saved = store.update(
    checklist.id,
    run,
    (ticked, now) => {
      for (const id of Object.keys(ticked)) before.add(id);
      for (const item of toTick) ticked[item.id] ??= now;
      for (const item of toUntick) delete ticked[item.id];
    },
    initialTicks(checklist),
  );
  const { theme } = ctx;
  const number = (id: string) => checklist.items.findIndex((item) => item.id === id) + 1;
  for (const item of new Set(toTick)) {
    const text = `${number(item.id)}. ${neutralise(item.text)}`;
    say(before.has(item.id) ? theme.dim(`Already ticked: ${text}`) : `${theme.ok(theme.symbols.done)} Ticked ${text}`);
  }
  for (const item of new Set(toUntick)) {
    const text = `${number(item.id)}. ${neutralise(item.text)}`;
    say(before.has(item.id) ? `${theme.dim(theme.symbols.todo)} Unticked ${text}` : theme.dim(`Was not ticked: ${text}`));
  }
  const status = runStatus(checklist, run, saved);
  say(`${neutralise(checklist.title)}${runLabel(run)}: ${status.done}/${status.total} done.`);
}

/** --reset: asks first on a terminal unless --yes. Returns false when the delegate said no. */
export async function resetRun(checklist: Checklist, run: string, store: ProgressStore, yes: boolean, ctx: Context, say: Say): Promise<boolean> {
  const saved = store.read(checklist.id, run);
  const name = `${neutralise(checklist.title)}${runLabel(run)}`;
  if (!saved) {
    say(`Nothing to clear: ${name} has no saved ticks.`);
    return true;
  }
  const done = runStatus(checklist, run, saved).done;
  if (!yes) {
    if (!canPrompt(ctx)) {
      throw usageError('--reset asks before clearing ticks, and there is no terminal to ask on', `Add --yes to clear them anyway: delegate checklist ${checklist.id}${runOption(run)} --reset --yes`);
    }
    if (!(await confirm(ctx, `Clear ${plural(done, 'tick')} from ${name}?`, false))) {
      say('Nothing cleared.');
      return false;
    }
  }
  store.reset(checklist.id, run);
  say(`Cleared ${plural(done, 'tick')} from ${name}.`);
  return true;
}
