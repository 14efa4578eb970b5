import type { Context } from '../context.js';
import { findPage } from '../content/findPage.js';
import { pageToJson } from '../content/page.js';
import { UserError } from '../errors.js';
import { neutralise } from '../render/sanitize.js';
import { printJson, printPaged } from '../ui/output.js';
import { loadHandbook } from './loadHandbook.js';

export interface ReadOptions {
  query: string;
  markdown?: boolean;
  json?: boolean;
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
  const page = result.found;
  if (options.json) {
    printJson(pageToJson(page, true), ctx);
    return;
  }
  if (options.markdown) {
    ctx.stdout.write(neutralise(page.body.endsWith('\n') ? page.body : `${page.body}\n`));
    return;
  }
  const { cachedRender } = await import('../ui/renderCache.js');
  const text = await cachedRender(ctx, `page-${page.id}`, [page.file, page.stamp], async () => {
    const { renderPage } = await import('./renderPage.js');
    return renderPage(page, ctx);
  });
  await printPaged(text, ctx);
}
