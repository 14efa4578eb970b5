import type { Context } from '../context.js';
import { contentPathProblems } from '../content/contentPathProblems.js';
import { neutralise } from '../render/sanitize.js';

let warned = false;

/** Say on stderr, once a run, which DELEGATE_PATH folders give no pages because they are missing. */
export function warnAboutContentPaths(ctx: Context): void {
  if (warned) return;
  warned = true;
  for (const { dir, problem } of contentPathProblems(ctx.paths)) {
    ctx.stderr.write(`${ctx.theme.warn('warning:')} DELEGATE_PATH folder ${neutralise(dir)} ${problem}; its pages are left out (see: delegate paths)\n`);
  }
}
