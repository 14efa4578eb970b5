import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { keptInDraft } from '../motion/keptInDraft.js';
import { readMotionFile } from '../motion/readMotionFile.js';
import { baseName, readMotions } from '../motion/readMotions.js';
import { renderMotionKeep } from '../render/motionKeepView.js';
import { printJson, printPaged } from '../ui/output.js';
import { motionInput, stdinOnce } from './motionInput.js';

export interface MotionKeepOptions {
  mine: string;
  draft: string;
  phrases?: string;
  pick?: string[];
  org?: string[];
  json?: boolean;
}

const LIST_MARKER = /^\s*(?:\d{1,2}[.)]|[-*\u2022\u2013])\s+/;

/**
 * `delegate motion keep --mine <file> --draft <file>`: a report, never a failure exit. --mine
 * may be a document of motions, with --pick or --org choosing yours; the draft is read whole.
 */
export async function motionKeep(options: MotionKeepOptions, ctx: Context): Promise<void> {
  stdinOnce([options.mine, options.draft, options.phrases]);
  const io = motionInput(ctx);
  const found = await readMotions([options.mine], io, options);
  if (found.length > 1) {
    throw new UserError(`${baseName(options.mine)} has ${found.length} motions${options.pick || options.org ? ' among those picked' : ''}: which one is yours?`, {
      hint: `Choose it with --pick (${found.map((m) => m.number ?? m.label).slice(0, 6).join(', ')}…) or --org (${found.find((m) => m.organisation)?.organisation ?? 'part of its organisation'}); \`delegate motion list ${options.mine}\` shows them all.`,
    });
  }
  const mine = found[0]!;
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
  const report = keptInDraft(mine, draft.text, phrases);
  const mineName = mine.ofInFile === 1 ? baseName(mine.source) : `${baseName(mine.source)}: ${mine.heading ?? mine.name}`;
  if (options.json) printJson({ mine: mine.source, draft: draft.name, ...report }, ctx);
  else await printPaged(renderMotionKeep(report, { mine: mineName, draft: baseName(draft.name) }, ctx.theme, ctx.width), ctx);
}
