import { writeSync } from 'node:fs';
import type { OutStream } from '../context.js';
import { UserError } from '../errors.js';

// NOTE: process.stdout and process.stderr are built on first use from Node's stream modules, a
// few ms of every run that prints. Output that goes to a file or a pipe needs none of that: it
// is written straight to the descriptor, whole, before write() returns, so nothing is left
// queued when the process exits.

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * An output stream writing synchronously to file descriptor `fd` (not a terminal). `closed` is
 * called when the reader has gone (EPIPE), as in `delegate list | head -1`.
 */
export function fdStream(fd: number, closed: () => void): OutStream {
  return {
    isTTY: false,
    write(chunk: string): boolean {
      const bytes = Buffer.from(chunk, 'utf8');
      for (let done = 0; done < bytes.length; ) {
        try {
          done += writeSync(fd, bytes, done, bytes.length - done);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EPIPE') {
            closed();
            return false;
          }
          // A descriptor shared with a process that made it non-blocking: the reader is
          // behind, so wait a moment and go on.
          if (code === 'EAGAIN') {
            Atomics.wait(pause, 0, 0, 2);
            continue;
          }
          // A full disk, say. Where stderr itself fails there is nowhere left to say so.
          if (fd === 2) return false;
          throw new UserError(`could not write the output: ${(error as Error).message}`, {
            hint: 'Check where the output goes: a full disk, or a file that cannot grow. Or send it elsewhere (> another-file).',
          });
        }
      }
      return true;
    },
  };
}
