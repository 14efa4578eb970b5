import pty from 'node-pty';
import { bin } from './run.js';

/** A real pseudo-terminal running the built binary: type keys, read the screen, wait for exit. */
export interface Terminal {
  /** Everything the program has written, escape codes removed. */
  text(): string;
  /** Everything the program has written, byte for byte (escape codes kept). */
  raw(): string;
  write(keys: string): void;
  /** Resolve once the screen shows `pattern` (after `from` characters), or fail after `ms`. */
  waitFor(pattern: string | RegExp, ms?: number, from?: number): Promise<void>;
  exited: Promise<number>;
  kill(): void;
}

export const keys = { up: '\u001b[A', down: '\u001b[B', enter: '\r', space: ' ', ctrlC: '\u0003', escape: '\u001b' };

// Drop CSI/OSC sequences and other controls so tests read what a person sees.
export function plain(raw: string): string {
  return raw
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g, '')
    .replace(/\u001b[()][0-9A-Za-z]/g, '')
    .replace(/\u001b[=>78]/g, '')
    .replace(/\r/g, '');
}

export function openTerminal(args: string[], env: Record<string, string>, size = { cols: 100, rows: 40 }): Terminal {
  const term = pty.spawn(process.execPath, [bin, ...args], {
    name: 'xterm-256color',
    cols: size.cols,
    rows: size.rows,
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'xterm-256color', LANG: 'C.UTF-8', PAGER: 'cat', ...env },
  });
  let output = '';
  term.onData((data) => {
    output += data;
  });
  const exited = new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
  return {
    text: () => plain(output),
    raw: () => output,
    write: (k) => term.write(k),
    waitFor: (pattern, ms = 10000, from = 0) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          const screen = plain(output).slice(from);
          if (typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen)) return resolve();
          if (Date.now() - started > ms) return reject(new Error(`timed out waiting for ${String(pattern)}; screen:\n${plain(output).slice(-2000)}`));
          setTimeout(check, 25);
        };
        check();
      }),
    exited,
    kill: () => term.kill(),
  };
}
