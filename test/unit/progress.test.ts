import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProgressStore } from '../../src/checklist/progress.js';
import { UserError } from '../../src/errors.js';
import { useTempDir } from '../helpers/fixtures.js';

// What a delegate gets from saved checklist progress when a file is odd: the reason it could
// not be read, in the warning; the ticks a file holds, read as they were meant; and a message
// with what to do when the folder or the lock is in the way. (checklistProgress.test.ts has the
// ordinary saves.)

const root = useTempDir('delegate-progress-store-');
const NOW = '2025-09-21T10:30:00.000Z';
const STAMP = '2025-09-21T10-30-00-000Z';

function store(dir: string, options: { lockTimeout?: number } = {}): { s: ProgressStore; warnings: string[] } {
  const warnings: string[] = [];
  return { s: new ProgressStore({ dir, now: () => new Date(NOW), warn: (m) => warnings.push(m), ...options }), warnings };
}

/** A progress folder holding `demo--default.json` with `text` in it. */
function saved(text: string, dir = join(root(), 'progress')): { dir: string; file: string } {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'demo--default.json');
  writeFileSync(file, text);
  return { dir, file };
}

/** The UserError `run` throws, as message and hint, or a failure when it throws none. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return `${error.message}\n${error.hint}`;
  }
  throw new Error('no UserError was thrown');
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

/** Another live process, holding `lock` as a save in progress would, that lets go after `ms`. */
function otherSave(lock: string, ms: number): void {
  const script = `setTimeout(() => require('node:fs').rmSync(${JSON.stringify(lock)}, { force: true }), ${ms})`;
  const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
  children.push(child);
  writeFileSync(lock, `${child.pid}\n`);
}

