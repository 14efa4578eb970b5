import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, useKeypress, usePagination, useState } from '@inquirer/core';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { wrap } from '../render/wrap.js';
import type { Theme } from '../render/theme.js';
import { canPrompt } from './prompts.js';

export interface ChecklistPromptItem {
  id: string;
  /** The item's text, already made safe for the terminal. */
  text: string;
  /** Shown under the list while the item is highlighted: already wrapped and made safe. */
  explanation: string;
}

export interface ChecklistPromptConfig {
  /** The heading, already made safe for the terminal. */
  title: string;
  items: ChecklistPromptItem[];
  /** Ids ticked when the prompt opens. */
  ticked: ReadonlySet<string>;
  /**
   * Save one tick or untick, and return every id now saved as ticked (another terminal may have
   * ticked some meanwhile). NOTE: called before the screen changes, so what is shown ticked is
   * always saved; a UserError it throws is shown and nothing changes.
   */
  onToggle: (id: string, tick: boolean) => ReadonlySet<string>;
  theme: Theme;
  /** Columns to wrap item text at. */
  width: number;
  /** Lines of the list shown at once. */
  pageSize: number;
  /** The terminal's height: the whole screen is kept within it, title and highlighted item in view. */
  rows?: number;
}

/** Why the prompt ended: the delegate pressed q (or Esc), or saving failed with a bug. */
type Outcome = { ticked: ReadonlySet<string> } | { bug: unknown };

const CURSOR_HIDE = '\u001b[?25l';

/**
 * The checklist prompt: ↑/↓ to move, space or enter to tick and untick (saved at once through
 * onToggle), q or Esc to finish; the highlighted item's explanation is shown under the list.
 * Ctrl-C rejects with ExitPromptError, like every Inquirer prompt, and loses nothing.
 */
export const checklistPrompt = createPrompt<Outcome, ChecklistPromptConfig>((config, done) => {
  const { theme, items } = config;
  const [ticked, setTicked] = useState<ReadonlySet<string>>(config.ticked);
  const [active, setActive] = useState(0);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [finished, setFinished] = useState(false);

  useKeypress((key) => {
    if (finished) return;
    const last = items.length - 1;
    if (isUpKey(key) || isDownKey(key)) {
      setActive(Math.max(0, Math.min(last, active + (isUpKey(key) ? -1 : 1))));
      setMessage(undefined);
    } else if (key.name === 'home' || key.name === 'end') {
      setActive(key.name === 'home' ? 0 : last);
    } else if (key.name === 'pageup' || key.name === 'pagedown') {
      setActive(Math.max(0, Math.min(last, active + (key.name === 'pageup' ? -1 : 1) * config.pageSize)));
    } else if (isSpaceKey(key) || isEnterKey(key)) {
      const item = items[active];
      if (!item) return;
      try {
        setTicked(config.onToggle(item.id, !ticked.has(item.id)));
        setMessage(undefined);
      } catch (error) {
        if (error instanceof UserError) {
          setMessage(`Not saved: ${error.message}${error.hint ? ` ${error.hint}` : ''}`);
        } else {
          setFinished(true);
          done({ bug: error });
        }
      }
    } else if (key.name === 'q' || key.name === 'escape') {
      setFinished(true);
      done({ ticked });
    }
  });

  const count = items.filter((item) => ticked.has(item.id)).length;
  const counter = `${count}/${items.length}`;
  if (finished) return `${theme.ok(theme.symbols.pass)} ${theme.title(config.title)}  ${counter} ${theme.dim('(saved)')}`;

  const pointer = theme.color ? '❯' : '>';
  const page = usePagination({
    items,
    active,
    loop: false,
    pageSize: config.pageSize,
    renderItem({ item, isActive }) {
      const isTicked = ticked.has(item.id);
      const mark = isTicked ? theme.symbols.done : theme.symbols.todo;
      const head = `${isActive ? pointer : ' '} ${mark} `;
      const lines = wrap(item.text, config.width, head, ' '.repeat(head.length)).split('\n');
      const text = lines.map((l, i) => (i === 0 ? l.slice(head.length) : l)).join('\n');
      return `${isActive ? theme.id(pointer) : ' '} ${isTicked ? theme.ok(mark) : theme.dim(mark)} ${isActive ? theme.id(text) : text}`;
    },
  });

  // The longest help that fits on one line: a wrapped help line would push the title off.
  const helps = ['↑↓ move · space tick/untick · q done · every tick is saved at once', '↑↓ move · space tick/untick · q done', '↑↓ · space tick · q done'];
  const help = theme.dim(helps.find((h) => h.length <= config.width) ?? helps[helps.length - 1]!);
  const heading = `${theme.title(config.title)}  ${theme.dim(counter)}`;
  const shownMessage = message ? theme.error(wrap(message, config.width)) : undefined;
  let explanation = items[active]?.explanation ?? '';
  if (config.rows) {
    // NOTE: the screen must fit the terminal, or it scrolls and the title and the highlighted
    // item go off the top; the explanation gives way, cut with "…".
    const used = [heading, page, help, shownMessage].reduce((n, part) => n + (part === undefined ? 0 : part.split('\n').length), 0);
    const room = config.rows - 1 - used - 2; // a blank line above and below the explanation
    const lines = explanation.split('\n');
    if (lines.length > room) explanation = room <= 0 ? '' : [...lines.slice(0, room - 1), theme.dim('    …')].join('\n');
  }
  const screen = [heading, page, '', explanation, explanation ? '' : undefined, shownMessage, help]
    .filter((line) => line !== undefined)
    .join('\n');
  return `${screen}${CURSOR_HIDE}`;
});

/**
 * Run the checklist prompt on the terminal; resolves with the ids ticked when the delegate
 * finishes. Ctrl-C rejects with ExitPromptError (every tick made so far is already saved).
 */
export async function tickChecklist(ctx: Context, config: ChecklistPromptConfig): Promise<ReadonlySet<string>> {
  if (!canPrompt(ctx)) throw new UserError('ticking items needs a terminal', { hint: 'Use --check ITEM or --uncheck ITEM instead.' });
  const outcome = await checklistPrompt(config);
  if ('bug' in outcome) throw outcome.bug;
  return outcome.ticked;
}
