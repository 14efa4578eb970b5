import { useTempHome } from '../helpers/fixtures.js';
import { closeTerminals, keys, plain, Terminal } from '../helpers/terminal.js';

// The interactive checklist on a small terminal. Each frame the prompt draws ends by hiding the
// cursor; a frame taller than the terminal scrolls, and its first lines (the title, perhaps the
// highlighted item) go off the top. So every frame must fit, title first, highlighted item in it.

afterEach(closeTerminals); // before the home the terminals run in is removed
const sandbox = useTempHome();

const HIDE = '\u001b[?25l';

/** The frames drawn so far, as the lines a person sees (erase and cursor moves removed). */
function frames(term: Terminal): string[][] {
  return term.raw
    .split(HIDE)
    .slice(0, -1)
    .map((chunk) => plain(chunk.slice(chunk.lastIndexOf('\u001b[G') + 3)).split('\n'))
    .filter((lines) => lines.some((l) => l.includes('Before the compositing meeting')));
}

describe.each([
  { cols: 60, rows: 12 },
  { cols: 80, rows: 24 },
])('the interactive checklist at $cols x $rows', (size) => {
  test('every frame fits: the title on top, the highlighted item in view, the help on one line', async () => {
    const term = Terminal.delegate(['checklist', 'compositing-meeting'], { env: { ...sandbox.env, NO_COLOR: '1' }, ...size });
    await term.waitFor('Before the compositing meeting  0/11');
    for (let i = 0; i < 10; i++) {
      term.skip();
      term.write(keys.down);
      await term.waitFor('> [ ]');
    }
    term.write('q');
    expect(await term.exited).toBe(0);
    const drawn = frames(term);
    expect(drawn.length).toBeGreaterThanOrEqual(10);
    for (const lines of drawn) {
      const shown = lines.join('\n').replace(/\n+$/, '').split('\n');
      expect(shown.length).toBeLessThan(size.rows);
      expect(shown[0]).toMatch(/^Before the compositing meeting {2}\d+\/11/);
      expect(shown.some((l) => l.startsWith('> '))).toBe(true);
      for (const line of shown) expect(line.length).toBeLessThanOrEqual(size.cols);
    }
    // The last item was reached and shown highlighted.
    expect(drawn.at(-1)!.join('\n')).toContain('> [ ] Confirm the mover and seconder');
  });
});
