import { renderMarkdownForTerminal } from '../../src/render/markdownTerminal.js';
import { stripAnsi } from '../../src/render/sanitize.js';
import { makeTheme } from '../../src/render/theme.js';

// Users' Markdown, as a delegation writes it in notes, rendered for a terminal: what a delegate
// sees (escape codes removed), at 40, 80 and 120 columns.

const theme = makeTheme(true);
const seen = (markdown: string, width: number) => stripAnsi(renderMarkdownForTerminal(markdown, width, theme)).replace(/\n$/, '').split('\n');

const table = `| Motion | Organisation | Words kept | Notes on the text |
|:-------|:------------:|-----------:|-------------------|
| Housing | Anytown CLP | 127 | The council homes resolve survived whole, the rent cap was cut |
| Energy | Unite | 5 | Only five words survived, one of them "the" |
`;

describe.each([40, 80, 120])('at %i columns', (width) => {
  test('a table fits the width and loses no cell', () => {
    const lines = seen(table, width);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
    const words = lines.join(' ');
    for (const cell of ['Housing', 'Anytown CLP', '127', 'rent cap', 'Unite', 'five words']) expect(words).toContain(cell.split(' ')[0]);
  });

  test('block quotes keep their bar and style on every line, with no orphan fragments', () => {
    const quote = '> The chair is not neutral, and the meeting will be run to an agenda that was set before you walked in; read the CAC report first, and plan.';
    const raw = renderMarkdownForTerminal(quote, width, theme).replace(/\n$/, '').split('\n');
    expect(raw.length).toBeGreaterThan(width < 80 ? 2 : 0);
    for (const line of raw) {
      expect(stripAnsi(line)).toMatch(/^│ \S/);
      expect(line).toContain('\u001b[3m'); // italic on every line, not only the first
      expect(stripAnsi(line).length).toBeLessThanOrEqual(width);
    }
    expect(raw.map(stripAnsi).join(' ').replace(/│ /g, '')).toContain('and plan.');
  });

  test('task-list items show one box', () => {
    expect(seen('- [ ] Print 20 copies\n- [x] Email the CAC\n', width)).toEqual(['  • [ ] Print 20 copies', '  • [x] Email the CAC']);
  });

  test('nested lists keep their levels, with no blank lines between items', () => {
    expect(seen('1. First\n   - second a\n   - second b\n     - third\n2. Second\n', width)).toEqual([
      '  1. First',
      '     ◦ second a',
      '     ◦ second b',
      '       ▪ third',
      '  2. Second',
    ]);
  });

  test('long links are broken only at "/" and listed, numbered, at the end', () => {
    const url = 'https://labourhub.org.uk/2025/06/10/why-it-matters-who-is-elected-to-the-conference-arrangements-committee';
    const lines = seen(`Read the [CAC article](${url}) and ${url.replace('labourhub', 'example')} too.`, width);
    expect(lines[0]).toMatch(/^Read the CAC article\[1\]/);
    const at = lines.indexOf('Links');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 2).join('').replace(/\s+/g, '')).toBe(`[1]${url}`);
    // Every line break inside an address falls just after a "/".
    for (const line of lines) if (/\S\/\S/.test(line) && line.length >= width - 10) expect(line).toMatch(/\/$|\s|\.$|too\.$/);
    for (const line of lines.filter((l) => !l.includes('why-it-matters'))) expect(line.length).toBeLessThanOrEqual(width);
  });
});

describe('tables', () => {
  test('are as wide as their text when it fits, and honour alignment', () => {
    const lines = seen(table, 120);
    expect(lines[0]).toMatch(/^Motion {2}│ Organisation │ Words kept │ Notes on the text$/);
    expect(lines[2]).toMatch(/^Housing │ Anytown CLP  │ {8}127 │ The council homes/);
    expect(lines[3]).toMatch(/^Energy {2}│ {4}Unite {5}│ {10}5 │ Only five/);
  });

  test('wrap cells within their columns when too wide, and become one list per row when even that cannot fit', () => {
    const at80 = seen(table, 80);
    expect(at80.every((l) => l.includes('│') || /^─/.test(l))).toBe(true); // still a table
    expect(at80.length).toBeGreaterThan(4); // some cell wrapped within its column
    const at40 = seen(table, 40);
    expect(at40).toContain('Motion: Housing');
    expect(at40).toContain('Words kept: 127');
  });

  test('links as plain as the terminal allows: OSC 8 only where the terminal makes them clickable', () => {
    const md = '[CAC report](https://example.org/cac)';
    expect(renderMarkdownForTerminal(md, 80, theme)).not.toContain('\u001b]8;');
    const linked = renderMarkdownForTerminal(md, 80, { ...theme, hyperlinks: true });
    expect(linked).toContain('\u001b]8;;https://example.org/cac\u001b\\');
    expect(stripAnsi(linked)).toMatch(/^CAC report\[1\]/);
  });
});
