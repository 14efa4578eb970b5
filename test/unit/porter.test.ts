import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../../src/search/database.js';
import { BEYOND_PLAIN } from '../../src/search/fold.js';
import { matchingLines, wordMarker } from '../../src/search/matchingLines.js';
import { tokenize, type HighlightWord } from '../../src/search/parseQuery.js';
import { stem } from '../../src/search/porter.js';
import { loadableEngines } from '../helpers/sqliteEngines.js';

// Search marks the words of a line that matched without asking SQLite, with its own copy of
// the stemmer SQLite's index uses. These tests hold the copy to the original: SQLite itself,
// on every word of the handbook and on the hard cases, is the oracle.

const CONTENT = fileURLToPath(new URL('../../content', import.meta.url));

// The first engine this Node loads: better-sqlite3's SQLite under npm test, node:sqlite's when
// .ci/run runs this file again on Node 24.
const engine = loadableEngines()[0]!;

function pages(dir = CONTENT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? pages(join(dir, entry.name)) : entry.name.endsWith('.md') ? [readFileSync(join(dir, entry.name), 'utf8')] : [],
  );
}

/** Each word as SQLite's `tokenizer` leaves it: each in a row of its own, read back from the index's terms. */
function sqliteTokens(db: Database, words: readonly string[], tokenizer = 'porter unicode61 remove_diacritics 2'): string[] {
  db.exec(`CREATE VIRTUAL TABLE temp.stems USING fts5(word, tokenize='${tokenizer}')`);
  db.exec("CREATE VIRTUAL TABLE temp.stem_terms USING fts5vocab(temp, stems, 'instance')");
  const insert = db.prepare('INSERT INTO temp.stems(rowid, word) VALUES (?, ?)');
  db.transaction(() => words.forEach((word, i) => insert.run(i + 1, word)));
  const stems: string[] = [];
  for (const row of db.prepare('SELECT doc, term FROM temp.stem_terms').all()) stems[(row.doc as number) - 1] = row.term as string;
  db.exec('DROP TABLE temp.stem_terms');
  db.exec('DROP TABLE temp.stems');
  return stems;
}

/** The words of the handbook as SQLite's tokenizer (without stemming) splits and folds them. */
function handbookWords(db: Database): string[] {
  db.exec("CREATE VIRTUAL TABLE temp.text USING fts5(body, tokenize='unicode61 remove_diacritics 2')");
  db.exec("CREATE VIRTUAL TABLE temp.text_terms USING fts5vocab(temp, text, 'row')");
  const insert = db.prepare('INSERT INTO temp.text(body) VALUES (?)');
  db.transaction(() => pages().forEach((page) => insert.run(page)));
  const words = db.prepare('SELECT term FROM temp.text_terms').values() as string[];
  db.exec('DROP TABLE temp.text_terms');
  db.exec('DROP TABLE temp.text');
  return words;
}

/** Our stem, in characters (it works on the UTF-8 bytes, as SQLite does). */
const ours = (word: string) => Buffer.from(stem(word), 'latin1').toString('utf8');

// Porter's own examples (1980), each step, and the words where FTS5 reads the rules its own way.
const HARD = [
  'caresses', 'ponies', 'ties', 'caress', 'cats', 'feed', 'agreed', 'plastered', 'bled', 'motoring', 'sing', 'conflated',
  'troubled', 'sized', 'hopping', 'tanned', 'falling', 'hissing', 'fizzed', 'failing', 'filing', 'happy', 'sky',
  'relational', 'conditional', 'rational', 'valenci', 'hesitanci', 'digitizer', 'conformabli', 'radicalli', 'differentli',
  'vileli', 'analogousli', 'vietnamization', 'predication', 'operator', 'feudalism', 'decisiveness', 'hopefulness',
  'callousness', 'formaliti', 'sensitiviti', 'sensibiliti', 'triplicate', 'formative', 'formalize', 'electriciti',
  'electrical', 'hopeful', 'goodness', 'revival', 'allowance', 'inference', 'airliner', 'gyroscopic', 'adjustable',
  'defensible', 'irritant', 'replacement', 'adjustment', 'dependent', 'adoption', 'homologou', 'communism', 'activate',
  'angulariti', 'homologous', 'effective', 'bowdlerize', 'probate', 'rate', 'cease', 'controll', 'roll', 'generalization',
  'oscillators', 'agreement', 'element', 'cement', 'yes', 'yelled', 'toying', 'buying', 'syzygy', 'say', 'sayings',
  'boy', 'eyes', 'ying', 'aed', 'ied', 'oed', 'eing', 'ees', 'sss', 'ss', 'is', 'a', 'abc', 'abcs', 'xyz',
  '2024', 'covid19s', '3iii', 'b4s', 'a'.repeat(64), `${'a'.repeat(61)}ing`, `${'b'.repeat(63)}es`, `${'c'.repeat(80)}ing`,
  'naïve', 'café', 'straße', 'straßes', 'łódź', 'ærøs', 'λόγος', 'zaïres', 'façades', 'müllers', 'xéd', 'éed',
];

