import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { Checklist } from '../../src/checklist/checklist.js';
import { parseChecklist } from '../../src/checklist/parseChecklist.js';
import { ProgressStore, runName } from '../../src/checklist/progress.js';
import { initialTicks, runStatus } from '../../src/checklist/runStatus.js';
import { UserError } from '../../src/errors.js';
import { repoRoot } from '../helpers/run.js';
import { useTempDir } from '../helpers/fixtures.js';

let dir: string;
let warnings: string[];
const fixedNow = () => new Date('2025-09-21T10:30:00.000Z');
const store = (options: { lockTimeout?: number; staleLock?: number } = {}) =>
  new ProgressStore({ dir, now: fixedNow, warn: (m) => warnings.push(m), ...options });
const tick = (s: ProgressStore, checklist: string, run: string, ...ids: string[]) =>
  s.update(checklist, run, (ticked, now) => {
    for (const id of ids) ticked[id] = now;
  });

const tempFolder = useTempDir('delegate-progress-');
beforeEach(() => {
  dir = join(tempFolder(), 'progress');
  warnings = [];
});

async function checklist(text: string): Promise<Checklist> {
  return (await parseChecklist(text, '/c/demo.md', 'personal')).checklist;
}

describe('ProgressStore', () => {
  test('saves ticks as versioned JSON, one file per checklist and run, leaving no temp or lock files', () => {
    const s = store();
    expect(s.read('demo', 'default')).toBeUndefined();
    tick(s, 'demo', 'default', 'a', 'b');
    tick(s, 'demo', 'economy', 'c');
    expect(readdirSync(dir).sort()).toEqual(['demo--default.json', 'demo--economy.json']);
    expect(JSON.parse(readFileSync(join(dir, 'demo--default.json'), 'utf8'))).toEqual({
      schema: 1,
      checklist: 'demo',
      run: 'default',
      ticked: { a: '2025-09-21T10:30:00.000Z', b: '2025-09-21T10:30:00.000Z' },
      updated: '2025-09-21T10:30:00.000Z',
    });
    expect(Object.keys(s.read('demo', 'economy')!.ticked)).toEqual(['c']);
    expect(s.all().map((p) => `${p.checklist}/${p.run}`)).toEqual(['demo/default', 'demo/economy']);
  });

  test('unticking removes the id; reset forgets the run and says what it held', () => {
    const s = store();
    tick(s, 'demo', 'default', 'a', 'b');
    s.update('demo', 'default', (ticked) => delete ticked.a);
    expect(Object.keys(s.read('demo', 'default')!.ticked)).toEqual(['b']);
    expect(Object.keys(s.reset('demo', 'default')!.ticked)).toEqual(['b']);
    expect(s.read('demo', 'default')).toBeUndefined();
    expect(s.reset('demo', 'default')).toBeUndefined();
  });

  test('a run never saved starts from the ids given as initial', () => {
    const s = store();
    tick(s, 'demo', 'default', 'x');
    expect(Object.keys(s.update('demo', 'fresh', () => undefined, ['a', 'b']).ticked)).toEqual(['a', 'b']);
    // Once saved, the initial ids no longer apply.
    expect(Object.keys(s.update('demo', 'default', () => undefined, ['a']).ticked)).toEqual(['x']);
  });

  test.each([
    ['not JSON', '{"schema": 1, "ticked": {"a": '],
    ['empty', ''],
    ['an array', '[1, 2]'],
    ['without a schema', '{"ticked": {}}'],
    ['with ticked not an object', '{"schema": 1, "ticked": ["a"]}'],
  ])('a file that is %s is moved aside with a warning, never overwritten, and the run starts fresh', (_kind, garbage) => {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'demo--default.json');
    writeFileSync(file, garbage);
    const s = store();
    expect(s.read('demo', 'default')).toBeUndefined();
    const aside = join(dir, 'demo--default.corrupt-2025-09-21T10-30-00-000Z.json');
    expect(readFileSync(aside, 'utf8')).toBe(garbage);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(file);
    expect(warnings[0]).toContain(aside);
    expect(existsSync(file)).toBe(false);

    // Ticking now starts a fresh file; the copy aside is untouched.
    tick(s, 'demo', 'default', 'a');
    expect(Object.keys(s.read('demo', 'default')!.ticked)).toEqual(['a']);
    expect(readFileSync(aside, 'utf8')).toBe(garbage);
  });

  test('a second corrupt file in the same second does not replace the first copy', () => {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'demo--default.json');
    const s = store();
    writeFileSync(file, 'first');
    s.read('demo', 'default');
    writeFileSync(file, 'second');
    s.read('demo', 'default');
    const copies = readdirSync(dir).filter((f) => f.includes('.corrupt-')).sort();
    expect(copies).toHaveLength(2);
    expect(copies.map((f) => readFileSync(join(dir, f), 'utf8')).sort()).toEqual(['first', 'second']);
  });

  test('a file from a newer delegate (higher schema) is refused and left as it is', () => {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'demo--default.json');
    const newer = '{"schema": 2, "ticked": {"a": "x"}, "shape": "new"}';
    writeFileSync(file, newer);
    const s = store();
    expect(() => s.read('demo', 'default')).toThrow(UserError);
    expect(() => tick(s, 'demo', 'default', 'b')).toThrow(/newer version of delegate/);
    expect(readFileSync(file, 'utf8')).toBe(newer);
  });

  test('listing every run reports a file it cannot use and still lists the others', () => {
    const s = store();
    tick(s, 'demo', 'default', 'a');
    writeFileSync(join(dir, 'demo--newer.json'), '{"schema": 2}');
    writeFileSync(join(dir, 'demo--broken.json'), 'not json');
    writeFileSync(join(dir, 'notes.txt'), 'not a progress file at all');
    expect(s.all().map((p) => p.run)).toEqual(['default']);
    expect(warnings).toHaveLength(2);
    expect(warnings.find((w) => w.includes('demo--newer.json'))).toContain('newer version of delegate');
    expect(warnings.find((w) => w.includes('demo--broken.json'))).toContain('moved to');
  });

  test('hostile run names cannot leave the progress folder', () => {
    expect(runName('../../x')).toBe('x');
    expect(runName('..')).toBe('');
    expect(runName('/etc/passwd')).toBe('etc-passwd');
    expect(runName('Economy Composite')).toBe('economy-composite');
    expect(runName('a'.repeat(100))).toHaveLength(40);
    const s = store();
    expect(() => s.file('demo', '../x')).toThrow();
    expect(() => s.file('../demo', 'x')).toThrow();
    expect(() => s.file('demo', '')).toThrow();
    tick(s, 'demo', runName('../../escape'), 'a');
    expect(readdirSync(dir)).toEqual(['demo--escape.json']);
  });

  test('a lock left by a process that has died is cleared', () => {
    mkdirSync(dir, { recursive: true });
    // A pid that cannot be running: above the largest Linux pid.
    writeFileSync(join(dir, 'demo--default.json.lock'), '99999999\n');
    tick(store({ lockTimeout: 200 }), 'demo', 'default', 'a');
    expect(readdirSync(dir)).toEqual(['demo--default.json']);
  });

  test('a lock held by a live process is waited for: released during the wait, the tick is saved', async () => {
    mkdirSync(dir, { recursive: true });
    const lock = join(dir, 'demo--default.json.lock');
    // Another process takes the lock and lets it go a moment after the test says it is about to
    // tick. The lock is already there at the first try, so only a store that waits can save.
    const go = join(dir, '..', 'go');
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('node:fs');
        fs.writeFileSync(process.argv[1], process.pid + '\\n');
        process.stdout.write('holding');
        const wait = setInterval(() => {
          if (!fs.existsSync(process.argv[2])) return;
          clearInterval(wait);
          setTimeout(() => fs.rmSync(process.argv[1]), 200);
        }, 5);`,
        lock,
        go,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise<number | null>((resolve) => holder.on('exit', resolve));
    try {
      await new Promise((resolve) => holder.stdout.once('data', resolve));
      expect(readFileSync(lock, 'utf8')).toBe(`${holder.pid}\n`);
      writeFileSync(go, '');
      tick(store({ lockTimeout: 20000 }), 'demo', 'default', 'a');
      expect(await exited).toBe(0);
    } finally {
      holder.kill();
    }
    expect(Object.keys(store().read('demo', 'default')!.ticked)).toEqual(['a']);
    expect(readdirSync(dir)).toEqual(['demo--default.json']);
  });

  test('a lock held by a live process past the wait is reported with what to do, and nothing is saved', () => {
    mkdirSync(dir, { recursive: true });
    const lock = join(dir, 'demo--default.json.lock');
    writeFileSync(lock, `${process.ppid}\n`);
    expect(() => tick(store({ lockTimeout: 50 }), 'demo', 'default', 'a')).toThrow(
      expect.objectContaining({
        message: 'another delegate process is saving this checklist and has not finished',
        hint: `If no other delegate is running, delete ${lock} and try again. What was saved before is safe.`,
      }),
    );
    expect(existsSync(join(dir, 'demo--default.json'))).toBe(false);
    expect(existsSync(lock)).toBe(true);
  });

  test('two processes ticking at once lose neither tick', async () => {
    // Bundle the store so plain node child processes can use the same code under test.
    const script = join(dir, '..', 'store.mjs');
    buildSync({ entryPoints: [join(repoRoot, 'src/checklist/progress.ts')], bundle: true, format: 'esm', platform: 'node', outfile: script, logLevel: 'silent' });
    const worker = `
      import { ProgressStore } from ${JSON.stringify(script)};
      const [dir, prefix, count] = process.argv.slice(1);
      const store = new ProgressStore({ dir, lockTimeout: 20000 });
      for (let i = 0; i < Number(count); i++) store.update('demo', 'default', (ticked, now) => { ticked[prefix + i] = now; });
    `;
    const count = 150;
    const runWorker = (prefix: string) =>
      new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', worker, dir, prefix, String(count)], { stdio: ['ignore', 'ignore', 'inherit'] });
        child.on('error', reject);
        child.on('exit', resolve);
      });
    const codes = await Promise.all([runWorker('a'), runWorker('b')]);
    expect(codes).toEqual([0, 0]);
    const ticked = store().read('demo', 'default')!.ticked;
    expect(Object.keys(ticked).length).toBe(2 * count);
    expect(readdirSync(dir)).toEqual(['demo--default.json']);
  });
});

describe('runStatus', () => {
  const v1 = '- [ ] Read the motions {#read}\n- [ ] Find allies {#allies}\n- [ ] Old item {#old}\n';

  test('ticks stay with the ids that remain when items are added, removed or reworded', async () => {
    const s = store();
    tick(s, 'demo', 'default', 'read', 'allies', 'old');
    const v2 = await checklist('- [ ] New first item {#new}\n- [ ] Read every motion, reworded {#read}\n- [ ] Find allies {#allies}\n');
    const status = runStatus(v2, 'default', s.read('demo', 'default'));
    expect([...status.ticked]).toEqual(['read', 'allies']);
    expect(status).toMatchObject({ done: 2, total: 3 });
    // The removed item's tick is kept in the file, in case it comes back.
    expect(Object.keys(s.read('demo', 'default')!.ticked)).toContain('old');
    const back = runStatus(await checklist(v1), 'default', s.read('demo', 'default'));
    expect(back.done).toBe(3);
  });

  test('a run never saved shows the items written [x] in the file', async () => {
    const list = await checklist('- [x] Done already {#a}\n- [ ] Not yet {#b}\n');
    expect([...runStatus(list, 'default', undefined).ticked]).toEqual(['a']);
    expect(initialTicks(list)).toEqual(['a']);
  });
});
