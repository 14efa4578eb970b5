import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closestStart, commonNeighbour, correctQuery, fixWord, slipDistance, typoDistance } from '../../src/search/correctQuery.js';
import { formatQuery, parseQuery } from '../../src/search/parseQuery.js';
import { SearchIndex } from '../../src/search/searchIndex.js';
import { tempDir } from '../helpers/fixtures.js';

// Typo correction against a real index (SQLite, in memory) of a few invented notes, so each
// word's page count is what the notes make it.

const notes: Record<string, string> = {
  n1: 'vote card reference chair back notion',
  n2: 'vote card reference chair composite back notion',
  n3: 'vote card reference composite back notion',
  n4: 'vote card compositing back notion',
  n5: 'vote 2024 12345',
  n6: 'cars black',
  n7: 'care motion',
  n8: 'referendum amendment',
};

let index: SearchIndex;
let cleanup: () => void;

beforeAll(async () => {
  const made = tempDir('delegate-correct-');
  cleanup = made.cleanup;
  const past = new Date(Date.now() - 3600_000);
  for (const [name, body] of Object.entries(notes)) {
    const file = join(made.dir, `${name}.md`);
    writeFileSync(file, `${body}\n`);
    utimesSync(file, past, past);
  }
  index = SearchIndex.open(':memory:');
  await index.sync([{ dir: made.dir, origin: 'personal' }]);
});
afterAll(() => {
  index.close();
  cleanup();
});

/** The query as searched after correction, and what the delegate is told was corrected. */
function corrected(typed: string): { searched: string; told: string[] } | undefined {
  const fixed = correctQuery(parseQuery(typed), index);
  return fixed && { searched: formatQuery(fixed.query), told: fixed.corrections.map((c) => `${c.from} → ${c.to}`) };
}

describe('correctQuery', () => {
  test('the index is what the notes make it', () => {
    expect([index.documentFrequency('vote'), index.documentFrequency('card'), index.documentFrequency('cars')]).toEqual([5, 4, 1]);
  });

  test('words of three letters are never corrected; from four, one slip is', () => {
    expect(corrected('vte')).toBeUndefined();
    expect(corrected('vots')).toEqual({ searched: 'vote', told: ['vots → vote'] });
  });

  test('up to eight letters one slip; from nine, two', () => {
    expect(corrected('refrnce')).toBeUndefined();
    expect(corrected('compsitng')).toEqual({ searched: 'compositing', told: ['compsitng → compositing'] });
  });

  test('the nearest word wins over a more common one further away', () => {
    // "compositin" is one from compositing (1 page), two from composite (2 pages).
    expect(corrected('compositin')?.searched).toBe('compositing');
  });

  test('between words equally near, the more common wins', () => {
    // "carx" is one from card (4 pages), cars (1) and care (1).
    expect(corrected('carx')?.searched).toBe('card');
  });

  test('between words equally near, the more common wins even when it sorts later', () => {
    // "potion" is one from motion (1 page) and notion (4 pages).
    expect(corrected('potion')?.searched).toBe('notion');
    expect(closestStart('potio', index)).toBe('notio');
  });

  test('a prefix typed twice is corrected once and told once', () => {
    expect(corrected('refrenc* OR refrenc*')).toEqual({ searched: 'referenc* OR referenc*', told: ['refrenc* → referenc*'] });
  });

  test('a prefix may be corrected to a shorter start of a word', () => {
    expect(corrected('vots*')).toEqual({ searched: 'vot*', told: ['vots* → vot*'] });
  });

  test('a number the index has is never offered for a word', () => {
    expect(corrected('2024a')).toBeUndefined();
    expect(corrected('1234')).toBeUndefined();
  });

  test('a slip typed twice is corrected once and told once', () => {
    expect(corrected('vots OR vots card')).toEqual({ searched: 'vote OR vote card', told: ['vots → vote'] });
  });

  test('only the words looked for are corrected; words left out stay as typed', () => {
    expect(corrected('vots -chiar')).toEqual({ searched: 'vote -chiar', told: ['vots → vote'] });
  });

  test('a prefix no word starts with becomes the nearest start of a word, told with its star', () => {
    expect(corrected('refrenc*')).toEqual({ searched: 'referenc*', told: ['refrenc* → referenc*'] });
    expect(corrected('refer*')).toBeUndefined();
    expect(corrected('vo*')).toBeUndefined();
  });

  test('in a quoted prefix phrase, the words before the last are corrected as words', () => {
    expect(corrected('"chiar refrenc"*')).toEqual({ searched: '"chair referenc"*', told: ['chiar → chair', 'refrenc* → referenc*'] });
  });

  test('a word or prefix typed as meant (with a letter beyond ASCII) is left as typed; the others are still corrected', () => {
    const asMeant = new Set(['refrence', 'refrenc']);
    expect(correctQuery(parseQuery('refrence refrenc*'), index, asMeant)).toBeUndefined();
    const fixed = correctQuery(parseQuery('refrence chiar'), index, asMeant);
    expect(fixed && formatQuery(fixed.query)).toBe('refrence chair');
  });

  test('a word and a prefix spelled alike are corrected each in its own way', () => {
    expect(corrected('refrence refrence*')).toEqual({ searched: 'reference reference*', told: ['refrence → reference', 'refrence* → reference*'] });
  });
});

