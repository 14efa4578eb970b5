import { readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { neutralise } from '../render/sanitize.js';
import { input, select, type Choice, type Separator } from '../ui/prompts.js';

type Tool = 'check' | 'compare' | 'keep' | 'back';

// Files a delegate is likely to keep a motion in; the rest of the folder stays out of the list.
const MOTION_FILE = /\.(?:txt|md|markdown|text|docx|odt|pdf|rtf)$/i;
const TYPE_PATH = Symbol('type a path');
const DONE = Symbol('done');

/** The motion files in the current folder, for the picker. */
function motionFilesHere(cwd: string): string[] {
  try {
    return readdirSync(cwd, { withFileTypes: true })
      .filter((e) => !e.name.startsWith('.') && MOTION_FILE.test(e.name) && (e.isFile() || e.isSymbolicLink()))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

function mustBeFile(value: string): true | string {
  if (value.trim() === '') return 'Type the path of a file.';
  try {
    return statSync(resolve(value.trim())).isFile() ? true : `${value.trim()} is not a file.`;
  } catch {
    return `No such file: ${value.trim()}`;
  }
}

/** One file, picked from the current folder or typed; undefined when the delegate is done adding. */
async function pickFile(ctx: Context, message: string, cwd: string, canFinish: boolean): Promise<string | undefined> {
  const here = motionFilesHere(cwd);
  const choices: Array<Choice<string | symbol> | Separator> = [
    ...(canFinish ? [{ name: 'That is all: compare them', value: DONE }] : []),
    ...here.map((name) => ({ name, value: name })),
    { name: 'Type a path…', value: TYPE_PATH, description: here.length ? 'A file in another folder' : `No motion files in ${cwd}` },
  ];
  const picked = await select<string | symbol>(ctx, message, choices);
  if (picked === DONE) return undefined;
  if (picked === TYPE_PATH) return (await input(ctx, 'Path of the file:', mustBeFile)).trim();
  return picked as string;
}

/**
 * The motion workbench from the home menu: pick what to do and the files to do it on, then see
 * the same report the command gives. A problem with a file is shown, and the menu comes back.
 */
export async function motionWorkbench(ctx: Context, cwd = process.cwd()): Promise<void> {
  for (;;) {
    const tool = await select<Tool>(ctx, 'What do you want to do with a motion?', [
      { name: 'Check a motion before it is submitted', value: 'check', description: 'delegate motion check <file>' },
      { name: 'Compare the motions that will be composited', value: 'compare', description: 'delegate motion compare <files>: one file per motion, or one with a heading each' },
      { name: 'See which of your words survived into a draft', value: 'keep', description: 'delegate motion keep --mine <file> --draft <file>' },
      { separator: ' ' },
      { name: '← Back', value: 'back' },
    ]);
    if (tool === 'back') return;
    try {
      await runTool(tool, ctx, cwd);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      // Said as the command would say it, and the workbench stays open.
      ctx.stderr.write(`${neutralise(error.message)}\n${error.hint ? `${neutralise(error.hint)}\n` : ''}`);
    }
  }
}

async function runTool(tool: Exclude<Tool, 'back'>, ctx: Context, cwd: string): Promise<void> {
  if (tool === 'check') {
    const file = (await pickFile(ctx, 'Which motion?', cwd, false))!;
    const { motionCheck } = await import('./motionCheck.js');
    return motionCheck({ file }, ctx);
  }
  if (tool === 'keep') {
    const mine = (await pickFile(ctx, 'Your motion?', cwd, false))!;
    const draft = (await pickFile(ctx, 'The draft composite?', cwd, false))!;
    const { motionKeep } = await import('./motionKeep.js');
    return motionKeep({ mine, draft }, ctx);
  }
  // One file may hold every motion (a heading each), so the list is open from the first pick.
  const files: string[] = [];
  for (;;) {
    const file = await pickFile(ctx, files.length === 0 ? 'Which motions? (the first file)' : `Another file? (${files.length} chosen)`, cwd, files.length > 0);
    if (file === undefined) break;
    files.push(file);
  }
  const { motionCompare } = await import('./motionCompare.js');
  return motionCompare({ files }, ctx);
}
