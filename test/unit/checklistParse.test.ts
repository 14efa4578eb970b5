import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChecklistFormatError, parseChecklist } from '../../src/checklist/parseChecklist.js';
import { loadChecklists } from '../../src/checklist/loadChecklists.js';
import { findChecklist, findItem } from '../../src/checklist/findChecklist.js';
import { FrontMatterError } from '../../src/content/frontMatter.js';
import { loadPages } from '../../src/content/loadPages.js';
import { bundledContentDir, resolvePaths } from '../../src/paths.js';
import { useTempDir } from '../helpers/fixtures.js';

const bundled = join(bundledContentDir(), 'checklists');

async function parseError(text: string, origin: 'bundled' | 'personal' = 'personal'): Promise<{ message: string; line: number }> {
  try {
    await parseChecklist(text, '/x/mine.md', origin);
  } catch (error) {
    if (error instanceof ChecklistFormatError || error instanceof FrontMatterError) return { message: error.message, line: error.line };
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

const example = `---
id: example
title: Before the meeting
when: The day before.
summary: What to do first.
sources:
  - "A source"
---

An intro paragraph
over two lines.

- [ ] Read every motion {#read-motions}
  Explanation line one,
  line two.

  A second paragraph.
  See: read-every-motion, cac
- [x] Find allies {#find-allies}
- [ ] Bring your words {#bring-words}
  See: bring-your-own-words
`;

describe('parseChecklist', () => {
  test('reads front matter, intro, items, explanations, See ids and file lines', async () => {
    const { checklist, warnings } = await parseChecklist(example, '/c/example.md', 'bundled');
    expect(warnings).toEqual([]);
    expect(checklist).toMatchObject({
      id: 'example',
      title: 'Before the meeting',
      when: 'The day before.',
      summary: 'What to do first.',
      sources: ['A source'],
      intro: 'An intro paragraph\nover two lines.',
      origin: 'bundled',
    });
    expect(checklist.items.map((i) => [i.id, i.text, i.line, i.tickedInFile])).toEqual([
      ['read-motions', 'Read every motion', 13, false],
      ['find-allies', 'Find allies', 19, true],
      ['bring-words', 'Bring your words', 20, false],
    ]);
    expect(checklist.items[0]!.explanation).toBe('Explanation line one,\nline two.\n\nA second paragraph.');
    expect(checklist.items[0]!.see).toEqual(['read-every-motion', 'cac']);
    expect(checklist.items[1]!.explanation).toBe('');
    expect(checklist.items[2]!.see).toEqual(['bring-your-own-words']);
  });

  test('accepts a loosely written personal checklist: no front matter, no ids, other markers', async () => {
    const text = '# My housing checklist\n\nThings to do.\n\n* [ ] Phone the agent\n+ [X] Book the room!\n1. [ ] Print   the composite\n\tindented with a tab\n';
    const { checklist, warnings } = await parseChecklist(text, '/n/checklists/housing.md', 'personal');
    expect(warnings).toEqual([]);
    expect(checklist.id).toBe('housing');
    expect(checklist.title).toBe('My housing checklist');
    expect(checklist.intro).toBe('Things to do.');
    expect(checklist.items.map((i) => [i.id, i.tickedInFile])).toEqual([
      ['phone-the-agent', false],
      ['book-the-room', true],
      ['print-the-composite', false],
    ]);
    expect(checklist.items[2]!.explanation).toBe('indented with a tab');
  });

  test('two items whose text slugs alike get distinct ids, with a warning naming both lines', async () => {
    const { checklist, warnings } = await parseChecklist('- [ ] Check the time\n- [ ] Check the time!\n- [ ] Other {#check-the-time-2}\n', '/n/a.md', 'personal');
    expect(checklist.items.map((i) => i.id)).toEqual(['check-the-time', 'check-the-time-3', 'check-the-time-2']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: '/n/a.md', line: 2 });
    expect(warnings[0]!.message).toContain('line 1');
    expect(warnings[0]!.message).toContain('"check-the-time-3"');
  });

  test('a heading after the items starts a closing section that runs to the end of the file', async () => {
    const text = '- [ ] One {#one}\n  Explained.\n\n## Report outline\n\nFill this in.\n\n- Who went:\n1. What we did\nplain prose\n';
    const { checklist, warnings } = await parseChecklist(text, '/n/a.md', 'personal');
    expect(warnings).toEqual([]);
    expect(checklist.items.map((i) => [i.id, i.explanation])).toEqual([['one', 'Explained.']]);
    expect(checklist.closing).toBe('## Report outline\n\nFill this in.\n\n- Who went:\n1. What we did\nplain prose');
    expect((await parseChecklist('- [ ] One\n', '/n/a.md', 'personal')).checklist.closing).toBe('');
    // A heading before the items is still the title or part of the intro, never a closing.
    expect((await parseChecklist('# Title\n\n## Part\n- [ ] One\n', '/n/a.md', 'personal')).checklist).toMatchObject({ title: 'Title', intro: '## Part', closing: '' });
  });

  test('distinct texts give no warning', async () => {
    const { warnings } = await parseChecklist('- [ ] One\n- [ ] Two\n', '/n/a.md', 'personal');
    expect(warnings).toEqual([]);
  });

  test.each([
    ['no items at all', '---\ntitle: T\n---\n\nJust prose.\n- a plain bullet\n', 4, 'no checklist items'],
    ['the same {#id} twice', '- [ ] One {#a}\n- [ ] Two {#a}\n', 2, 'already used on line 1'],
    ['an item with no text', '- [ ] One\n- [ ]  {#b}\n', 2, 'no text'],
    ['an empty id', '- [ ] One {#!!}\n', 1, 'empty once made safe'],
    ['unindented prose after the items', '- [ ] One\n  fine\nnot indented\n', 3, 'not part of an item'],
    ['a bullet without a checkbox after the items', '- [ ] One\n- Two\n', 2, 'no checkbox'],
    ['an item after the closing section', '- [ ] One\n\n## Outline\n- Who went\n- [ ] Two\n', 5, 'after the closing section that starts on line 3'],
    ['front matter never closed', '---\ntitle: x\n- [ ] One\n', 1, 'never closed'],
    ['a binary file', 'abc\u0000def', 1, 'binary'],
  ])('rejects %s, giving the line', async (_name, text, line, words) => {
    const error = await parseError(text);
    expect(error.line).toBe(line);
    expect(error.message).toContain(words);
  });

  test('a bundled checklist must give every field and every item id', async () => {
    expect((await parseError(example.replace('when: The day before.\n', ''), 'bundled')).message).toContain('"when"');
    const noId = await parseError(example.replace(' {#find-allies}', ''), 'bundled');
    expect(noId).toEqual({ line: 19, message: expect.stringContaining('{#item-id}') });
  });
});

describe('bundled checklists', () => {
  const files = readdirSync(bundled).filter((f) => f.endsWith('.md'));

  test('the seven bundled checklists load with no warning', async () => {
    const { checklists, warnings } = await loadChecklists({ ...resolvePaths({ HOME: '/nonexistent' }), notes: '/nonexistent/notes', extra: [] });
    expect(warnings).toEqual([]);
    expect(checklists.map((c) => c.id).sort()).toEqual(['amendment', 'compositing-meeting', 'conference-floor', 'contemporary-motion', 'first-day', 'report-back', 'rule-change']);
    expect(checklists).toHaveLength(files.length);
    for (const c of checklists) expect(c.items.length).toBeGreaterThanOrEqual(5);
  });

  test('every See id names a handbook page', async () => {
    const { pages } = await loadPages([{ dir: bundledContentDir(), origin: 'bundled' }]);
    const ids = new Set(pages.map((p) => p.id));
    const { checklists } = await loadChecklists({ ...resolvePaths({ HOME: '/nonexistent' }), notes: '/nonexistent/notes', extra: [] });
    const missing = checklists.flatMap((c) => c.items.flatMap((i) => i.see.filter((id) => !ids.has(id)).map((id) => `${c.id}#${i.id} → ${id}`)));
    expect(missing).toEqual([]);
  });
});

describe('loadChecklists', () => {
  let home: string;
  const tempFolder = useTempDir('delegate-checklists-');
  beforeEach(() => {
    home = tempFolder();
  });

  function paths(extra: string[] = []) {
    return { ...resolvePaths({ HOME: home }), notes: join(home, 'notes'), extra };
  }

  test('a personal checklist replaces the bundled one with its id; DELEGATE_PATH replaces both', async () => {
    mkdirSync(join(home, 'notes', 'checklists'), { recursive: true });
    writeFileSync(join(home, 'notes', 'checklists', 'amendment.md'), '# My amendment checklist\n\n- [ ] Only this {#only}\n');
    writeFileSync(join(home, 'notes', 'checklists', 'mine.md'), '- [ ] Something of my own\n');
    let loaded = await loadChecklists(paths());
    expect(loaded.warnings).toEqual([]);
    const amendment = loaded.checklists.find((c) => c.id === 'amendment')!;
    expect(amendment).toMatchObject({ title: 'My amendment checklist', origin: 'personal' });
    expect(amendment.items.map((i) => i.id)).toEqual(['only']);
    expect(loaded.checklists.find((c) => c.id === 'mine')?.origin).toBe('personal');

    mkdirSync(join(home, 'extra', 'checklists'), { recursive: true });
    writeFileSync(join(home, 'extra', 'checklists', 'x.md'), '---\nid: amendment\ntitle: Team amendment list\n---\n- [ ] Team item\n');
    loaded = await loadChecklists(paths([join(home, 'extra')]));
    expect(loaded.checklists.find((c) => c.id === 'amendment')).toMatchObject({ title: 'Team amendment list', origin: 'extra' });
  });

  test('a malformed file is skipped with a warning giving file and line; the rest still load', async () => {
    mkdirSync(join(home, 'notes', 'checklists'), { recursive: true });
    const bad = join(home, 'notes', 'checklists', 'amendment.md');
    writeFileSync(bad, '- [ ] Fine\nstray words\n');
    const loaded = await loadChecklists(paths());
    expect(loaded.warnings).toEqual([{ file: bad, line: 2, message: expect.stringContaining('not part of an item') }]);
    expect(loaded.warnings[0]!.message).toContain('skipped');
    // The bundled amendment checklist is still there.
    expect(loaded.checklists.find((c) => c.id === 'amendment')?.origin).toBe('bundled');
    expect(loaded.checklists).toHaveLength(7);
  });
});

describe('findChecklist and findItem', () => {
  test('by id, by a word of the title, or suggestions', async () => {
    const { checklists } = await loadChecklists({ ...resolvePaths({ HOME: '/nonexistent' }), notes: '/nonexistent/notes', extra: [] });
    expect(findChecklist(checklists, 'amendment').found?.id).toBe('amendment');
    expect(findChecklist(checklists, 'compositing').found?.id).toBe('compositing-meeting');
    expect(findChecklist(checklists, 'rule chnage').found).toBeUndefined();
    expect(findChecklist(checklists, 'amendmnt')).toMatchObject({ suggestions: ['amendment'] });
    const floor = findChecklist(checklists, 'conference-floor').found!;
    expect(findItem(floor, '1')?.id).toBe(floor.items[0]!.id);
    expect(findItem(floor, 'card-vote-book')?.id).toBe('card-vote-book');
    expect(findItem(floor, '#card-vote-book')?.id).toBe('card-vote-book');
    expect(findItem(floor, '0')).toBeUndefined();
    expect(findItem(floor, String(floor.items.length + 1))).toBeUndefined();
    expect(findItem(floor, 'nope')).toBeUndefined();
  });
});
