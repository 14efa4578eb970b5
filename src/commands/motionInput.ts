import type { Context } from '../context.js';
import { UserError, usageError } from '../errors.js';
import { splitMotions, type MotionText } from '../motion/parseMotion.js';
import { readMotionFile } from '../motion/readMotionFile.js';

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

/**
 * One motion, read as every motion command reads it, for the commands that work on a single
 * motion (apply, amendment): refused when the file holds several.
 */
export async function readOneMotion(file: string, io: ReturnType<typeof motionInput>): Promise<{ name: string; text: MotionText }> {
  const read = await readMotionFile(file, io);
  const found = splitMotions(read.text);
  if (found.length !== 1) {
    throw new UserError(`${read.name} holds ${found.length} motions (${found.map((m) => m.heading ?? m.title ?? '?').slice(0, 4).join('; ')}); amendments work on one`, {
      hint: 'Copy the motion you are amending into a file of its own, and give that.',
    });
  }
  if (found[0]!.body.trim() === '') throw new UserError(`${read.name} has no text below its title`, { hint: 'Give the whole text of the motion.' });
  return { name: read.name, text: found[0]! };
}
