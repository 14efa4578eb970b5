import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { neutralise } from '../render/sanitize.js';
import { wrap } from '../render/wrap.js';

/**
 * Every interactive prompt goes through here, so commands never import a prompt package and
 * never prompt without a terminal (a prompt on a pipe would wait forever).
 */
export function canPrompt(ctx: Context): boolean {
  // stdout first: on a pipe, standard input is never opened.
  return !!ctx.stdout.isTTY && !!ctx.stdin.isTTY;
}

function requireTerminal(ctx: Context, what: string): void {
  if (!canPrompt(ctx)) throw new UserError(`${what} needs a terminal`, { hint: 'Run it in a terminal, or use the non-interactive options in --help.' });
}

/** NOTE: names and descriptions are plain text; every one is neutralised here before it is drawn. */
export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  disabled?: boolean | string;
}

export interface Separator {
  separator: string;
}

// A second line of defence: callers neutralise text from files too, but a title that slips
// through must still not retitle the window or clear the screen (issue 15).
function safeChoice<T>(choice: Choice<T>, columns = 0): Choice<T> {
  // A description wider than the terminal is wrapped at words, not cut mid-word by the terminal.
  const fit = (text: string) => (columns > 20 ? text.split('\n').map((line) => wrap(line, columns - 1)).join('\n') : text);
  return {
    ...choice,
    name: neutralise(choice.name),
    ...(choice.description !== undefined ? { description: fit(neutralise(choice.description)) } : {}),
    ...(typeof choice.disabled === 'string' ? { disabled: neutralise(choice.disabled) } : {}),
  };
}

/**
 * The prompt library's colours, from our theme: its own cyan falls to under 2 to 1 on a white
 * background, and the highlighted choice is the one thing a menu must show.
 */
function promptTheme(ctx: Context) {
  const accent = ctx.theme.id;
  return { theme: { style: { answer: accent, highlight: accent, description: accent, key: (text: string) => accent(`<${text}>`) } } };
}

export async function select<T>(ctx: Context, message: string, choices: Array<Choice<T> | Separator>, options: { default?: T; pageSize?: number } = {}): Promise<T> {
  requireTerminal(ctx, 'choosing from a menu');
  const prompts = await import('@inquirer/prompts');
  return prompts.select<T>({
    message: neutralise(message),
    choices: choices.map((c) => ('separator' in c ? new prompts.Separator(neutralise(c.separator)) : safeChoice(c, ctx.stdout.columns))),
    pageSize: options.pageSize ?? Math.max(7, Math.min(15, (ctx.stdout.rows ?? 24) - 6)),
    loop: false,
    ...promptTheme(ctx),
    ...(options.default !== undefined ? { default: options.default } : {}),
  });
}

/** A line typed by the delegate; `validate` returns true, or what is wrong with it. */
export async function input(ctx: Context, message: string, validate?: (value: string) => true | string): Promise<string> {
  requireTerminal(ctx, 'typing an answer');
  const prompts = await import('@inquirer/prompts');
  return prompts.input({
    message: neutralise(message),
    ...promptTheme(ctx),
    ...(validate ? { validate: (value: string) => (validate(value) === true ? true : neutralise(validate(value) as string)) } : {}),
  });
}

export async function confirm(ctx: Context, message: string, defaultValue = false): Promise<boolean> {
  requireTerminal(ctx, 'confirming');
  const { confirm } = await import('@inquirer/prompts');
  return confirm({ message: neutralise(message), default: defaultValue, ...promptTheme(ctx) });
}

export async function search<T>(
  ctx: Context,
  message: string,
  source: (term: string | undefined) => Promise<Array<Choice<T>>> | Array<Choice<T>>,
): Promise<T> {
  requireTerminal(ctx, 'interactive search');
  const { search } = await import('@inquirer/prompts');
  return search<T>({ message: neutralise(message), source: async (term) => (await source(term)).map((c) => safeChoice(c, ctx.stdout.columns)), pageSize: Math.max(7, Math.min(15, (ctx.stdout.rows ?? 24) - 6)), ...promptTheme(ctx) });
}
