import { type Command, InvalidArgumentError } from 'commander';
import type { Context, GlobalOptions } from '../context.js';

/** How the program reaches the outside world; cli.ts passes the real process, tests pass their own. */
export type ContextFactory = (options: GlobalOptions) => Context | Promise<Context>;

/**
 * Wraps a command's body as a commander action: the body gets the Context made from the
 * command's options (its own and the global ones), then commander's arguments as they come
 * (positional arguments, the options object, the Command). Each body imports its command's
 * module itself, so a command's code is loaded only when it runs.
 */
export type Act = <A extends unknown[]>(body: (ctx: Context, ...args: A) => Promise<void>) => (...args: A) => Promise<void>;

export function makeAct(makeContext: ContextFactory): Act {
  return (body) =>
    async (...args) => {
      const cmd = args[args.length - 1] as Command;
      await body(await makeContext(cmd.optsWithGlobals<GlobalOptions>()), ...args);
    };
}

/** What each family of commands is given to declare its commands on. */
export interface Family {
  program: Command;
  act: Act;
}

/** A family's commands, each declared only when it is about to run (see buildProgram). */
export type Declarations = Record<string, (family: Family) => void>;

export function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

export function parseWidth(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 20 || n > 1000) throw new InvalidArgumentError('Give a whole number from 20 to 1000.');
  return n;
}

export function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('Give a whole number, 1 or more.');
  return n;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
