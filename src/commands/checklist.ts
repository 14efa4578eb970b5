import { constants, copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Checklist } from '../checklist/checklist.js';
import { findChecklist, findItem } from '../checklist/findChecklist.js';
import { loadChecklists } from '../checklist/loadChecklists.js';
import { ChecklistFormatError, parseChecklist } from '../checklist/parseChecklist.js';
import { DEFAULT_RUN, ProgressStore, runName, type Progress } from '../checklist/progress.js';
import { initialTicks, runStatus, type RunStatus } from '../checklist/runStatus.js';
import { FrontMatterError } from '../content/frontMatter.js';
import { formatWarning } from '../content/loadPages.js';
import type { Context } from '../context.js';
import { UserError, usageError } from '../errors.js';
import {
  checklistToJson,
  renderChecklistIndex,
  renderChecklistMarkdown,
  renderChecklistStatus,
  renderChecklistText,
  renderItemExplanation,
  type ChecklistRuns,
  type OrphanRun,
  type PageTitles,
} from '../render/checklistView.js';
import { neutralise } from '../render/sanitize.js';
import { openInEditor } from '../ui/editor.js';
import { printJson, printPaged } from '../ui/output.js';
import { canPrompt, confirm, select, type Choice, type Separator } from '../ui/prompts.js';
import { closest, editDistance } from '../util/distance.js';
import { loadHandbook } from './loadHandbook.js';
import { ensureDir } from '../util/ensureDir.js';

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
}

async function load(ctx: Context): Promise<Checklist[]> {
  const { checklists, warnings } = await loadChecklists(ctx.paths);
  for (const warning of warnings) ctx.stderr.write(`${ctx.theme.warn('warning:')} ${formatWarning(warning)}\n`);
  return checklists;
}

function openStore(ctx: Context): ProgressStore {
  return new ProgressStore({
    dir: join(ctx.paths.data, 'progress'),
    now: ctx.now,
    warn: (message) => ctx.stderr.write(`${ctx.theme.warn('warning:')} ${message}\n`),
  });
}

function resolveRun(input: string | undefined, ctx: Context): string {
  if (input === undefined) return DEFAULT_RUN;
  const run = runName(input);
  if (!run) throw usageError(`the run name "${neutralise(input)}" has no letters or digits`, 'Name the run after the meeting, e.g. --run economy');
  if (run !== input) ctx.stderr.write(`${ctx.theme.dim(`(run "${neutralise(input)}" is saved as "${run}")`)}\n`);
  return run;
}

function pick(checklists: Checklist[], query: string): Checklist {
  const result = findChecklist(checklists, query);
  if (result.found) return result.found;
  const list = result.suggestions.map((id) => `  delegate checklist ${id}`).join('\n');
  throw new UserError(`no checklist called "${neutralise(query)}"`, {
    hint: list ? `Did you mean:\n${list}` : `The checklists are: ${checklists.map((c) => c.id).join(', ')}`,
  });
}

function runLabel(run: string): string {
  return run === DEFAULT_RUN ? '' : ` (run: ${run})`;
}

async function pageTitles(ctx: Context): Promise<PageTitles> {
  const { pages } = await loadHandbook(ctx);
  return new Map(pages.map((p) => [p.id, p.title]));
}

/**
 * `delegate checklist [id]`: pick and tick on a terminal; otherwise list, tick with --check and
 * --uncheck, clear with --reset, print with --list, --format or --json. Never waits for keys
 * without a terminal.
 */
