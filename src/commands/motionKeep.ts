import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { keptInDraft } from '../motion/keptInDraft.js';
import { readMotionFile } from '../motion/readMotionFile.js';
import { renderMotionKeep } from '../render/motionKeepView.js';
import { printJson, printPaged } from '../ui/output.js';
import { motionInput, stdinOnce } from './motionInput.js';

export interface MotionKeepOptions {
  mine: string;
  draft: string;
  phrases?: string;
  json?: boolean;
}

const LIST_MARKER = /^\s*(?:\d{1,2}[.)]|[-*\u2022\u2013])\s+/;

/** `delegate motion keep --mine <file> --draft <file>`: a report, never a failure exit. */
export async function motionKeep(options: MotionKeepOptions, ctx: Context): Promise<void> {
  stdinOnce([options.mine, options.draft, options.phrases]);
  const io = motionInput(ctx);
  const mine = await readMotionFile(options.mine, io);
  const draft = await readMotionFile(options.draft, io);
  let phrases: string[] | undefined;
  if (options.phrases !== undefined) {
    const file = await readMotionFile(options.phrases, io);
    phrases = file.text
      .split('\n')
      .map((line) => line.replace(LIST_MARKER, '').trim())
      .filter((line) => line !== '');
    if (phrases.length === 0) throw new UserError(`${file.name} has no phrases in it`, { hint: 'Put one phrase on each line.' });
  }
  const report = keptInDraft(mine.text, draft.text, phrases);
  if (options.json) printJson({ mine: mine.name, draft: draft.name, ...report }, ctx);
  else await printPaged(renderMotionKeep(report, { mine: mine.name, draft: draft.name }, ctx.theme, ctx.width), ctx);
}
