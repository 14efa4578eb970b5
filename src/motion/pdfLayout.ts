// NOTE: pure. The PDF reader (pdfText.ts) hands over each page's pieces of text with their
// positions; this puts them back into the paragraphs and list items a reader sees. Tested with
// made-up pieces, no PDF needed.

/** A piece of text where a PDF page draws it: x, y from the bottom left, in points. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  width: number;
  /** The font size. */
  size: number;
  font: string;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PlacedText[];
}

/** A document's text, one paragraph or list item a line with a blank line between paragraphs. */
export interface LaidOutText {
  text: string;
  /** Where each page starts in the text: pageStarts[0] is page 1's offset (0). */
  pageStarts: number[];
}

interface Line {
  items: PlacedText[];
  x: number;
  end: number;
  y: number;
  size: number;
  text: string;
}

// "1.", "2)", "(3)", "a)", "(b)", "iv.", "(iv)", and bullets.
const LIST_MARKER = /^(?:\d{1,2}[.)]|\(\d{1,2}\)|\(?[a-h][.)]|\(?[ivx]{1,4}[.)]|[\u2022\u2013\u25aa\u25cf*-])(?=\s|$)/i;
// A line that is only a page number: "3", "- 3 -", "Page 3", "Page 3 of 12", "3 / 12".
const PAGE_NUMBER = /^(?:page\s*)?[-\u2013(]?\s*\d{1,4}\s*[-\u2013)]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

// A motion's heading on a line of its own ("Motion 3 – Anytown CLP", "Composite 8", "C8"):
// the title below it starts afresh even when set in the same type with no gap.
const MOTION_HEADING = /^(?:(?:emergency\s+)?(?:motion|composite|amendment)\s+\d|C\s?\d{1,3}\b)/i;

/** Lines of one page (or column): pieces on the same baseline, left to right. */
function linesOf(items: PlacedText[]): Line[] {
  const sorted = items.filter((i) => i.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - item.y) <= Math.max(2, item.size * 0.4)) last.items.push(item);
    else lines.push({ items: [item], x: 0, end: 0, y: item.y, size: item.size, text: '' });
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const item of line.items) {
      // a gap wider than a fifth of the font size is a space the PDF did not draw
      if (text !== '' && item.x - end > item.size * 0.2 && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
      text += item.text;
      end = Math.max(end, item.x + item.width);
    }
    line.text = text.replace(/\s+/g, ' ').trim();
    line.x = line.items[0]!.x;
    line.end = end;
    line.size = Math.max(...line.items.map((i) => i.size));
  }
  return lines;
}

/** Digits made alike, so that "Report 2 – page 3" on page 3 matches the same line on page 4. */
const shape = (text: string) => text.replace(/\d+/g, '#').toLowerCase();

/**
 * The running headers and footers: lines within the top or bottom tenth of a page whose shape
 * recurs on at least half the pages (two at least), and lines there that are only a page number.
 */
function marginLines(pages: PdfPage[], lines: Line[][]): Set<Line> {
  const counts = new Map<string, number>();
  const inMargin = (page: PdfPage, line: Line) => line.y > page.height * 0.9 || line.y < page.height * 0.1;
  lines.forEach((pageLines, p) => {
    const seen = new Set<string>();
    for (const line of pageLines) if (inMargin(pages[p]!, line)) seen.add(shape(line.text));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  });
  const enough = Math.max(2, Math.ceil(pages.length / 2));
  const drop = new Set<Line>();
  lines.forEach((pageLines, p) => {
    for (const line of pageLines) {
      if (!inMargin(pages[p]!, line)) continue;
      if (PAGE_NUMBER.test(line.text) || (counts.get(shape(line.text)) ?? 0) >= enough) drop.add(line);
    }
  });
  return drop;
}

/**
 * The page's lines in reading order: when the page is set in two columns (a gutter down the
 * middle that almost no line crosses, with text on both sides) the left column, then the right.
 */
