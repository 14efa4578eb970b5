import chalk from 'chalk';
import { Marked } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { neutralise } from './sanitize.js';
import type { Theme } from './theme.js';

/** Markdown rendered for a terminal at `width` columns, styled by the theme's colour choice. */
export function renderMarkdownForTerminal(markdown: string, width: number, theme: Theme): string {
  // NOTE: marked-terminal styles with the shared default chalk instance; keep it in step.
  chalk.level = theme.color ? (chalk.level > 0 ? chalk.level : 1) : 0;
  const marked = new Marked();
  marked.use(
    markedTerminal({
      width,
      reflowText: true,
      showSectionPrefix: false,
      emoji: false,
      tab: 2,
      heading: theme.heading,
      firstHeading: theme.heading,
    }),
  );
  const out = marked.parse(neutralise(markdown), { async: false });
  return `${out.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
