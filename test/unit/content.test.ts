import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadPages } from '../../src/content/loadPages.js';
import { listMarkdownFiles } from '../../src/content/pageFiles.js';
import { parseSimpleYaml, splitFrontMatter } from '../../src/content/frontMatter.js';
import { bundledContentDir } from '../../src/paths.js';
import { listFiles } from '../../src/util/listFiles.js';
import { shellWords, writtenCommands } from '../helpers/contentCommands.js';
import { tempDir } from '../helpers/fixtures.js';
import { sentences, undatedFigures, type UndatedFigure } from '../helpers/ruleFigures.js';
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

/** Every Markdown file the handbook ships: pages, checklists and the cheat sheet. */
const contentFiles = listFiles(dir, { extensions: ['.md'] });

describe('sources and years', () => {
  test('every page, checklist and the cheat sheet lists its sources in front matter', async () => {
    const missing: string[] = [];
    for (const file of contentFiles) {
      const { data, hasFrontMatter } = await splitFrontMatter(readFileSync(file, 'utf8'));
      const sources = data.sources;
      const listed = Array.isArray(sources) ? sources.filter((s) => typeof s === 'string' && s.trim().length > 3) : [];
      if (!hasFrontMatter || listed.length === 0 || listed.length !== (sources as unknown[]).length) missing.push(file.slice(dir.length + 1));
    }
    expect(contentFiles.length).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  test('no rule figure (words, deadline, percentage, share, years, minutes) stands in a sentence without its year', async () => {
    const undated: string[] = [];
    for (const file of contentFiles) {
      const { data, body, bodyLine } = await splitFrontMatter(readFileSync(file, 'utf8'));
      const name = file.slice(dir.length + 1);
      // What `delegate list` and the checklist menu show counts as much as the body.
      const shown = [data.summary, data.when].filter((v): v is string => typeof v === 'string').join('\n\n');
      const found: UndatedFigure[] = [...undatedFigures(name, shown, 1), ...undatedFigures(name, body, bodyLine)];
      for (const u of found) undated.push(`${u.file}:${u.line}: "${u.figure}" in: ${u.sentence}`);
    }
    expect(undated).toEqual([]);
  });

  test('the check finds an undated rule figure, and passes one that carries its year or says it has none', () => {
    const figures = (text: string) => undatedFigures('x.md', text).map((u) => u.figure);
    expect(figures('- A contemporary motion may have 250 words.')).toEqual(['250 words']);
    expect(figures('Motions are due by 5pm on 12 September.')).toEqual(['5pm', '12 September']);
    expect(figures('Rule changes are due at 12 noon.')).toEqual(['noon']);
    expect(figures('The CLP section voted 63% in favour.')).toEqual(['63%']);
    expect(figures('A 50/50 split: each section counts half.')).toEqual(['50/50', 'counts half']);
    expect(figures('No similar change for three conferences.')).toEqual(['three conferences']);
    expect(figures('Floor speakers get 3 minutes.')).toEqual(['3 minutes']);
    expect(figures('Delegates had up to 3 minutes (2017). In 2024 motions were due at 5pm.')).toEqual([]);
    expect(figures('The rule, from an undated source, bars a change for three conferences.')).toEqual([]);
    expect(figures('## Deadlines (2024)\n\n- Motions: 5pm, 12 September.')).toEqual([]);
    expect(figures('Conference ran in 2024. Motions may have 250 words.')).toEqual(['250 words']);
  });

  test('sentences split at full stops but keep rule numbers and commands whole', () => {
    expect(sentences('Rule 3.III.2.G applies. See `delegate read cac`. In 2018 it did.')).toEqual(['Rule 3.III.2.G applies.', 'See `delegate read cac`.', 'In 2018 it did.']);
  });
});

describe('finding the commands written in content', () => {
  test('code spans, fenced lines and checklist See: lines, cut at a redirection', () => {
    const text = [
      'Run `delegate read cac` or `delegate cheatsheet --section "card votes"`; a delegate read the motion.',
      '```',
      '$ delegate checklist after-conference --list --format markdown > report.md',
      '```',
      '- [ ] Item {#item}',
      '  See: compositing, priorities-ballot',
    ].join('\n');
    expect(writtenCommands('checklists/x.md', text).map((c) => [c.line, ...c.args])).toEqual([
      [1, 'read', 'cac'],
      [1, 'cheatsheet', '--section', 'card votes'],
      [3, 'checklist', 'after-conference', '--list', '--format', 'markdown'],
      [6, 'read', 'compositing'],
      [6, 'read', 'priorities-ballot'],
    ]);
    expect(shellWords(`delegate read 'chair is' "not neutral"`)).toEqual(['delegate', 'read', 'chair is', 'not neutral']);
  });
});

describe('the build-time manifest of bundled pages', () => {
  test('gives the same pages as parsing the files, and is refused once a file changes', async () => {
    const { cpSync, writeFileSync, utimesSync } = await import('node:fs');
    const { createManifest } = await import('../../src/content/createManifest.js');
    const { pagesFromManifest } = await import('../../src/content/manifest.js');
    const { dir: copy, cleanup } = tempDir('delegate-manifest-');
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
      cleanup();
    }
  });
});
