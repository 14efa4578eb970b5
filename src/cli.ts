import { CommanderError } from 'commander';
import { createContext } from './context.js';
import { ExitCode, UserError } from './errors.js';
import { buildProgram } from './program.js';
import { version } from './version.js';

// The one place the process ends: argv in, an exit code out. Expected errors print a message;
// anything else is a bug and prints its stack.

const debug = !!process.env.DELEGATE_DEBUG && process.env.DELEGATE_DEBUG !== '0';

// `delegate list | head -1`: the reader left; stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message (and usage) already.
    return ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code) ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
    return ExitCode.interrupted;
  }
  if (error instanceof UserError) {
    process.stderr.write(`delegate: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
    if (debug) process.stderr.write(`${error.stack ?? ''}\n`);
    return error.exitCode;
  }
  process.stderr.write(
    `delegate: unexpected error. This is a bug; please report it with the command you ran.\n${
      error instanceof Error ? (error.stack ?? error.message) : String(error)
    }\n`,
  );
  return ExitCode.failure;
}

async function main(): Promise<number> {
  const program = buildProgram(
    (options) =>
      createContext(options, {
        stdout: process.stdout,
        stderr: process.stderr,
        stdin: () => process.stdin,
        env: process.env,
      }),
    version(),
  );
  try {
    await program.parseAsync(process.argv);
    return ExitCode.ok;
  } catch (error) {
    return report(error);
  }
}

process.on('SIGINT', () => process.exit(ExitCode.interrupted));

/**
 * Exit once everything written has reached stdout and stderr, rather than wait for Node to wind
 * down by itself (a few ms, more after a big compare). Output still queued (a pipe whose reader
 * is slow) is left to drain, and Node exits after it.
 */
function finish(code: number): void {
  process.exitCode = code;
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
}

main().then(finish, (error: unknown) => finish(report(error)));
