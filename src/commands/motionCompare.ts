import type { Context } from '../context.js';
import { usageError } from '../errors.js';
import { compareMotions } from '../motion/compareMotions.js';
import { baseName, readMotions } from '../motion/readMotions.js';
import { renderMotionComparison } from '../render/motionCompareView.js';
import { printJson, printPaged } from '../ui/output.js';
import { tuneForShortJob } from '../util/shortJob.js';
import { motionInput, requireText, stdinOnce } from './motionInput.js';

export interface MotionCompareOptions {
  files: string[];
  pick?: string[];
  org?: string[];
  json?: boolean;
}

/** `delegate motion compare <file>...`: one motion a file, or a heading before each (PDF and Word too). */
export async function motionCompare(options: MotionCompareOptions, ctx: Context): Promise<void> {
  stdinOnce(options.files);
  const motions = await readMotions(options.files, motionInput(ctx), options);
  requireText(motions);
  if (motions.length < 2) {
    const picked = options.pick || options.org;
    throw usageError(
      `compare needs at least two motions; found one${picked ? ' among those picked' : ''} in ${baseName(motions[0]?.source ?? options.files[0]!)}`,
      picked
        ? 'Pick two or more: --pick 3,5, or --org more than once.'
        : 'Give two or more files, or one file with a heading before each motion, such as "## Motion 1 – Anytown CLP".',
    );
  }
  tuneForShortJob(motions.reduce((total, m) => total + m.body.length, 0));
  const comparison = compareMotions(motions);
  if (options.json) printJson(comparison, ctx);
  else await printPaged(renderMotionComparison(comparison, ctx.theme, ctx.width), ctx);
}
