import { type Command, CommanderError } from 'commander';
import { fstatSync, statSync } from 'node:fs';
import { createContext, shouldAskBackground, type OutStream } from './context.js';
import { ExitCode, UserError } from './errors.js';
import { buildProgram } from './program.js';
import { announceCommand } from './startup/commandRan.js';
import { fdStream } from './ui/fdStream.js';
import { deferInterrupt } from './ui/interrupt.js';
import { version } from './version.js';

// The one place the process ends: argv in, an exit code out. Expected errors print a message;
// anything else is a bug and prints its stack.

const debug = !!process.env.DELEGATE_DEBUG && process.env.DELEGATE_DEBUG !== '0';

// `delegate list | head -1`: the reader left; stop quietly.
const readerGone = () => process.exit(process.exitCode ?? 0);

/**
 * Whether output to `fd` can skip Node's stream: anything but a terminal (a pipe, a file,
 * /dev/null). A terminal gets process.stdout or process.stderr.
 */
let devNull: number | undefined;
function plainOutput(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice() || stat.rdev === (devNull ??= statSync('/dev/null').rdev)) return true;
  } catch {
    return false; // no such descriptor, or no /dev/null: let Node decide
  }
  // Another character device: most likely the terminal, which needs node:tty anyway (it loads
  // Node's stream and net modules, so it is not loaded for a pipe or a file).
  return !process.getBuiltinModule('node:tty').isatty(fd);
}

type Output = OutStream & { writableLength?: number };

/** stdout or stderr, made on first use: most runs never write to stderr. */
function output(fd: 1 | 2): { stream: Output; used: () => Output | undefined } {
  let made: Output | undefined;
  const make = (): Output => {
    if (plainOutput(fd)) return fdStream(fd, readerGone);
    const stream = fd === 1 ? process.stdout : process.stderr;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') readerGone();
      throw error;
    });
    return stream;
  };
  const stream: Output = {
    write: (chunk) => (made ??= make()).write(chunk),
    get isTTY() {
      return (made ??= make()).isTTY;
    },
    get columns() {
      return (made ??= make()).columns;
    },
    get rows() {
      return (made ??= make()).rows;
    },
  };
  return { stream, used: () => made };
}

const stdout = output(1);
const stderr = output(2);

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message (and usage) already.
    return ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code) ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError' || error.name === 'Interrupted')) {
    return ExitCode.interrupted;
  }
  if (error instanceof UserError) {
    stderr.stream.write(`delegate: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
    if (debug) stderr.stream.write(`${error.stack ?? ''}\n`);
    return error.exitCode;
  }
  stderr.stream.write(
    `delegate: unexpected error. This is a bug; please report it with the command you ran.\n${
      error instanceof Error ? (error.stack ?? error.message) : String(error)
    }\n`,
  );
  return ExitCode.failure;
}

async function main(): Promise<number> {
  const program = buildProgram(
    async (options) => {
      const io = { stdout: stdout.stream, stderr: stderr.stream, stdin: () => process.stdin, env: process.env };
      // --theme auto on a terminal that has not said: ask it (OSC 11), loaded only then.
      const ask = shouldAskBackground(options, process.env, stdout.stream, () => process.getBuiltinModule('node:tty').isatty(0));
      const background = ask ? await (await import('./ui/terminalBackground.js')).askBackground(process.stdin, stdout.stream) : undefined;
      return createContext(options, { ...io, ...(background ? { background } : {}) });
    },
    version(),
    { stdout: stdout.stream, stderr: stderr.stream },
    // The command about to run, when it comes first: only that one is defined.
    process.argv[2]?.startsWith('-') === false ? process.argv[2] : undefined,
  );
  // The command that runs, for the V8 code kept under its name (src/startup/codeCache.ts).
  program.hook('preAction', (_program, command) => {
    const names: string[] = [];
    for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
    announceCommand(names);
  });
  try {
    await program.parseAsync(process.argv);
    return ExitCode.ok;
  } catch (error) {
    return report(error);
  }
}

// Ctrl-C ends at once, unless a pager holds the terminal: then delegate waits for it to end.
process.on('SIGINT', () => {
  if (!deferInterrupt()) process.exit(ExitCode.interrupted);
});

/**
 * Exit once everything written has reached stdout and stderr, rather than wait for Node to wind
 * down by itself (a few ms, more after a big compare). Output still queued (a pipe whose reader
 * is slow) is left to drain, and Node exits after it.
 */
function finish(code: number): void {
  process.exitCode = code;
  if (!stdout.used()?.writableLength && !stderr.used()?.writableLength) process.exit(code);
}

main().then(finish, (error: unknown) => finish(report(error)));
