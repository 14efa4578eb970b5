import type { Context } from '../context.js';
import type { Page } from '../content/page.js';
import { renderPageAsText, renderPageForTerminal } from '../render/pageView.js';

/** A page as this context shows it: styled on a terminal, plain text in a pipe. */
export function renderPage(page: Page, ctx: Context): string {
  return ctx.interactive || ctx.theme.color ? renderPageForTerminal(page, ctx.width, ctx.theme) : renderPageAsText(page, ctx.width);
}
