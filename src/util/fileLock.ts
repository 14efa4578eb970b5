import { closeSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';

export interface LockOptions {
  /** How long to wait for another process to finish, in ms. */
  timeout: number;
  /** A lock older than this (ms) was left by a crash and is removed. */
  stale: number;
  /** What is being saved, for the message when the wait runs out ("this checklist"). */
  what: string;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

// The pid is written the moment the lock is made; a lock still empty after this long was left
// by a process killed in between, or one whose disk filled.
const EMPTY_LOCK_GRACE = 1000;

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Runs `body` holding `<file>.lock`, a file made with O_EXCL that holds our pid. A process
 * that waits finds a lock whose process is gone, or one older than `stale`, and takes it over;
 * otherwise it waits up to `timeout`. The folder of `file` must exist.
 */
export function withFileLock<T>(file: string, options: LockOptions, body: () => T): T {
  const lock = `${file}.lock`;
  const deadline = Date.now() + options.timeout;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if (fd !== undefined) {
        // Made but not written (a full disk): a lock with no pid would make the next save wait.
        closeSync(fd);
        rmSync(lock, { force: true });
      }
      if (errorCode(error) !== 'EEXIST') {
        throw new UserError(`cannot lock ${file} (${errorCode(error) ?? String(error)})`, { hint: 'Check that the folder is yours, writable and not full.' });
      }
    }
    if (removeIfStale(lock, options.stale)) continue;
    if (Date.now() > deadline) {
      throw new UserError(`another delegate process is saving ${options.what} and has not finished`, {
        hint: `If no other delegate is running, delete ${lock} and try again. What was saved before is safe.`,
      });
    }
    sleep(5 + Math.floor(Math.random() * 20));
  }
  try {
    removeOrphanTemps(file);
    return body();
  } finally {
    rmSync(lock, { force: true });
  }
}

/**
 * Temp files of `file` (`.<name>.<pid>.<random>.tmp`, see writeTempBeside) whose writer is gone:
 * a write killed before its rename. Only the lock holder may remove them, so a live writer's
 * temp file is never touched.
 */
function removeOrphanTemps(file: string): void {
  const prefix = `.${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(file)).filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number.parseInt(name.slice(prefix.length), 10);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processIsGone(pid)) rmSync(join(dirname(file), name), { force: true });
  }
}

/** A lock left by a process that has died, or older than any save takes, is removed. */
function removeIfStale(lock: string, stale: number): boolean {
  let text: string;
  let age: number;
  try {
    text = readFileSync(lock, 'utf8');
    age = Date.now() - statSync(lock).mtimeMs;
  } catch (error) {
    // Released between our attempt and now: try again at once. NOTE: only then; a lock that is
    // there but cannot be read (another user's, a folder in its place) is waited on like a live
    // one, so the wait ends in the message naming it. Trying again at once looped for ever.
    return errorCode(error) === 'ENOENT';
  }
  const pid = Number.parseInt(text, 10);
  const known = Number.isInteger(pid) && pid > 0;
  const dead = known ? pid !== process.pid && processIsGone(pid) : age > EMPTY_LOCK_GRACE;
  if (!dead && age < stale) return false;
  // NOTE: re-check just before removing, so a lock taken afresh meanwhile is left alone.
  try {
    if (readFileSync(lock, 'utf8') !== text) return true;
    rmSync(lock, { force: true });
  } catch {
    // gone already
  }
  return true;
}
