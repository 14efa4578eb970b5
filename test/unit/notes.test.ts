import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FrontMatterError } from '../../src/content/frontMatter.js';
import { parsePage } from '../../src/content/loadPages.js';
import { composeNote, noteTemplate, type NoteDefaults } from '../../src/notes/composeNote.js';
import { findNote, loadNotes } from '../../src/notes/findNote.js';
import { importNotes } from '../../src/notes/importNotes.js';
import { savedAs, saveNote } from '../../src/notes/saveNote.js';
import { trashNote } from '../../src/notes/trashNote.js';
import { useTempDir } from '../helpers/fixtures.js';

let dir: string;
let notes: string;
const tempFolder = useTempDir('delegate-notes-');
beforeEach(() => {
  dir = tempFolder();
  notes = join(dir, 'notes');
});

const defaults: NoteDefaults = { created: '2025-09-28T14:30:00Z', fallbackTitle: 'Note of 2025-09-28 14:30' };

async function saved(text: string, extra: Partial<NoteDefaults> = {}) {
  const note = await composeNote(text, { ...defaults, ...extra });
  if (!note) throw new Error('expected a note');
  const { id, file } = saveNote(notes, note);
  return { id, file, text: readFileSync(file, 'utf8'), page: await parsePage(readFileSync(file, 'utf8'), file, 'personal') };
}

describe('composing and saving a note', () => {
  test('front matter with id, title, tags and created, in the simple form, then the body', async () => {
    const { id, text, page } = await saved('Keep the words on public ownership.\n', { title: 'Economy composite', tags: ['Economy', 'public ownership!'] });
    expect(id).toBe('economy-composite');
    expect(text).toBe(
      '---\nid: economy-composite\ntitle: "Economy composite"\ntags: [economy, public-ownership]\ncreated: "2025-09-28T14:30:00Z"\n---\n\nKeep the words on public ownership.\n',
    );
    expect(page).toMatchObject({ id: 'economy-composite', title: 'Economy composite', kind: 'note', tags: ['economy', 'public-ownership'], created: '2025-09-28T14:30:00Z' });
  });

  test('without a title: the first heading, else the first line', async () => {
    expect((await saved('# Housing motion\n\nText.')).page.title).toBe('Housing motion');
    expect((await saved('\n\nWho moves the composite?\nMore.')).page.title).toBe('Who moves the composite?');
  });

  test('the editor template: the front matter is kept, edits to it win, other keys survive', async () => {
    const template = noteTemplate({ title: 'Draft title', tags: ['a'], created: defaults.created });
    const { page, text } = await saved(template.replace('"Draft title"', '"Better title"').replace('---\n\n', 'kind: procedure\nsummary: Mine.\n---\n\nBody.\n'), {
      title: 'Draft title',
    });
    expect(page).toMatchObject({ title: 'Better title', kind: 'procedure', summary: 'Mine.', tags: ['a'], id: 'better-title' });
    expect(text.match(/^title:/gm)).toHaveLength(1);
  });

  test('an empty note (nothing below the front matter) is not a note', async () => {
    expect(await composeNote('', defaults)).toBeUndefined();
    expect(await composeNote(' \n\n\t\n', defaults)).toBeUndefined();
    expect(await composeNote(noteTemplate({ title: 'x', tags: [], created: defaults.created }), defaults)).toBeUndefined();
  });

  test('front matter that cannot be read is refused, with its line', async () => {
    await expect(composeNote('---\ntitle: [unclosed\n---\nBody', defaults)).rejects.toBeInstanceOf(FrontMatterError);
  });

  test('a second note with the same title gets the next free name; nothing is overwritten', async () => {
    const first = await saved('One.', { title: 'Economy composite' });
    const second = await saved('Two.', { title: 'Economy composite' });
    expect([first.id, second.id]).toEqual(['economy-composite', 'economy-composite-2']);
    expect(readFileSync(first.file, 'utf8')).toContain('One.');
    expect(second.page.id).toBe('economy-composite-2');
  });

  test('an id a handbook page uses is skipped, so a note never hides that page', async () => {
    const note = (await composeNote('Mine.', { ...defaults, title: 'Reference back' }))!;
    expect(saveNote(notes, note, new Set(['reference-back'])).id).toBe('reference-back-2');
  });

  test('savedAs finds the copy saved before, past a name the handbook takes, and only the same text', async () => {
    const taken = new Set(['reference-back']);
    const note = (await composeNote('Mine.', { ...defaults, title: 'Reference back' }))!;
    expect(savedAs(notes, note, taken)).toBeUndefined();
    saveNote(notes, note, taken);
    expect(savedAs(notes, note, taken)).toBe('reference-back-2');
    const other = (await composeNote('Not mine.', { ...defaults, title: 'Reference back' }))!;
    expect(savedAs(notes, other, taken)).toBeUndefined();
  });

  (process.platform === 'win32' ? test.skip : test)('savedAs never reads a pipe named like a note (it would wait for ever)', async () => {
    mkdirSync(notes, { recursive: true });
    expect(spawnSync('mkfifo', [join(notes, 'housing.md')]).status).toBe(0);
    const note = (await composeNote('Text.', { ...defaults, title: 'Housing' }))!;
    expect(savedAs(notes, note)).toBeUndefined();
    expect(saveNote(notes, note).id).toBe('housing-2');
    expect(savedAs(notes, note)).toBe('housing-2');
  });
});