describe('a progress file that cannot be used says why', () => {
  test.each([
    ['null', 'not a JSON object'],
    ['"a string"', 'not a JSON object'],
    ['[{"schema": 1}]', 'not a JSON object'],
    ['{"ticked": {}}', 'it has no schema number'],
    ['{"schema": "1", "ticked": {}}', 'it has no schema number'],
    ['{"schema": 0, "ticked": {}}', 'schema 0 is not one delegate knows'],
    ['{"schema": 1}', '"ticked" is not an object'],
    ['{"schema": 1, "ticked": null}', '"ticked" is not an object'],
    ['{"schema": 1, "ticked": "read"}', '"ticked" is not an object'],
    ['{"schema": 1, "ticked": ["read"]}', '"ticked" is not an object'],
  ])('%s: %s', (text, reason) => {
    const { dir, file } = saved(text);
    const { s, warnings } = store(dir);
    expect(s.read('demo', 'default')).toBeUndefined();
    const aside = join(dir, `demo--default.corrupt-${STAMP}.json`);
    expect(warnings).toEqual([`checklist progress ${file} could not be read (${reason}). It was moved to ${aside} and this run starts afresh.`]);
    expect(readFileSync(aside, 'utf8')).toBe(text);
  });

  test('text that is not JSON: the parser\'s own reason is given', () => {
    const { dir, file } = saved('{"schema": 1, "ticked": {');
    const { s, warnings } = store(dir);
    expect(s.read('demo', 'default')).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^checklist progress ${file} could not be read \\(not valid JSON \\([^)]+\\)\\)\\. It was moved to `));
  });

  test('a file from a newer delegate says to update, and is left as it is', () => {
    const text = '{"schema": 3, "ticked": {}}';
    const { dir, file } = saved(text);
    const { s } = store(dir);
    expect(refusal(() => s.read('demo', 'default'))).toBe(
      `${file} was saved by a newer version of delegate (progress schema 3)\nUpdate delegate to use it; it has not been changed.`,
    );
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('what a saved file holds', () => {
  test('a tick saved as a time keeps it; one saved as true takes the file\'s time; false and null are not ticks', () => {
    const { dir } = saved(JSON.stringify({
      schema: 1,
      checklist: 'ignored',
      run: 'ignored',
      ticked: { read: '2025-09-01T08:00:00.000Z', allies: true, speech: false, card: null, seat: 3 },
      updated: '2025-09-02T09:00:00.000Z',
    }));
    expect(store(dir).s.read('demo', 'default')).toEqual({
      schema: 1,
      checklist: 'demo',
      run: 'default',
      ticked: { read: '2025-09-01T08:00:00.000Z', allies: '2025-09-02T09:00:00.000Z', seat: '2025-09-02T09:00:00.000Z' },
      updated: '2025-09-02T09:00:00.000Z',
    });
  });

  test('a file with no time of its own gives its undated ticks none', () => {
    const { dir } = saved('{"schema": 1, "ticked": {"read": true}, "updated": 7}');
    expect(store(dir).s.read('demo', 'default')).toMatchObject({ ticked: { read: '' }, updated: '' });
  });

  test('without a clock given, a save is stamped with the time it was made', () => {
    const dir = join(root(), 'progress');
    const before = Date.now();
    const progress = new ProgressStore({ dir }).update('demo', 'default', (ticked, now) => {
      ticked.read = now;
    });
    const stamped = Date.parse(progress.updated);
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(Date.now());
    expect(progress.ticked.read).toBe(progress.updated);
  });
});

describe('listing every run', () => {
  test('runs come sorted by checklist, then run, whatever order they were saved in', () => {
    const { s } = store(join(root(), 'progress'));
    for (const [checklist, run] of [['zebra', 'default'], ['agenda', 'zeta'], ['motions', 'default'], ['agenda', 'alpha'], ['agenda', 'mid']]) {
      s.update(checklist!, run!, (ticked, now) => {
        ticked.read = now;
      });
    }
    expect(s.all().map((p) => `${p.checklist}/${p.run}`)).toEqual(['agenda/alpha', 'agenda/mid', 'agenda/zeta', 'motions/default', 'zebra/default']);
  });

  test('no progress folder yet: nothing saved', () => {
    expect(store(join(root(), 'never-made')).s.all()).toEqual([]);
  });

  test('a progress file that cannot be read (a folder in its place) is reported and the others still listed', () => {
    const dir = join(root(), 'progress');
    const { s, warnings } = store(dir);
    s.update('demo', 'default', (ticked, now) => {
      ticked.read = now;
    });
    mkdirSync(join(dir, 'demo--odd.json'));
    expect(s.all().map((p) => p.run)).toEqual(['default']);
    expect(warnings).toEqual([`cannot read checklist progress ${join(dir, 'demo--odd.json')} (EISDIR); it is left as it is and not shown`]);
    expect(refusal(() => s.read('demo', 'odd'))).toMatch(/\nCheck that the file is yours and readable; nothing was changed\.$/);
  });
});

describe('when something is in the way', () => {
  test('a progress folder that cannot be made says which and what to check', () => {
    writeFileSync(join(root(), 'data'), 'a file where a folder should be');
    const dir = join(root(), 'data', 'progress');
    expect(refusal(() => store(dir).s.update('demo', 'default', () => undefined))).toBe(
      `cannot create ${dir} (ENOTDIR)\nCheck that XDG_DATA_HOME points to a folder you can write to.`,
    );
  });

  test('a broken file that cannot be moved aside (its new name too long) is reported and left where it is', () => {
    const dir = join(root(), 'progress');
    mkdirSync(dir);
    const checklist = 'c'.repeat(225);
    const file = join(dir, `${checklist}--default.json`);
    writeFileSync(file, 'not json');
    const { s } = store(dir);
    expect(refusal(() => s.update(checklist, 'default', () => undefined))).toBe(
      `cannot move the unreadable progress file ${file} aside (ENAMETOOLONG)\nMove or delete it yourself, then run the command again.`,
    );
    expect(readFileSync(file, 'utf8')).toBe('not json');
  });

  test('a broken file in a folder whose name has ".json" in it is moved aside beside itself', () => {
    const { dir, file } = saved('not json', join(root(), 'store.json.d', 'progress'));
    const { s } = store(dir);
    expect(s.read('demo', 'default')).toBeUndefined();
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([`demo--default.corrupt-${STAMP}.json`]);
  });

  test('reading saved ticks does not wait for another process that is saving', () => {
    const { dir, file } = saved(JSON.stringify({ schema: 1, ticked: { read: NOW }, updated: NOW }));
    otherSave(`${file}.lock`, 20_000);
    expect(store(dir, { lockTimeout: 50 }).s.read('demo', 'default')?.ticked).toEqual({ read: NOW });
  });

  test('a save gives up after the lock timeout asked for, even if the other process would finish later', () => {
    const { dir, file } = saved(JSON.stringify({ schema: 1, ticked: {}, updated: NOW }));
    otherSave(`${file}.lock`, 1500);
    expect(refusal(() => store(dir, { lockTimeout: 50 }).s.update('demo', 'default', () => undefined))).toMatch(
      /^another delegate process is saving this checklist and has not finished\n/,
    );
  });

  test('a name that is not a slug is refused before any file is touched', () => {
    const { s } = store(join(root(), 'progress'));
    expect(() => s.file('demo', '../x')).toThrow('not a safe progress name: demo / ../x');
    expect(existsSync(join(root(), 'progress'))).toBe(false);
  });
});
