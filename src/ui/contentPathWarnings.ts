import type { Context } from '../context.js';
import { contentPathProblems } from '../content/contentPathProblems.js';
import { warn } from './warn.js';

let warned = false;

/** Say on stderr, once a run, which DELEGATE_PATH folders give no pages because they are missing. */
export function warnAboutContentPaths(ctx: Context): void {
  if (warned) return;
  warned = true;
  for (const { dir, problem } of contentPathProblems(ctx.paths)) {
    warn(ctx, `DELEGATE_PATH folder ${dir} ${problem}; its pages are left out (see: delegate paths)`);
  }
}
