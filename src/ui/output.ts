import type { Context } from '../context.js';
import type { Env, Platform } from '../paths.js';
import { holdingTerminal, Interrupted } from './interrupt.js';
import { warn } from './warn.js';

/** The delegate's pager: $PAGER, else `less -R`, or `more` on Windows, which has no less. */
export function pagerCommand(env: Env, platform: Platform): string {
  return env.PAGER?.trim() || (platform === 'win32' ? 'more' : 'less -R');
}

/**
 * Print text; on a terminal, text taller than the screen goes through the pager (pagerCommand),
 * unless --no-pager. A pager that cannot start falls back to plain printing.
 */
export async function printPaged(text: string, ctx: Context): Promise<void> {
  if (!ctx.pager || text.split('\n').length < (ctx.stdout.rows ?? 24)) {
    ctx.stdout.write(text);
    return;
  }
  const command = pagerCommand(ctx.env, ctx.platform);
  if (command === 'cat') {
    ctx.stdout.write(text);
    return;
  }
  // K: Ctrl-C quits less, which is what the delegate asked for; delegate then ends too.
  const env = { ...ctx.env, LESS: ctx.env.LESS ?? 'FRXK', LV: ctx.env.LV ?? '-c' };
  // Loaded here: most output is short, and child_process costs start-up time.
  const { spawn } = await import('node:child_process');
  // NOTE: Ctrl-C reaches the pager as well as delegate; delegate waits for the pager to end
  // (see interrupt.ts), so the terminal is never left to an orphaned pager.
  const ended = await holdingTerminal(
    () =>
      new Promise<'ok' | 'failed' | 'interrupted' | number>((resolve) => {
        const child = spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env });
        child.on('error', () => resolve('failed'));
        child.stdin.on('error', () => undefined); // the reader quit early: not an error
        child.on('close', (code, signal) => {
          // less -K ends with status 2 on Ctrl-C; other pagers die of the SIGINT (130 from sh).
          if (signal === 'SIGINT' || code === 130 || (code === 2 && env.LESS.includes('K'))) resolve('interrupted');
          // The shell's own statuses: the pager was not found (127) or cannot be run (126).
          else if (code === 127 || code === 126) resolve('failed');
          else resolve(code ?? 'ok');
        });
        child.stdin.end(text);
      }),
  );
  // The SIGINT itself may be handled after the pager's end is: either way, delegate ends here.
  if (ended === 'interrupted') throw new Interrupted();
  if (ended === 'failed') ctx.stdout.write(text);
  // A pager that ran and failed may have shown the page or nothing (PAGER=false): printing it
  // again would show it twice, so say what happened and how to get the page without it.
  else if (typeof ended === 'number' && ended !== 0) {
    warn(ctx, `the pager (${command}) ended with status ${ended}; if the text was not shown, run again with --no-pager, or set PAGER`);
  }
}

/** Print JSON followed by a newline. */
export function printJson(value: unknown, ctx: Context): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
