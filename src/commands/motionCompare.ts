import type { Context } from '../context.js';
import { UserError, usageError } from '../errors.js';
import { compareMotions, type MotionToCompare } from '../motion/compareMotions.js';
import { splitMotions } from '../motion/parseMotion.js';
import { readMotionFile } from '../motion/readMotionFile.js';
import { renderMotionComparison } from '../render/motionCompareView.js';
import { printJson, printPaged } from '../ui/output.js';
import { tuneForShortJob } from '../util/shortJob.js';
import { motionInput, stdinOnce } from './motionInput.js';

export interface MotionCompareOptions {
  files: string[];
  json?: boolean;
}

/** `delegate motion compare <file>...`: one motion a file, or a heading before each. */
export async function motionCompare(options: MotionCompareOptions, ctx: Context): Promise<void> {
  stdinOnce(options.files);
  const motions: MotionToCompare[] = [];
  for (const file of options.files) {
    const { name, text } = await readMotionFile(file, motionInput(ctx));
    const found = splitMotions(text);
    found.forEach((motion, i) => {
      const called = motion.heading ?? (found.length === 1 ? name : `${name}, motion ${i + 1}`);
      if (motion.body.trim() === '') {
        throw new UserError(`${called}${motion.heading ? ` in ${name}` : ''} has no text below its ${motion.title ? 'title' : 'heading'}`, {
          hint: 'Paste the text of each motion below its heading.',
        });
      }
      motions.push({ ...motion, name: called, source: name });
    });
  }
  if (motions.length < 2) {
    throw usageError(
      `compare needs at least two motions; found one in ${motions[0]?.source ?? options.files[0]}`,
      'Give two or more files, or one file with a heading before each motion, such as "## Motion 1 – Anytown CLP".',
    );
  }
  tuneForShortJob(motions.reduce((total, m) => total + m.body.length, 0));
  const comparison = compareMotions(motions);
  if (options.json) printJson(comparison, ctx);
  else await printPaged(renderMotionComparison(comparison, ctx.theme, ctx.width), ctx);
}