describe('closestStart', () => {
  test('the nearest start of a word, as long as it needs to be', () => {
    expect(closestStart('compisit', index)).toBe('composit');
    expect(closestStart('refrenc', index)).toBe('referenc');
  });

  test('numbers are never the start of a word meant', () => {
    expect(closestStart('12346', index)).toBeUndefined();
  });
});

describe('fixWord and commonNeighbour', () => {
  const fix = (word: string) => fixWord(word, index, () => false);

  test('a slip in the first two letters, swapped, is still found', () => {
    expect(fix('erference')).toEqual({ kind: 'correct', to: 'reference' });
    expect(fix('rfeerence')).toEqual({ kind: 'correct', to: 'reference' });
  });

  test('a word with digits, or under three letters, is searched as typed', () => {
    expect(fix('vo')).toBeUndefined();
    expect(fix('vote2')).toBeUndefined();
  });

  test('a short start of a word is read as a prefix only when that word is in two pages or more', () => {
    // "refe" starts reference (3 pages); "blac" starts only black (1 page), so it is taken for a slip.
    expect(fix('refe')).toEqual({ kind: 'prefix', to: 'refe' });
    expect(fix('chai')).toEqual({ kind: 'prefix', to: 'chai' }); // chair: two pages are enough
    expect(fix('blac')).toEqual({ kind: 'correct', to: 'black' });
    // From five letters, a word in one page will do: "amend" is amendment's prefix, "amen" is not.
    expect(fix('amend')).toEqual({ kind: 'prefix', to: 'amend' });
    expect(fix('amen')).toEqual({ kind: 'missing' });
  });

  test('a word too far from every word is missing', () => {
    expect(fix('zzzzzz')).toEqual({ kind: 'missing' });
  });

  test('a word in a page or two may be a slip for a far more common one', () => {
    expect(commonNeighbour('cars', index)).toBe('card');
    // care is in one page and card in four: four times one is needed, and card has it.
    expect(commonNeighbour('care', index)).toBe('card');
    // vote is in five pages: not rare enough to doubt.
    expect(commonNeighbour('vote', index)).toBeUndefined();
    expect(commonNeighbour('car', index)).toBeUndefined();
    expect(commonNeighbour('12345', index)).toBeUndefined();
  });
});

