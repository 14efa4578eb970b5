import chalk from 'chalk';
import { Marked } from 'marked';
import { markedTerminal } from 'marked-terminal';
import type { Tokens } from 'marked';
import { renderList, renderQuote, renderTable, wrapStyled } from './markdownBlocks.js';
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
      // Colours from the theme, so they read on the terminal's background.
      code: theme.code,
      codespan: theme.code,
      html: theme.dim,
      del: theme.dim,
      link: theme.id,
      href: theme.id,
    }),
  );
  const styled = (open: string, close: string) => (text: string) => (theme.color && text ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  const italic = styled('3', '23');
  const underline = styled('4', '24');
  // Links with words of their own are numbered and listed at the end, where a long address
  // has lines to itself; the words are a hyperlink (OSC 8) where the terminal supports them.
  const links: string[] = [];
  marked.use({
    renderer: {
      // marked-terminal prints a tight list item's text raw (`code`, **bold** and links
      // unrendered); render its inline tokens instead.
      text(token) {
        return typeof token === 'object' && 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : false;
      },
      link(token) {
        const text = this.parser.parseInline(token.tokens);
        const href = token.href;
        if (stripAnsi(text) === href || `mailto:${stripAnsi(text)}` === href) return href;
        let n = links.indexOf(href) + 1;
        if (n === 0) n = links.push(href);
        const words = theme.hyperlinks ? `\u001b]8;;${href}\u001b\\${underline(text)}\u001b]8;;\u001b\\` : underline(text);
        return `${words}${theme.dim(`[${n}]`)}`;
      },
      // marked-terminal's reflow cuts a long link mid-word; wrapStyled breaks it after a "/".
      paragraph(token) {
        return `${wrapStyled(this.parser.parseInline(token.tokens), width).join('\n')}\n\n`;
      },
      checkbox() {
        return ''; // the list below draws the one box a task item has
      },
      table(token) {
        const header = token.header.map((cell) => this.parser.parseInline(cell.tokens));
        const rows = token.rows.map((row) => row.map((cell) => this.parser.parseInline(cell.tokens)));
        const style = { header: theme.title, rule: theme.dim, bar: '│', line: '─', cross: '┼' };
        return `${renderTable(header, rows, token.align, width, style)}\n\n`;
      },
      blockquote(token) {
        return `${renderQuote(this.parser.parse(token.tokens), width, theme.dim('│'), italic)}\n\n`;
      },
      list(token) {
        const lines = renderList(
          token,
          width,
          { bullets: theme.color ? ['•', '◦', '▪'] : ['*', '-', '+'], box: (checked) => (checked ? '[x]' : '[ ]') },
          (tokens) => this.parser.parseInline(tokens as Tokens.Generic[] as never),
          (tokens) => this.parser.parse(tokens as never),
          '  ',
        );
        return `${lines.join('\n')}\n\n`;
      },
    },
  });
  let out = marked.parse(neutralise(markdown), { async: false });
  if (links.length) {
    out += `\n\n${theme.heading('Links')}\n\n${links.map((href, i) => wrapStyled(href, width, `  [${i + 1}] `, ' '.repeat(`  [${i + 1}] `.length)).join('\n')).join('\n')}\n`;
  }
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
