import chalk from 'chalk';
import { Marked } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { neutralise, stripAnsi } from './sanitize.js';
import type { Theme } from './theme.js';

/** Markdown rendered for a terminal at `width` columns, styled by the theme's colour choice. */
export function renderMarkdownForTerminal(markdown: string, width: number, theme: Theme): string {
  // NOTE: marked-terminal styles with the shared default chalk instance; keep it in step.
  chalk.level = theme.color ? (chalk.level > 0 ? chalk.level : 1) : 0;
  const marked = new Marked({
    // A list item's soft line breaks are spaces, so wrapLongLines can refill it.
    walkTokens: (token) => {
      if (token.type === 'text') token.text = token.text.replace(/\n/g, ' ');
    },
  });
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
  // marked-terminal prints a tight list item's text raw (`code`, **bold** and links unrendered);
  // render its inline tokens instead.
  marked.use({
    renderer: {
      text(token) {
        return typeof token === 'object' && 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : false;
      },
    },
  });
  const out = marked.parse(neutralise(markdown), { async: false });
  return `${wrapLongLines(out.replace(/\n{3,}/g, '\n\n').trimEnd(), width)}\n`;
}

const LIST_MARKER = /^(\s*)((?:[*\u2022-]|\d+\.)\s+)/;

/**
 * marked-terminal reflows paragraphs but not list items; wrap any line still wider than
 * `width`, measuring without escape codes, with a hanging indent under a list marker.
 */
export function wrapLongLines(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const visible = stripAnsi(line);
      if (visible.length <= width) return line;
      const marker = LIST_MARKER.exec(visible);
      const indent = marker ? ' '.repeat(marker[1]!.length + marker[2]!.length) : (/^\s*/.exec(visible)?.[0] ?? '');
      const lead = /^\s*/.exec(line)?.[0] ?? '';
      const words = line.slice(lead.length).split(' ');
      const lines: string[] = [];
      let current = lead;
      let length = lead.length;
      for (const word of words) {
        const size = stripAnsi(word).length;
        if (length > indent.length && length + 1 + size > width && current.trim() !== '') {
          lines.push(current);
          current = indent + word;
          length = indent.length + size;
        } else {
          const gap = current.trim() === '' && current.length === length ? '' : ' ';
          current += gap + word;
          length += gap.length + size;
        }
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}
