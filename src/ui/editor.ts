import { spawn } from 'node:child_process';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';

/** The delegate's editor: $VISUAL, then $EDITOR, then a plain one every system has. */
export function editorCommand(ctx: Context): string {
  return ctx.env.VISUAL?.trim() || ctx.env.EDITOR?.trim() || 'vi';
}

/**
 * Open `file` in the delegate's editor and wait for it to close. The command is run through the
 * shell so that `EDITOR="code --wait"` works; the file name is passed as an argument, never
 * pasted into the command line.
 */
export async function openInEditor(file: string, ctx: Context): Promise<void> {
  const editor = editorCommand(ctx);
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', `${editor} "$1"`, 'delegate-editor', file], { stdio: 'inherit', env: { ...ctx.env } as NodeJS.ProcessEnv });
    child.on('error', reject);
    child.on('exit', (exitCode, signal) => resolve(signal ? 128 : exitCode));
  });
  if (code === 127) throw new UserError(`the editor "${editor}" was not found`, { hint: 'Set VISUAL or EDITOR to an editor you have, e.g. EDITOR=nano.' });
  if (code !== 0) throw new UserError(`the editor "${editor}" exited with code ${code}; nothing was changed`, { hint: `Your text is kept in ${file}` });
}
