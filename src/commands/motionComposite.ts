import type { Context } from '../context.js';
import { usageError } from '../errors.js';
import { draftComposite } from '../motion/draftComposite.js';
import { baseName, readMotions } from '../motion/readMotions.js';
import { renderCompositeDraft } from '../render/motionCompositeView.js';
import { neutralise } from '../render/sanitize.js';
import { printJson } from '../ui/output.js';
import { tuneForShortJob } from '../util/shortJob.js';
import { motionInput, requireText, stdinOnce } from './motionInput.js';

export interface MotionCompositeOptions {
  files: string[];
  pick?: string[];
  org?: string[];
  limit?: number;
  json?: boolean;
}

/** `delegate motion composite <file>...`: a first draft composite in Markdown. */
export async function motionComposite(options: MotionCompositeOptions, ctx: Context): Promise<void> {
  stdinOnce(options.files);
  // NOTE: motions are read as compare reads them, so the labels M1, M2... are the same in both.
  const motions = await readMotions(options.files, motionInput(ctx), options);
  requireText(motions);
  if (motions.length < 2) {
    throw usageError(
      `a composite needs at least two motions; found one in ${baseName(motions[0]?.source ?? options.files[0]!)}`,
      'Give two or more files, or one file with a heading before each motion, such as "## Motion 1 – Anytown CLP".',
    );
  }
  tuneForShortJob(motions.reduce((total, m) => total + m.body.length, 0));
  const draft = draftComposite(motions, options.limit);
  if (options.json) printJson(draft, ctx);
  else ctx.stdout.write(neutralise(renderCompositeDraft(draft)));
}
