import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempHome } from '../helpers/fixtures.js';
import { bin, repoRoot, run } from '../helpers/run.js';

const sandbox = useTempHome();

const delegate = (args: string[], env: Record<string, string> = {}) => run(args, { env: { ...sandbox.env, ...env } });
const progressDir = () => join(sandbox.home, 'data', 'delegate', 'progress');

interface ChecklistJson {
  id: string;
  run: string;
  done: number;
  total: number;
  items: Array<{ number: number; id: string; ticked: boolean; tickedAt: string | null }>;
}
const json = (args: string[]) => JSON.parse(delegate([...args, '--json']).stdout) as ChecklistJson;
const tickedIds = (id: string, runName?: string) =>
  json(['checklist', id, ...(runName ? ['--run', runName] : [])])
    .items.filter((i) => i.ticked)
    .map((i) => i.id);

/** Run the binary with the given stdin (a file descriptor or a pipe left open); fail rather than hang. */
function spawnWithStdin(args: string[], stdin: 'devnull' | 'open-pipe'): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  const env = { ...process.env, ...sandbox.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return new Promise((resolve, reject) => {
    const fd = stdin === 'devnull' ? openSync('/dev/null', 'r') : undefined;
    const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env, stdio: [fd ?? 'pipe', 'pipe', 'pipe'] });
    if (fd !== undefined) closeSync(fd);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    // NOTE: a guard, not a timing assertion: a command that waits for keys would never exit.
    const guard = setTimeout(() => child.kill('SIGKILL'), 20000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('delegate checklist without a terminal', () => {
  test('with no id: one checklist run a line, id, count, title and run separated by tabs', () => {
    delegate(['checklist', 'amendment', '--check', '1']);
    const result = delegate(['checklist']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe('first-day\t0/12\tYour first day at conference\tdefault');
    expect(lines[6]).toBe('report-back\t0/10\tAfter conference: reporting back\tdefault');
    expect(lines).toContain('amendment\t1/12\tDrafting an amendment\tdefault');
    expect(lines).toContain('compositing-meeting\t0/11\tBefore the compositing meeting\tdefault');
  });

  test('`checklist list` lists them the same way, with --run and --json', () => {
    delegate(['checklist', 'amendment', '--check', '1', '--run', 'economy']);
    expect(delegate(['checklist', 'list'])).toEqual(delegate(['checklist']));
    expect(delegate(['checklist', 'list', '--run', 'economy']).stdout).toContain('amendment\t1/12\tDrafting an amendment');
    const json = JSON.parse(delegate(['checklist', 'list', '--json', '--run', 'economy']).stdout) as Array<{ id: string; run: string; done: number }>;
    expect(json.find((c) => c.id === 'amendment')).toMatchObject({ run: 'economy', done: 1 });
    expect(json).toHaveLength(7);
  });

  test('`checklist list` shows every run\'s progress, the default run first; --run shows only that run', () => {
    delegate(['checklist', 'compositing-meeting', '--check', '1']);
    delegate(['checklist', 'compositing-meeting', '--run', 'housing', '--check', '1', '--check', '2']);
    delegate(['checklist', 'compositing-meeting', '--run', 'economy', '--check', '3']);
    const lines = delegate(['checklist', 'list']).stdout.split('\n').filter((l) => l.startsWith('compositing-meeting\t'));
    expect(lines).toEqual([
      'compositing-meeting\t1/11\tBefore the compositing meeting\tdefault',
      'compositing-meeting\t1/11\tBefore the compositing meeting\teconomy',
      'compositing-meeting\t2/11\tBefore the compositing meeting\thousing',
    ]);
    expect(delegate(['checklist', 'list', '--run', 'housing']).stdout.split('\n').filter((l) => l.startsWith('compositing-meeting\t'))).toEqual([
      'compositing-meeting\t2/11\tBefore the compositing meeting\thousing',
    ]);
  });

  test.each(['devnull', 'open-pipe'] as const)('with stdin %s, `checklist <id>` lists the items, says how to tick, and exits without waiting', async (stdin) => {
    const result = await spawnWithStdin(['checklist', 'conference-floor'], stdin);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('On the conference floor  0/10');
    expect(result.stdout).toMatch(/ {2}3\. \[ \] Leave your card-vote book with your delegation {2}card-vote-book/);
    expect(result.stderr).toContain('delegate checklist conference-floor --check read-cac-report');
  });

  test.each(['devnull', 'open-pipe'] as const)('with stdin %s, the picker and --reset do not wait either', async (stdin) => {
    const picker = await spawnWithStdin(['checklist'], stdin);
    expect(picker).toMatchObject({ code: 0, signal: null });
    expect(picker.stdout).toContain('rule-change\t0/9\tProposing a rule change');
    delegate(['checklist', 'rule-change', '--check', '1']);
    const reset = await spawnWithStdin(['checklist', 'rule-change', '--reset'], stdin);
    expect(reset).toMatchObject({ code: 2, signal: null, stdout: '' });
    expect(reset.stderr).toBe(
      'delegate: --reset asks before clearing ticks, and there is no terminal to ask on\nAdd --yes to clear them anyway: delegate checklist rule-change --reset --yes\n',
    );
    expect(tickedIds('rule-change')).toEqual(['check-deadline']);
  });
});

describe('ticking with --check and --uncheck', () => {
  test('items by id or number are saved, and --list, --json and markdown show them ticked', () => {
    const result = delegate(['checklist', 'compositing-meeting', '--check', 'read-motions', '--check', '3']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('[x] Ticked 2. Read every motion on your topic in the CAC report');
    expect(result.stdout).toContain('[x] Ticked 3. List the delegates who share your position');
    expect(result.stdout).toContain('Before the compositing meeting: 2/11 done.');

    const list = delegate(['checklist', 'compositing-meeting', '--list']);
    expect(list.stdout).toContain('Before the compositing meeting  2/11');
    expect(list.stdout).toMatch(/ 1\. \[ \] Check who from your delegation may attend, and when/);
    expect(list.stdout).toMatch(/ 2\. \[x\] Read every motion on your topic in the CAC report {2}read-motions/);

    const data = json(['checklist', 'compositing-meeting']);
    expect(data).toMatchObject({ id: 'compositing-meeting', run: 'default', done: 2, total: 11 });
    expect(data.items[1]).toMatchObject({ number: 2, id: 'read-motions', ticked: true });
    expect(data.items[1]!.tickedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(data.items[0]).toMatchObject({ ticked: false, tickedAt: null });

    const markdown = delegate(['checklist', 'compositing-meeting', '--format', 'markdown']);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toMatch(/^# Before the compositing meeting\n/);
    expect(markdown.stdout).toContain('Progress: 2 of 11 done.');
    expect(markdown.stdout).toContain('\n- [x] Read every motion on your topic in the CAC report\n  The motions due to be merged');
    expect(markdown.stdout).toContain('\n- [ ] Check who from your delegation may attend, and when\n');
    expect(markdown.stdout).toContain('  See: Read every motion');
    expect(markdown.stdout).toContain('## Sources');
  });

  test('report-back --list --format markdown ends with the report outline, after the items and sources', () => {
    delegate(['checklist', 'report-back', '--check', 'check-rules']);
    const file = readFileSync(join(repoRoot, 'content', 'checklists', 'report-back.md'), 'utf8');
    const outline = file.slice(file.indexOf('\n## Report outline\n') + 1);
    expect(outline).toMatch(/^## Report outline\n[\s\S]*#### 4\. Debates and votes\n[\s\S]*\| Motion or report \|/);
    const result = delegate(['checklist', 'report-back', '--list', '--format', 'markdown']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^# After conference: reporting back\n/);
    expect(result.stdout).toContain('\n- [x] Check what your CLP\'s rules ask of a delegate\'s report\n');
    expect(result.stdout.endsWith(`\n\n${outline}`)).toBe(true);
    expect(result.stdout.indexOf('\n## Sources\n')).toBeLessThan(result.stdout.indexOf('\n## Report outline\n'));
    expect(result.stdout.match(/^## Report outline$/gm)).toHaveLength(1);
  });

  test('ticking twice says so; --uncheck unticks; a listing flag moves the messages to stderr', () => {
    delegate(['checklist', 'amendment', '--check', 'closure']);
    const again = delegate(['checklist', 'amendment', '--check', 'closure', '--check', 'addendum', '--json']);
    expect(again.stderr).toContain('Already ticked: 10. Watch for a closure motion during your amendment');
    expect((JSON.parse(again.stdout) as ChecklistJson).done).toBe(2);
    const untick = delegate(['checklist', 'amendment', '--uncheck', 'closure', '--uncheck', '1']);
    expect(untick.stdout).toContain('Unticked 10. Watch for a closure motion');
    expect(untick.stdout).toContain('Was not ticked: 1. Decide which kind of amendment you need');
    expect(tickedIds('amendment')).toEqual(['addendum']);
  });

  test('an unknown item exits 1, lists the valid ids, and saves nothing', () => {
    const result = delegate(['checklist', 'rule-change', '--check', '1', '--check', 'remitt']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"remitt" is not an item on the checklist "rule-change"');
    expect(result.stderr).toContain('Did you mean: remit-decision');
    expect(result.stderr).toContain(' 9  remit-decision');
    for (const number of ['0', '10']) {
      const outside = delegate(['checklist', 'rule-change', '--check', number]);
      expect(outside.code).toBe(1);
      expect(outside.stderr).toMatch(new RegExp(`^delegate: "${number}" is not an item on the checklist "rule-change"\nGive an item id or a number from 1 to 9\\. The ids are:\n {3}1 {2}check-deadline\n`));
    }
    expect(existsSync(progressDir())).toBe(false);
  });

  test('an unknown checklist exits 1 with a suggestion', () => {
    const result = delegate(['checklist', 'amendmnt', '--check', '1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no checklist called "amendmnt"');
    expect(result.stderr).toContain('delegate checklist amendment');
  });

  test.each([
    [['checklist', '--check', '1'], 'say which checklist'],
    [['checklist', 'amendment', '--json', '--format', 'markdown'], 'cannot be used together'],
    [['checklist', 'amendment', '--reset', '--check', '1'], '--reset cannot be combined'],
    [['checklist', 'amendment', '--check', '2', '--uncheck', 'no-direct-negative'], 'both --check and --uncheck'],
    [['checklist', 'amendment', '--run', '../..', '--check', '1'], 'has no letters or digits'],
    [['checklist', 'amendment', '--format', 'pdf'], 'Allowed choices are text, markdown'],
  ])('usage conflicts exit 2: %j', (args, message) => {
    const result = delegate(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(progressDir())).toBe(false);
  });
});

describe('runs', () => {
  test('--run keeps separate progress per meeting; status shows every run with a bar', () => {
    delegate(['checklist', 'compositing-meeting', '--run', 'economy', '--check', '1', '--check', '2']);
    const housing = delegate(['checklist', 'compositing-meeting', '--run', 'Housing Composite', '--check', '1']);
    expect(housing.stderr).toContain('(run "Housing Composite" is saved as "housing-composite")');
    expect(housing.stdout).toContain('Before the compositing meeting (run: housing-composite): 1/11 done.');
    expect(tickedIds('compositing-meeting', 'economy')).toEqual(['check-attendance-and-time', 'read-motions']);
    expect(tickedIds('compositing-meeting', 'housing-composite')).toEqual(['check-attendance-and-time']);
    expect(tickedIds('compositing-meeting')).toEqual([]);

    const status = delegate(['checklist', 'status', '--width', '60']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Before the compositing meeting  compositing-meeting\n');
    expect(status.stdout).toMatch(/\n {2}economy {12}#{4}\.{16} {2}2\/11\n/);
    expect(status.stdout).toMatch(/\n {2}housing-composite {2}##\.{18} {2}1\/11\n/);
    expect(status.stdout).toMatch(/Drafting an amendment {2}amendment\n {2}not started {8}\.{20} {2}0\/12/);

    const statusJson = JSON.parse(delegate(['checklist', 'status', '--json']).stdout) as {
      checklists: Array<{ id: string; runs: Array<{ run: string; done: number; total: number }> }>;
    };
    expect(statusJson.checklists.find((c) => c.id === 'compositing-meeting')?.runs).toEqual([
      { run: 'economy', done: 2, total: 11, updated: expect.any(String) },
      { run: 'housing-composite', done: 1, total: 11, updated: expect.any(String) },
    ]);
  });

  test('a hostile run name stays inside the progress folder', () => {
    const result = delegate(['checklist', 'amendment', '--run', '../../../../tmp/evil', '--check', '1']);
    expect(result.code).toBe(0);
    expect(readdirSync(progressDir())).toEqual(['amendment--tmp-evil.json']);
  });
});

describe('--reset', () => {
  test('without a terminal it refuses unless --yes, and keeps the ticks', () => {
    delegate(['checklist', 'conference-floor', '--check', '1', '--check', '2']);
    const refused = delegate(['checklist', 'conference-floor', '--reset']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--reset asks before clearing ticks, and there is no terminal to ask on');
    expect(refused.stderr).toContain('delegate checklist conference-floor --reset --yes');
    expect(tickedIds('conference-floor')).toHaveLength(2);

    const cleared = delegate(['checklist', 'conference-floor', '--reset', '--yes']);
    expect(cleared).toMatchObject({ code: 0, stdout: 'Cleared 2 ticks from On the conference floor.\n' });
    expect(tickedIds('conference-floor')).toEqual([]);
    expect(delegate(['checklist', 'conference-floor', '--reset', '--yes']).stdout).toContain('Nothing to clear');
  });

  test('clears only the run named', () => {
    delegate(['checklist', 'conference-floor', '--check', '1']);
    delegate(['checklist', 'conference-floor', '--run', 'day-two', '--check', '1']);
    delegate(['checklist', 'conference-floor', '--run', 'day-two', '--reset', '--yes']);
    expect(tickedIds('conference-floor')).toEqual(['read-cac-report']);
    expect(tickedIds('conference-floor', 'day-two')).toEqual([]);
  });
});

describe('saved progress on disk', () => {
  test('a corrupt progress file is moved aside with a warning saying where, and the checklist starts fresh', () => {
    mkdirSync(progressDir(), { recursive: true });
    const file = join(progressDir(), 'amendment--default.json');
    writeFileSync(file, '{"schema": 1, "ticked": {"choose-kind": "2025-09');
    const result = delegate(['checklist', 'amendment', '--list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Drafting an amendment  0/12');
    const aside = readdirSync(progressDir()).filter((f) => f.startsWith('amendment--default.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatch(/^amendment--default\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.json$/);
    expect(result.stderr).toContain(`warning: checklist progress ${file} could not be read`);
    expect(result.stderr).toContain(join(progressDir(), aside[0]!));
    expect(readFileSync(join(progressDir(), aside[0]!), 'utf8')).toBe('{"schema": 1, "ticked": {"choose-kind": "2025-09');

    // Ticking afterwards writes a fresh file and never touches the copy.
    delegate(['checklist', 'amendment', '--check', '2']);
    expect(tickedIds('amendment')).toEqual(['no-direct-negative']);
    expect(readdirSync(progressDir()).filter((f) => f.includes('corrupt'))).toEqual(aside);
  });

  test('a progress file from a newer delegate stops ticking that run but not the status of the others', () => {
    delegate(['checklist', 'amendment', '--check', '1']);
    const newer = join(progressDir(), 'rule-change--default.json');
    writeFileSync(newer, '{"schema": 2, "ticked": {}}');
    const tickIt = delegate(['checklist', 'rule-change', '--check', '1']);
    expect(tickIt.code).toBe(1);
    expect(tickIt.stderr).toContain(`${newer} was saved by a newer version of delegate`);
    const status = delegate(['checklist', 'status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/Drafting an amendment {2}amendment\n {2}default {5}.*1\/12/);
    expect(status.stderr).toContain('not shown');
    expect(readFileSync(newer, 'utf8')).toBe('{"schema": 2, "ticked": {}}');
  });

  test('a lock left by a process that is gone, or left empty by a failed save, is taken; temp files of killed writes are removed', () => {
    mkdirSync(progressDir(), { recursive: true });
    const file = join(progressDir(), 'amendment--default.json');
    // A pid that was just in use and has ended.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(`${file}.lock`, `${gone}\n`);
    const leftover = join(progressDir(), `.amendment--default.json.${gone}.abcd1234.tmp`);
    writeFileSync(leftover, '{"schema": 1, "ticked": {"half');
    // Another file's temp and a live process's temp are not this save's to remove.
    const other = join(progressDir(), `.rule-change--default.json.${gone}.abcd1234.tmp`);
    const live = join(progressDir(), `.amendment--default.json.${process.pid}.abcd1234.tmp`);
    writeFileSync(other, '');
    writeFileSync(live, '');

    const tick = delegate(['checklist', 'amendment', '--check', '1']);
    expect(tick.stderr).not.toContain('another delegate process');
    expect(tick.code).toBe(0);
    expect(tickedIds('amendment')).toEqual(['choose-kind']);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(other)).toBe(true);
    expect(existsSync(live)).toBe(true);

    // A lock made but never written (the disk was full), two seconds old.
    writeFileSync(`${file}.lock`, '');
    const old = new Date(Date.now() - 2000);
    utimesSync(`${file}.lock`, old, old);
    const again = delegate(['checklist', 'amendment', '--check', '2']);
    expect(again.stderr).not.toContain('another delegate process');
    expect(again.code).toBe(0);
    expect(tickedIds('amendment')).toEqual(['choose-kind', 'no-direct-negative']);
  });

  test('ten processes ticking at once lose no tick', async () => {
    const env = { ...process.env, ...sandbox.env };
    const ticks = Array.from({ length: 10 }, (_, i) => String(i + 1));
    const codes = await Promise.all(
      ticks.map(
        (n) =>
          new Promise<number | null>((resolve) => {
            const child = spawn(process.execPath, [bin, 'checklist', 'contemporary-motion', '--check', n], { env, stdio: 'ignore' });
            child.on('close', resolve);
          }),
      ),
    );
    expect(codes).toEqual(ticks.map(() => 0));
    expect(json(['checklist', 'contemporary-motion']).done).toBe(10);
  });

  test('ticks stay with the item ids that remain when a personal copy changes the items', () => {
    delegate(['checklist', 'rule-change', '--check', 'check-deadline', '--check', 'card-vote', '--check', 'choose-mover']);
    const notes = join(sandbox.home, 'notes');
    mkdirSync(join(notes, 'checklists'), { recursive: true });
    writeFileSync(
      join(notes, 'checklists', 'rule-change.md'),
      '# Our rule change\n\n- [ ] A new first step {#new-step}\n- [ ] The deadline, reworded {#check-deadline}\n- [ ] Plan the card vote {#card-vote}\n',
    );
    const data = JSON.parse(delegate(['checklist', 'rule-change', '--json'], { DELEGATE_NOTES_DIR: notes }).stdout) as ChecklistJson;
    expect(data).toMatchObject({ done: 2, total: 3 });
    expect(data.items.map((i) => [i.id, i.ticked])).toEqual([
      ['new-step', false],
      ['check-deadline', true],
      ['card-vote', true],
    ]);
  });
});

describe('personal checklists', () => {
  test('a malformed personal checklist is reported with file and line; the bundled one is used', () => {
    const notes = join(sandbox.home, 'notes');
    mkdirSync(join(notes, 'checklists'), { recursive: true });
    const bad = join(notes, 'checklists', 'amendment.md');
    writeFileSync(bad, '- [ ] One {#a}\n- [ ] Two {#a}\n');
    const result = delegate(['checklist', 'amendment', '--list'], { DELEGATE_NOTES_DIR: notes });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`warning: ${bad}:2: the item id "a" is already used on line 1`);
    expect(result.stdout).toContain('Drafting an amendment  0/12');
  });

  test('a personal checklist named like a checklist command is refused with a way out; status still works', () => {
    const notes = join(sandbox.home, 'notes');
    mkdirSync(join(notes, 'checklists'), { recursive: true });
    const clash = join(notes, 'checklists', 'status.md');
    writeFileSync(clash, '# Status of our motions\n\n- [ ] Check the CAC report\n');
    const status = delegate(['checklist', 'status'], { DELEGATE_NOTES_DIR: notes });
    expect(status.code).toBe(0);
    expect(status.stderr).toContain(`warning: ${clash}: its id "status" is taken by \`delegate checklist status\`; give it another id`);
    const list = delegate(['checklist'], { DELEGATE_NOTES_DIR: notes });
    expect(list.stdout).not.toMatch(/^status\b/m);
    writeFileSync(clash, '---\nid: motion-status\n---\n# Status of our motions\n\n- [ ] Check the CAC report\n');
    const renamed = delegate(['checklist', 'motion-status', '--list'], { DELEGATE_NOTES_DIR: notes });
    expect(renamed.code).toBe(0);
    expect(renamed.stderr).toBe('');
    expect(renamed.stdout).toContain('Check the CAC report');
  });

  test('terminal control sequences in a personal checklist are shown, not obeyed', () => {
    const notes = join(sandbox.home, 'notes');
    mkdirSync(join(notes, 'checklists'), { recursive: true });
    writeFileSync(join(notes, 'checklists', 'evil.md'), '# Evil \u001b]0;pwned\u0007title\n\n- [ ] Clear \u001b[2J the screen\n  Explained \u001b[31mred\n');
    for (const args of [['--list'], ['--format', 'markdown'], ['--json']]) {
      const result = delegate(['checklist', 'evil', ...args], { DELEGATE_NOTES_DIR: notes });
      expect(result.code).toBe(0);
      expect(result.stdout).not.toContain('\u001b');
    }
    expect(delegate(['checklist', 'evil', '--list'], { DELEGATE_NOTES_DIR: notes }).stdout).toContain('Clear ␛[2J the screen');
  });

  test('`checklist edit` without a terminal copies the bundled checklist once and does not open an editor', () => {
    const notes = join(sandbox.home, 'notes');
    const env = { DELEGATE_NOTES_DIR: notes, EDITOR: 'false', VISUAL: 'false' };
    const copy = join(notes, 'checklists', 'amendment.md');
    const first = delegate(['checklist', 'edit', 'amendment'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Copied "Drafting an amendment" to ${copy}`);
    expect(first.stdout).toContain(`Edit ${copy} in your editor, then run: delegate checklist amendment`);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(join(repoRoot, 'content', 'checklists', 'amendment.md'), 'utf8'));

    writeFileSync(copy, readFileSync(copy, 'utf8').replace('title: Drafting an amendment', 'title: Our amendment list'));
    const second = delegate(['checklist', 'edit', 'amendment'], env);
    expect(second.stdout).not.toContain('Copied');
    expect(second.stdout).toContain(`Edit ${copy} in your editor`);
    expect(readFileSync(copy, 'utf8')).toContain('title: Our amendment list');
    expect(delegate(['checklist', 'amendment', '--list'], env).stdout).toContain('Our amendment list  0/12');
  });

  test('`checklist edit` of an unknown id exits 1 and copies nothing', () => {
    const notes = join(sandbox.home, 'notes');
    const result = delegate(['checklist', 'edit', 'nonsense'], { DELEGATE_NOTES_DIR: notes });
    expect(result.code).toBe(1);
    expect(existsSync(join(notes, 'checklists'))).toBe(false);
  });
});

describe('no colour when piped', () => {
  test('status and lists carry no escape codes', () => {
    delegate(['checklist', 'amendment', '--check', '1']);
    for (const args of [['checklist', 'status'], ['checklist', 'amendment'], ['checklist']]) {
      const result = delegate(args);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toContain('\u001b');
    }
  });
});

describe('progress kept for a checklist that is gone', () => {
  test('`checklist status` lists each of its runs under the checklists, with its ticks, and --json has them as orphans', () => {
    const notes = join(sandbox.home, 'notes');
    const env = { DELEGATE_NOTES_DIR: notes };
    mkdirSync(join(notes, 'checklists'), { recursive: true });
    const file = join(notes, 'checklists', 'hotel.md');
    writeFileSync(file, '---\ntitle: Hotel\n---\n- [ ] Book the room {#book}\n- [ ] Pay {#pay}\n');
    expect(delegate(['checklist', 'hotel', '--check', 'book', '--run', 'leeds'], env).code).toBe(0);
    expect(delegate(['checklist', 'hotel', '--check', '1', '--check', '2'], env).code).toBe(0);
    rmSync(file);

    const status = delegate(['checklist', 'status', '--width', '60'], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(
      /\n {2}not started {2}\.{20} {2}0\/10\n\nSaved progress for checklists not found now \(kept, not counted\):\n {2}hotel: 2 ticks\n {2}hotel \(run: leeds\): 1 tick\n$/,
    );
    const data = JSON.parse(delegate(['checklist', 'status', '--json'], env).stdout) as { orphans: unknown[] };
    expect(data.orphans).toEqual([
      { checklist: 'hotel', run: 'default', ticks: 2 },
      { checklist: 'hotel', run: 'leeds', ticks: 1 },
    ]);
  });
});
