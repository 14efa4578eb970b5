import type { Page } from '../content/page.js';
import { renderMarkdownForTerminal } from './markdownTerminal.js';
import { renderMarkdownAsText } from './plainText.js';
import { wrap } from './wrap.js';
import { neutralise } from './sanitize.js';
import type { Theme } from './theme.js';

function metaLine(page: Page): string {
  const parts: string[] = [page.kind];
  if (page.date) parts.push(page.date);
  if (page.author) parts.push(page.author);
  if (page.tags.length) parts.push(page.tags.join(', '));
  if (page.origin !== 'bundled') parts.push(page.origin === 'personal' ? 'your notes' : 'DELEGATE_PATH');
  return neutralise(parts.join(' · '));
}

/** A page for a terminal: title, what it is, summary, the rendered body, and its sources. */
export function renderPageForTerminal(page: Page, width: number, theme: Theme): string {
  const head = [
    theme.title(neutralise(page.title)),
    theme.dim(wrap(`${metaLine(page)}  (${page.id})`, width)),
    ...(page.summary ? ['', wrap(neutralise(page.summary), width)] : []),
    '',
  ].join('\n');
  const body = renderMarkdownForTerminal(page.body, width, theme);
  const sources = page.sources.length ? `\n${theme.dim(wrap(`Sources: ${neutralise(page.sources.join('; '))}`, width))}\n` : '';
  return `${head}\n${body}${sources}`;
}

/** The same page as plain text, for pipes and files: no colour, no markup. */
export function renderPageAsText(page: Page, width: number): string {
  const head = [neutralise(page.title), wrap(`${metaLine(page)}  (${page.id})`, width), ...(page.summary ? ['', wrap(neutralise(page.summary), width)] : []), ''].join('\n');
  const sources = page.sources.length ? `\n${wrap(`Sources: ${neutralise(page.sources.join('; '))}`, width)}\n` : '';
  return `${head}\n${renderMarkdownAsText(page.body, width)}${sources}`;
}
