import type { Context } from '../context.js';
import type { Env, Platform } from '../paths.js';

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
  const env = { ...ctx.env, LESS: ctx.env.LESS ?? 'FRX', LV: ctx.env.LV ?? '-c' };
  // Loaded here: most output is short, and child_process costs start-up time.
  const { spawn } = await import('node:child_process');
  const ok = await new Promise<boolean>((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env });
    child.on('error', () => resolve(false));
    child.stdin.on('error', () => undefined); // the reader quit early: not an error
    child.on('close', (code) => resolve(code !== 127));
    child.stdin.end(text);
  });
  if (!ok) ctx.stdout.write(text);
}

/** Print JSON followed by a newline. */
export function printJson(value: unknown, ctx: Context): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
