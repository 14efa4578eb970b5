import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentPath } from '../../src/content/page.js';
import { bundledContentDir } from '../../src/paths.js';
import { fixWord, slipDistance, type Vocabulary } from '../../src/search/correctQuery.js';
import { parseQuery } from '../../src/search/parseQuery.js';
import { loadQueryWords, parseSynonyms, type QueryWords } from '../../src/search/queryWords.js';
import { lightStem, MAX_WORDS, planQuery } from '../../src/search/relaxQuery.js';
import { SearchSession, type SearchRequest, type SearchResult } from '../../src/search/searchSession.js';
import { useTempDir } from '../helpers/fixtures.js';

const bundled: ContentPath = { dir: bundledContentDir(), origin: 'bundled' };
const handbookWords: QueryWords = loadQueryWords([bundled]);

describe('planQuery: what is relaxed and what is kept exact', () => {
  const plan = (q: string, words = handbookWords) => planQuery(parseQuery(q), words);

  test('question words are left out; the meaningful words remain, in order', () => {
    const p = plan('how many words in a contemporary motion');
    expect(p.units.map((u) => u.words.join(' '))).toEqual(['words', 'contemporary', 'motion']);
    expect(p.dropped).toEqual(['how', 'many', 'in', 'a']);
    expect(p.questionOnly).toBe(false);
  });

  test('a quoted question word is searched, exactly', () => {
    const p = plan('"the" chair');
    expect(p.fixed).toEqual([[{ kind: 'word', words: ['the'], quoted: true }]]);
    expect(p.units.map((u) => u.words[0])).toEqual(['chair']);
    expect(p.dropped).toEqual([]);
  });

  test('quotes, OR, prefix* and -word keep their exact meaning: none becomes a relaxed word', () => {
    const p = plan('"card vote" amendment OR remit composit* -emergency what hall');
    expect(p.fixed).toEqual([
      [{ kind: 'phrase', words: ['card', 'vote'], quoted: true }],
      [
        { kind: 'word', words: ['amendment'] },
        { kind: 'word', words: ['remit'] },
      ],
      [{ kind: 'prefix', words: ['composit'] }],
    ]);
    expect(p.excluded).toEqual([{ kind: 'word', words: ['emergency'] }]);
    expect(p.units.map((u) => u.words[0])).toEqual(['hall']);
  });

  test('a query of only question words is searched as typed, and says so', () => {
    const p = plan('what is the');
    expect(p.questionOnly).toBe(true);
    expect(p.units.map((u) => u.words[0])).toEqual(['what', 'is', 'the']);
    expect(p.dropped).toEqual([]);
  });

  test('synonyms are matched on word forms, question words included, and never on quoted words', () => {
    expect(lightStem('votes')).toBe(lightStem('vote'));
    expect(lightStem('leaving')).toBe(lightStem('leave'));
    const cards = plan('card votes');
    expect(cards.spans).toHaveLength(1);
    expect(cards.spans[0]!.alternatives.map((t) => t.words.join(' '))).toContain('card vote book');
    const hall = plan('leaving the hall');
    expect(hall.spans[0]!.matched).toBe('leaving the hall');
    expect(hall.spans[0]!.alternatives.map((t) => t.words.join(' '))).toContain('step out');
    expect(hall.units.map((u) => u.words[0])).toEqual(['leaving', 'hall']);
    expect(plan('npf').spans[0]!.alternatives.map((t) => t.words.join(' '))).toContain('national policy forum');
    expect(plan('"npf"').spans).toEqual([]);
    expect(plan('npf*').spans).toEqual([]);
  });

  test('a delegation list adds groups and question words', () => {
    const own: QueryWords = { questionWords: new Set([...handbookWords.questionWords, 'innit']), synonyms: [...handbookWords.synonyms, ...parseSynonyms(['zorp, quux widget'])] };
    const p = plan('zorp innit', own);
    expect(p.dropped).toEqual(['innit']);
    expect(p.spans[0]!.alternatives).toEqual([{ kind: 'phrase', words: ['quux', 'widget'] }]);
  });

  test(`a pasted page of text is cut to its first ${MAX_WORDS} meaningful words, and says of how many`, () => {
    const words = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
    const p = plan(words);
    expect(p.units).toHaveLength(MAX_WORDS);
    expect(p.capped).toEqual({ kept: MAX_WORDS, of: 2000 });
  });
});