describe('how many slips apart two words are', () => {
  test.each([
    ['chiar', 'chair', 1, 1], // two letters swapped
    ['pqrs', 'prts', 2, 2], // not a swap: two letters changed
    ['pqrs', 'ptqs', 2, 2],
  ])('typoDistance %s → %s (at most %i) is %i', (a, b, max, distance) => {
    expect(typoDistance(a, b, max)).toBe(distance);
  });

  test.each([
    ['vote', 'vite', 1], // another vowel
    ['vote', 'vota', 1], // ... the first letter of the alphabet too
    ['card', 'cars', 1], // the key next to it
    ['whip', 'chip', 2], // a key far away
    ['ab', 'ba', 1], // a swap at the very start
    ['abc', 'acb', 1], // a swap at the end
    ['vot3', 'vote', 2], // a digit for a letter is never a near slip
    ['vote', 'vot3', 2],
    ['votê', 'vote', 2],
    ['vote', 'votê', 2],
  ])('slipDistance %s → %s is %i', (a, b, distance) => {
    expect(slipDistance(a, b, 3)).toBe(distance);
  });

  test('one letter for another: 1 for a key touching it on a QWERTY keyboard or one vowel for another, 2 for the rest', () => {
    // The keys each key touches, read off a keyboard (the rows offset as they are on one).
    const touching: Record<string, string> = {
      q: 'wa', w: 'qesa', e: 'wrds', r: 'etfd', t: 'rygf', y: 'tuhg', u: 'yijh', i: 'uokj', o: 'iplk', p: 'ol',
      a: 'sqwz', s: 'adwexz', d: 'sferxc', f: 'dgrtcv', g: 'fhtyvb', h: 'gjyubn', j: 'hkuinm', k: 'jliom', l: 'kop',
      z: 'xas', x: 'zcsd', c: 'xvdf', v: 'cbfg', b: 'vngh', n: 'bmhj', m: 'njk',
    };
    const vowels = 'aeiouy';
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const wrong: string[] = [];
    for (const a of letters) {
      for (const b of letters) {
        const expected = a === b ? 0 : touching[a]!.includes(b) || (vowels.includes(a) && vowels.includes(b)) ? 1 : 2;
        const got = slipDistance(`v${a}te`, `v${b}te`, 3);
        if (got !== expected) wrong.push(`${a}→${b}: ${got}, not ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('words further apart than the limit are the limit plus one, however far', () => {
    expect(slipDistance('ballot', 'quorum', 1)).toBe(2);
    expect(slipDistance('vote', 'voting', 1)).toBe(2);
  });

  test('the same as the whole table worked out, for thousands of pairs of words near and far', () => {
    // The whole table, the plain way: each cell from its neighbours, nothing left out.
    const costOf = (x: string, y: string) => slipDistance(`v${x}te`, `v${y}te`, 3); // one letter for another, checked above
    const whole = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + costOf(a[i - 1]!, b[j - 1]!));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      }
      return d[a.length]![b.length]!;
    };
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const letters = 'aeiorstvwcdnp';
    const wrong: string[] = [];
    for (let k = 0; k < 4000; k++) {
      const a = Array.from({ length: 1 + random(9) }, () => letters[random(letters.length)]).join('');
      // b: a with a few slips (so that most pairs are near), or a word of its own.
      let b = a;
      if (random(4) === 0) b = Array.from({ length: 1 + random(9) }, () => letters[random(letters.length)]).join('');
      else {
        for (let slips = random(4); slips > 0; slips--) {
          const at = random(b.length + 1);
          const how = random(4);
          if (how === 0) b = b.slice(0, at) + letters[random(letters.length)] + b.slice(at);
          else if (how === 1) b = b.slice(0, at) + b.slice(at + 1);
          else if (how === 2) b = b.slice(0, at) + letters[random(letters.length)] + b.slice(at + 1);
          else if (at + 1 < b.length) b = b.slice(0, at) + b[at + 1] + b[at] + b.slice(at + 2);
        }
      }
      const max = random(4);
      const expected = Math.min(whole(a, b), max + 1);
      const got = slipDistance(a, b, max);
      if (got !== expected) wrong.push(`${a} → ${b} (at most ${max}): ${got}, not ${expected}`);
    }
    expect(wrong).toEqual([]);
  });

  test('long words (a pasted passage) are measured whole', () => {
    // The rows are kept between calls and grow once: 64 letters first, then 70.
    expect(slipDistance('a'.repeat(64), `${'a'.repeat(63)}s`, 2)).toBe(1);
    const long = 'a'.repeat(70);
    expect(slipDistance(long, `${'a'.repeat(69)}s`, 2)).toBe(1);
    expect(slipDistance(long, `${'a'.repeat(69)}p`, 3)).toBe(2);
    expect(slipDistance('vote', 'vite', 1)).toBe(1);
  });
});
