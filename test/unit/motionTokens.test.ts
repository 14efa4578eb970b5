import { readFileSync } from 'node:fs';
import { Holders, Lexicon, numberNgrams, PairIds, distinctSorted } from '../../src/motion/tokens.js';
import { isSubstantive } from '../../src/motion/stopWords.js';
import { words } from '../../src/motion/words.js';

// Lexicon.tokens is compare's fast path over words(): it must find exactly the same words.
function viaWords(text: string) {
  return words(text, isSubstantive).map((w) => ({ text: w.text, start: w.start, end: w.end }));
}

function viaTokens(text: string) {
  const lexicon = new Lexicon();
  const { ids, starts, ends } = lexicon.tokens(text);
  return Array.from(ids, (id, k) => ({ text: lexicon.words[id]!, start: starts[k]!, end: ends[k]! }));
}

const fixture = (name: string) => readFileSync(new URL(`../fixtures/motions/${name}`, import.meta.url), 'utf8');

describe('Lexicon.tokens finds the words words() finds', () => {
  test.each([
    ['numbers and case', 'Build 150,000 Council homes; rents up 9.5%! Since 2015. 2015abc 1.5abc a1,2'],
    ['apostrophes', "the union's members don't agree; workers' rights; 'quoted' words ''"],
    ['list markers', '1. End no-fault evictions.\n2) Fund 2 schools\n(a) a plan\n  iv. rights\nxv) five\nNot 3. here'],
    ['typographic punctuation', 'Conference notes the union’s “fair rents” campaign – 150,000 names… • a bullet — £9.5bn, €3'],
    ['letters beyond ASCII', 'Café workers’ naïve plans in Łódź; ﬁne print'],
    ['empty and blank', ''],
    ['only stop words', 'the of and to a in that is'],
    ['a list number at the very end', 'Conference resolves:\n1.'],
  ])('%s', (_, text) => {
    expect(viaTokens(text)).toEqual(viaWords(text));
  });

  test('on every sample motion', () => {
    for (const name of ['housing-cac.md', 'draft-composite.txt', 'two-subjects.txt', 'no-parts.txt']) {
      const text = fixture(name);
      expect(viaTokens(text)).toEqual(viaWords(text));
    }
  });

  test('gives a word one number across texts', () => {
    const lexicon = new Lexicon();
    const a = lexicon.tokens('Council homes for all');
    const b = lexicon.tokens('More COUNCIL homes');
    expect(Array.from(a.ids)).toEqual([0, 1]);
    expect(Array.from(b.ids)).toEqual([0, 1]);
    expect(lexicon.words).toEqual(['council', 'homes']);
  });
});

describe('PairIds and numberNgrams', () => {
  test('PairIds numbers equal pairs alike, in order of first appearance, past its first capacity', () => {
    const pairs = new PairIds();
    const numbers = Array.from({ length: 6000 }, (_, i) => pairs.id(i % 3000, -(i % 3000)));
    expect(pairs.size).toBe(3000);
    expect(numbers.slice(0, 3)).toEqual([0, 1, 2]);
    expect(numbers[3000]).toBe(0);
    expect(pairs.id(1, 2)).not.toBe(pairs.id(2, 1));
  });

  test('n-grams of two, three and five words: equal n-grams one number, across texts, in order of first appearance', () => {
    // Words drawn so that n-grams repeat within and across texts, and some texts are short.
    const texts = [0, 1, 2, 3, 4, 9, 2].map((seed) => Int32Array.from({ length: seed * 7 }, (_, i) => (i * (seed + 3)) % 11));
    const ngrams = numberNgrams(texts);
    for (const [n, numbered] of [[2, ngrams.twos], [3, ngrams.threes], [5, ngrams.fives]] as const) {
      // The plain way: each n-gram's words as a key.
      const seen = new Map<string, number>();
      const expected = texts.map((ids) =>
        Array.from({ length: Math.max(0, ids.length - n + 1) }, (_, p) => {
          const key = ids.subarray(p, p + n).join(',');
          if (!seen.has(key)) seen.set(key, seen.size);
          return seen.get(key)!;
        }),
      );
      expect(numbered.at.map((a) => Array.from(a))).toEqual(expected);
      expect(numbered.count).toBe(seen.size);
    }
    expect(ngrams.fives.count).toBeGreaterThan(10);
  });
});

describe('Holders', () => {
  test('lists the texts that hold each number', () => {
    const holders = new Holders([distinctSorted(Int32Array.of(2, 0, 2)), Int32Array.of(), distinctSorted(Int32Array.of(2, 1))], 4);
    const of = (x: number) => Array.from(holders.holder.subarray(holders.start[x], holders.start[x + 1]));
    expect([of(0), of(1), of(2), of(3)]).toEqual([[0], [2], [0, 2], []]);
    expect(holders.count(2)).toBe(2);
  });
});
