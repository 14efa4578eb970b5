import { asWritten, countWords, substantiveWords, words } from '../../src/motion/words.js';

const texts = (text: string) => words(text).map((w) => w.text);

describe('words', () => {
  test('ignore case and punctuation, and keep numbers whole', () => {
    expect(texts('Build 150,000 Council homes; rents up 9.5%!')).toEqual(['build', '150000', 'council', 'homes', 'rents', 'up', '9.5']);
  });

  test('drop apostrophes and the possessive', () => {
    expect(texts("the union's members don't agree; workers' rights")).toEqual(['the', 'union', 'members', 'dont', 'agree', 'workers', 'rights']);
  });

  test('split hyphenated words and skip list numbers', () => {
    expect(texts('1. End no-fault evictions.\n2) Fund 2 schools\n(a) a plan')).toEqual(['end', 'no', 'fault', 'evictions', 'fund', '2', 'schools', 'a', 'plan']);
  });

  test('point back at the original text', () => {
    const text = 'Conference notes: “Homes”';
    const [, , homes] = words(text);
    expect(text.slice(homes!.start, homes!.end)).toBe('Homes');
  });
});

describe('substantive words', () => {
  test('leave out stop words and the motion frame, but keep negations', () => {
    expect(substantiveWords('Conference resolves that there should be no evictions and not the market').map((w) => w.text)).toEqual([
      'no',
      'evictions',
      'not',
      'market',
    ]);
  });

  test('of a text that is only stop words are none', () => {
    expect(substantiveWords('the of and to')).toEqual([]);
  });
});

describe('countWords', () => {
  test('counts runs between spaces that have a letter or digit: numbers and list numbers count, bullets and dashes do not', () => {
    expect(countWords('1. Build 150,000 homes – now\n• low-income families')).toBe(7);
  });

  test('of blank text is zero', () => {
    expect(countWords(' \n\t ')).toBe(0);
  });
});

describe('asWritten', () => {
  test('lower-cases a capital that only starts a sentence or a point, and keeps names', () => {
    const text = 'Conference notes. Homes matter in Anytown.\n2. Fund NHS dentists';
    const shown = words(text).map((w) => asWritten(text, w));
    expect(shown).toEqual(['conference', 'notes', 'homes', 'matter', 'in', 'Anytown', 'fund', 'NHS', 'dentists']);
  });
});
