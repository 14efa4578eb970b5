import { LINE_WINDOW, matchingLines, structureAt } from '../../src/search/matchingLines.js';

const words = (...list: string[]) => list.map((word) => ({ word, prefix: false }));

describe('the lines shown for a page', () => {
  test('the lines with most different searched words win; among as many, the first; shown in file order', () => {
    const body = [
      'A card here.', // 1 word
      'A vote here.', // 1 word
      'Card vote and a ballot.', // 3 words
      'Nothing at all.',
      'Ballot, then a vote.', // 2 words
      'Card, card, card.', // 1 word, three times: counts once
    ].join('\n');
    const [page] = matchingLines([{ title: 'T', body, bodyLine: 10 }], { words: words('card', 'vote', 'ballot') }, 3);
    expect(page!.lines.map((l) => [l.line, l.text])).toEqual([
      [10, 'A card here.'],
      [12, 'Card vote and a ballot.'],
      [14, 'Ballot, then a vote.'],
    ]);
    // Every match of the lines shown is marked, in order.
    expect(page!.lines[1]!.matches).toEqual([[0, 4], [5, 9], [16, 22]]);
  });

  test('with `counted`, only those words make a line better; the others are still marked', () => {
    const body = ['A card vote.', 'The ballot paper.', 'A ballot.'].join('\n');
    const [page] = matchingLines([{ title: 'T', body, bodyLine: 1 }], { words: words('card', 'vote', 'ballot'), counted: ['ballot'] }, 1);
    expect(page!.lines).toEqual([{ line: 2, text: 'The ballot paper.', matches: [[4, 10]] }]);
  });

  test('no lines asked for: none shown, the title still marked', () => {
    const [page] = matchingLines([{ title: 'Card votes', body: 'A card vote.', bodyLine: 1 }], { words: words('card') }, 0);
    expect(page).toEqual({ title: { text: 'Card votes', matches: [[0, 4]] }, lines: [] });
  });

  test('a long line shown is cut around its first match, its marks moved to suit; lines beyond ASCII are marked too', () => {
    const long = `${'word '.repeat(60)}the card vote ${'more '.repeat(40)}`.trimEnd();
    const body = [long, 'Le café: a vote… “card”'].join('\n');
    const [page] = matchingLines([{ title: 'T', body, bodyLine: 1 }], { words: words('card', 'vote', 'cafe') }, 2);
    const [first, second] = page!.lines;
    expect(first!.text.length).toBeLessThanOrEqual(LINE_WINDOW);
    expect(first!.text.startsWith('…') && first!.text.endsWith('…')).toBe(true);
    expect(first!.matches.map(([s, e]) => first!.text.slice(s, e))).toEqual(['card', 'vote']);
    expect(second!.matches.map(([s, e]) => second!.text.slice(s, e))).toEqual(['café', 'vote', 'card']);
  });

  test('several pages: each page counts its own lines', () => {
    const pages = [
      { title: 'One', body: 'card vote\ncard', bodyLine: 1 },
      { title: 'Two', body: 'vote\ncard vote', bodyLine: 1 },
    ];
    const [one, two] = matchingLines(pages, { words: words('card', 'vote') }, 1);
    expect(one!.lines.map((l) => l.text)).toEqual(['card vote']);
    expect(two!.lines.map((l) => l.text)).toEqual(['card vote']);
  });
});

test('a word in capitals, or with a capital, is found on a page of plain ASCII as on one beyond it', () => {
  for (const tail of ['', ' Caf\u00e9.']) {
    const body = ['Nothing here.', `THE CARD VOTE BOOK.${tail}`, 'Then a Card.', 'vote'].join('\n');
    const [page] = matchingLines([{ title: 'T', body, bodyLine: 1 }], { words: words('card') }, 3);
    expect(page!.lines.map((l) => [l.line, l.matches])).toEqual([
      [2, [[4, 8]]],
      [3, [[7, 11]]],
    ]);
  }
});

test('a searched word\'s start inside another word makes no line: the line with the word itself is shown', () => {
  const body = ['At present the sender waits.', 'Send it back.', 'A backbencher spoke.'].join('\n');
  const [page] = matchingLines([{ title: 'T', body, bodyLine: 1 }], { words: words('send', 'back') }, 3);
  expect(page!.lines.map((l) => [l.line, l.matches])).toEqual([[2, [[0, 4], [8, 12]]]]);
});

describe('headings and code fences, told line by line', () => {
  // What they were found with before: one pattern over the whole body.
  const WHOLE = /(?<![^\n])[^\S\n]*(?:```|~~~)|(?<![^\n])#{1,6}[^\S\n]+(.+?)[^\S\n]*#*[^\S\n]*(?![^\n])/g;
  const byWhole = (body: string): Array<string | null | undefined> => {
    const starts = [0, ...[...body.matchAll(/\n/g)].map((m) => m.index + 1)];
    const found = new Map<number, string | null>();
    WHOLE.lastIndex = 0;
    for (let m = WHOLE.exec(body); m; m = WHOLE.exec(body)) found.set(m.index, m[1] ?? null);
    return starts.map((at) => found.get(at));
  };
  const byLine = (body: string) => [0, ...[...body.matchAll(/\n/g)].map((m) => m.index + 1)].map((at) => structureAt(body, at));

  test('the same as one pattern over the whole body, on 5,000 bodies made of the awkward pieces', () => {
    const pieces = ['#', '##', '###### ', '#######', ' ', '\t', '\u00a0', '\u2003', '```', '~~~', '``', 'text', 'T', '\n', '\n', '\n', '\r', '\u2028', ' ##', 'x#', '# ', '## Title', ' #', '~'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 5000; n++) {
      const body = Array.from({ length: 1 + Math.floor(next() * 14) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      expect([body, byLine(body)]).toEqual([body, byWhole(body)]);
    }
  });

  test('a heading\'s text without its closing hashes; an indented fence; an indented hash is no heading', () => {
    const body = ['## Card votes ##', '  ```', '   # not a heading', '####### seven is too many', '#no space', '#  #'].join('\n');
    expect(byLine(body)).toEqual(['Card votes', null, undefined, undefined, undefined, '#']);
    expect(byLine(body)).toEqual(byWhole(body));
  });
});
