import { wrap } from '../../src/render/wrap.js';

describe('wrap', () => {
  test('breaks single-spaced text at the width, with a first-line prefix and a hanging indent', () => {
    expect(wrap('one two three four five six', 14, '- ', '  ')).toBe('- one two\n  three four\n  five six');
  });

  test('any run of spaces, tabs, line breaks or no-break spaces is one gap', () => {
    expect(wrap('  one\ttwo\n\nthree\u00a0four  ', 80)).toBe('one two three four');
    expect(wrap('one  two', 80, '> ')).toBe('> one two');
  });

  test('a word longer than the width has a line of its own, uncut', () => {
    expect(wrap('a extraordinarily b', 6)).toBe('a\nextraordinarily\nb');
  });

  test('empty text gives the prefix alone when it has any, or nothing', () => {
    expect(wrap('', 20, '- ')).toBe('- ');
    expect(wrap(' ', 20)).toBe('');
  });
});

describe('wrap, text that fits', () => {
  test('is the prefix and the text, exactly as long as the width at most', () => {
    expect(wrap('fits here', 11, '- ')).toBe('- fits here');
    expect(wrap('fits here', 10, '- ', '  ')).toBe('- fits\n  here');
    expect(wrap(' spaced ', 80, '> ')).toBe('> spaced');
  });
});

describe('wrap: long links', () => {
  const url = 'labourhub.org.uk/2025/06/10/why-it-matters-who-is-elected-to-the-conference-arrangements-committee';
  test('a word longer than the line is broken only after a "/", never mid-word', () => {
    const lines = wrap(`Sources: ${url}; another`, 40).split('\n');
    expect(lines.every((l) => l.length <= 40 || !l.includes('/'))).toBe(true);
    expect(lines.join('')).toContain(url.replace('committee', ''));
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/\/$|;$|Sources:$/);
    expect(lines.join('').replace(/ /g, '')).toBe(`Sources:${url};another`);
  });
  test('a long word without a "/" still has a line of its own, uncut', () => {
    expect(wrap('a extraordinarily b', 6)).toBe('a\nextraordinarily\nb');
  });
});
