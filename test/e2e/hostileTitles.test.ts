import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempHome } from '../helpers/fixtures.js';
import { closeTerminals, keys, Terminal } from '../helpers/terminal.js';

// A title or summary in a file may hold terminal control sequences. Drawn raw, `ESC ] 0 ; … BEL`
// retitles the window and `ESC [ 2 J` clears the screen. Every screen that shows such a string
// must show it as harmless symbols (␛…␇), never send the bytes to the terminal.

const OSC_TITLE = '\u001b]0;x\u0007';
const CLEAR = '\u001b[2J';
const hostile = `Evil ${OSC_TITLE} title ${CLEAR} here`;

let sandbox: ReturnType<typeof tempHome>;
const openTerminal = (args: string[], env: Record<string, string>) => Terminal.delegate(args, { env });

/** Press ↓ until the screen shows `text` (the highlighted choice's description). */
async function downUntil(term: Terminal, text: string): Promise<void> {
  for (let i = 0; i < 15 && !term.text().includes(text); i++) {
    term.skip();
    term.write(keys.down);
    await term.waitFor(/\S/);
  }
  expect(term.text()).toContain(text);
}

beforeEach(() => {
  sandbox = tempHome();
  const notes = join(sandbox.home, 'data', 'delegate', 'notes');
  mkdirSync(join(notes, 'checklists'), { recursive: true });
  writeFileSync(
    join(notes, 'evil-note.md'),
    `---\ntitle: ${hostile}\nsummary: Summary ${OSC_TITLE} with ${CLEAR} codes\n---\n\nThe word xylophone is only here.\n`,
  );
  writeFileSync(
    join(notes, 'checklists', 'evil-list.md'),
    `---\nid: evil-list\ntitle: ${hostile}\nsummary: Summary ${OSC_TITLE} of ${CLEAR} a list\n---\n\n- [ ] First ${OSC_TITLE} item ${CLEAR} {#first}\n  Why ${CLEAR} it matters.\n`,
  );
  writeFileSync(
    join(sandbox.home, 'motions.md'),
    `# Motions\n\n## Motion 1 ${OSC_TITLE} Anytown ${CLEAR}\n\nConference calls for council homes to be built in every town and for rents to be capped.\n\n` +
      `## Motion 2 ${OSC_TITLE} Othertown ${CLEAR}\n\nConference calls for council homes to be built in every city and for rents to be frozen.\n`,
  );
});
afterEach(() => {
  closeTerminals();
  sandbox.cleanup();
});

/** The screen showed the title made harmless, and none of the file's control bytes. */
function expectNeutralised(term: Terminal): void {
  expect(term.raw).not.toContain(OSC_TITLE);
  expect(term.raw).not.toContain(CLEAR);
  expect(term.text()).toContain('␛]0;x␇');
}

describe('a hostile title never reaches the terminal', () => {
  test('home menu → Conference notes: the page list and its description', async () => {
    const term = openTerminal([], sandbox.env);
    await term.waitFor('What do you need?');
    for (let i = 0; i < 3; i++) term.write(keys.down); // Conference notes
    term.write(keys.enter);
    await term.waitFor('Which page?');
    // Move onto the evil note so its summary is drawn as the description.
    await downUntil(term, 'Summary ␛]0;x␇ with ␛[2J codes');
    term.write(keys.ctrlC);
    expect(await term.exited).toBe(130);
    expect(term.text()).toContain('Evil ␛]0;x␇ title ␛[2J here');
    expectNeutralised(term);
  });

  test('the checklist picker and the open checklist', async () => {
    const term = openTerminal(['checklist'], sandbox.env);
    await term.waitFor('Which checklist?');
    await term.waitFor('Evil ␛]0;x␇ title ␛[2J here');
    await downUntil(term, 'Summary ␛]0;x␇ of ␛[2J a list');
    term.write(keys.enter);
    await term.waitFor('First ␛]0;x␇ item ␛[2J');
    term.write(keys.ctrlC);
    expect(await term.exited).toBe(130);
    expectNeutralised(term);
  });

  test('the search prompt', async () => {
    const term = openTerminal(['search'], sandbox.env);
    await term.waitFor('Search the handbook');
    term.write('xylophone');
    await term.waitFor('Evil ␛]0;x␇ title ␛[2J here');
    term.write(keys.ctrlC);
    expect(await term.exited).toBe(130);
    expectNeutralised(term);
  });

  test('notes list, list, checklist status and checklist list', async () => {
    for (const args of [['notes', 'list'], ['list'], ['checklist', 'status'], ['checklist', 'list']]) {
      const term = openTerminal(args, sandbox.env);
      expect(await term.exited).toBe(0);
      expectNeutralised(term);
    }
  });

  test('motion labels in compare and check', async () => {
    const file = join(sandbox.home, 'motions.md');
    const compare = openTerminal(['motion', 'compare', file], sandbox.env);
    expect(await compare.exited).toBe(0);
    expect(compare.text()).toContain('M1  ␛]0;x␇ Anytown ␛[2J');
    expect(compare.raw).not.toContain(OSC_TITLE);
    expect(compare.raw).not.toContain(CLEAR);
  });
});
