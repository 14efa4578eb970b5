import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { keys, openTerminal } from '../helpers/pty.js';
import { tempHome } from '../helpers/run.js';

let sandbox: ReturnType<typeof tempHome>;
beforeEach(() => {
  sandbox = tempHome();
});
afterEach(() => sandbox.cleanup());

describe('the home menu in a real terminal', () => {
  test('choose the lessons, open one, come back and quit', async () => {
    const term = openTerminal([], sandbox.env);
    await term.waitFor('What do you need?');
    expect(term.text()).toContain('Lessons from the compositing meeting (7)');
    term.write(keys.enter); // lessons are first
    await term.waitFor('Which page?');
    const mark = term.text().length;
    term.write(keys.down); // the second lesson
    term.write(keys.enter);
    await term.waitFor('Why it matters', 10000, mark);
    await term.waitFor('Which page?', 10000, mark);
    for (let i = 0; i < 12; i++) term.write(keys.down); // ← Back is last
    term.write(keys.enter);
    await term.waitFor('What do you need?', 10000, mark);
    // Quit is the last choice; the menu does not loop, so extra presses stay on it.
    for (let i = 0; i < 12; i++) term.write(keys.down);
    term.write(keys.enter);
    expect(await term.exited).toBe(0);
  });

  test('the menu leads to the checklists and the motion workbench', async () => {
    const term = openTerminal([], sandbox.env);
    await term.waitFor('What do you need?');
    expect(term.text()).toContain('Search');
    for (let i = 0; i < 5; i++) term.write(keys.down); // Checklists
    term.write(keys.enter);
    await term.waitFor('Before the compositing meeting');
    term.write(keys.ctrlC);
    expect(await term.exited).toBe(130);

    const again = openTerminal([], sandbox.env);
    await again.waitFor('What do you need?');
    for (let i = 0; i < 6; i++) again.write(keys.down); // Motion workbench
    again.write(keys.enter);
    await again.waitFor('What do you want to do with a motion?');
    again.write(keys.ctrlC);
    expect(await again.exited).toBe(130);
  });

  test('leaving a page comes back to the list it was opened from, on that page', async () => {
    const term = openTerminal([], sandbox.env);
    await term.waitFor('What do you need?');
    term.write(keys.down);
    term.write(keys.down); // Procedure pages
    term.write(keys.enter);
    await term.waitFor('Which page?');
    let mark = term.text().length;
    term.write(keys.down);
    term.write(keys.enter); // the second procedure page, shown whole (PAGER=cat)
    await term.waitFor('Which page?', 10000, mark);
    // Back on the procedure list, not the top menu, with the page just read highlighted.
    const after = term.text().slice(mark);
    const read = /✔ Which page\? (.+)/.exec(after)![1]!.trim();
    expect(after).not.toContain('What do you need?');
    expect(after.slice(after.lastIndexOf('? Which page?'))).toContain(`❯ ${read}`);
    term.write(keys.ctrlC);
    expect(await term.exited).toBe(130);
  });

  test('the checklist picker opened from the menu offers "← Back", which goes back to it', async () => {
    const term = openTerminal([], sandbox.env);
    await term.waitFor('What do you need?');
    for (let i = 0; i < 5; i++) term.write(keys.down); // Checklists
    term.write(keys.enter);
    await term.waitFor('Which checklist?');
    const picker = term.text().slice(term.text().indexOf('Which checklist?'));
    expect(picker).toContain('← Back');
    expect(picker).not.toMatch(/^\s*Quit\s*$/m);
    const mark = term.text().length;
    for (let i = 0; i < 12; i++) term.write(keys.down);
    term.write(keys.enter);
    await term.waitFor('What do you need?', 10000, mark);
    term.write(keys.ctrlC);
    expect(await term.exited).toBe(130);
  });

  test('the motion workbench picks a command and a file, shows the report, and stays open', async () => {
    const term = openTerminal([], sandbox.env);
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
    let mark = term.text().length;
    term.write('test/fixtures/motions/no-such-file.md');
    term.write(keys.enter);
    await term.waitFor('No such file: test/fixtures/motions/no-such-file.md', 10000, mark);
    for (let i = 0; i < 40; i++) term.write('\u007f'); // rub it out
    term.write('test/fixtures/motions/housing-cac.md');
    term.write(keys.enter);
    await term.waitFor('Another file? (1 chosen)');
    mark = term.text().length;
    term.write(keys.enter); // "That is all: compare them" comes first
    await term.waitFor('What do you want to do with a motion?', 10000, mark);
    expect(term.text().slice(mark)).toMatch(/M1\s+Anytown CLP/);
    term.write(keys.ctrlC);
    expect(await term.exited).toBe(130);
  });

  test('Ctrl-C at the menu exits 130 without a stack trace', async () => {
    const term = openTerminal([], sandbox.env);
    await term.waitFor('What do you need?');
    term.write(keys.ctrlC);
    expect(await term.exited).toBe(130);
    expect(term.text()).not.toMatch(/\n\s+at /);
  });

  test('read in a terminal is styled and wrapped at the terminal width', async () => {
    const term = openTerminal(['read', 'reference-back', '--no-pager'], sandbox.env, { cols: 60, rows: 200 });
    expect(await term.exited).toBe(0);
    const lines = term.text().split('\n');
    expect(lines[0]).toContain('Reference back');
    // A link is broken only after a "/": a piece with none inside is left whole, however long.
    const linkPiece = (l: string) => /\S+\.\S+\/\S+/.test(l) || /^\s*\S+\/$/.test(l);
    expect(Math.max(...lines.filter((l) => !linkPiece(l)).map((l) => l.length))).toBeLessThanOrEqual(60);
  });
});

describe('long output on a terminal', () => {
  test('goes through $PAGER, and straight out with --no-pager', async () => {
    const paged = join(sandbox.home, 'paged.txt');
    const pager = { PAGER: `cat > "${paged}"` };
    const term = openTerminal(['read', 'glossary'], { ...sandbox.env, ...pager }, { cols: 80, rows: 12 });
    expect(await term.exited).toBe(0);
    expect(readFileSync(paged, 'utf8')).toContain('Glossary');
    expect(term.text()).not.toContain('Glossary');

    rmSync(paged);
    const direct = openTerminal(['read', 'glossary', '--no-pager'], { ...sandbox.env, ...pager }, { cols: 80, rows: 12 });
    expect(await direct.exited).toBe(0);
    expect(existsSync(paged)).toBe(false);
    expect(direct.text()).toContain('Glossary');
  });
});