describe('hostile titles and bodies', () => {
  test.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['/absolute/path', 'absolute-path'],
    ['..', 'note'],
    ['CON', 'con-page'],
    ['nul', 'nul-page'],
    ['bell\u0007 and \u001b[31mred\u001b[0m', 'bell-and-31mred-0m'],
    ['Économie & « logement »', 'economie-logement'],
    ['経済', 'note'],
  ])('title %j is saved as %s.md inside the notes folder', async (title, id) => {
    const result = await saved('Body.', { title });
    expect(result.id).toBe(id);
    expect(resolve(result.file)).toBe(join(notes, `${id}.md`));
    expect(readdirSync(dir)).toEqual(['notes']);
  });

  test('control characters never reach the front matter; the title reads back as one line', async () => {
    const { page, text } = await saved('Body.', { title: 'line one\nid: evil\r\u001b]0;pwned\u0007' });
    expect(page.id).not.toBe('evil');
    expect(page.title).toBe('line one id: evil ]0;pwned');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  test('a very long title is shortened; its file name stays short', async () => {
    const { id, page } = await saved('Body.', { title: 'word '.repeat(500) });
    expect(id.length).toBeLessThanOrEqual(80);
    expect(page.title.length).toBeLessThanOrEqual(121);
  });

  test('a body full of escape sequences is stored as written (it is neutralised when shown)', async () => {
    const body = 'Text \u001b[2J\u001b]0;title\u0007 more';
    expect((await saved(body, { title: 'Escapes' })).page.body).toBe(`\n${body}\n`);
  });
});

describe('finding, trashing', () => {
  test('by id, by title words, or by file name when the front matter is broken', async () => {
    await saved('One.', { title: 'Economy composite' });
    writeFileSync(join(notes, 'broken.md'), '---\ntitle: [x\n---\nBody\n');
    const { pages, warnings } = await loadNotes(notes);
    expect(warnings.map((w) => w.file)).toEqual([join(notes, 'broken.md')]);
    expect(findNote(pages, notes, 'economy-composite')).toMatchObject({ page: { id: 'economy-composite' } });
    expect(findNote(pages, notes, 'economy')).toMatchObject({ page: { id: 'economy-composite' } });
    expect(findNote(pages, notes, 'broken')).toEqual({ file: join(notes, 'broken.md') });
    expect(findNote(pages, notes, '../../etc/passwd')).toMatchObject({ ambiguous: [] });
  });

  test('trash moves the note into .trash under a free name, so nothing there is replaced', async () => {
    const first = await saved('One.', { title: 'Gone' });
    const trashed = trashNote(notes, first.file);
    expect(trashed).toBe(join(notes, '.trash', 'gone.md'));
    expect(existsSync(first.file)).toBe(false);
    const again = await saved('Two.', { title: 'Gone' });
    expect(trashNote(notes, again.file)).toBe(join(notes, '.trash', 'gone-2.md'));
    expect(readFileSync(trashed, 'utf8')).toContain('One.');
    expect((await loadNotes(notes)).pages).toEqual([]);
  });
});

