import type { Context } from '../context.js';
import { readMotions } from '../motion/readMotions.js';
import { renderMotionList } from '../render/motionListView.js';
import { printJson, printPaged } from '../ui/output.js';
import { motionInput, stdinOnce } from './motionInput.js';

export interface MotionListOptions {
  files: string[];
  pick?: string[];
  org?: string[];
  json?: boolean;
}

/** `delegate motion list <file>...`: what was found in each file, to check the split before trusting a comparison. */
export async function motionList(options: MotionListOptions, ctx: Context): Promise<void> {
  stdinOnce(options.files);
  const motions = await readMotions(options.files, motionInput(ctx), options);
  if (options.json) {
    printJson(
      motions.map((m) => ({
        label: m.label,
        file: m.source,
        format: m.format,
        number: m.number ?? null,
        heading: m.heading ?? null,
        organisation: m.organisation ?? null,
        title: m.title ?? null,
        name: m.name,
        words: m.words,
        page: m.page ?? null,
        amendments: (m.amendments ?? []).map((a) => ({
          heading: a.heading,
          number: a.number ?? null,
          organisation: a.organisation ?? null,
          words: a.words,
          page: a.page ?? null,
          text: a.body,
        })),
      })),
      ctx,
    );
  } else await printPaged(renderMotionList(motions, ctx.theme, ctx.width), ctx);
}