function readingOrder(items: PlacedText[]): PlacedText[][] {
  if (items.length < 6) return [items];
  const left = Math.min(...items.map((i) => i.x));
  const right = Math.max(...items.map((i) => i.x + i.width));
  const middle = (left + right) / 2;
  const crossing = items.filter((i) => i.x < middle - 4 && i.x + i.width > middle + 4);
  const onRight = items.filter((i) => i.x >= middle - 4);
  if (crossing.length > items.length * 0.05 || onRight.length < items.length * 0.2) return [items];
  // Where the right column starts: the leftmost start among the pieces on the right.
  const gutter = Math.min(...onRight.map((i) => i.x)) - 1;
  return [items.filter((i) => i.x < gutter), items.filter((i) => i.x >= gutter)];
}

/** Paragraph breaks from positions: a wider gap, a new list item, a change of size or font, a short last line. */
function paragraphs(lines: Line[]): string[] {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) gaps.push(lines[i - 1]!.y - lines[i]!.y);
  // The line spacing: the smallest gap that recurs (a paragraph of one line has no such gap).
  const sortedGaps = gaps.filter((g) => g > 0).map((g) => Math.round(g * 2) / 2).sort((a, b) => a - b);
  const usual = sortedGaps.find((g, i) => sortedGaps[i + 1] === g) ?? sortedGaps[0] ?? 0;
  const fullWidth = Math.max(0, ...lines.map((l) => l.end)) - Math.min(...lines.map((l) => l.x));
  const out: string[] = [];
  let current = '';
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    let fresh = previous === undefined || LIST_MARKER.test(line.text);
    if (previous && !fresh) {
      const gap = previous.y - line.y;
      const fonts = (l: Line) => new Set(l.items.map((it) => it.font));
      const sameFont = [...fonts(line)].some((f) => fonts(previous).has(f));
      const shortEnd = /[.:;!?\u201d"]$/.test(previous.text) && previous.end - Math.min(...lines.map((l) => l.x)) < fullWidth * 0.85;
      const afterHeading = MOTION_HEADING.test(previous.text) && previous.text.split(' ').length <= 10;
      fresh = gap < 0 || (usual > 0 && gap > usual * 1.3) || Math.abs(previous.size - line.size) > 0.5 || !sameFont || shortEnd || afterHeading;
    }
    if (fresh) {
      if (current) out.push(current);
      current = line.text;
    } else if (/\p{L}-$/u.test(current) && /^\p{Ll}/u.test(line.text)) {
      // a word hyphenated across the line end: joined again
      current = current.slice(0, -1) + line.text;
    } else current += ` ${line.text}`;
  });
  if (current) out.push(current);
  return out;
}

/** A marker and its text in one paragraph, spaced as a list item. */
function tidy(paragraph: string): string {
  return paragraph.replace(/\s+/g, ' ').trim();
}

/**
 * Put the pages' text together: headers, footers and page numbers dropped, columns read one
 * after the other, paragraphs and list items rebuilt, hyphenated words joined.
 */
export function layOutPages(pages: PdfPage[]): LaidOutText {
  const perPage = pages.map((p) => linesOf(p.items));
  const drop = marginLines(pages, perPage);
  let text = '';
  const pageStarts: number[] = [];
  pages.forEach((page, p) => {
    pageStarts.push(text.length);
    const kept = new Set(perPage[p]!.filter((l) => !drop.has(l)).flatMap((l) => l.items));
    const body = page.items.filter((i) => kept.has(i));
    for (const column of readingOrder(body)) {
      paragraphs(linesOf(column)).forEach((paragraph, i) => {
        const words = tidy(paragraph);
        // A sentence that runs on from the foot of the last column or page: one paragraph.
        if (i === 0 && /[\p{L},-]\n\n$/u.test(text) && /^\p{Ll}/u.test(words)) {
          text = text.slice(0, -2);
          text += /\p{L}-$/u.test(text) ? '' : ' ';
          if (text.endsWith('-')) text = text.slice(0, -1);
        }
        text += `${words}\n\n`;
      });
    }
  });
  return { text: text.replace(/\n+$/, '\n'), pageStarts };
}
