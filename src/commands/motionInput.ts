import type { Context } from '../context.js';
import { UserError, usageError } from '../errors.js';
import type { MotionText } from '../motion/parseMotion.js';
import { baseName, readMotions, type FoundMotion, type MotionSelection } from '../motion/readMotions.js';

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

/** Every motion needs text below its heading: one with none is a mistake in the file, said plainly. */
export function requireText(motions: readonly FoundMotion[]): void {
  for (const motion of motions) {
    if (motion.body.trim() === '') {
      const called = motion.heading ?? motion.name;
      throw new UserError(`${called}${motion.heading ? ` in ${baseName(motion.source)}` : ''} has no text below its ${motion.title ? 'title' : 'heading'}`, {
        hint: 'Paste the text of each motion below its heading.',
      });
    }
  }
}

/**
 * One motion, read as every motion command reads it (any format, --pick and --org), for the
 * commands that work on a single motion (apply, amendment): refused when more than one is left.
 */
export async function readOneMotion(file: string, io: ReturnType<typeof motionInput>, selection: MotionSelection = {}): Promise<{ name: string; text: MotionText }> {
  const found = await readMotions([file], io, selection);
  if (found.length !== 1) {
    const name = file === '-' ? 'standard input' : file;
    throw new UserError(`${name} holds ${found.length} motions (${found.map((m) => m.heading ?? m.title ?? '?').slice(0, 4).join('; ')}); amendments work on one`, {
      hint: `Pick the one you are amending with --pick (its number, as \`delegate motion list ${name}\` shows) or --org, or copy it into a file of its own.`,
    });
  }
  requireText(found);
  return { name: found[0]!.source, text: found[0]! };
}
