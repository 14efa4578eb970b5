import type { Tokens } from 'marked';
import { stripAnsi } from './sanitize.js';

// Blocks of users' Markdown that marked-terminal lays out badly (tables wider than the screen,
// quotes that lose their style, doubled task boxes, nested lists with blank lines), laid out
// here instead. Text comes in already styled (inline Markdown rendered); widths are measured
// without escape codes.

const visible = (text: string): number => stripAnsi(text).length;

/**
 * Wrap styled text at `width`, with a first-line prefix and a hanging indent. A word longer than
 * a line is broken only after a "/" (a link), or else left whole on a line of its own.
 */
export function wrapStyled(text: string, width: number, first = '', rest = first): string[] {
  const words = text.split(/[ \n]+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = first;
  let length = visible(first);
  let hasWord = false;
  const put = (piece: string, gap: string) => {
    const size = visible(piece);
    if (hasWord && length + gap.length + size > width) {
      lines.push(line);
      line = rest + piece;
      length = visible(rest) + size;
    } else {
      line += gap + piece;
      length += gap.length + size;
    }
    hasWord = true;
  };
  for (const word of words) {
    if (visible(rest) + visible(word) > width && word.includes('/') && !word.includes('\u001b')) {
      word.split(/(?<=\/)/).forEach((piece, n) => put(piece, n === 0 && hasWord ? ' ' : ''));
    } else {
      put(word, hasWord ? ' ' : '');
    }
  }
  if (hasWord || first.trim()) lines.push(line);
  return lines;
}

/** Break a word longer than `width` into pieces that fit (after a "/" where it can). */
function hardBreak(word: string, width: number): string[] {
  const plain = stripAnsi(word);
  if (plain.length <= width) return [word];
  const out: string[] = [];
  for (let at = 0; at < plain.length; at += width) out.push(plain.slice(at, at + width));
  return out;
}

/** A cell's text wrapped into lines no wider than `width`. */
function cellLines(text: string, width: number): string[] {
  const lines = wrapStyled(text, width).flatMap((line) => hardBreak(line, width));
  return lines.length ? lines : [''];
}

function pad(text: string, width: number, align: 'left' | 'right' | 'center' | null): string {
  const room = Math.max(0, width - visible(text));
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') return ' '.repeat(Math.floor(room / 2)) + text + ' '.repeat(room - Math.floor(room / 2));
  return text + ' '.repeat(room);
}

export interface TableStyle {
  header: (text: string) => string;
  rule: (text: string) => string;
  /** Column separator and rule characters. */
  bar: string;
  line: string;
  cross: string;
}

/**
 * A table fitted to `width`: columns as wide as their text when that fits; otherwise narrowed,
 * cells wrapped within their columns (each column keeps at least its longest word, up to 16);
 * when even that cannot fit, each row as a list of "Header: value" lines. Alignment is honoured.
 */
export function renderTable(header: string[], rows: string[][], align: Array<'left' | 'right' | 'center' | null>, width: number, style: TableStyle): string {
  const columns = header.length;
  const all = [header, ...rows];
  const gap = ` ${style.bar} `;
  const room = width - gap.length * (columns - 1);
  const natural = Array.from({ length: columns }, (_, c) => Math.max(1, ...all.map((r) => visible(r[c] ?? ''))));
  const longestWord = Array.from({ length: columns }, (_, c) =>
    Math.max(1, ...all.flatMap((r) => stripAnsi(r[c] ?? '').split(/\s+/).map((w) => w.length))),
  );
  const least = natural.map((n, c) => Math.min(n, Math.max(Math.min(longestWord[c]!, 16), Math.min(n, 6))));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  if (sum(least) > room) {
    // Each row as a list: the header as a label, the value wrapped under it.
    const out: string[] = [];
    rows.forEach((row, r) => {
      if (r > 0) out.push('');
      header.forEach((h, c) => {
        const label = `${style.header(stripAnsi(h))}: `;
        out.push(...wrapStyled(row[c] ?? '', width, label, '  '));
      });
    });
    return out.join('\n');
  }

  let widths = natural;
  if (sum(natural) > room) {
    // Share the room left over the minimums by how much more each column would like.
    const spare = room - sum(least);
    const want = natural.map((n, c) => n - least[c]!);
    const wanted = sum(want) || 1;
    widths = least.map((l, c) => l + Math.floor((spare * want[c]!) / wanted));
  }
  const renderRow = (row: string[], styleCell: (t: string) => string): string[] => {
    const cells = widths.map((w, c) => cellLines(row[c] ?? '', w));
    const height = Math.max(...cells.map((lines) => lines.length));
    return Array.from({ length: height }, (_, i) =>
      widths
        // The last column is not padded on the left-aligned side: no trailing spaces.
        .map((w, c) => styleCell(c === columns - 1 && (align[c] ?? 'left') === 'left' ? (cells[c]![i] ?? '') : pad(cells[c]![i] ?? '', w, align[c] ?? null)))
        .join(style.rule(gap)),
    );
  };
  const rule = style.rule(widths.map((w) => style.line.repeat(w)).join(`${style.line}${style.cross}${style.line}`));
  return [...renderRow(header, style.header), rule, ...rows.flatMap((row) => renderRow(row, (t) => t))].join('\n');
}

/** A block quote: a bar before every line, the quote's style on every line, wrapped to fit. */
export function renderQuote(inner: string, width: number, bar: string, style: (text: string) => string): string {
  const paragraphs = stripAnsi(inner)
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const prefix = `${bar} `;
  const lines: string[] = [];
  paragraphs.forEach((paragraph, i) => {
    if (i > 0) lines.push(bar);
    for (const line of wrapStyled(paragraph, width - visible(prefix))) lines.push(prefix + style(line));
  });
  return lines.join('\n');
}

export interface ListStyle {
  bullets: string[];
  box: (checked: boolean) => string;
}

/**
 * A list and its nested lists: each level indented under the text of the item above, one box
 * for a task item, no blank lines between the items of a tight list.
 */
export function renderList(
  list: Tokens.List,
  width: number,
  style: ListStyle,
  inline: (tokens: Tokens.Generic[]) => string,
  block: (tokens: Tokens.Generic[]) => string,
  base = '',
  depth = 0,
): string[] {
  const lines: string[] = [];
  const start = Number(list.start) || 1;
  const numberWidth = list.ordered ? String(start + list.items.length - 1).length + 1 : 0;
  list.items.forEach((item, i) => {
    if (i > 0 && list.loose) lines.push('');
    const marker = list.ordered ? `${start + i}.`.padStart(numberWidth) : style.bullets[depth % style.bullets.length]!;
    const box = item.task ? `${style.box(!!item.checked)} ` : '';
    const first = `${base}${marker} ${box}`;
    const rest = ' '.repeat(visible(first));
    let lead = first;
    for (const token of item.tokens as Tokens.Generic[]) {
      if (token.type === 'checkbox' || token.type === 'space') continue;
      if (token.type === 'list') {
        lines.push(...renderList(token as Tokens.List, width, style, inline, block, rest, depth + 1));
        lead = rest;
        continue;
      }
      if (token.type === 'text' || token.type === 'paragraph') {
        const text = inline((token.tokens as Tokens.Generic[] | undefined) ?? [token]);
        // The task box may come as text at the start of the item: show one box only.
        const cleaned = item.task && lead === first ? text.replace(/^\s*\[[ xX]\]\s+/, '') : text;
        lines.push(...wrapStyled(cleaned, width, lead, rest));
      } else {
        for (const line of block([token]).replace(/\n+$/, '').split('\n')) lines.push(line ? rest + line : line);
      }
      lead = rest;
    }
    if (lead === first) lines.push(first.trimEnd());
  });
  return lines;
}
