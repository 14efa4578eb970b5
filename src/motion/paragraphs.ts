import type { MotionText } from './parseMotion.js';

// NOTE: how amendments count a motion, the one place it is decided (README, "Amendments"):
// - the title is not a paragraph;
// - a paragraph is a block of text between blank lines, below the title;
// - a list (numbered or bulleted lines, blank lines between them or not) belongs to the
//   paragraph just above it that leads into it with a colon ("Conference resolves to:"), and its
//   items are that paragraph's points; a list with no such lead-in is a paragraph of its own;
// - a line that follows a point without a blank line continues that point.

/** Whether a stretch of text is as printed, or was put in or taken out by an amendment. */
export type Mark = 'same' | 'inserted' | 'deleted';

/** A run of text with one mark; `line` is the printed line (of the motion's text) it sits on. */
export interface Piece {
  text: string;
  mark: Mark;
  line: number;
}

/** The text of a title, a paragraph's lead or a point, kept as pieces so changes can be shown. */
export interface Segment {
  pieces: Piece[];
}

export type ListKind = 'decimal' | 'roman' | 'alpha' | 'bullet';

export interface ListStyle {
  kind: ListKind;
  upper: boolean;
  /** "(" in "(iii)", else "". */
  open: string;
  /** ")" or "." after the number; the bullet itself for a bulleted list. */
  close: string;
}

export interface Point {
  segment: Segment;
  mark: Mark;
  /** The marker as printed (shown on a deleted point). */
  printed: string;
}

export interface List {
  style: ListStyle;
  points: Point[];
  /** Blank lines between the points, and between the lead-in and the list. */
  spaced: boolean;
  gap: boolean;
}

export interface Paragraph {
  lead: Segment | null;
  list: List | null;
  mark: Mark;
}

/** A motion laid out for amending: its title and paragraphs, with what each amendment changed. */
export interface Layout {
  title: Segment | null;
  paragraphs: Paragraph[];
}

// "1.", "2)", "(3)", "a)", "(b)", "c.", "iv.", "(iv)", "-", "*", "\u2022", "\u2013", "\u2014".
const MARKER = /^(\()?(\d{1,2}|[ivxlc]{1,6}|[IVXLC]{1,6}|[a-zA-Z])([.)])\s+|^([-*\u2022\u2013\u2014])\s+/;

interface Marker {
  length: number;
  open: string;
  value: string;
  close: string;
}

function markerAt(line: string): Marker | undefined {
  const m = MARKER.exec(line);
  if (!m) return undefined;
  if (m[4]) return { length: m[0].length, open: '', value: '', close: m[4] };
  // "(3" needs its ")": "(3." is not a marker.
  if (m[1] && m[3] !== ')') return undefined;
  return { length: m[0].length, open: m[1] ?? '', value: m[2]!, close: m[3]! };
}

function styleOf(first: Marker, values: string[]): ListStyle {
  if (first.value === '') return { kind: 'bullet', upper: false, open: '', close: first.close };
  const upper = first.value !== first.value.toLowerCase();
  const base = { upper, open: first.open, close: first.close };
  if (/^\d+$/.test(first.value)) return { kind: 'decimal', ...base };
  // "i" starts a roman list; so does any list whose markers all read as roman numerals.
  const roman = /^i$/i.test(first.value) || (values.length > 1 && values.every((v) => /^[ivxlc]+$/i.test(v) && romanValue(v) !== undefined));
  if (roman) return { kind: 'roman', ...base };
  return { kind: 'alpha', ...base };
}

/** The marker of the `n`th point (from 1) of a list in this style. */
export function markerFor(style: ListStyle, n: number): string {
  if (style.kind === 'bullet') return style.close;
  let value = style.kind === 'decimal' ? String(n) : style.kind === 'roman' ? toRoman(n) : alphaLabel(n);
  if (style.upper) value = value.toUpperCase();
  return `${style.open}${value}${style.close}`;
}

/** How a delegate names the `n`th point of such a list: "point 3", "point iii", "point c", "bullet 2". */
export function pointName(style: ListStyle, n: number): string {
  if (style.kind === 'bullet') return `bullet ${n}`;
  if (style.kind === 'decimal') return `point ${n}`;
  return `point ${style.kind === 'roman' ? toRoman(n) : alphaLabel(n)}`;
}