const db = openDatabase(':memory:', { timeout: 0 }, engine);
afterAll(() => db.close());

test(`every word of the handbook stems as SQLite stems it (${engine})`, () => {
  const words = handbookWords(db);
  expect(words.length).toBeGreaterThan(2000);
  const theirs = sqliteTokens(db, words);
  const differ = words.filter((word, i) => ours(word) !== theirs[i]).map((word) => `${word}: ours ${ours(word)}, SQLite ${theirs[words.indexOf(word)]}`);
  expect(differ).toEqual([]);
});

test('the textbook examples and the edge cases stem as SQLite stems them', () => {
  // Folded (lowercase, accents removed) by SQLite, then stemmed by each.
  const folded = sqliteTokens(db, HARD, 'unicode61 remove_diacritics 2');
  const theirs = sqliteTokens(db, HARD);
  expect(folded.map((word, i) => [word, ours(word), theirs[i]]).filter(([, a, b]) => a !== b)).toEqual([]);
  // And some by hand, so that a change to both would show.
  expect(['referred', 'reference', 'composites', 'compositing', 'voting', 'happy', 'generalization'].map(ours)).toEqual([
    'refer',
    'refer',
    'composit',
    'composit',
    'vote',
    'happi',
    'gener',
  ]);
});

test("a query's words are folded as the index folds a page's: Latin accents dropped, Greek accents, ligatures and ß kept", () => {
  const typed = ['Café', 'NAÏVE', 'Straße', 'ﬁnal', 'Zaïre', 'façades', 'Łódź', 'ærøs', 'Ǆemal', 'λόγος', 'ΛΌΓΟΣ', 'ψυχή'];
  const theirs = sqliteTokens(db, typed, 'unicode61 remove_diacritics 2');
  expect(typed.map((word) => tokenize(word).join(' '))).toEqual(theirs);
  expect(theirs).toContain('λόγοσ');
});

test('the characters beyond ASCII that text folds past as it lowercases separate words for SQLite too, and lowercase to themselves', () => {
  const chars = Array.from({ length: 0x20d0 - 0x80 }, (_, i) => String.fromCharCode(0x80 + i));
  const plain = chars.filter((c) => !BEYOND_PLAIN.test(c));
  expect(plain).toEqual(expect.arrayContaining(['\u00a0', '£', '©', '°', '«', '»', '×', '€', '\u2019', '\u2014', '\u200b']));
  // Each between two words: SQLite reads two words where the character separates them.
  db.exec("CREATE VIRTUAL TABLE temp.seps USING fts5(text, tokenize='unicode61 remove_diacritics 2')");
  db.exec("CREATE VIRTUAL TABLE temp.sep_terms USING fts5vocab(temp, seps, 'instance')");
  const insert = db.prepare('INSERT INTO temp.seps(rowid, text) VALUES (?, ?)');
  db.transaction(() => chars.forEach((c, i) => insert.run(i + 1, `ab${c}cd`)));
  const words = new Map<number, number>();
  for (const row of db.prepare('SELECT doc FROM temp.sep_terms').all()) words.set(row.doc as number, (words.get(row.doc as number) ?? 0) + 1);
  db.exec('DROP TABLE temp.sep_terms');
  db.exec('DROP TABLE temp.seps');
  const separates = (c: string) => words.get(chars.indexOf(c) + 1) === 2;
  expect(plain.filter((c) => !separates(c) || c.toLowerCase() !== c)).toEqual([]);
  // Left out as letters or numbers to SQLite (and so words here too).
  for (const c of ['ª', 'µ', 'º', '²', '³', '¹', '¼', '½', '¾']) {
    expect([c, separates(c), BEYOND_PLAIN.test(c)]).toEqual([c, false, true]);
    expect(tokenize(`ab${c}cd`)).toHaveLength(1);
  }
  expect(tokenize('Pay of £12 an hour \u2014 “now”')).toEqual(['pay', 'of', '12', 'an', 'hour', 'now']);
});

