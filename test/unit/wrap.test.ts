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
