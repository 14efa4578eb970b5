import { correctQuery, typoDistance, type Vocabulary } from '../../src/search/correctQuery.js';
import { asYouType, expandPrefixes, formatQuery, highlightWords, parseQuery, QueryError, tokenize, toMatchExpression } from '../../src/search/parseQuery.js';

const match = (q: string) => toMatchExpression(parseQuery(q));

function queryError(q: string): string {
  try {
    parseQuery(q);
  } catch (error) {
    if (error instanceof QueryError) return error.message;
    throw error;
  }
  throw new Error(`expected "${q}" to be refused`);
}

describe('parseQuery → FTS5 MATCH expression', () => {
  test('words are ANDed, each quoted so nothing typed is FTS5 syntax', () => {
    expect(match('reference back')).toBe('("reference") AND ("back")');
    expect(match('NEAR(card vote) ^title:x')).toBe('("near card") AND ("vote") AND ("title x")');
  });

  test('a "quoted phrase" stays one phrase; OR joins neighbours; -word and -"phrase" exclude', () => {
    expect(match('"card vote" -emergency')).toBe('(("card vote")) NOT ("emergency")');
    expect(match('amendment OR remit closure')).toBe('("amendment" OR "remit") AND ("closure")');
    expect(match('motion -"emergency motion" -late')).toBe('(("motion")) NOT ("emergency motion" OR "late")');
  });

  test('prefix* and a phrase prefix; words with inner punctuation become phrases (50/50, reference-back)', () => {
    expect(match('composit*')).toBe('("composit"*)');
    expect(match('"card vo"*')).toBe('("card vo"*)');
    expect(match('50/50 reference-back')).toBe('("50 50") AND ("reference back")');
  });

  test('plain ASCII and accented text split into words alike', () => {
    expect(tokenize('Reference-Back, 50/50 NEC_report')).toEqual(['reference', 'back', '50', '50', 'nec', 'report']);
    expect(tokenize('Référence-Back, 50/50 NEC_rapport')).toEqual(['reference', 'back', '50', '50', 'nec', 'rapport']);
  });

  test('quotes inside FTS5 strings cannot break out, and case and accents are folded', () => {
    expect(match('Délégué')).toBe('("delegue")');
    expect(toMatchExpression(parseQuery('"card vote', { lenient: true }))).toBe('("card vote")');
  });

  test('uppercase AND is allowed and means nothing more than a space', () => {
    expect(match('card AND vote')).toBe('("card") AND ("vote")');
  });

  test.each([
    ['"card vote', 'a quote is opened but never closed'],
    ['OR card', 'OR needs a word to look for on each side'],
    ['card OR', 'OR needs a word to look for on each side'],
    ['card OR OR vote', 'OR needs a word to look for on each side'],
    ['card OR -vote', 'OR needs a word to look for on each side'],
    ['card - vote', '"-" on its own excludes nothing'],
    ['*', '"*" goes at the end of the start of a word'],
    ['-emergency', 'give at least one word to look for'],
    ['""', 'an empty pair of quotes'],
    ['', 'there are no words to search for'],
    ['— & !', 'there are no words to search for'],
  ])('malformed %j gets a plain message', (q, message) => {
    expect(queryError(q)).toContain(message);
  });

  test('lenient parsing (search as you type) reads a half-typed query without refusing it', () => {
    for (const q of ['"card', 'card OR', 'OR', '-', '*', '-emergency', 'card -']) {
      expect(() => parseQuery(q, { lenient: true })).not.toThrow();
    }
    expect(toMatchExpression(parseQuery('card OR', { lenient: true }))).toBe('("card")');
  });

  test('formatQuery writes the query back in the syntax typed; highlightWords lists each word once', () => {
    const q = parseQuery('"card vote" amend* OR remit -emergency');
    expect(formatQuery(q)).toBe('"card vote" amend* OR remit -emergency');
    expect(highlightWords(q)).toEqual([
      { word: 'card', prefix: false },
      { word: 'vote', prefix: false },
      { word: 'amend', prefix: true },
      { word: 'remit', prefix: false },
    ]);
  });
});

