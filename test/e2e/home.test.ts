import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempHome } from '../helpers/fixtures.js';
import { bin } from '../helpers/run.js';
import { closeTerminals, keys, Terminal } from '../helpers/terminal.js';

afterEach(closeTerminals); // before the home the terminals run in is removed
const sandbox = useTempHome();

describe('the home menu in a real terminal', () => {
  test('choose the lessons, open one, come back and quit', async () => {
    const term = Terminal.delegate([], { env: sandbox.env });
    await term.waitFor('What do you need?');
    expect(term.text()).toContain('Lessons from the compositing meeting (7)');
    term.write(keys.enter); // lessons are first
    await term.waitFor('Which page?');
    term.skip();
    term.write(keys.down); // the second lesson
    term.write(keys.enter);
    // A line of the second lesson's own text (every lesson has "Why it matters"), and none of the first's.
    const page = await term.waitFor('then making sure each of those organisations sends someone who actually cares');
    expect(page).toContain('✔ Which page? Know your allies before the meeting');
    await term.waitFor('? Which page?');
    expect(term.text()).not.toContain('badly stitched up'); // the first lesson's text
    for (let i = 0; i < 12; i++) term.write(keys.down); // ← Back is last
    term.write(keys.enter);
    await term.waitFor('What do you need?');
    // Quit is the last choice; the menu does not loop, so extra presses stay on it.
    for (let i = 0; i < 12; i++) term.write(keys.down);
    term.write(keys.enter);
    expect(await term.exited).toBe(0);
  });

  test('the menu leads to the checklists and the motion workbench', async () => {
    const term = Terminal.delegate([], { env: sandbox.env });
    await term.waitFor('What do you need?');
    expect(term.text()).toContain('Search');
    for (let i = 0; i < 5; i++) term.write(keys.down); // Checklists
    term.write(keys.enter);
    await term.waitFor('Before the compositing meeting');
    term.write(keys.ctrlC);
    expect(await term.exited).toBe(130);

    const again = Terminal.delegate([], { env: sandbox.env });
    await again.waitFor('What do you need?');
    for (let i = 0; i < 6; i++) again.write(keys.down); // Motion workbench
    again.write(keys.enter);
    await again.waitFor('What do you want to do with a motion?');
    again.write(keys.ctrlC);
    expect(await again.exited).toBe(130);
  });

  test('leaving a page comes back to the list it was opened from, on that page', async () => {
    const term = Terminal.delegate([], { env: sandbox.env });
    await term.waitFor('What do you need?');
    term.write(keys.down);
    term.write(keys.down); // Procedure pages
    term.write(keys.enter);
    await term.waitFor('Which page?');
    term.skip();
    term.write(keys.down);
    term.write(keys.enter); // the second procedure page, shown whole (PAGER=cat)
    // Back on the procedure list, not the top menu, with the page just read highlighted.
    const after = await term.waitFor('? Which page?');
    const read = /✔ Which page\? (.+)/.exec(after)![1]!.trim();
    expect(after).not.toContain('What do you need?');
    expect(after.slice(after.lastIndexOf('? Which page?'))).toContain(`❯ ${read}`);
    term.write(keys.ctrlC);
    expect(await term.exited).toBe(130);
  });

  test('the checklist picker opened from the menu offers "← Back", which goes back to it', async () => {
    const term = Terminal.delegate([], { env: sandbox.env });
    await term.waitFor('What do you need?');
    for (let i = 0; i < 5; i++) term.write(keys.down); // Checklists
    term.write(keys.enter);
    await term.waitFor('Which checklist?');
    const picker = term.text().slice(term.text().indexOf('Which checklist?'));
    expect(picker).toContain('← Back');
    expect(picker).not.toMatch(/^\s*Quit\s*$/m);
    term.skip();
    for (let i = 0; i < 12; i++) term.write(keys.down);
    term.write(keys.enter);
    await term.waitFor('What do you need?');
    term.write(keys.ctrlC);
    expect(await term.exited).toBe(130);
  });

  test('the motion workbench picks a command and a file, shows the report, and stays open', async () => {
    const term = Terminal.delegate([], { env: sandbox.env });
    await term.waitFor('What do you need?');
    for (let i = 0; i < 6; i++) term.write(keys.down); // Motion workbench
    term.write(keys.enter);
    await term.waitFor('What do you want to do with a motion?');
    term.write(keys.down); // compare
    term.write(keys.enter);
    await term.waitFor('Which motions?');
    for (let i = 0; i < 40; i++) term.write(keys.down); // "Type a path…" is last
    term.write(keys.enter);
    await term.waitFor('Path of the file:');
    term.skip();
    term.write('test/fixtures/motions/no-such-file.md');
    term.write(keys.enter);
    await term.waitFor('No such file: test/fixtures/motions/no-such-file.md');
    for (let i = 0; i < 40; i++) term.write('\u007f'); // rub it out
    term.write('test/fixtures/motions/housing-cac.md');
    term.write(keys.enter);
    await term.waitFor('Another file? (1 chosen)');
    term.skip();
    term.write(keys.enter); // "That is all: compare them" comes first
    expect(await term.waitFor('What do you want to do with a motion?')).toMatch(/M1\s+Anytown CLP/);
    term.write(keys.ctrlC);
    expect(await term.exited).toBe(130);
  });

  test('Ctrl-C at the menu exits 130 without a stack trace', async () => {
    const term = Terminal.delegate([], { env: sandbox.env });
    await term.waitFor('What do you need?');
    term.write(keys.ctrlC);
    expect(await term.exited).toBe(130);
    expect(term.text()).not.toMatch(/\n\s+at /);
  });

  test('read in a terminal is styled and wrapped at the terminal width', async () => {
    const term = Terminal.delegate(['read', 'reference-back', '--no-pager'], { env: sandbox.env, cols: 60, rows: 200 });
    expect(await term.exited).toBe(0);
    // Styled: the title in bold, each heading in bold and a colour; piped, the same page has neither.
    expect(term.raw).toContain('\u001b[1mReference back\u001b[22m');
    expect(term.raw).toMatch(/\u001b\[1m\u001b\[38;5;\d+mWhat it does\u001b\[39m\u001b\[22m/);
    const lines = term.text().split('\n');
    expect(lines[0]).toBe('Reference back');
    // A link is broken only after a "/": a piece with none inside is left whole, however long.
    const linkPiece = (l: string) => /\S+\.\S+\/\S+/.test(l) || /^\s*\S+\/$/.test(l);
    expect(Math.max(...lines.filter((l) => !linkPiece(l)).map((l) => l.length))).toBeLessThanOrEqual(60);
  });
});

describe('long output on a terminal', () => {
  test('goes through $PAGER, and straight out with --no-pager', async () => {
    const paged = join(sandbox.home, 'paged.txt');
    const pager = { PAGER: `cat > "${paged}"` };
    const term = Terminal.delegate(['read', 'glossary'], { env: { ...sandbox.env, ...pager }, cols: 80, rows: 12 });
    expect(await term.exited).toBe(0);
    expect(readFileSync(paged, 'utf8')).toContain('Glossary');
    expect(term.text()).not.toContain('Glossary');

    rmSync(paged);
    const direct = Terminal.delegate(['read', 'glossary', '--no-pager'], { env: { ...sandbox.env, ...pager }, cols: 80, rows: 12 });
    expect(await direct.exited).toBe(0);
    expect(existsSync(paged)).toBe(false);
    expect(direct.text()).toContain('Glossary');
  });

  /**
   * `delegate read glossary` in a terminal of 80x12, run by a shell that then waits: a terminal
   * may drop what a program wrote just before it ended, so the shell keeps it open until its
   * "[delegate exited N]" line has been shown, and everything before it with it.
   */
  async function readGlossary(args: string[], env: Record<string, string>): Promise<string> {
    const line = ['read', 'glossary', ...args].map((a) => `'${a}'`).join(' ');
    const term = new Terminal('/bin/sh', ['-c', `"${process.execPath}" "${bin}" ${line}; echo "[delegate exited $?]"; read done`], { env, cols: 80, rows: 12 });
    const shown = await term.waitFor(/\[delegate exited \d+\]/);
    term.close();
    return shown.trimEnd();
  }

  test('a $PAGER that cannot be found: the shell says so, and the page is printed straight out', async () => {
    const shown = await readGlossary([], { ...sandbox.env, PAGER: 'no-such-pager-here' });
    expect(shown).toMatch(/no-such-pager-here: (command )?not found/);
    // The whole page, as --no-pager prints it, then exit 0.
    const page = await readGlossary(['--no-pager'], sandbox.env);
    expect(page).toMatch(/^Glossary of conference terms\n[^]{1000,}\[delegate exited 0\]$/);
    expect(shown.endsWith(page)).toBe(true);
  });

  test('a $PAGER that shows the page and then exits non-zero: the page is shown once, through it', async () => {
    const paged = join(sandbox.home, 'paged.txt');
    const shown = await readGlossary([], { ...sandbox.env, PAGER: `cat > "${paged}"; cat "${paged}"; exit 3` });
    expect(readFileSync(paged, 'utf8')).toContain('Glossary of conference terms');
    expect(shown.split('Glossary of conference terms')).toHaveLength(2);
    expect(shown).toMatch(/warning: the pager \(cat > .*\) ended with status 3; if the text was not shown, run again with --no-pager/);
    expect(shown).toMatch(/\[delegate exited 0\]$/);
  });

  test('a $PAGER that fails without showing anything (PAGER=false): delegate says so, and how to read it', async () => {
    const shown = await readGlossary([], { ...sandbox.env, PAGER: 'false' });
    expect(shown).toMatch(/^warning: the pager \(false\) ended with status 1; if the text was not shown, run again with --no-pager, or set PAGER\n\[delegate exited 0\]$/);
  });

  test('a $PAGER that is not a program (status 126 from the shell): the page is printed straight out', async () => {
    const notProgram = join(sandbox.home, 'pager.txt');
    writeFileSync(notProgram, 'not a program\n', { mode: 0o644 });
    const shown = await readGlossary([], { ...sandbox.env, PAGER: notProgram });
    expect(shown).toMatch(/Permission denied/);
    expect(shown).toMatch(/Glossary of conference terms\n[^]{1000,}\[delegate exited 0\]$/);
  });
});
