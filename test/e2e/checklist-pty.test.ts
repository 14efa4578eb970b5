import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempHome } from '../helpers/fixtures.js';
import { repoRoot, run } from '../helpers/run.js';
import { closeTerminals, Terminal } from '../helpers/terminal.js';

// The built binary in a real pseudo-terminal: keys in, screen out, as a delegate uses it.

const DOWN = '\u001b[B';
const CTRL_C = '\u0003';

let sandbox: ReturnType<typeof tempHome>;
beforeEach(() => {
  sandbox = tempHome();
});
afterEach(() => {
  closeTerminals();
  sandbox.cleanup();
});

/** The built binary in a pseudo-terminal of 100 by 40; NO_COLOR: plain [x] and [ ] marks, easy to read in assertions. */
function open(args: string[], extraEnv: Record<string, string> = {}): Terminal {
  return Terminal.delegate(args, { env: { ...sandbox.env, NO_COLOR: '1', ...extraEnv } });
}

const delegate = (args: string[]) => run(args, { env: sandbox.env });
const ticked = (id: string) =>
  (JSON.parse(delegate(['checklist', id, '--json']).stdout) as { items: Array<{ id: string; ticked: boolean }> }).items.filter((i) => i.ticked).map((i) => i.id);

describe('delegate checklist in a terminal', () => {
  test('tick two items, quit with Ctrl-C (exit 130), start again and see them ticked', async () => {
    const first = open(['checklist', 'compositing-meeting']);
    let screen = await first.waitFor('Before the compositing meeting  0/11');
    expect(screen).toContain('> [ ] Check who from your delegation may attend, and when');
    expect(screen).toContain('In 2024 each organisation with a motion');
    expect(screen).toContain('space tick/untick');

    first.write(DOWN);
    screen = await first.waitFor('> [ ] Read every motion on your topic in the CAC report');
    expect(screen).toContain('The motions due to be merged are printed in a CAC report.');
    first.write(' ');
    await first.waitFor('> [x] Read every motion on your topic in the CAC report');
    first.write(DOWN);
    await first.waitFor('> [ ] List the delegates who share your position');
    first.write(' ');
    await first.waitFor('Before the compositing meeting  2/11');
    first.write(CTRL_C);
    expect(await first.exited).toBe(130);
    expect(first.screen).not.toMatch(/error|delegate:/i);

    const second = open(['checklist', 'compositing-meeting']);
    screen = await second.waitFor('Before the compositing meeting  2/11');
    expect(screen).toContain('> [ ] Check who from your delegation may attend, and when');
    expect(screen).toContain('  [x] Read every motion on your topic in the CAC report');
    expect(screen).toContain('  [x] List the delegates who share your position');
    expect(screen).toContain('  [ ] Mark the words from your motion you will not give up');
    second.write('q');
    await second.waitFor('Before the compositing meeting  2/11 (saved)');
    expect(await second.exited).toBe(0);
    expect(ticked('compositing-meeting')).toEqual(['read-motions', 'find-allies']);
  });

  test('a closed terminal loses no tick already made', async () => {
    const t = open(['checklist', 'amendment', '--run', 'housing']);
    await t.waitFor('Drafting an amendment (run: housing)  0/12');
    t.write(' ');
    await t.waitFor('Drafting an amendment (run: housing)  1/12');
    t.kill('SIGHUP');
    await t.exited;
    const data = JSON.parse(delegate(['checklist', 'amendment', '--run', 'housing', '--json']).stdout) as { done: number; items: Array<{ ticked: boolean }> };
    expect(data.done).toBe(1);
    expect(data.items[0]!.ticked).toBe(true);
  });

  test('two terminals ticking the same checklist at once keep both ticks, and each sees the other\'s', async () => {
    const a = open(['checklist', 'rule-change']);
    const b = open(['checklist', 'rule-change']);
    await a.waitFor('Proposing a rule change  0/9');
    await b.waitFor('Proposing a rule change  0/9');
    a.write(' ');
    await a.waitFor('Proposing a rule change  1/9');
    b.write(DOWN);
    await b.waitFor('> [ ] Check what your organisation is entitled to submit');
    b.write(' ');
    // B's save brings in A's tick.
    const screen = await b.waitFor('Proposing a rule change  2/9');
    expect(screen).toContain('  [x] Note the deadline: 12 noon on 31 July in 2024');
    a.write('q');
    b.write('q');
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    expect(ticked('rule-change')).toEqual(['check-deadline', 'check-entitlement']);
  });

  test('with no id: pick a checklist showing each one\'s progress, tick, and come back to the list', async () => {
    delegate(['checklist', 'amendment', '--check', '1', '--check', '2']);
    const t = open(['checklist']);
    const screen = await t.waitFor('Which checklist?');
    expect(screen).toContain('Before the compositing meeting  0/11');
    expect(screen).toContain('Drafting an amendment  2/12');
    expect(screen).toContain('Proposing a rule change  0/9');
    // Fourth in the list: Your first day at conference (order 1), then by title Before the
    // compositing meeting, Drafting a contemporary motion, Drafting an amendment.
    expect(screen).toMatch(/[❯>] Your first day at conference {2}0\/12/);
    t.write(DOWN);
    await t.waitFor(/[❯>] Before the compositing meeting/);
    t.write(DOWN);
    await t.waitFor(/❯ Drafting a contemporary motion|> Drafting a contemporary motion/);
    t.write(DOWN);
    await t.waitFor(/[❯>] Drafting an amendment/);
    t.write('\r');
    await t.waitFor('> [x] Decide which kind of amendment you need');
    t.write(DOWN + DOWN);
    await t.waitFor('> [ ] Check the amendment is relevant to the motion');
    t.write(' ');
    await t.waitFor('Drafting an amendment  3/12');
    t.write('q');
    await t.waitFor(/Drafting an amendment {2}3\/12 \(saved\)[\s\S]*Which checklist\?[\s\S]*Drafting an amendment {2}3\/12/);
    t.write(CTRL_C);
    expect(await t.exited).toBe(130);
    expect(ticked('amendment')).toEqual(['choose-kind', 'no-direct-negative', 'keep-relevant']);
  });

  test('--reset asks first on a terminal, and does nothing when told no', async () => {
    delegate(['checklist', 'conference-floor', '--check', '1']);
    const no = open(['checklist', 'conference-floor', '--reset']);
    await no.waitFor('Clear 1 tick from On the conference floor?');
    no.write('n\r');
    await no.waitFor('Nothing cleared.');
    expect(await no.exited).toBe(0);
    expect(ticked('conference-floor')).toEqual(['read-cac-report']);

    const yes = open(['checklist', 'conference-floor', '--reset']);
    await yes.waitFor('Clear 1 tick from On the conference floor?');
    yes.write('y\r');
    await yes.waitFor('Cleared 1 tick from On the conference floor.');
    expect(await yes.exited).toBe(0);
    expect(ticked('conference-floor')).toEqual([]);
  });

  describe('checklist edit', () => {
    /** An "editor" that appends a line to the file it is given, as a delegate would type it. */
    function editorAppending(line: string): Record<string, string> {
      const script = join(sandbox.home, 'editor.sh');
      writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' '${line}' >> "$1"\n`);
      chmodSync(script, 0o755);
      return { EDITOR: script, VISUAL: '', DELEGATE_NOTES_DIR: join(sandbox.home, 'notes') };
    }

    test('copies the bundled checklist, opens the editor, and the edited copy is used with its ticks kept', async () => {
      const env = editorAppending('- [ ] Bring spare copies of the amendment {#spare-copies}');
      const notesEnv = { ...sandbox.env, DELEGATE_NOTES_DIR: env.DELEGATE_NOTES_DIR! };
      run(['checklist', 'amendment', '--check', 'closure'], { env: notesEnv });
      const copy = join(sandbox.home, 'notes', 'checklists', 'amendment.md');
      const t = open(['checklist', 'edit', 'amendment'], env);
      await t.waitFor(`Copied "Drafting an amendment" to ${copy}`);
      await t.waitFor(`Saved ${copy}: 13 items, 12 with the same ids as before (their ticks are kept).`);
      expect(await t.exited).toBe(0);
      expect(readFileSync(copy, 'utf8')).toMatch(/\n- \[ \] Bring spare copies of the amendment \{#spare-copies\}\n$/);
      const data = JSON.parse(run(['checklist', 'amendment', '--json'], { env: notesEnv }).stdout) as { origin: string; done: number; total: number };
      expect(data).toMatchObject({ origin: 'personal', done: 1, total: 13 });
    });

    test('an edit that breaks the file is reported with file and line, exit 1', async () => {
      const t = open(['checklist', 'edit', 'rule-change'], editorAppending('stray words'));
      const copy = join(sandbox.home, 'notes', 'checklists', 'rule-change.md');
      const lines = readFileSync(join(repoRoot, 'content', 'checklists', 'rule-change.md'), 'utf8').split('\n').length;
      await t.waitFor(`delegate: ${copy}:${lines}: this line is not part of an item`);
      expect(await t.exited).toBe(1);
    });
  });
});