/** The [start, end) spans SQLite's highlight() marks in `text` for `words` (an OR of them). */
function sqliteMarks(lines: readonly string[], words: readonly HighlightWord[]): Array<Array<[number, number]>> {
  db.exec("CREATE VIRTUAL TABLE temp.lines USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')");
  const insert = db.prepare('INSERT INTO temp.lines(rowid, text) VALUES (?, ?)');
  db.transaction(() => lines.forEach((line, i) => insert.run(i + 1, line)));
  const expression = words.map((w) => `"${w.word}"${w.prefix ? '*' : ''}`).join(' OR ');
  const marks: Array<Array<[number, number]>> = lines.map(() => []);
  for (const row of db.prepare("SELECT rowid, highlight(lines, 0, char(1), char(2)) AS marked FROM temp.lines WHERE lines MATCH ?").all(expression)) {
    const spans: Array<[number, number]> = [];
    let text = '';
    let start = 0;
    for (const ch of row.marked as string) {
      if (ch === '\u0001') start = text.length;
      else if (ch === '\u0002') spans.push([start, text.length]);
      else text += ch;
    }
    marks[(row.rowid as number) - 1] = spans;
  }
  db.exec('DROP TABLE temp.lines');
  return marks;
}

test('the words marked in each line of the handbook are the words SQLite matches', () => {
  const lines = pages()
    .flatMap((page) => page.split('\n'))
    .filter((line) => line.trim() !== '' && !/[\u0001\u0002]/.test(line));
  const queries: HighlightWord[][] = [
    ['reference', 'back', 'referred', 'refer'].map((word) => ({ word, prefix: false })),
    ['vote', 'card', 'voting', 'votes', 'composite', 'compositing', 'amendment', 'amend'].map((word) => ({ word, prefix: false })),
    ['motion', 'remit', 'deadline', 'chair', 'conference', 'delegate', 'union', 'party', 'national', 'policy'].map((word) => ({ word, prefix: false })),
    [{ word: 'compos', prefix: true }, { word: 'vot', prefix: true }, { word: 'refer', prefix: true }, { word: 'delegat', prefix: true }],
    [{ word: 'a', prefix: true }, { word: 'the', prefix: false }, { word: 'cac', prefix: false }, { word: 'nec', prefix: false }],
  ];
  // Lines beyond ASCII, invented: accents, a ligature, the German sharp s, Greek, and capitals.
  lines.push('Le Café naïve at the CAFÉ, straße and STRASSE', 'ﬁnal votes: Ǆemal’s λόγος and ΛΌΓΟΣ', 'Zaïre’s façades — “quoted” votes…');
  // Symbols that separate words, and signs that are numbers or letters to SQLite.
  lines.push('Fees of £116\u00a0and €48 a night, © the party', 'A ½vote or ²card, µparty; card ¹vote');
  queries.push(
    ['cafe', 'naive', 'strasse', 'straße', 'final', 'λογος', 'zaire', 'facade', 'quoted'].map((word) => ({ word, prefix: false })),
    ['fee', 'night', 'and', 'card', 'vote', 'party', '116', '48'].map((word) => ({ word, prefix: false })),
    [{ word: 'caf', prefix: true }, { word: 'λογ', prefix: true }, { word: 'fa', prefix: true }],
  );
  for (const words of queries) {
    const marks = wordMarker(words);
    const expected = sqliteMarks(lines, words);
    const wrong = lines.flatMap((line, i) => {
      const got = marks(line);
      return JSON.stringify(got) === JSON.stringify(expected[i]) ? [] : [{ line, ours: got, sqlite: expected[i] }];
    });
    expect(wrong).toEqual([]);
    expect(expected.some((spans) => spans.length > 0)).toBe(true);
  }
});

test('matching lines: the lines with most searched words, in file order, with the section they are in', () => {
  const body = ['# Card votes', '', 'A card vote is called by the chair.', 'Nothing here.', '', '## At the hall', '', 'Votes were cast; the card was counted.', 'The vote.'].join('\n');
  const [page] = matchingLines([{ title: 'Voting by card', body, bodyLine: 5 }], { words: [{ word: 'card', prefix: false }, { word: 'vote', prefix: false }] }, 3);
  expect(page!.title).toEqual({ text: 'Voting by card', matches: [[0, 6], [10, 14]] });
  // "The vote." has one of the two words: the three with both are shown. A heading has no section.
  expect(page!.lines).toEqual([
    { line: 5, text: '# Card votes', matches: [[2, 6], [7, 12]] },
    { line: 7, text: 'A card vote is called by the chair.', matches: [[2, 6], [7, 11]], section: 'Card votes' },
    { line: 12, text: 'Votes were cast; the card was counted.', matches: [[0, 5], [21, 25]], section: 'At the hall' },
  ]);
});