describe('import', () => {
  let source: string;
  beforeEach(() => {
    source = join(dir, 'source');
    mkdirSync(join(source, 'sub'), { recursive: true });
  });

  test('.md and .txt files come in with front matter, safe names, and never over an existing note', async () => {
    writeFileSync(join(source, 'Economy Composite (draft).txt'), 'Conference notes the crisis.\n');
    writeFileSync(join(source, 'sub', 'housing.md'), '# Housing motion\n\nText.\n');
    writeFileSync(join(source, 'with-fm.md'), '---\nid: my-id\ntitle: Kept title\ntags: [x]\nsummary: Kept.\n---\nBody.\n');
    writeFileSync(join(source, 'picture.png'), 'not text');
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, 'housing.md'), 'an existing note\n');

    const report = await importNotes([source], { notesDir: notes });
    expect(report.skipped).toEqual([]);
    expect(report.imported.map((i) => i.id).sort()).toEqual(['economy-composite-draft', 'housing-2', 'with-fm']);
    expect(readFileSync(join(notes, 'housing.md'), 'utf8')).toBe('an existing note\n');
    const pages = Object.fromEntries((await loadNotes(notes)).pages.map((p) => [p.id, p]));
    expect(pages['economy-composite-draft']).toMatchObject({ title: 'Economy Composite (draft)' });
    expect(pages['housing-2']).toMatchObject({ title: 'Housing motion' });
    expect(pages['with-fm']).toMatchObject({ title: 'Kept title', summary: 'Kept.', tags: ['x'] });
    expect(existsSync(join(source, 'sub', 'housing.md'))).toBe(true);
  });

  test('what cannot come in is skipped with the reason', async () => {
    writeFileSync(join(source, 'empty.md'), '\n\n');
    writeFileSync(join(source, 'binary.txt'), 'a\u0000b');
    writeFileSync(join(source, 'bad.md'), '---\nkind: essay\n---\nBody\n');
    writeFileSync(join(source, 'photo.jpg'), 'x');
    const report = await importNotes(
      [join(source, 'empty.md'), join(source, 'binary.txt'), join(source, 'bad.md'), join(source, 'photo.jpg'), join(source, 'missing.md')],
      { notesDir: notes },
    );
    expect(report.imported).toEqual([]);
    expect(Object.fromEntries(report.skipped.map((s) => [s.source.replace(`${source}/`, ''), s.reason]))).toEqual({
      'empty.md': 'is empty',
      'binary.txt': 'is a binary file, not text',
      'bad.md': 'line 1: kind "essay" is not one of lesson, note, procedure, cheatsheet',
      'photo.jpg': 'is not a .md or .txt file',
      'missing.md': 'cannot be read (ENOENT)',
    });
  });

  test('a named pipe called .md is skipped, not read (it would never end)', async () => {
    const fifo = join(source, 'pipe.md');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const report = await importNotes([fifo, source], { notesDir: notes });
    expect(report.skipped).toEqual([
      { source: fifo, reason: 'is not a regular file' },
      { source, reason: 'has no .md or .txt files' },
    ]);
  });

  test('the notes folder itself (or a link into it) is not imported into itself', async () => {
    await saved('One.', { title: 'Mine' });
    symlinkSync(notes, join(dir, 'link'));
    const report = await importNotes([notes, join(dir, 'link')], { notesDir: notes });
    expect(report.skipped.map((s) => s.reason)).toEqual(['is already in your notes folder', 'is already in your notes folder']);
    expect(readdirSync(notes)).toEqual(['mine.md']);
  });
});
