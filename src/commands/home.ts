import type { Context } from '../context.js';
import type { Page, PageKind } from '../content/page.js';
import { closest } from '../util/distance.js';
import { usageError } from '../errors.js';
import { canPrompt, select, type Choice, type Separator } from '../ui/prompts.js';
import { printPaged } from '../ui/output.js';
import { neutralise } from '../render/sanitize.js';
import { loadHandbook } from './loadHandbook.js';

export interface HomeOptions {
  command?: string;
  help: () => string;
  commands: string[];
}

type MenuChoice = { kind: PageKind } | { run: 'cheatsheet' | 'search' | 'checklists' | 'motion' | 'quit' };

/** `delegate` alone: the home menu on a terminal; an overview and the help anywhere else. */
export async function home(options: HomeOptions, ctx: Context): Promise<void> {
  if (options.command) {
    const near = closest(options.command, options.commands, 1)[0];
    throw usageError(`unknown command "${options.command}"`, near ? `Did you mean: delegate ${near}` : 'See: delegate --help');
  }
  if (!canPrompt(ctx)) {
    ctx.stdout.write(`delegate: a handbook for conference delegates, in the terminal.\n\n${options.help()}`);
    return;
  }
  const { pages } = await loadHandbook(ctx);
  const count = (kind: PageKind) => pages.filter((p) => p.kind === kind).length;
  for (;;) {
    const items: Array<Choice<MenuChoice> | Separator> = [
      { name: `Lessons from the compositing meeting (${count('lesson')})`, value: { kind: 'lesson' }, description: 'What one delegate learned the hard way' },
      { name: 'Procedure cheat sheet', value: { run: 'cheatsheet' }, description: 'Motions, amendments, reference back and card votes on one page' },
      { name: `Procedure pages (${count('procedure')})`, value: { kind: 'procedure' }, description: 'The CAC, compositing, amendments, voting, rule changes, glossary' },
      { name: `Conference notes (${count('note')})`, value: { kind: 'note' }, description: 'Dated notes from the 2017 conference, and your own notes' },
      { name: 'Search', value: { run: 'search' }, description: 'Search the handbook and your notes as you type' },
      { name: 'Checklists', value: { run: 'checklists' }, description: 'Prepare a motion, an amendment or a compositing meeting; ticks are saved' },
      { name: 'Motion workbench', value: { run: 'motion' }, description: 'Check a motion, compare motions, see which of your words survived' },
      { separator: ' ' },
      { name: 'Quit', value: { run: 'quit' } },
    ];
    const choice = await select<MenuChoice>(ctx, 'What do you need?', items);
    if ('run' in choice) {
      if (choice.run === 'quit') return;
      await runTool(choice.run, ctx);
      continue;
    }
    // Leaving a page comes back to the list it was opened from, on the page just read.
    let last: Page | undefined;
    for (;;) {
      const page = await pickPage(ctx, pages.filter((p) => p.kind === choice.kind), last);
      if (!page) break;
      const { renderPage } = await import('./renderPage.js');
      await printPaged(renderPage(page, ctx), ctx);
      last = page;
    }
  }
}

async function runTool(tool: 'cheatsheet' | 'search' | 'checklists' | 'motion', ctx: Context): Promise<void> {
  switch (tool) {
    case 'cheatsheet': {
      const { cheatsheet } = await import('./cheatsheet.js');
      return cheatsheet({}, ctx);
    }
    case 'search': {
      const { search } = await import('./search.js');
      return search({ query: '' }, ctx);
    }
    case 'checklists': {
      const { checklistCommand } = await import('./checklist/index.js');
      return checklistCommand({ fromMenu: true }, ctx);
    }
    case 'motion': {
      const { motionWorkbench } = await import('./motionWorkbench.js');
      return motionWorkbench(ctx);
    }
  }
}

async function pickPage(ctx: Context, pages: Page[], last: Page | undefined): Promise<Page | undefined> {
  const back = { name: '← Back', value: undefined };
  return select<Page | undefined>(
    ctx,
    'Which page?',
    [...pages.map((p) => ({ name: neutralise(p.title), value: p, ...(p.summary ? { description: neutralise(p.summary) } : {}) })), { separator: ' ' }, back],
    last ? { default: last } : {},
  );
}
