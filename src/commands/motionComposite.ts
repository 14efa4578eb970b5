import type { Context } from '../context.js';
import { UserError, usageError } from '../errors.js';
import type { MotionToCompare } from '../motion/compareMotions.js';
import { draftComposite } from '../motion/draftComposite.js';
import { splitMotions } from '../motion/parseMotion.js';
import { readMotionFile } from '../motion/readMotionFile.js';
import { renderCompositeDraft } from '../render/motionCompositeView.js';
import { neutralise } from '../render/sanitize.js';
import { printJson } from '../ui/output.js';
import { tuneForShortJob } from '../util/shortJob.js';
import { motionInput, stdinOnce } from './motionInput.js';

export interface MotionCompositeOptions {
  files: string[];
  limit?: number;
  json?: boolean;
}

/** `delegate motion composite <file>...`: a first draft composite in Markdown. */
export async function motionComposite(options: MotionCompositeOptions, ctx: Context): Promise<void> {
  stdinOnce(options.files);
  const motions: MotionToCompare[] = [];
  // NOTE: motions are read as compare reads them, so the labels M1, M2... are the same in both.
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
      `a composite needs at least two motions; found one in ${motions[0]?.source ?? options.files[0]}`,
      'Give two or more files, or one file with a heading before each motion, such as "## Motion 1 – Anytown CLP".',
    );
  }
  tuneForShortJob(motions.reduce((total, m) => total + m.body.length, 0));
  const draft = draftComposite(motions, options.limit);
  if (options.json) printJson(draft, ctx);
  else ctx.stdout.write(neutralise(renderCompositeDraft(draft)));
}
