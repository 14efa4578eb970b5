import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { checkParsedMotion } from '../motion/checkMotion.js';
import { baseName, type FoundMotion, readMotions } from '../motion/readMotions.js';
import { renderMotionCheck } from '../render/motionCheckView.js';
import { printJson, printPaged } from '../ui/output.js';
import { motionInput } from './motionInput.js';
import { plural } from '../util/plural.js';

export interface MotionCheckOptions {
  file: string;
  limit?: number;
  pick?: string[];
  org?: string[];
  json?: boolean;
}

/** Which motion a report is about: the file's name, and in a document of several the motion's heading and page. */
export function motionPlace(m: FoundMotion): string {
  const page = m.page === undefined ? '' : `, page ${m.page}`;
  return m.ofInFile === 1 ? `${baseName(m.source)}${page}` : `${baseName(m.source)}: ${m.heading ?? `motion ${m.position}`}${page}`;
}

/**
 * `delegate motion check <file|->`: the report on stdout, then exit 1 if any check failed. A
 * document of several motions is checked motion by motion (--pick and --org choose some).
 */
export async function motionCheck(options: MotionCheckOptions, ctx: Context): Promise<void> {
  const motions = await readMotions([options.file], motionInput(ctx), options);
  const limit = options.limit === undefined ? {} : { limit: options.limit };
  const checked = motions.map((motion) => ({ motion, check: checkParsedMotion(motion, limit) }));
  if (options.json) {
    const entries = checked.map(({ motion, check }) => ({
      file: motion.source,
      label: motion.label,
      number: motion.number ?? null,
      organisation: motion.organisation ?? null,
      page: motion.page ?? null,
      ...check,
    }));
    // One motion: one object, as the command has always printed; a document: a list of them.
    printJson(entries.length === 1 ? entries[0] : entries, ctx);
  } else {
    const text = checked.map(({ motion, check }) => renderMotionCheck(check, motionPlace(motion), ctx.theme, ctx.width)).join('\n');
    if (checked.length === 1) ctx.stdout.write(text);
    else await printPaged(text, ctx);
  }
  const failing = checked.filter(({ check }) => check.failures > 0);
  if (failing.length === 0) return;
  const reasons = ({ check }: (typeof checked)[number]) =>
    check.checks
      .filter((c) => c.status === 'fail')
      .map((c) => c.message.replace(/\.$/, '').toLowerCase())
      .join('; ');
  if (checked.length === 1) {
    const { check } = failing[0]!;
    throw new UserError(`the motion fails ${plural(check.failures, 'check')}: ${reasons(failing[0]!)}`);
  }
  throw new UserError(`${failing.length} of ${checked.length} motions fail a check: ${failing.map((f) => `${f.motion.label} (${reasons(f)})`).join(', ')}`);
}