export function toRoman(n: number): string {
  const table: Array<[number, string]> = [[100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, letters] of table) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

export function romanValue(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (!/^[ivxlc]+$/.test(lower)) return undefined;
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  let total = 0;
  for (let i = 0; i < lower.length; i++) {
    const v = values[lower[i]!]!;
    const next = values[lower[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 && toRoman(total) === lower ? total : undefined;
}

function alphaLabel(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return out;
}

/** A new segment of one mark. */
export function segmentOf(text: string, mark: Mark, line: number): Segment {
  return { pieces: text === '' ? [] : [{ text, mark, line }] };
}

/** The text of a segment as it now stands (what was taken out left out). */
export function currentText(segment: Segment): string {
  let out = '';
  for (const piece of segment.pieces) if (piece.mark !== 'deleted') out += piece.text;
  return out;
}

/** Lines of text, each a number and its text; blank lines keep their number. */
interface Line {
  number: number;
  text: string;
}

/** The printed line a motion's text starts on: lines are counted from the first line below the title, blank lines not counted. */
function numberLines(body: string): Line[] {
  let number = 0;
  return body.split('\n').map((text) => ({ number: text.trim() === '' ? number : ++number, text }));
}

/** Lines joined into one segment, one piece a line, single-spaced. */
function joinLines(lines: Array<{ number: number; text: string }>, mark: Mark = 'same'): Segment {
  const pieces: Piece[] = [];
  for (const line of lines) {
    const text = line.text.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    pieces.push({ text: pieces.length === 0 ? text : ` ${text}`, mark, line: line.number });
  }
  return { pieces };
}

/** The paragraphs of a text (below any title), counted as the NOTE at the top of this file says. */
export function layoutParagraphs(body: string, mark: Mark = 'same', firstLine = 0): Paragraph[] {
  const lines = numberLines(body.replace(/\r\n?/g, '\n'));
  for (const line of lines) line.number += firstLine;
  const paragraphs: Paragraph[] = [];
  // The lines of the paragraph being read: its lead, then its points.
  let lead: Line[] = [];
  let points: Array<{ marker: Marker; lines: Line[] }> = [];
  let blankBefore = false;
  let gap = false;
  let spaced = false;
  let inParagraph = false;
  const finish = () => {
    if (!inParagraph) return;
    const paragraph: Paragraph = { lead: lead.length > 0 ? joinLines(lead, mark) : null, list: null, mark };
    if (points.length > 0) {
      const style = styleOf(points[0]!.marker, points.map((p) => p.marker.value));
      paragraph.list = {
        style,
        spaced,
        gap,
        points: points.map((p) => ({ segment: joinLines(p.lines, mark), mark, printed: `${p.marker.open}${p.marker.value}${p.marker.close}` })),
      };
    }
    paragraphs.push(paragraph);
    lead = [];
    points = [];
    gap = false;
    spaced = false;
    inParagraph = false;
  };
  for (const line of lines) {
    if (line.text.trim() === '') {
      blankBefore = true;
      continue;
    }
    const marker = markerAt(line.text.trim());
    const afterBlank = blankBefore;
    blankBefore = false;
    if (marker) {
      const rest = { number: line.number, text: line.text.trim().slice(marker.length) };
      if (inParagraph && points.length > 0) {
        // The next point, whether or not a blank line came between.
        if (afterBlank) spaced = true;
        points.push({ marker, lines: [rest] });
        continue;
      }
      if (inParagraph && !afterBlank) {
        points.push({ marker, lines: [rest] });
        continue;
      }
      if (inParagraph && afterBlank && lead.length > 0 && /:\s*$/.test(lead[lead.length - 1]!.text)) {
        gap = true;
        points.push({ marker, lines: [rest] });
        continue;
      }
      finish();
      inParagraph = true;
      points.push({ marker, lines: [rest] });
      continue;
    }
    if (afterBlank) finish();
    if (!inParagraph) inParagraph = true;
    if (points.length > 0 && !afterBlank) points[points.length - 1]!.lines.push(line);
    else lead.push(line);
  }
  finish();
  return paragraphs;
}

/** A motion laid out for amending: the title apart, then its paragraphs and their points. */
export function layoutMotion(motion: MotionText): Layout {
  return { title: motion.title ? segmentOf(motion.title.trim(), 'same', 0) : null, paragraphs: layoutParagraphs(motion.body) };
}

export function livePoints(list: List | null): Point[] {
  return list ? list.points.filter((p) => p.mark !== 'deleted') : [];
}

export function liveParagraphs(layout: Layout): Paragraph[] {
  return layout.paragraphs.filter((p) => p.mark !== 'deleted');
}

/** The motion as it now stands, as plain text: title, blank line, paragraphs; each paragraph on one line, each point on its own. */
export function layoutText(layout: Layout): string {
  const blocks: string[] = [];
  const title = layout.title ? currentText(layout.title) : '';
  if (title) blocks.push(title);
  for (const paragraph of liveParagraphs(layout)) blocks.push(paragraphText(paragraph));
  return `${blocks.join('\n\n')}\n`;
}

/** A paragraph as it now stands: its lead, then its points renumbered. */
export function paragraphText(paragraph: Paragraph): string {
  const lines: string[] = [];
  const lead = paragraph.lead ? currentText(paragraph.lead) : '';
  if (lead) lines.push(lead);
  const points = livePoints(paragraph.list);
  if (paragraph.list && points.length > 0) {
    const list = paragraph.list;
    if (lead && list.gap) lines.push('');
    points.forEach((point, i) => {
      if (i > 0 && list.spaced) lines.push('');
      lines.push(`${markerFor(list.style, i + 1)} ${currentText(point.segment)}`);
    });
  }
  return lines.join('\n');
}

/** Text with every run of blank space one space: two texts that differ only in spacing compare equal. */
export function spacingAside(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
