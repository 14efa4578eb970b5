import type { Context } from '../context.js';
import { UserError } from '../errors.js';

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

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  disabled?: boolean | string;
}

export interface Separator {
  separator: string;
}

export async function select<T>(ctx: Context, message: string, choices: Array<Choice<T> | Separator>, options: { default?: T; pageSize?: number } = {}): Promise<T> {
  requireTerminal(ctx, 'choosing from a menu');
  const prompts = await import('@inquirer/prompts');
  return prompts.select<T>({
    message,
    choices: choices.map((c) => ('separator' in c ? new prompts.Separator(c.separator) : c)),
    pageSize: options.pageSize ?? Math.max(7, Math.min(15, (ctx.stdout.rows ?? 24) - 6)),
    loop: false,
    ...(options.default !== undefined ? { default: options.default } : {}),
  });
}

export async function confirm(ctx: Context, message: string, defaultValue = false): Promise<boolean> {
  requireTerminal(ctx, 'confirming');
  const { confirm } = await import('@inquirer/prompts');
  return confirm({ message, default: defaultValue });
}

export async function search<T>(
  ctx: Context,
  message: string,
  source: (term: string | undefined) => Promise<Array<Choice<T>>> | Array<Choice<T>>,
): Promise<T> {
  requireTerminal(ctx, 'interactive search');
  const { search } = await import('@inquirer/prompts');
  return search<T>({ message, source: async (term) => source(term), pageSize: Math.max(7, Math.min(15, (ctx.stdout.rows ?? 24) - 6)) });
}
