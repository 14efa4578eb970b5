import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { AmendmentNotDrafted, draftAmendment } from '../motion/draftAmendment.js';
import { formatInstruction } from '../motion/instruction.js';
import { neutralise } from '../render/sanitize.js';
import { printJson } from '../ui/output.js';
import { motionInput, readOneMotion, stdinOnce } from './motionInput.js';

export interface MotionAmendmentOptions {
  from: string;
  to: string;
  /** Which motion of --from, when it is a document of several (--to is the delegate's own copy). */
  pick?: string[];
  org?: string[];
  json?: boolean;
}

/** `delegate motion amendment --from <original> --to <edited>`: the amendment that turns one into the other. */
export async function motionAmendment(options: MotionAmendmentOptions, ctx: Context): Promise<void> {
  stdinOnce([options.from, options.to]);
  const io = motionInput(ctx);
  const original = await readOneMotion(options.from, io, options);
  const edited = await readOneMotion(options.to, io);
  let drafted: ReturnType<typeof draftAmendment>;
  try {
    drafted = draftAmendment(original.text, edited.text);
  } catch (error) {
    if (!(error instanceof AmendmentNotDrafted)) throw error;
    throw new UserError(`could not write an amendment that turns ${original.name} into exactly ${edited.name}`, {
      hint: 'Please report this with the two files. Meanwhile, "Replace paragraph N with: ..." works for any paragraph.',
    });
  }
  if (drafted.instructions.length === 0) {
    throw new UserError(`${edited.name} has the same words as ${original.name} (spacing aside): there is nothing to amend`, {
      hint: 'Edit a copy of the motion as you want it to read, and give that with --to.',
    });
  }
  if (options.json) {
    printJson({ from: original.name, to: edited.name, instructions: drafted.instructions.map((instruction) => ({ written: formatInstruction(instruction), ...instruction })), text: drafted.text }, ctx);
  } else ctx.stdout.write(neutralise(drafted.text));
}
