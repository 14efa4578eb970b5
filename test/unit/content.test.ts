import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadPages } from '../../src/content/loadPages.js';
import { listMarkdownFiles } from '../../src/content/pageFiles.js';
import { parseSimpleYaml } from '../../src/content/frontMatter.js';
import { bundledContentDir } from '../../src/paths.js';
import { repoRoot } from '../helpers/run.js';

const dir = bundledContentDir();
const loaded = await loadPages([{ dir, origin: 'bundled' }]);
const byId = new Map(loaded.pages.map((p) => [p.id, p]));

describe('bundled content', () => {
  test('every page parses with no warning', () => {
    expect(loaded.warnings).toEqual([]);
    expect(loaded.pages.length).toBe(listMarkdownFiles(dir).length);
  });

  test('ids are unique across files and match the file names', () => {
    const files = listMarkdownFiles(dir);
    const ids = files.map((f) => f.split('/').pop()!.replace(/\.md$/, ''));
    expect(new Set(ids).size).toBe(ids.length);
    for (const page of loaded.pages) expect(page.file.endsWith(`/${page.id}.md`)).toBe(true);
  });

  test('every page has a title, a summary, tags and sources', () => {
    for (const page of loaded.pages) {
      expect(page.title.length).toBeGreaterThan(3);
      expect(page.summary.length).toBeGreaterThan(10);
      expect(page.sources.length).toBeGreaterThan(0);
      if (page.kind !== 'cheatsheet') expect(page.tags.length).toBeGreaterThan(0);
    }
  });

  test('the seven compositing lessons are there, in order, each saying what happened, why and what to do', () => {
    const lessons = loaded.pages.filter((p) => p.kind === 'lesson');
    expect(lessons.map((p) => p.id)).toEqual([
      'read-every-motion',
      'know-your-allies',
      'bring-your-own-words',
      'speaking-rights',
      'know-the-procedure',
      'chair-not-neutral',
      'more-than-one-motion',
    ]);
    for (const lesson of lessons) {
      expect(lesson.body).toMatch(/^## What happened/m);
      expect(lesson.body).toMatch(/^## Why it matters/m);
      expect(lesson.body).toMatch(/^## What to do/m);
    }
  });

  test('a dated note for each conference post', () => {
    for (const id of ['tech-post-capitalism', 'stuffed-parrots', 'black-sections', 'wednesday-report', 'stand-up-for-labour', 'officer-class']) {
      const page = byId.get(id);
      expect(page?.kind).toBe('note');
      expect(page?.date).toMatch(/^2017/);
    }
  });

  test('the procedure pages and the cheat sheet are there', () => {
    for (const id of ['cac', 'contemporary-motions', 'emergency-motions', 'priorities-ballot', 'compositing', 'amendments', 'procedural-motions', 'reference-back', 'card-votes', 'points-of-order', 'rule-changes', 'glossary']) {
      expect(byId.get(id)?.kind).toBe('procedure');
    }
    expect(byId.get('cheatsheet')?.kind).toBe('cheatsheet');
  });

  test('the pages a first-timer looks for are there, as procedure pages, with dated sources', () => {
    for (const id of ['speaking', 'mandates', 'arriving', 'npf', 'fringe', 'in-government']) {
      const page = byId.get(id);
      expect({ id, kind: page?.kind }).toEqual({ id, kind: 'procedure' });
      expect(page!.sources.length).toBeGreaterThanOrEqual(10);
      expect(page!.body).toMatch(/\b20(1\d|2\d)\b/);
    }
  });

  test('every figure-bearing procedure page points to the current CAC report', () => {
    for (const page of loaded.pages.filter((p) => p.kind === 'procedure' && p.id !== 'glossary')) {
      expect(page.body).toMatch(/CAC report|Conference Arrangements Committee report/i);
    }
  });

  test('the fast front matter reader agrees with a full YAML parser on every bundled file', () => {
    for (const file of [...listMarkdownFiles(dir), ...listMarkdownFiles(join(dir, 'checklists'))]) {
      const yamlText = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))![1]!;
      // If this fails the page still works, but start-up pays for the full YAML parser.
      expect({ file, data: parseSimpleYaml(yamlText) }).toEqual({ file, data: parseYaml(yamlText) });
    }
  });

  const overlapTool = join(repoRoot, '..', 'shared', 'tools', 'source-overlap.mjs');
  const blog = join(repoRoot, '..', 'shared', 'sources', 'conference-blog.txt');
  (existsSync(overlapTool) && existsSync(blog) ? test : test.skip)('no run of ten words is copied from the blog', () => {
    const result = spawnSync(process.execPath, [overlapTool, blog, dir], { encoding: 'utf8' });
    expect(result.stdout).toMatch(/^0 copied run/m);
    expect(result.status).toBe(0);
  });
});

describe('the build-time manifest of bundled pages', () => {
  test('gives the same pages as parsing the files, and is refused once a file changes', async () => {
    const { mkdtempSync, cpSync, writeFileSync, utimesSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { createManifest } = await import('../../src/content/createManifest.js');
    const { pagesFromManifest } = await import('../../src/content/manifest.js');
    const copy = mkdtempSync(join(tmpdir(), 'delegate-manifest-'));
    try {
      cpSync(dir, join(copy, 'content'), { recursive: true, preserveTimestamps: true });
      const contentDir = join(copy, 'content');
      const manifestFile = join(copy, 'manifest.json');
      writeFileSync(manifestFile, JSON.stringify(await createManifest(contentDir)));
      const fromFiles = (await loadPages([{ dir: contentDir, origin: 'bundled' }])).pages;
      const fromManifest = (await loadPages([{ dir: contentDir, origin: 'bundled', manifest: manifestFile }])).pages;
      expect(fromManifest).toEqual(fromFiles);

      const page = join(contentDir, 'lessons', 'chair-not-neutral.md');
      writeFileSync(page, readFileSync(page, 'utf8').replace('title: The chair is not neutral', 'title: Edited title'));
      utimesSync(page, new Date(), new Date(Date.now() + 5000));
      expect(pagesFromManifest(manifestFile, contentDir)).toBeUndefined();
      const edited = (await loadPages([{ dir: contentDir, origin: 'bundled', manifest: manifestFile }])).pages;
      expect(edited.find((p) => p.id === 'chair-not-neutral')?.title).toBe('Edited title');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
