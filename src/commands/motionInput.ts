import type { Context } from '../context.js';
import { usageError } from '../errors.js';

/**
 * What readMotionFile needs to read "-": standard input, opened only if a motion is read from
 * it (opening it costs time, and on a file or /dev/null starts reading in the background), and
 * a hint shown when the delegate is about to paste into a terminal.
 */
export function motionInput(ctx: Context): { readonly stdin: Context['stdin']; waitingForTyping: () => void } {
  return {
    get stdin() {
      return ctx.stdin;
    },
    waitingForTyping: () => {
      ctx.stderr.write('Paste the motion, then press Ctrl-D on a line of its own.\n');
    },
  };
}

/** Standard input can be read once: refuse a command line that gives - twice. */
export function stdinOnce(files: Array<string | undefined>): void {
  if (files.filter((f) => f === '-').length > 1) throw usageError('standard input (-) can be given only once');
}