export async function checklistCommand(options: ChecklistOptions, ctx: Context): Promise<void> {
  const checks = options.check ?? [];
  const unchecks = options.uncheck ?? [];
  const changing = checks.length > 0 || unchecks.length > 0;
  if (options.json && options.format) throw usageError('--json and --format cannot be used together', 'Use --json for scripts, or --format markdown to share.');
  if (options.reset && changing) throw usageError('--reset cannot be combined with --check or --uncheck', 'Clear the run with --reset first, then tick items.');
  if (!options.id) {
    if (changing || options.reset || options.format) {
      throw usageError('say which checklist', 'For example: delegate checklist compositing-meeting --check 1\nSee them all with: delegate checklist --list');
    }
    await checklistIndex(options, ctx);
    return;
  }

  const checklists = await load(ctx);
  const checklist = pick(checklists, options.id);
  const run = resolveRun(options.run, ctx);
  const store = openStore(ctx);
  const printing = !!(options.json || options.format || options.list);
  // Confirmations go to stderr when stdout carries a listing.
  const say = (line: string) => (printing ? ctx.stderr : ctx.stdout).write(`${line}\n`);

  if (options.reset) {
    const cleared = await reset(checklist, run, store, options.yes ?? false, ctx, say);
    if (!cleared || !printing) return;
  }
  if (changing) applyTicks(checklist, run, store, checks, unchecks, ctx, say);

  const progress = store.read(checklist.id, run);
  const status = runStatus(checklist, run, progress);
  if (options.json) {
    printJson(checklistToJson(checklist, status, progress), ctx);
  } else if (options.format === 'markdown') {
    ctx.stdout.write(renderChecklistMarkdown(checklist, status, await pageTitles(ctx)));
  } else if (options.format === 'text' || options.list) {
    await printPaged(renderChecklistText(checklist, status, ctx.theme, ctx.width), ctx);
  } else if (changing || options.reset) {
    // The confirmations said it all.
  } else if (canPrompt(ctx)) {
    await tick(checklist, run, store, ctx);
  } else {
    ctx.stdout.write(renderChecklistText(checklist, status, ctx.theme, ctx.width));
    const example = checklist.items.find((item) => !status.ticked.has(item.id)) ?? checklist.items[0]!;
    const hint = `\nTick an item (by id or number) with:\n  delegate checklist ${checklist.id}${options.run ? ` --run ${run}` : ''} --check ${example.id}\n`;
    (ctx.interactive ? ctx.stdout : ctx.stderr).write(ctx.theme.dim(hint));
  }
}

/** Item ids close to a mistyped one: near the whole id, or near one of its words ("remitt"). */
function nearItems(checklist: Checklist, query: string): string[] {
  const ids = checklist.items.map((item) => item.id);
  const byWord = query.length >= 4 ? ids.filter((id) => id.split('-').some((word) => editDistance(query, word, 2) <= 2)) : [];
  return [...new Set([...closest(query, ids, 2), ...byWord])].slice(0, 3);
}

function applyTicks(
  checklist: Checklist,
  run: string,
  store: ProgressStore,
  checks: string[],
  unchecks: string[],
  ctx: Context,
  say: (line: string) => void,
): void {
  const resolve = (query: string) => {
    const item = findItem(checklist, query);
    if (item) return item;
    const near = nearItems(checklist, query.replace(/^#/, '').toLowerCase());
    throw new UserError(`"${neutralise(query)}" is not an item on the checklist "${checklist.id}"`, {
      hint: `${near.length ? `Did you mean: ${near.join(', ')}\n` : ''}Give an item id or a number from 1 to ${checklist.items.length}. The ids are:\n${checklist.items
        .map((item, index) => `  ${String(index + 1).padStart(2)}  ${item.id}`)
        .join('\n')}`,
    });
  };
  const toTick = checks.map(resolve);
  const toUntick = unchecks.map(resolve);
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

async function reset(checklist: Checklist, run: string, store: ProgressStore, yes: boolean, ctx: Context, say: (line: string) => void): Promise<boolean> {
  const saved = store.read(checklist.id, run);
  const name = `${neutralise(checklist.title)}${runLabel(run)}`;
  if (!saved) {
    say(`Nothing to clear: ${name} has no saved ticks.`);
    return true;
  }
  const done = runStatus(checklist, run, saved).done;
  if (!yes) {
    if (!canPrompt(ctx)) {
      throw usageError('--reset asks before clearing ticks, and there is no terminal to ask on', `Add --yes to clear them anyway: delegate checklist ${checklist.id}${run === DEFAULT_RUN ? '' : ` --run ${run}`} --reset --yes`);
    }
    if (!(await confirm(ctx, `Clear ${done} tick${done === 1 ? '' : 's'} from ${name}?`, false))) {
      say('Nothing cleared.');
      return false;
    }
  }
  store.reset(checklist.id, run);
  say(`Cleared ${done} tick${done === 1 ? '' : 's'} from ${name}.`);
  return true;
}

/** The interactive prompt over one run; returns when the delegate presses q. */
async function tick(checklist: Checklist, run: string, store: ProgressStore, ctx: Context): Promise<void> {
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
  const pageSize = Math.max(3, Math.min(40, (ctx.stdout.rows ?? 24) - tallest - 5));
  const initial = initialTicks(checklist);
  const { tickChecklist } = await import('../ui/checklistPrompt.js');
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
  });
}

function statusesFor(checklist: Checklist, saved: Progress[]): RunStatus[] {
  return saved
    .filter((p) => p.checklist === checklist.id)
    .sort((a, b) => (a.run === DEFAULT_RUN ? -1 : b.run === DEFAULT_RUN ? 1 : a.run < b.run ? -1 : 1))
    .map((p) => runStatus(checklist, p.run, p));
}

/** `delegate checklist` without an id: pick one on a terminal, otherwise list them. */
async function checklistIndex(options: ChecklistOptions, ctx: Context): Promise<void> {
  const checklists = await load(ctx);
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
    ctx.stdout.write(renderChecklistIndex(checklists.map((c) => rowFor(c)), ctx.theme, ctx.interactive));
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
    choices.push({ separator: ' ' }, { name: 'Quit', value: 'quit' });
    const choice = await select<Pick>(ctx, 'Which checklist?', choices);
    if (choice === 'quit') return;
    await tick(choice.checklist, choice.run, store, ctx);
  }
}

