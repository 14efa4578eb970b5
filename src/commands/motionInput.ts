import type { Context } from '../context.js';
import { usageError } from '../errors.js';

/** Shown when a motion is to be read from a terminal: the delegate is about to paste it. */
export function pasteHint(ctx: Context): () => void {
  return () => {
    ctx.stderr.write('Paste the motion, then press Ctrl-D on a line of its own.\n');
  };
}

/** Standard input can be read once: refuse a command line that gives - twice. */
export function stdinOnce(files: Array<string | undefined>): void {
  if (files.filter((f) => f === '-').length > 1) throw usageError('standard input (-) can be given only once');
}
