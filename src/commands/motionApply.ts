import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { AmendmentNotApplied, applyAmendments } from '../motion/applyAmendment.js';
import { layoutText } from '../motion/paragraphs.js';
import { AmendmentSyntaxError, parseAmendments, type Amendment } from '../motion/parseAmendment.js';
import { readMotionFile } from '../motion/readMotionFile.js';
import { renderMarkedMotion } from '../render/motionApplyView.js';
import { neutralise } from '../render/sanitize.js';
import { printJson } from '../ui/output.js';
import { motionInput, readOneMotion, stdinOnce } from './motionInput.js';

export interface MotionApplyOptions {
  motion: string;
  amendments: string[];
  /** Which motion of the file, when it is a document of several. */
  pick?: string[];
  org?: string[];
  marked?: boolean;
  json?: boolean;
}

const FORMS =
  'Write each instruction in a form delegate reads, such as: Insert new paragraph 2: "..." / In paragraph 2, line 3, after "contract" insert ", agency" / Delete "X" and insert "Y" / Delete paragraph 3 / Add at end of paragraph 2: "..." / Replace paragraph 4 with: "..." / Delete from "A" to "B" / In paragraph 3, delete point iii (see delegate motion apply --help).';

/** `delegate motion apply <motion> <amendment>...`: the motion as amended, or the first instruction that cannot be applied. */
export async function motionApply(options: MotionApplyOptions, ctx: Context): Promise<void> {
  stdinOnce([options.motion, ...options.amendments]);
  const io = motionInput(ctx);
  const motion = await readOneMotion(options.motion, io, options);
  const amendments: Amendment[] = [];
  for (const name of options.amendments) {
    const file = await readMotionFile(name, io);
    let read: Amendment[];
    try {
      read = parseAmendments(file.text, file.name);
    } catch (error) {
      if (error instanceof AmendmentSyntaxError) throw new UserError(neutralise(`${file.name}, line ${error.line}: ${error.message}`), { hint: FORMS });
      throw error;
    }
    if (read.every((a) => a.instructions.length === 0)) throw new UserError(`${file.name} has no instructions in it`, { hint: FORMS });
    amendments.push(...read);
  }
  let result: ReturnType<typeof applyAmendments>;
  try {
    result = applyAmendments(motion.text, amendments);
  } catch (error) {
    if (!(error instanceof AmendmentNotApplied)) throw error;
    const { amendment, instruction, problem } = error;
    const at = amendment.name === amendment.file ? `${amendment.file}, line ${instruction.line}` : `${amendment.name} (${amendment.file}, line ${instruction.line})`;
    const closest = problem.closest ? `\nThe closest passage is "${problem.closest.text}" (${problem.closest.where}).` : '';
    throw new UserError(neutralise(`${at}: "${instruction.source}" cannot be applied: ${problem.message}.${closest}`), {
      hint: 'Nothing was applied. Correct the amendment (quote the motion word for word) and run this again.',
    });
  }
  if (options.json) {
    printJson({ motion: motion.name, amendments: amendments.map((a) => ({ name: a.name, file: a.file, instructions: a.instructions.length })), instructions: result.applied, text: layoutText(result.layout) }, ctx);
  } else if (options.marked) ctx.stdout.write(renderMarkedMotion(result.layout, ctx.theme));
  else ctx.stdout.write(neutralise(layoutText(result.layout)));
}