/** `delegate checklist status`: every saved run's progress, with a bar each. */
export async function checklistStatus(options: { json?: boolean }, ctx: Context): Promise<void> {
  const checklists = await load(ctx);
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

/**
 * `delegate checklist edit <id>`: copy the checklist into the delegate's own checklists folder
 * (never over a file already there) and open it in their editor. The copy replaces the bundled
 * checklist from then on; ticks stay with every item whose {#id} is kept.
 */
export async function checklistEdit(options: { id: string }, ctx: Context): Promise<void> {
  const checklists = await load(ctx);
  const checklist = pick(checklists, options.id);
  const personal = join(ctx.paths.notes, 'checklists', `${checklist.id}.md`);
  let file = personal;
  if (checklist.origin === 'personal') {
    file = checklist.file;
  } else if (existsSync(personal)) {
    // Either the copy could not be parsed (the warning above says where) and is opened to be
    // fixed, or a DELEGATE_PATH checklist replaces it and edits will not show.
    if (checklist.origin === 'extra') ctx.stderr.write(`${ctx.theme.warn('note:')} ${checklist.file} (from DELEGATE_PATH) is used in place of ${personal}\n`);
  } else {
    try {
      ensureDir(join(ctx.paths.notes, 'checklists'));
      copyFileSync(checklist.file, personal, constants.COPYFILE_EXCL);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new UserError(`cannot copy the checklist to ${personal} (${code})`, { hint: 'Check that your notes folder (delegate paths) is writable.' });
    }
    ctx.stdout.write(`Copied "${neutralise(checklist.title)}" to ${personal}\n`);
  }

  if (!canPrompt(ctx)) {
    ctx.stdout.write(`Edit ${file} in your editor, then run: delegate checklist ${checklist.id}\n`);
    return;
  }
  await openInEditor(file, ctx);
  try {
    const { checklist: edited, warnings } = await parseChecklist(readFileSync(file, 'utf8'), file, 'personal');
    for (const warning of warnings) ctx.stderr.write(`${ctx.theme.warn('warning:')} ${formatWarning(warning)}\n`);
    const kept = edited.items.filter((item) => checklist.items.some((old) => old.id === item.id)).length;
    ctx.stdout.write(`Saved ${file}: ${edited.items.length} items, ${kept} with the same ids as before (their ticks are kept).\n`);
    if (edited.id !== checklist.id) ctx.stdout.write(`Its id is now "${edited.id}": open it with delegate checklist ${edited.id}\n`);
  } catch (error) {
    if (!(error instanceof ChecklistFormatError || error instanceof FrontMatterError)) throw error;
    throw new UserError(`${file}:${error.line}: ${error.message}`, {
      hint: `Until it is fixed your copy is skipped, with a warning, and a bundled checklist with the same id is used. Edit again with: delegate checklist edit ${checklist.id}`,
    });
  }
}
