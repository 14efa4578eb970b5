import { asTyped, asYouType, expandPrefixes, formatQuery, highlightWords, markedWords, parseQuery, QueryError, toMatchExpression, type ParsedQuery } from '../../src/search/parseQuery.js';

// What a typed query becomes: the clauses searched, the words left out, and the query said back
// to the delegate. searchQuery.test.ts has the MATCH expressions of ordinary queries.

const word = (w: string, quoted?: boolean) => ({ kind: 'word', words: [w], ...(quoted ? { quoted } : {}) });

function refused(q: string, options: { lenient?: boolean } = {}): string {
  try {
    parseQuery(q, options);
  } catch (error) {
    if (error instanceof QueryError) return error.message;
    throw error;
  }
  throw new Error(`expected "${q}" to be refused`);
}

describe('parseQuery', () => {
  test('a quoted single word is a word searched exactly as typed; a quoted phrase a phrase', () => {
    expect(parseQuery('"remit"')).toEqual({ clauses: [[word('remit', true)]], excluded: [] });
    expect(parseQuery('"card vote"')).toEqual({ clauses: [[{ kind: 'phrase', words: ['card', 'vote'], quoted: true }]], excluded: [] });
    expect(parseQuery('remit')).toEqual({ clauses: [[word('remit')]], excluded: [] });
  });

  test('a quoted prefix takes any number of stars, and the next word still counts', () => {
    expect(parseQuery('"card vo"** remit')).toEqual({
      clauses: [[{ kind: 'prefix', words: ['card', 'vo'], quoted: true }], [word('remit')]],
      excluded: [],
    });
    expect(parseQuery('"compos"*')).toEqual({ clauses: [[{ kind: 'prefix', words: ['compos'], quoted: true }]], excluded: [] });
  });

  test('a quote straight after a word starts a phrase of its own', () => {
    expect(parseQuery('vote"card count"')).toEqual({
      clauses: [[word('vote')], [{ kind: 'phrase', words: ['card', 'count'], quoted: true }]],
      excluded: [],
    });
  });

  test('OR joins a run of alternatives into one clause; the next word starts a new clause', () => {
    expect(parseQuery('remit OR refer OR withdraw vote')).toEqual({
      clauses: [[word('remit'), word('refer'), word('withdraw')], [word('vote')]],
      excluded: [],
    });
  });

  test('a quoted phrase may be one side of OR', () => {
    expect(parseQuery('"card vote" OR remit')).toEqual({
      clauses: [[{ kind: 'phrase', words: ['card', 'vote'], quoted: true }, word('remit')]],
      excluded: [],
    });
  });

  test('a word with inner punctuation is said back whole, as a phrase', () => {
    expect(formatQuery(parseQuery('reference-back 50/50'))).toBe('"reference back" "50 50"');
  });

  test('-OR and -AND are words to leave out, not operators', () => {
    expect(parseQuery('card -OR -AND')).toEqual({ clauses: [[word('card')]], excluded: [word('or'), word('and')] });
  });

  test('punctuation on its own between words is passed over', () => {
    expect(parseQuery('card & vote')).toEqual({ clauses: [[word('card')], [word('vote')]], excluded: [] });
    expect(parseQuery('"card" "&" vote')).toEqual({ clauses: [[word('card', true)], [word('vote')]], excluded: [] });
  });

  test('an excluded word before OR cannot be one of its alternatives', () => {
    expect(refused('-card OR vote')).toBe('OR needs a word to look for on each side, as in: amendment OR remit');
    expect(parseQuery('-card OR vote', { lenient: true })).toEqual({ clauses: [[word('vote')]], excluded: [word('card')] });
  });

  test.each([
    ['"card vote', 'a quote is opened but never closed: put a " at the end of the phrase'],
    ['card - vote', '"-" on its own excludes nothing: put it straight before the word to leave out, as in -emergency'],
    ['card -', '"-" on its own excludes nothing: put it straight before the word to leave out, as in -emergency'],
    ['**', '"*" goes at the end of the start of a word, as in composit*'],
    ['""', 'an empty pair of quotes has nothing to search for'],
    ['"  "', 'an empty pair of quotes has nothing to search for'],
    ['-emergency', 'give at least one word to look for; a -word only leaves pages out'],
    ['"—"', 'there are no words to search for'],
  ])('%j is refused with the whole message', (q, message) => {
    expect(refused(q)).toBe(message);
  });

  test('lenient parsing keeps what it can of a half-typed query', () => {
    expect(parseQuery('"card vo', { lenient: true })).toEqual({ clauses: [[{ kind: 'phrase', words: ['card', 'vo'], quoted: true }]], excluded: [] });
    expect(parseQuery('card - vote', { lenient: true })).toEqual({ clauses: [[word('card')], [word('vote')]], excluded: [] });
    expect(parseQuery('"" card ** OR', { lenient: true })).toEqual({ clauses: [[word('card')]], excluded: [] });
    expect(parseQuery('-emergency', { lenient: true })).toEqual({ clauses: [], excluded: [word('emergency')] });
  });
});

