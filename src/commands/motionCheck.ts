import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { checkMotion } from '../motion/checkMotion.js';
import { readMotionFile } from '../motion/readMotionFile.js';
import { renderMotionCheck } from '../render/motionCheckView.js';
import { printJson } from '../ui/output.js';
import { motionInput } from './motionInput.js';

export interface MotionCheckOptions {
  file: string;
  limit?: number;
  json?: boolean;
}

/** `delegate motion check <file|->`: the report on stdout, then exit 1 if any check failed. */
export async function motionCheck(options: MotionCheckOptions, ctx: Context): Promise<void> {
  const motion = await readMotionFile(options.file, motionInput(ctx));
  const check = checkMotion(motion.text, options.limit === undefined ? {} : { limit: options.limit });
  if (options.json) printJson({ file: motion.name, ...check }, ctx);
  else ctx.stdout.write(renderMotionCheck(check, motion.name, ctx.theme, ctx.width));
  if (check.failures > 0) {
    const failed = check.checks.filter((c) => c.status === 'fail').map((c) => c.message.replace(/\.$/, '').toLowerCase());
    throw new UserError(`the motion fails ${check.failures === 1 ? '1 check' : `${check.failures} checks`}: ${failed.join('; ')}`);
  }
}
