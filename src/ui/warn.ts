import type { Context } from '../context.js';
import { neutralise } from '../render/sanitize.js';

/**
 * One warning line on stderr: "warning: …", the label styled, the message neutralised (it
 * often quotes a file name or a line from a file, which could hold escape sequences).
 */
export function warn(ctx: Pick<Context, 'stderr' | 'theme'>, message: string, label = 'warning:'): void {
  ctx.stderr.write(`${ctx.theme.warn(label)} ${neutralise(message)}\n`);
}
