import type { Context } from '../context.js';
import { findPage } from '../content/findPage.js';
import { pageToJson, type Page } from '../content/page.js';
import { pageSections, sectionAtLine, sectionByHeading } from '../content/sections.js';
import { UserError } from '../errors.js';
import { neutralise } from '../render/sanitize.js';
import { printJson, printPaged } from '../ui/output.js';
import { loadHandbook } from './loadHandbook.js';

export interface ReadOptions {
  query: string;
  markdown?: boolean;
  json?: boolean;
  /** Only the section whose heading has these words. */
  section?: string;
  /** Only the section holding this line of the file (as search results number them). */
  line?: number;
}

export async function read(options: ReadOptions, ctx: Context): Promise<void> {
  const { pages } = await loadHandbook(ctx);
  const result = findPage(pages, options.query);
  if (!result.found) {
    const many = result.ambiguous.length > 1;
    const list = result.suggestions.map((id) => `  delegate read ${id}`).join('\n');
    throw new UserError(
      many ? `"${neutralise(options.query)}" matches ${result.ambiguous.length} pages` : `no page called "${neutralise(options.query)}"`,
      { hint: list ? `${many ? 'Pick one' : 'Did you mean'}:\n${list}` : 'See every page with: delegate list' },
    );
  }
  const page = options.section !== undefined || options.line !== undefined ? narrowToSection(result.found, options) : result.found;
  if (options.json) {
    printJson(pageToJson(page, true), ctx);
    return;
  }
  if (options.markdown) {
    // With its front matter, so the output saved in the notes folder is the same page again.
    ctx.stdout.write(neutralise(`${frontMatterOf(page)}\n${page.body.replace(/^\n+/, '').replace(/\n*$/, '\n')}`));
    return;
  }
  const { cachedRender } = await import('../ui/renderCache.js');
  const text = await cachedRender(ctx, `page-${page.id}`, [page.file, page.stamp, options.section ?? '', options.line ?? ''], async () => {
    const { renderPage } = await import('./renderPage.js');
    return renderPage(page, ctx);
  });
  await printPaged(text, ctx);
}

/** The page's metadata as YAML front matter (JSON strings are YAML strings). */
function frontMatterOf(page: Page): string {
  const lines = ['---', `id: ${page.id}`, `title: ${JSON.stringify(page.title)}`, `kind: ${page.kind}`];
  if (page.tags.length) lines.push(`tags: [${page.tags.map((t) => JSON.stringify(t)).join(', ')}]`);
  if (page.summary) lines.push(`summary: ${JSON.stringify(page.summary)}`);
  for (const key of ['date', 'author', 'created'] as const) if (page[key]) lines.push(`${key}: ${JSON.stringify(page[key])}`);
  if (page.order !== undefined) lines.push(`order: ${page.order}`);
  if (page.sources.length) lines.push('sources:', ...page.sources.map((s) => `  - ${JSON.stringify(s)}`));
  return `${lines.join('\n')}\n---\n`;
}

/** The page cut down to one section, keeping its title and sources. */
function narrowToSection(page: Page, options: ReadOptions): Page {
  const sections = pageSections(page.body, page.bodyLine);
  const section = options.section !== undefined ? sectionByHeading(sections, options.section) : sectionAtLine(sections, options.line!);
  if (!section) {
    const where = options.section !== undefined ? `called "${neutralise(options.section)}"` : `at line ${options.line}`;
    const list = sections.filter((s) => s.level === 2).map((s) => `  ${neutralise(s.heading)} (line ${s.line})`).join('\n');
    throw new UserError(`${page.id} has no section ${where}`, { hint: list ? `Its sections:\n${list}` : 'This page has no sections; read it whole.' });
  }
  return { ...page, body: section.markdown, bodyLine: section.line };
}