describe('the query said back and matched', () => {
  const query = (q: string): ParsedQuery => parseQuery(q);

  test('formatQuery writes each kind of term as it would be typed', () => {
    expect(formatQuery(query('remit "card vote" compos* "card vo"* -late -"emergency motion" -amend*'))).toBe(
      'remit "card vote" compos* "card vo"* -late -"emergency motion" -amend*',
    );
  });

  test('a query of left-out words only matches nothing', () => {
    expect(toMatchExpression(parseQuery('-late', { lenient: true }))).toBe('');
  });

  test('highlighting lists each word once, a prefix only at its last word, and never a left-out word', () => {
    const words = (text: string) => highlightWords(query(text)).map((w) => `${w.word}${w.prefix ? '*' : ''}`);
    expect(words('"card vo"* card vote -late')).toEqual(['card', 'vo*', 'vote']);
    expect(words('say "it\'s"')).toEqual(['say', 'it', 's']);
    // The same word as a whole word and as a prefix is marked both ways.
    expect(words('vote vote*')).toEqual(['vote', 'vote*']);
  });
});

describe('search as you type, at the edges', () => {
  test('AND being typed is left as typed, like OR', () => {
    expect(asYouType('card AND')).toBe('card AND');
  });

  test('a star before a word does not stop the word being completed', () => {
    expect(asYouType('*amend')).toBe('*amend*');
  });
});

describe('prefixes matched as whole words', () => {
  const starting: Record<string, string[]> = { referen: ['reference', 'referendum'], vo: ['vote'] };
  const words = (prefix: string) => starting[prefix] ?? [];

  test('each word a prefix stands for is a word term of its own; a prefix phrase gives phrases', () => {
    expect(expandPrefixes(parseQuery('referen*'), words).clauses).toEqual([[
      { kind: 'prefix', words: ['referen'] },
      { kind: 'word', words: ['reference'] },
      { kind: 'word', words: ['referendum'] },
    ]]);
    expect(expandPrefixes(parseQuery('"card vo"*'), words).clauses).toEqual([[
      { kind: 'prefix', words: ['card', 'vo'], quoted: true },
      { kind: 'phrase', words: ['card', 'vote'] },
    ]]);
  });

  test('a whole word that happens to start other words is not widened', () => {
    const query = parseQuery('referen vo');
    expect(expandPrefixes(query, words)).toEqual(query);
  });
});

describe('markedWords', () => {
  test('the words typed with a letter beyond ASCII, as the index folds them; none in a plain query', () => {
    expect([...markedWords('the Café on Brighton pier')]).toEqual(['cafe']);
    expect([...markedWords('Müller and λόγος, £50 — “quoted”')]).toEqual(['muller', 'λόγοσ']);
    expect([...markedWords('cafe\u0301 society')]).toEqual(['cafe']);
    expect(markedWords('£50 – “card vote”').size).toBe(0);
    expect(markedWords('reference back').size).toBe(0);
  });
});

// What search names back ("No page mentions …") is the word as typed, not as the index folds it.
describe('asTyped', () => {
  test('gives back the typed words that fold to the words asked for, with their case and accents', () => {
    expect(asTyped('the Café on Brighton pier', ['cafe'])).toBe('Café');
    expect(asTyped('ο λόγος του', ['λόγοσ'])).toBe('λόγος'); // the index folds a final sigma to σ
    expect(asTyped('who took the WHIP', ['whip'])).toBe('WHIP');
    expect(asTyped('the card-vote book', ['card', 'vote'])).toBe('card vote');
    expect(asTyped('a 50/50 split', ['50', '50'])).toBe('50 50');
  });

  test('a decomposed accent (e and a combining mark) is one typed word', () => {
    expect(asTyped('cafe\u0301 society', ['cafe'])).toBe('cafe\u0301');
  });

  test('words the query does not hold come back as given', () => {
    expect(asTyped('quorum', ['whip'])).toBe('whip');
    expect(asTyped('', ['whip'])).toBe('whip');
    expect(asTyped('card', ['card', 'vote'])).toBe('card vote');
  });
});
