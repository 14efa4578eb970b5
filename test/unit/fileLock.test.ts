import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../src/errors.js';
import { withFileLock } from '../../src/util/fileLock.js';
import { useTempDir } from '../helpers/fixtures.js';

// The lock that keeps two terminals saving one checklist from losing a tick. What a delegate
// gets from it: the save runs (once the other process is done, or when the other process is
// gone), or a message that names the lock file to delete.

const dir = useTempDir('delegate-lock-');
const options = { timeout: 5000, stale: 10_000, what: 'this checklist' };
// A pid that cannot be running: above the largest Linux pid.
const DEAD_PID = 99_999_999;

/** The UserError `run` throws (message, then hint), or a failure when it throws none. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return `${error.message}\n${error.hint}`;
  }
  throw new Error('no UserError was thrown');
}

/** Set a file's times `seconds` into the past, as a lock left long ago would be. */
function age(file: string, seconds: number): void {
  const then = new Date(Date.now() - seconds * 1000);
  utimesSync(file, then, then);
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

/** A live process other than this one, which removes `lock` after `ms` (if given) and exits. */
function otherProcess(lock: string, ms?: number): ChildProcess {
  const script = ms === undefined
    ? 'setTimeout(() => {}, 60000)'
    : `setTimeout(() => { require('node:fs').rmSync(${JSON.stringify(lock)}, { force: true }); }, ${ms})`;
  const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
  children.push(child);
  return child;
}

describe('withFileLock', () => {
  test('runs the body holding a lock file with our pid, returns its value, and removes the lock', () => {
    const file = join(dir(), 'demo--default.json');
    const lock = `${file}.lock`;
    let seen: string | undefined;
    const value = withFileLock(file, options, () => {
      seen = readFileSync(lock, 'utf8');
      return 'saved';
    });
    expect(value).toBe('saved');
    expect(seen).toBe(`${process.pid}\n`);
    expect(readdirSync(dir())).toEqual([]);
  });

  test('the lock is removed when the body fails, and the failure is the body\'s own', () => {
    const file = join(dir(), 'demo--default.json');
    expect(() => withFileLock(file, options, () => {
      throw new Error('the save went wrong');
    })).toThrow('the save went wrong');
    expect(readdirSync(dir())).toEqual([]);
    // The next save is not kept waiting.
    expect(withFileLock(file, { ...options, timeout: 0 }, () => 'next')).toBe('next');
  });

  test('waits while another live process holds the lock, and runs once it lets go', () => {
    const file = join(dir(), 'demo--default.json');
    const lock = `${file}.lock`;
    const other = otherProcess(lock, 300);
    writeFileSync(lock, `${other.pid}\n`);
    expect(withFileLock(file, options, () => readFileSync(lock, 'utf8'))).toBe(`${process.pid}\n`);
    expect(existsSync(lock)).toBe(false);
  });

  test('a lock held by a live process that never lets go is reported, naming the lock to delete', () => {
    const file = join(dir(), 'demo--default.json');
    const lock = `${file}.lock`;
    const other = otherProcess(lock);
    writeFileSync(lock, `${other.pid}\n`);
    let ran = false;
    expect(refusal(() => withFileLock(file, { ...options, timeout: 100 }, () => (ran = true)))).toBe(
      'another delegate process is saving this checklist and has not finished\n' +
        `If no other delegate is running, delete ${lock} and try again. What was saved before is safe.`,
    );
    expect(ran).toBe(false);
    expect(readFileSync(lock, 'utf8')).toBe(`${other.pid}\n`);
  });

  test('a lock deleted by hand while the save runs (as the message suggests) does not fail the save', () => {
    const file = join(dir(), 'demo--default.json');
    expect(withFileLock(file, options, () => {
      rmSync(`${file}.lock`);
      return 'saved';
    })).toBe('saved');
    expect(readdirSync(dir())).toEqual([]);
  });

  test('a lock left by a process that has died is taken over at once', () => {
    const file = join(dir(), 'demo--default.json');
    const lock = `${file}.lock`;
    writeFileSync(lock, `${DEAD_PID}\n`);
    // No time to wait: the dead holder's lock must not cost the timeout.
    expect(withFileLock(file, { ...options, timeout: 0 }, () => readFileSync(lock, 'utf8'))).toBe(`${process.pid}\n`);
    expect(existsSync(lock)).toBe(false);
  });

  test('a lock older than `stale` is taken over even when its process still runs', () => {
    const file = join(dir(), 'demo--default.json');
    const lock = `${file}.lock`;
    writeFileSync(lock, `${otherProcess(lock).pid}\n`);
    age(lock, 60);
    expect(withFileLock(file, { ...options, timeout: 0, stale: 30_000 }, () => 'taken')).toBe('taken');
    // Younger than `stale`, the same lock is waited for.
    writeFileSync(lock, `${otherProcess(lock).pid}\n`);
    age(lock, 60);
    expect(refusal(() => withFileLock(file, { ...options, timeout: 50, stale: 120_000 }, () => 'taken'))).toMatch(/^another delegate process/);
  });

  test('an empty lock (its process killed before it wrote its pid) is waited for at first, then taken over', () => {
    const file = join(dir(), 'demo--default.json');
    const lock = `${file}.lock`;
    writeFileSync(lock, '');
    expect(refusal(() => withFileLock(file, { ...options, timeout: 50 }, () => 'taken'))).toMatch(/^another delegate process/);
    expect(existsSync(lock)).toBe(true);
    age(lock, 5);
    expect(withFileLock(file, { ...options, timeout: 0 }, () => 'taken')).toBe('taken');
    expect(existsSync(lock)).toBe(false);
  });

  test.each([
    ['text that is not a pid', 'not a pid\n'],
    ['pid 0', '0\n'],
    ['a negative pid', '-1\n'],
  ])('a lock holding %s counts as empty: a few seconds old, it is taken over', (_kind, text) => {
    const file = join(dir(), 'demo--default.json');
    const lock = `${file}.lock`;
    writeFileSync(lock, text);
    age(lock, 5);
    expect(withFileLock(file, { ...options, timeout: 0 }, () => 'taken')).toBe('taken');
  });

  test('a folder that is missing is a plain error, not a wait', () => {
    const file = join(dir(), 'missing', 'demo--default.json');
    expect(refusal(() => withFileLock(file, options, () => 'taken'))).toBe(
      `cannot lock ${file} (ENOENT)\nCheck that the folder is yours, writable and not full.`,
    );
  });

  test('a lock that cannot be read (here a folder in its place) is reported after the wait, not looped on', () => {
    const file = join(dir(), 'demo--default.json');
    mkdirSync(`${file}.lock`);
    expect(refusal(() => withFileLock(file, { ...options, timeout: 50 }, () => 'taken'))).toMatch(/^another delegate process/);
    expect(existsSync(`${file}.lock`)).toBe(true);
  });

  test('temp files of a write whose process died are removed before the body runs; others are kept', () => {
    const file = join(dir(), 'notes.md');
    const live = otherProcess(file).pid!;
    const kept = [
      `.notes.md.${live}.k3j4h5g6.tmp`, // a live writer's
      `.notes.md.${process.pid}.a1b2c3d4.tmp`, // our own
      '.notes.md.x.a1b2c3d4.tmp', // no pid
      '.notes.md.0.a1b2c3d4.tmp',
      `.notes.md.-${DEAD_PID}.a1b2c3d4.tmp`, // not a pid: kill() would take it for a process group
      `.notes.md.${DEAD_PID}.a1b2c3d4.txt`, // not a temp file
      `.other.md.${DEAD_PID}.a1b2c3d4.tmp`, // another file's
      `notes.md.${DEAD_PID}.a1b2c3d4.tmp`,
      'notes.md',
    ];
    const orphans = [`.notes.md.${DEAD_PID}.a1b2c3d4.tmp`, `.notes.md.${DEAD_PID + 1}.e5f6g7h8.tmp`];
    for (const name of [...kept, ...orphans]) writeFileSync(join(dir(), name), 'half a note');
    const during = withFileLock(file, options, () => readdirSync(dir()).sort());
    expect(during).toEqual([...kept, 'notes.md.lock'].sort());
    expect(readdirSync(dir()).sort()).toEqual([...kept].sort());
  });
});
