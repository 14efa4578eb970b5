import { neutralise, stripAnsi } from '../../src/render/sanitize.js';

// Text from files (pages, notes, checklists, motions) reaches the terminal through neutralise:
// a note must not be able to move the cursor, retitle the window or hide text.

describe('neutralise', () => {
  test('ESC and the other C0 controls become their visible symbols; DEL becomes ␡', () => {
    expect(neutralise('a\u001b[2Jb')).toBe('a\u241b[2Jb');
    expect(neutralise('\u0000\u0001\u0007\u0008')).toBe('\u2400\u2401\u2407\u2408');
    expect(neutralise('\u000b\u000c\u001f')).toBe('\u240b\u240c\u241f');
    expect(neutralise('x\u007fy')).toBe('x\u2421y');
    expect(neutralise('\u001b]0;pwned\u0007')).toBe('\u241b]0;pwned\u2407');
  });

  test('C1 controls (U+0080 to U+009F, the 8-bit CSI among them) become U+FFFD', () => {
    expect(neutralise('a\u009b2Jb\u0080\u009f')).toBe('a\ufffd2Jb\ufffd\ufffd');
    expect(neutralise('\u00a0é')).toBe('\u00a0é');
  });

  test('tabs and line breaks are kept; CRLF becomes a line break and a lone CR is shown', () => {
    expect(neutralise('a\tb\nc')).toBe('a\tb\nc');
    expect(neutralise('one\r\ntwo\r\n')).toBe('one\ntwo\n');
    expect(neutralise('over\rwrite')).toBe('over\u240dwrite');
  });

  test('plain text is returned as it is', () => {
    expect(neutralise('Reference back: “send it back”, 50/50 — £5')).toBe('Reference back: “send it back”, 50/50 — £5');
    expect(neutralise('')).toBe('');
  });
});

describe('stripAnsi', () => {
  test('removes the styling our renderers add: SGR codes and OSC 8 links, ended by BEL or ST', () => {
    expect(stripAnsi('\u001b[1mbold\u001b[22m and \u001b[38;5;208mcolour\u001b[0m')).toBe('bold and colour');
    expect(stripAnsi('\u001b[m')).toBe('');
    expect(stripAnsi('\u001b]8;;https://example.org\u0007link\u001b]8;;\u0007')).toBe('link');
    expect(stripAnsi('\u001b]8;;https://example.org\u001b\\link\u001b]8;;\u001b\\')).toBe('link');
  });

  test('leaves other text, and sequences that are not styling, alone', () => {
    expect(stripAnsi('no codes here')).toBe('no codes here');
    expect(stripAnsi('\u001b[2J')).toBe('\u001b[2J');
    expect(stripAnsi('a\u001b[1;31mb\u001b[0mc\u001b[4md')).toBe('abcd');
  });
});
