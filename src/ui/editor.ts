import { spawn } from 'node:child_process';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import type { Env, Platform } from '../paths.js';
import { holdingTerminal, Interrupted } from './interrupt.js';

/** The delegate's editor: $VISUAL, then $EDITOR, then one every system of the kind has (Notepad on Windows, vi elsewhere). */
export function editorCommand(env: Env, platform: Platform): string {
  return env.VISUAL?.trim() || env.EDITOR?.trim() || (platform === 'win32' ? 'notepad' : 'vi');
}

/**
 * Open `file` in the delegate's editor and wait for it to close. The command is run through the
 * shell so that `EDITOR="code --wait"` works; the file name is passed as an argument, never
 * pasted into the command line.
 */
export async function openInEditor(file: string, ctx: Context): Promise<void> {
  const editor = editorCommand(ctx.env, ctx.platform);
  const env = { ...ctx.env } as NodeJS.ProcessEnv;
  // NOTE: Ctrl-C reaches the editor as well as delegate, and an editor such as vi keeps running
  // on it; delegate waits for the editor to close (see interrupt.ts), then ends with 130, so the
  // terminal is never left to an orphaned editor.
  const code = await holdingTerminal(
    () =>
      new Promise<number | null>((resolve, reject) => {
        // Windows has no /bin/sh: cmd.exe runs the line, with the file name in double quotes, which
        // a Windows file name cannot contain.
        const child =
          ctx.platform === 'win32'
            ? spawn(`${editor} "${file}"`, { shell: true, stdio: 'inherit', env })
            : spawn('/bin/sh', ['-c', `${editor} "$1"`, 'delegate-editor', file], { stdio: 'inherit', env });
        child.on('error', reject);
        child.on('exit', (exitCode, signal) => resolve(signal === 'SIGINT' ? 130 : signal ? 128 : exitCode));
      }),
  );
  // An editor ended by the Ctrl-C (130 from sh), before delegate's own SIGINT is handled: delegate ends here too.
  if (code === 130) throw new Interrupted();
  if (code === 127) throw new UserError(`the editor "${editor}" was not found`, { hint: 'Set VISUAL or EDITOR to an editor you have, e.g. EDITOR=nano.' });
  if (code !== 0) throw new UserError(`the editor "${editor}" exited with code ${code}; nothing was changed`, { hint: `Your text is kept in ${file}` });
}
