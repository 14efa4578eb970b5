import { FrontMatterError, parseSimpleYaml, splitFrontMatter } from '../../src/content/frontMatter.js';
import { parsePage } from '../../src/content/loadPages.js';

describe('front matter', () => {
  test('splits YAML from the body and says where the body starts', async () => {
    const split = await splitFrontMatter('---\nid: a\ntitle: "A: b"\ntags: [x, y]\n---\n\nBody\n');
    expect(split.data).toEqual({ id: 'a', title: 'A: b', tags: ['x', 'y'] });
    expect(split.body).toBe('\nBody\n');
    expect(split.bodyLine).toBe(6);
  });

  test('a file without front matter is all body', async () => {
    const split = await splitFrontMatter('# Just a heading\n');
    expect(split.hasFrontMatter).toBe(false);
    expect(split.body).toBe('# Just a heading\n');
  });

  test('complex YAML falls back to the full parser', async () => {
    expect(parseSimpleYaml('title: >\n  folded\n')).toBeUndefined();
    const split = await splitFrontMatter('---\ntitle: >\n  folded text\nmeta: {a: 1}\n---\nx');
    expect(split.data).toEqual({ title: 'folded text\n', meta: { a: 1 } });
  });

  test('broken YAML reports the line in the file', async () => {
    await expect(splitFrontMatter('---\nid: a\ntitle: [unclosed\n---\n')).rejects.toMatchObject({ name: 'FrontMatterError', line: expect.any(Number) });
    // The line of the file (front matter starts on line 2), where YAML found the fault.
    const line = async (text: string) => ((await splitFrontMatter(text).catch((e: FrontMatterError) => e)) as FrontMatterError).line;
    expect(await line('---\nid: a\ntitle: a: b\n---\n')).toBe(3);
    expect(await line('---\nid: a\ntitle: ok\nsummary: fine\ntags: [x]\nkind: a: b\n---\n')).toBe(6);
    expect(await line('---\nid: a\nid: b\n---\n')).toBe(3);
    // An unclosed bracket is noticed where the front matter ends.
    expect(await line('---\nid: a\ntitle: [unclosed\n---\n')).toBe(4);
  });

  test('unclosed front matter is an error on line 1', async () => {
    await expect(splitFrontMatter('---\nid: a\n')).rejects.toMatchObject({ line: 1 });
  });

  test('a personal note may leave out id, title and kind', async () => {
    const page = await parsePage('# Economy composite\n\nText', '/notes/My Note!.md', 'personal');
    expect(page).toMatchObject({ id: 'my-note', title: 'Economy composite', kind: 'note', tags: [] });
  });

  test('a bundled page must have every field', async () => {
    await expect(parsePage('---\nid: x\ntitle: X\nkind: lesson\n---\n', '/c/x.md', 'bundled')).rejects.toThrow(/summary/);
  });

  test('binary files and unknown kinds are rejected', async () => {
    await expect(parsePage('abc\u0000def', '/n/x.md', 'personal')).rejects.toThrow(/binary/);
    await expect(parsePage('---\nkind: essay\n---\n', '/n/x.md', 'personal')).rejects.toThrow(/essay/);
  });

  test('an id cannot climb out of its folder', async () => {
    const page = await parsePage('---\nid: ../../etc/passwd\n---\n', '/n/x.md', 'personal');
    expect(page.id).toBe('etc-passwd');
  });
});