describe('typing slips', () => {
  test.each([
    ['whip', 'chip', 2],
    ['chiar', 'chair', 1],
    ['refrence', 'reference', 1],
    ['emergancy', 'emergency', 1],
    ['cars', 'card', 1],
    ['amendmnet', 'amendment', 1],
  ])('%s → %s costs %i', (a, b, cost) => {
    expect(slipDistance(a, b, 3)).toBe(cost);
  });

  const words = new Map([
    ['vote', 20],
    ['votes', 12],
    ['voting', 6],
    ['chip', 1],
    ['reference', 9],
    ['back', 20],
  ]);
  const vocabulary: Vocabulary = {
    documentFrequency: (w) => words.get(w) ?? 0,
    *vocabulary(min, max) {
      for (const entry of words) if (entry[0].length >= min && entry[0].length <= max) yield entry;
    },
    wordsStartingWith: (prefix, limit) => [...words.keys()].filter((w) => w.startsWith(prefix)).sort((a, b) => words.get(b)! - words.get(a)!).slice(0, limit),
    wordsFrom: (start, min, max) => [...words].filter(([w]) => w.startsWith(start) && w.length >= min && w.length <= max && !/\d/.test(w)),
  };
  const fix = (word: string) => fixWord(word, vocabulary, () => false);

  test('a word a page has is left alone; so is one its stem finds', () => {
    expect(fix('vote')).toBeUndefined();
    expect(fixWord('voter', vocabulary, () => true)).toBeUndefined();
  });
  test('a short word that starts a common word is read as its prefix', () => {
    expect(fix('vot')).toEqual({ kind: 'prefix', to: 'vot' });
  });
  test('a misspelled word becomes the nearest word a slip away', () => {
    expect(fix('refrence')).toEqual({ kind: 'correct', to: 'reference' });
  });
  test.each(['whip', 'quorum', 'abstain', 'tellers', 'hustings', 'credentials'])('%s, near no word, is reported as in no page, never swapped', (word) => {
    expect(fix(word)).toEqual({ kind: 'missing' });
  });
  test('a word that may not be corrected is in no page, or still read as a prefix', () => {
    expect(fixWord('refrence', vocabulary, () => false, false)).toEqual({ kind: 'missing' });
    expect(fixWord('vot', vocabulary, () => false, false)).toEqual({ kind: 'prefix', to: 'vot' });
  });
  test('numbers and words with digits are searched as typed', () => {
    expect(fix('2024')).toBeUndefined();
    expect(fix('vote15')).toBeUndefined();
  });
});

