import { Lexer, type Token, type Tokens } from 'marked';
import { neutralise } from './sanitize.js';
import { wrap } from './wrap.js';

function inline(tokens: Token[] | undefined, fallback = ''): string {
  if (!tokens) return fallback;
  return tokens
    .map((t) => {
      switch (t.type) {
        case 'link': {
          const text = inline((t as Tokens.Link).tokens, t.text);
          const href = (t as Tokens.Link).href;
          return text === href ? href : `${text} (${href})`;
        }
        case 'image':
          return (t as Tokens.Image).text;
        case 'br':
          return '\n';
        case 'codespan':
          return (t as Tokens.Codespan).text;
        case 'html':
          return '';
        default:
          return 'tokens' in t && t.tokens ? inline(t.tokens as Token[]) : unescapeEntities((t as { text?: string }).text ?? t.raw);
      }
    })
    .join('');
}

function unescapeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

function blocks(tokens: Token[], width: number, indent: string): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const text = inline((token as Tokens.Heading).tokens);
        out.push(indent + ((token as Tokens.Heading).depth <= 2 ? text.toUpperCase() : text));
        break;
      }
      case 'paragraph':
      case 'text':
        out.push(wrap(inline((token as Tokens.Paragraph).tokens, token.text), width, indent));
        break;
      case 'list': {
        const list = token as Tokens.List;
        const start = typeof list.start === 'number' ? list.start : 1;
        const items = list.items.map((item, i) => {
          const marker = list.ordered ? `${start + i}. ` : item.task ? (item.checked ? '[x] ' : '[ ] ') : '- ';
          const pad = ' '.repeat(marker.length);
          const [firstBlock, ...restBlocks] = blocks(
            item.tokens.filter((t) => t.type !== 'checkbox'),
            width,
            indent + pad,
          );
          const head = firstBlock ? indent + marker + firstBlock.slice(indent.length + pad.length) : indent + marker.trimEnd();
          return [head, ...restBlocks].join('\n');
        });
        out.push(items.join(list.loose ? '\n\n' : '\n'));
        break;
      }
      case 'code':
        out.push(
          (token as Tokens.Code).text
            .split('\n')
            .map((l) => `${indent}    ${l}`)
            .join('\n'),
        );
        break;
      case 'blockquote':
        out.push(blocks((token as Tokens.Blockquote).tokens, width, `${indent}  `).join('\n\n'));
        break;
      case 'table': {
        const table = token as Tokens.Table;
        const rows = [table.header, ...table.rows].map((row) => row.map((cell) => inline(cell.tokens)));
        const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
        out.push(rows.map((r) => indent + r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n'));
        break;
      }
      case 'hr':
        out.push(indent + '-'.repeat(Math.min(width - indent.length, 40)));
        break;
      case 'space':
      case 'html':
      case 'def':
        break;
      default:
        if (token.raw.trim()) out.push(wrap(token.raw, width, indent));
    }
  }
  return out;
}

/** Markdown as plain text: no escape codes, no markup characters, wrapped at `width`. */
export function renderMarkdownAsText(markdown: string, width: number): string {
  const tokens = new Lexer({ gfm: true }).lex(neutralise(markdown));
  const text = blocks(tokens, width, '').join('\n\n');
  return text ? `${text}\n` : '';
}