describe('search as you type', () => {
  test.each([
    ['composi', 'composi*'],
    ['card vo', 'card vo*'],
    ['-emerg', '-emerg*'],
    ['café', 'café*'],
    ['card ', 'card '],
    ['vote,', 'vote,'],
    ['amend*', 'amend*'],
    ['"card vo', '"card vo'],
    ['"card vote"', '"card vote"'],
    ['amendment OR', 'amendment OR'],
    ['', ''],
  ])('%j is searched as %j', (typed, searched) => {
    expect(asYouType(typed)).toBe(searched);
  });
});

describe('typo correction against the index vocabulary', () => {
  const words: Record<string, number> = { reference: 9, back: 20, refer: 4, compositing: 7, composite: 9, chair: 12, black: 1, card: 8, vote: 15 };
  const vocabulary: Vocabulary = {
    documentFrequency: (w) => words[w] ?? 0,
    *vocabulary(min, max) {
      for (const entry of Object.entries(words)) if (entry[0].length >= min && entry[0].length <= max) yield entry;
    },
    wordsStartingWith: (prefix, limit) =>
      Object.keys(words)
        .filter((w) => w.startsWith(prefix))
        .slice(0, limit),
  };

  test('a word no page has is replaced by the nearest known word', () => {
    const fixed = correctQuery(parseQuery('refrence back'), vocabulary);
    expect(fixed?.corrections).toEqual([{ from: 'refrence', to: 'reference' }]);
    expect(formatQuery(fixed!.query)).toBe('reference back');
    expect(formatQuery(correctQuery(parseQuery('compositting'), vocabulary)!.query)).toBe('compositing');
  });

  test('a swap of two letters counts as one slip', () => {
    expect(typoDistance('chiar', 'chair', 1)).toBe(1);
    expect(formatQuery(correctQuery(parseQuery('chiar'), vocabulary)!.query)).toBe('chair');
  });

  test('words inside a phrase are corrected; excluded words, numbers and short words are not', () => {
    expect(formatQuery(correctQuery(parseQuery('"refrence back"'), vocabulary)!.query)).toBe('"reference back"');
    expect(correctQuery(parseQuery('card -refrence'), vocabulary)).toBeUndefined();
    expect(correctQuery(parseQuery('5050 vte'), vocabulary)).toBeUndefined();
  });

  test('a prefix no word starts with becomes the nearest start of a word; one that some word starts with is left alone', () => {
    const fixed = correctQuery(parseQuery('refrenc*'), vocabulary);
    expect(fixed?.corrections).toEqual([{ from: 'refrenc*', to: 'referenc*' }]);
    expect(formatQuery(fixed!.query)).toBe('referenc*');
    expect(formatQuery(correctQuery(parseQuery('card compisit*'), vocabulary)!.query)).toBe('card composit*');
    expect(correctQuery(parseQuery('referen*'), vocabulary)).toBeUndefined();
    expect(correctQuery(parseQuery('xylo*'), vocabulary)).toBeUndefined();
    expect(correctQuery(parseQuery('rfe*'), vocabulary)).toBeUndefined();
  });

  test('a rare word that is really there is left alone ("black" is not "back")', () => {
    expect(correctQuery(parseQuery('black sections'), vocabulary)).toBeUndefined();
  });

  test('a word too far from anything known is left as typed', () => {
    expect(correctQuery(parseQuery('xylophone'), vocabulary)).toBeUndefined();
  });
});

describe('prefixes matched as the whole words that start with them', () => {
  const starting: Record<string, string[]> = { referen: ['reference', 'referendum'], compositin: ['compositing'], vo: ['vote', 'voting'] };
  const words = (prefix: string) => starting[prefix] ?? [];

  test('each prefix term gains the words, in its own clause, and an excluded prefix excludes them too', () => {
    const expanded = expandPrefixes(parseQuery('card referen* -compositin*'), words);
    expect(formatQuery(expanded)).toBe('card referen* OR reference OR referendum -compositin* -compositing');
    expect(toMatchExpression(expanded)).toBe('(("card") AND ("referen"* OR "reference" OR "referendum")) NOT ("compositin"* OR "compositing")');
  });

  test('the last word of a quoted prefix phrase is completed inside the phrase', () => {
    expect(formatQuery(expandPrefixes(parseQuery('"card vo"*'), words))).toBe('"card vo"* OR "card vote" OR "card voting"');
  });

  test('a query without prefixes is unchanged', () => {
    const query = parseQuery('card vote -emergency');
    expect(expandPrefixes(query, words)).toEqual(query);
  });
});
