import { backgroundFromColorFgBg, makeTheme, type Background, type Theme } from '../../src/render/theme.js';
import { chooseBackground } from '../../src/context.js';

// Every text colour a theme uses, measured as xterm draws it (its default 16 colours and the
// 256-colour cube and greys), against the background the theme is for (WCAG contrast ratio).

const xterm16 = [
  [0, 0, 0], [205, 0, 0], [0, 205, 0], [205, 205, 0], [0, 0, 238], [205, 0, 205], [0, 205, 205], [229, 229, 229],
  [127, 127, 127], [255, 0, 0], [0, 255, 0], [255, 255, 0], [92, 92, 255], [255, 0, 255], [0, 255, 255], [255, 255, 255],
];

function xtermColour(n: number): number[] {
  if (n < 16) return xterm16[n]!;
  if (n >= 232) return Array(3).fill(8 + 10 * (n - 232));
  const level = (v: number) => (v === 0 ? 0 : 55 + 40 * v);
  const i = n - 16;
  return [level(Math.floor(i / 36)), level(Math.floor(i / 6) % 6), level(i % 6)];
}

/** The foreground colours in SGR sequences: 30-37, 90-97, 38;5;n. */
function coloursIn(text: string): number[] {
  const found: number[] = [];
  for (const [, params] of text.matchAll(/\u001b\[([0-9;]*)m/g)) {
    const codes = params!.split(';').map(Number);
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i]!;
      if (c === 38 && codes[i + 1] === 5) found.push(codes[(i += 2)]!);
      else if (c >= 30 && c <= 37) found.push(c - 30);
      else if (c >= 90 && c <= 97) found.push(c - 90 + 8);
      else if (c === 2) found.push(-1); // faint: no colour of its own to measure
    }
  }
  return found;
}

const luminance = (rgb: number[]) => {
  const [r, g, b] = rgb.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

/** Every style of the theme, applied to a word. */
function styled(theme: Theme): Record<string, string> {
  const styles = ['title', 'heading', 'dim', 'id', 'kind', 'match', 'ok', 'warn', 'error', 'code'] as const;
  return Object.fromEntries(styles.map((name) => [name, theme[name]('word')]));
}

const white = [255, 255, 255];
const black = [0, 0, 0];

describe.each<[Background, number[][], number]>([
  ['light', [white], 4.5],
  ['dark', [black], 4.5],
  ['both', [white, black], 3.5],
])('the %s theme', (background, backgrounds, least) => {
  test(`every text colour it uses has at least ${least}:1 contrast on its background`, () => {
    const theme = makeTheme(true, background);
    for (const [style, text] of Object.entries(styled(theme))) {
      for (const colour of coloursIn(text)) {
        expect([style, colour]).not.toEqual([style, -1]); // faint text has no contrast to rely on
        for (const bg of backgrounds) expect([style, colour, Math.round(contrast(xtermColour(colour), bg) * 10) / 10 >= least]).toEqual([style, colour, true]);
      }
    }
  });
});

test('yellow and cyan, the old colours, are indeed below 4.5:1 on white (the check can fail)', () => {
  expect(contrast(xtermColour(3), white)).toBeLessThan(2);
  expect(contrast(xtermColour(6), white)).toBeLessThan(2.5);
});

describe('choosing the background', () => {
  test('--theme, then DELEGATE_THEME, then COLORFGBG, then the terminal\'s answer, else both', () => {
    expect(chooseBackground('light', { DELEGATE_THEME: 'dark' })).toBe('light');
    expect(chooseBackground('auto', { DELEGATE_THEME: 'dark', COLORFGBG: '0;15' })).toBe('dark');
    expect(chooseBackground(undefined, { COLORFGBG: '0;15' })).toBe('light');
    expect(chooseBackground(undefined, { COLORFGBG: '15;default;0' })).toBe('dark');
    expect(chooseBackground(undefined, {}, 'light')).toBe('light');
    expect(chooseBackground(undefined, {})).toBe('both');
    expect(backgroundFromColorFgBg('7;8')).toBe('dark');
    expect(backgroundFromColorFgBg('0;7')).toBe('light');
    expect(backgroundFromColorFgBg('nonsense')).toBeUndefined();
  });
});
