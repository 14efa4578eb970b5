import pty from 'node-pty';
import { stripVTControlCharacters } from 'node:util';
import { bin, repoRoot } from './run.js';

/** Keys as a terminal sends them. */
export const keys = { up: '\u001b[A', down: '\u001b[B', enter: '\r', space: ' ', tab: '\t', ctrlC: '\u0003', escape: '\u001b' };

/** What a person sees: escape codes (CSI, OSC, charset and keypad switches) and carriage returns removed. */
export function plain(raw: string): string {
  return stripVTControlCharacters(raw)
    .replace(/\u001b[()][0-9A-Za-z]/g, '')
    .replace(/\u001b[=>78]/g, '')
    .replace(/\r/g, '');
}

/** Where the last match of `pattern` in `text` ends, or -1. */
function lastMatchEnd(text: string, pattern: RegExp | string): number {
  if (typeof pattern === 'string') {
    const at = text.lastIndexOf(pattern);
    return at === -1 ? -1 : at + pattern.length;
  }
  let end = -1;
  for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) end = m.index + m[0].length;
  return end;
}

// Variables of the test's own environment that would change what delegate shows.
const NOT_INHERITED = ['NO_COLOR', 'FORCE_COLOR', 'DELEGATE_PATH', 'DELEGATE_NOTES_DIR', 'DELEGATE_DEBUG', 'DELEGATE_THEME', 'COLORFGBG', 'PAGER', 'LESS', 'LV', 'EDITOR', 'VISUAL'];

const open: Terminal[] = [];

/** Kill every terminal a test left open (for afterEach). */
export function closeTerminals(): void {
  for (const t of open.splice(0)) t.close();
}

export interface TerminalOptions {
  env?: Record<string, string>;
  cols?: number;
  rows?: number;
  cwd?: string;
  /** Told of each piece of output as it arrives, as a terminal would see it: to answer a query at once. */
  onOutput?: (data: string, terminal: Terminal) => void;
}

/**
 * A real pseudo-terminal running a program: type keys, read the screen, wait for exit. The
 * environment is the test's own, less what would change delegate's output, with TERM, a UTF-8
 * locale and `PAGER=cat`, then `options.env`.
 */
export class Terminal {
  private output = '';
  private mark = 0;
  private readonly process: pty.IPty;
  /** The exit code. */
  readonly exited: Promise<number>;
  /** The signal that ended the program, if one did. */
  signal: number | undefined;

  /** The built delegate binary in a terminal of 100 by 40 unless told otherwise. */
  static delegate(args: string[], options: TerminalOptions = {}): Terminal {
    return new Terminal(process.execPath, [bin, ...args], options);
  }

  constructor(file: string, args: string[], options: TerminalOptions = {}) {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !NOT_INHERITED.includes(key)) env[key] = value;
    Object.assign(env, { TERM: 'xterm-256color', LANG: 'C.UTF-8', PAGER: 'cat' }, options.env);
    this.process = pty.spawn(file, args, { name: 'xterm-256color', cols: options.cols ?? 100, rows: options.rows ?? 40, cwd: options.cwd ?? repoRoot, env });
    this.process.onData((data) => {
      this.output += data;
      options.onOutput?.(data, this);
    });
    this.exited = new Promise((resolve) =>
      this.process.onExit(({ exitCode, signal }) => {
        this.signal = signal || undefined;
        resolve(exitCode);
      }),
    );
    open.push(this);
  }

  /** Everything the program has written, escape codes included. */
  get raw(): string {
    return this.output;
  }

  /** Everything shown so far, without escape codes. */
  text(): string {
    return plain(this.output);
  }

  /** Everything shown since the end of what the last `waitFor` matched (or since `skip()`). */
  get screen(): string {
    return this.text().slice(this.mark);
  }

  /** Let the next `waitFor` look only at what is shown from now on. */
  skip(): void {
    this.mark = this.text().length;
  }

  /**
   * Wait until the screen shows `pattern`, then until the program has stopped writing for a
   * moment (a frame can arrive in pieces), and return the screen. The next wait starts after
   * the match, not after everything written so far: two lines written at once must both be
   * found. A guard, not a timing assertion: the default is generous.
   */
  async waitFor(pattern: RegExp | string, timeout = 15000): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      if (lastMatchEnd(this.screen, pattern) >= 0) {
        for (let length = -1; length !== this.output.length && Date.now() < deadline; ) {
          length = this.output.length;
          await new Promise((resolve) => setTimeout(resolve, 40));
        }
        const text = this.screen;
        this.mark += lastMatchEnd(text, pattern);
        return text;
      }
      if (Date.now() > deadline) throw new Error(`the terminal never showed ${String(pattern)}; it showed:\n${this.screen.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  write(keys: string): void {
    this.process.write(keys);
  }

  /** Send a signal to the program itself (not to the terminal's whole process group). */
  kill(signal?: string): void {
    this.process.kill(signal);
  }

  close(): void {
    try {
      this.process.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}