describe('searching the handbook with questions', () => {
  let dir: string;
  let notes: string;
  const open: SearchSession[] = [];
  const tempFolder = useTempDir('delegate-relax-');
  beforeEach(() => {
    dir = tempFolder();
    notes = join(dir, 'notes');
    mkdirSync(notes);
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  async function find(query: string, request: Omit<SearchRequest, 'query'> = {}): Promise<SearchResult> {
    const s = await SearchSession.open({ cacheDir: join(dir, 'cache'), roots: [bundled, { dir: notes, origin: 'personal' }] });
    open.push(s);
    return s.find({ query, ...request });
  }
  function note(name: string, text: string): void {
    const file = join(notes, `${name}.md`);
    writeFileSync(file, `# ${name}\n\n${text}\n`);
    const past = new Date(Date.now() - 3600_000);
    utimesSync(file, past, past);
  }

  test('few pages have every word: then pages ranked by how many they have, each saying what it lacks', async () => {
    const result = await find('speaker called for holding up a baby');
    expect(result.relaxed).toBe(true);
    expect(result.complete).toBe(1);
    expect(result.hits[0]).toMatchObject({ id: 'stuffed-parrots', missing: [] });
    expect(result.hits[1]!.missing.length).toBeGreaterThan(0);
    expect(result.hits[1]!.matched.length + result.hits[1]!.missing.length).toBe(5);
    // Never more words matched further down.
    const counts = result.hits.map((h) => h.matched.length);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  test('whip is never corrected to chip: no page mentions it, and the rest is searched', async () => {
    const alone = await find('whip');
    expect(alone.hits).toEqual([]);
    expect(alone.unknown).toEqual(['whip']);
    expect(alone.corrections).toEqual([]);
    const rest = await find('whip procedure');
    expect(rest.unknown).toEqual(['whip']);
    expect(rest.searched).toBe('procedure');
    expect(rest.hits.map((h) => h.id)).not.toContain('speaking-rights');
    expect(rest.hits.length).toBeGreaterThan(0);
  });

  test('a word typed with a letter beyond ASCII is never corrected (café is not a slip for care); typed plain, it is', async () => {
    note('flag', 'The vexillum was raised over the hall.');
    const only = { filters: { source: 'personal' as const } };
    const plain = await find('vexillam', only);
    expect(plain.corrections).toEqual([{ from: 'vexillam', to: 'vexillum' }]);
    expect(plain.hits.map((h) => h.id)).toEqual(['flag']);
    const accented = await find('véxillam', only);
    expect(accented.corrections).toEqual([]);
    expect(accented.unknown).toEqual(['véxillam']);
    expect(accented.hits).toEqual([]);
    // Quoted, or as a prefix, the same.
    expect((await find('"vexillam" hall', only)).corrections).toEqual([{ from: 'vexillam', to: 'vexillum' }]);
    expect((await find('"véxillam" hall', only)).corrections).toEqual([]);
    expect((await find('véxillam* hall', only)).corrections).toEqual([]);
    // Its letters folded, an accented word is the plain word a page has: found as it is.
    const folded = await find('Véxillum raised', only);
    expect(folded.corrections).toEqual([]);
    expect(folded.hits.map((h) => h.id)).toEqual(['flag']);
  });

  test('a short word is read as a prefix ("vot"), and said so', async () => {
    const result = await find('card vot 50 50');
    expect(result.hits[0]!.id).toBe('card-votes');
    expect(result.corrections).toContainEqual({ from: 'vot', to: 'vot*' });
  });

  test('a word every page lacks is corrected even when it is a real word elsewhere: a slip for a common word', async () => {
    const result = await find('cars vote');
    expect(result.corrections).toContainEqual({ from: 'cars', to: 'card' });
    expect(result.hits[0]!.id).toBe('card-votes');
  });

  test('a rare word is read as its common neighbour when the words are in no page together, unless typed with an accent', async () => {
    note('garage', 'Two cars in the car park.');
    expect((await find('cars vote')).corrections).toContainEqual({ from: 'cars', to: 'card' });
    expect((await find('cärs vote')).corrections).toEqual([]);
  });

  test('a rare real word is not corrected while the words are found together (black sections)', async () => {
    const result = await find('black sections court case');
    expect(result.corrections).toEqual([]);
    expect(result.hits[0]!.id).toBe('black-sections');
  });

  test('a synonym finds a page, below the pages with the word as typed', async () => {
    note('exact', 'The NPF meets in spring.');
    note('synonym', 'The National Policy Forum meets in spring.');
    const result = await find('npf spring', { filters: { source: 'personal' } });
    expect(result.hits.map((h) => h.id)).toEqual(['exact', 'synonym']);
    expect(result.hits[1]!.synonyms).toEqual(['npf']);
    expect(result.widened).toEqual([{ from: 'npf', to: expect.arrayContaining(['national policy forum']) }]);
  });

  test("a delegation's own synonyms and question words, in search/ of the notes folder", async () => {
    mkdirSync(join(notes, 'search'));
    writeFileSync(join(notes, 'search', 'synonyms.txt'), '# ours\nzorp, quux widget\n');
    writeFileSync(join(notes, 'search', 'question-words.txt'), 'innit\n');
    note('widget', 'The quux widget is broken.');
    const result = await find('zorp innit');
    expect(result.hits.map((h) => h.id)).toEqual(['widget']);
    expect(result.dropped).toEqual(['innit']);
  });

  test('operators are not relaxed: a quoted word no page has finds nothing; -word leaves pages out of a relaxed search', async () => {
    expect((await find('"whip" procedure')).hits).toEqual([]);
    const phrase = await find('"reference back" hallway');
    expect(phrase.unknown).toEqual(['hallway']);
    for (const hit of phrase.hits) expect(hit.lines.map((l) => l.text.toLowerCase()).join(' ')).toMatch(/reference|refer/);
    const relaxed = await find('speaker called holding baby -lottery');
    expect(relaxed.relaxed).toBe(true);
    expect(relaxed.hits.length).toBeGreaterThan(0);
    expect(relaxed.hits.map((h) => h.id)).not.toContain('stuffed-parrots');
  });

  test('checklists and their items are found, and say how to open them; the cheat sheet by section', async () => {
    const contact = await find('contact details of mover and seconder');
    expect(contact.hits[0]).toMatchObject({ id: 'compositing-meeting', kind: 'checklist', command: 'delegate checklist compositing-meeting' });
    const sheet = await find('card vote', { filters: { kind: 'cheatsheet' } });
    expect(sheet.hits[0]!.command).toBe('delegate cheatsheet --section "Voting and card votes"');
  });

  test('the word being typed is a prefix, corrected to the nearest start of a word when none starts so', async () => {
    expect((await find('compositi', { typing: true })).hits[0]!.title).toMatch(/ompositing/);
    const typed = await find('refrenc', { typing: true });
    expect(typed.hits[0]!.id).toBe('reference-back');
    expect(typed.corrections).toEqual([{ from: 'refrenc', to: 'referenc*' }]);
    // Being typed with an accent, it is taken as meant there too.
    note('flag', 'The vexillum was raised over the hall.');
    expect((await find('vexillam', { typing: true })).corrections).toEqual([{ from: 'vexillam', to: 'vexillum*' }]);
    expect((await find('véxillam', { typing: true })).corrections).toEqual([]);
  });

  test("'exact' searches every word as typed (the bench's before)", async () => {
    expect((await find('can the shadow minister veto our composite', { strategy: 'exact' })).hits).toEqual([]);
    const asked = await find('can the shadow minister veto our composite');
    expect(asked.unknown).toEqual(['veto']);
    expect(asked.hits[0]!.id).toBe('compositing');
  });
});

// An index of 300 pages or fewer keeps each word's pages and answers from them (and knows when
// no page has every word without asking); a larger one asks SQLite each time. The same answers.
describe.each([
  ['the handbook and a few notes', 0],
  ['the handbook and 320 more notes', 320],
])('questions over %s', (_name, fillers) => {
  let dir: string;
  let notes: string;
  const open: SearchSession[] = [];
  const tempFolder = useTempDir('delegate-relax-size-');
  beforeEach(() => {
    dir = tempFolder();
    notes = join(dir, 'notes');
    mkdirSync(notes);
    const past = new Date(Date.now() - 3600_000);
    const write = (name: string, text: string) => {
      writeFileSync(join(notes, `${name}.md`), `# ${name}\n\n${text}\n`);
      utimesSync(join(notes, `${name}.md`), past, past);
    };
    write('exact', 'The NPF meets in spring.');
    write('synonym', 'The National Policy Forum meets in spring.');
    write('ballot', 'The ballot opens in spring, and the NPF reports.');
    write('budget', 'Budget day.');
    for (let i = 0; i < fillers; i++) write(`filler-${i}`, `Minutes of meeting ${i}, about the weather.`);
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  async function find(query: string): Promise<SearchResult> {
    const s = await SearchSession.open({ cacheDir: join(dir, 'cache'), roots: [bundled, { dir: notes, origin: 'personal' }] });
    open.push(s);
    return s.find({ query, filters: { source: 'personal' } });
  }

  test('one page has every word: it comes first, then the pages with most of them, a synonym after the words as typed', async () => {
    const result = await find('npf spring ballot');
    expect(result.complete).toBe(1);
    expect(result.relaxed).toBe(true);
    expect(result.hits.map((h) => h.id)).toEqual(['ballot', 'exact', 'synonym']);
    expect(result.hits[2]!.synonyms).toEqual(['npf']);
  });

  test('no page has every word: the pages with most of them, each saying what it lacks', async () => {
    const result = await find('npf spring budget');
    expect(result.complete).toBe(0);
    expect(result.relaxed).toBe(true);
    const ids = result.hits.map((h) => h.id);
    expect(ids.slice(0, 2).sort()).toEqual(['ballot', 'exact']);
    expect(ids.slice(2)).toEqual(['synonym', 'budget']);
    expect(result.hits[0]!.missing).toEqual(['budget']);
    expect(result.hits[3]!.matched).toEqual(['budget']);
  });
});

describe('the synonym groups a search looks at', () => {
  const tempFolder = useTempDir('delegate-synonyms-');

  test('every group with a member a word may start is among those read for it, in the order of the lists', () => {
    const all = handbookWords.synonyms;
    const missed: string[] = [];
    for (const group of all) {
      for (const member of group) {
        // The member's first word, stemmed as a query word is, and "ies" read as "y".
        const stem = lightStem(member[0]!);
        const found = handbookWords.synonymsStarting!([stem.endsWith('y') ? stem.slice(0, -1) : stem]);
        if (!found.some((g) => JSON.stringify(g) === JSON.stringify(group))) missed.push(member.join(' '));
        // In the order of the list.
        const order = found.map((g) => all.findIndex((a) => JSON.stringify(a) === JSON.stringify(g)));
        if (order.some((o, i) => o < 0 || (i > 0 && o <= order[i - 1]!))) missed.push(`${member.join(' ')}: out of order`);
      }
    }
    expect(missed).toEqual([]);
    // A word at the start of no member, and a comment's word: no group.
    expect(handbookWords.synonymsStarting!(['zzyzx'])).toEqual([]);
  });

  test("a delegation's list beyond ASCII, with Windows line ends and comments, is read as the whole list would be", () => {
    const dir = tempFolder();
    mkdirSync(join(dir, 'search'));
    writeFileSync(join(dir, 'search', 'synonyms.txt'), '# café: only a comment\r\nCafé Rouge, the red cafe\r\n\r\nÉlection, ballot # a vote\r\nnothing here\r\n');
    const words = loadQueryWords([bundled, { dir, origin: 'personal' }]);
    const own = words.synonyms.slice(handbookWords.synonyms.length);
    expect(own).toEqual([
      [['cafe', 'rouge'], ['the', 'red', 'cafe']],
      [['election'], ['ballot']],
    ]);
    expect(words.synonymsStarting!(['caf'])).toEqual([own[0]]);
    expect(words.synonymsStarting!(['elect'])).toEqual([own[1]]);
  });

  test('a search through a synonym of a delegation list beyond ASCII finds the page', async () => {
    const notes = tempFolder();
    mkdirSync(join(notes, 'search'));
    writeFileSync(join(notes, 'search', 'synonyms.txt'), '# ours\r\nZörp, quux widget\r\n');
    writeFileSync(join(notes, 'widget.md'), '# Widget\n\nThe quux widget is broken.\n');
    const session = await SearchSession.open({ cacheDir: join(notes, '.cache'), roots: [bundled, { dir: notes, origin: 'personal' }] });
    try {
      const result = await session.find({ query: 'where is the zorp' });
      expect(result.hits.map((h) => h.id)).toEqual(['widget']);
    } finally {
      session.close();
    }
  });
});

describe('a very long list', () => {
  const bigFolder = useTempDir('delegate-big-synonyms-');

  test("a delegation's synonym list of 200,000 lines is read, and its last group used (it once overflowed the stack)", async () => {
    const notes = bigFolder();
    mkdirSync(join(notes, 'search'));
    const lines = Array.from({ length: 200_000 }, (_, i) => `w${i}, x${i} y${i}`);
    writeFileSync(join(notes, 'search', 'synonyms.txt'), `${lines.join('\n')}\nzorp, quux widget\n`);
    writeFileSync(join(notes, 'widget.md'), '# Widget\n\nThe quux widget is broken.\n');
    const session = await SearchSession.open({ cacheDir: join(notes, '.cache'), roots: [bundled, { dir: notes, origin: 'personal' }] });
    try {
      expect((await session.find({ query: 'where is the zorp' })).hits.map((h) => h.id)).toEqual(['widget']);
    } finally {
      session.close();
    }
  });
});
