import { findDemandSpans } from './findParts.js';
import type { Instruction, PointRef, Where } from './instruction.js';
import type { Amendment } from './parseAmendment.js';
import {
  currentText,
  layoutMotion,
  layoutParagraphs,
  liveParagraphs,
  livePoints,
  paragraphText,
  pointName,
  romanValue,
  segmentOf,
  type Layout,
  type List,
  type Paragraph,
  type Point,
  type Segment,
} from './paragraphs.js';
import type { MotionText } from './parseMotion.js';
import { plural } from '../util/plural.js';

/** Why an instruction cannot be applied, with the passage of the motion nearest to what it quotes. */
export class InstructionProblem extends Error {
  constructor(
    message: string,
    readonly closest?: { text: string; where: string },
  ) {
    super(message);
    this.name = 'InstructionProblem';
  }
}

/** Where an instruction took effect, and the paragraph it changed as it then stood. */
export interface Applied {
  /** "paragraph 3, point ii", "the title", "new paragraph 4". */
  where: string;
  /** The printed line it applied at, when it applied at quoted words. */
  line: number | null;
  /** The paragraph (or title) after the change; null when it was deleted. */
  result: string | null;
}

/** A place in the motion that quoted words are looked for in. */
interface Entry {
  segment: Segment;
  kind: 'title' | 'lead' | 'point';
  paragraph: Paragraph | null;
  /** Its number as the motion now stands (from 1); 0 for the title. */
  number: number;
  list?: List;
  point?: Point;
  pointNumber?: number;
}

function entryName(entry: Entry): string {
  if (entry.kind === 'title') return 'the title';
  if (entry.kind === 'point') return `paragraph ${entry.number}, ${pointName(entry.list!.style, entry.pointNumber!)}`;
  return `paragraph ${entry.number}`;
}

// ---- Matching quoted words: straight and curly quotes alike, spacing aside, whole words ----

const WORD_CHAR = /[\p{L}\p{N}]/u;

function normalised(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text[i]!;
    if (/\s/.test(c)) {
      if (out.endsWith(' ')) continue;
      c = ' ';
    } else if (c === '\u2018' || c === '\u2019' || c === '\u201b' || c === '`') c = "'";
    else if (c === '\u201c' || c === '\u201d' || c === '\u201e') c = '"';
    out += c;
    at.push(i);
  }
  at.push(text.length);
  return { text: out, at };
}

/** Every place the quoted words are in text, as whole words: [start, end) of the text. */
export function occurrencesOf(text: string, words: string): Array<[number, number]> {
  const needle = normalised(words.trim()).text;
  if (needle === '') return [];
  const hay = normalised(text);
  const found: Array<[number, number]> = [];
  for (let i = hay.text.indexOf(needle); i !== -1; i = hay.text.indexOf(needle, i + 1)) {
    const end = i + needle.length;
    if (WORD_CHAR.test(needle[0]!) && i > 0 && WORD_CHAR.test(hay.text[i - 1]!)) continue;
    if (WORD_CHAR.test(needle[needle.length - 1]!) && end < hay.text.length && WORD_CHAR.test(hay.text[end]!)) continue;
    found.push([hay.at[i]!, hay.at[end - 1]! + 1]);
  }
  return found;
}

/** The printed line at a place in a segment's current text. */
function lineAt(segment: Segment, offset: number): number {
  let cur = 0;
  let last = 0;
  for (const piece of segment.pieces) {
    if (piece.mark === 'deleted') continue;
    last = piece.line;
    if (offset < cur + piece.text.length) return piece.line;
    cur += piece.text.length;
  }
  return last;
}

// ---- Changing a segment, keeping what was there as deleted pieces ----

/** Split the pieces so that one starts at `offset` of the current text; returns its index (after deleted pieces there). */
function splitAt(segment: Segment, offset: number): number {
  let cur = 0;
  const pieces = segment.pieces;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece.mark === 'deleted') continue;
    if (offset === cur) return i;
    if (offset < cur + piece.text.length) {
      const cut = offset - cur;
      pieces.splice(i, 1, { ...piece, text: piece.text.slice(0, cut) }, { ...piece, text: piece.text.slice(cut) });
      return i + 1;
    }
    cur += piece.text.length;
  }
  return pieces.length;
}

function deleteRange(segment: Segment, start: number, end: number): void {
  if (end <= start) return;
  splitAt(segment, end);
  splitAt(segment, start);
  let cur = 0;
  const kept = [];
  for (const piece of segment.pieces) {
    if (piece.mark === 'deleted') {
      kept.push(piece);
      continue;
    }
    const inside = cur >= start && cur + piece.text.length <= end;
    cur += piece.text.length;
    if (!inside) kept.push(piece);
    else if (piece.mark === 'same') kept.push({ ...piece, mark: 'deleted' as const });
  }
  segment.pieces = kept;
}

/** Delete words, with one of the spaces around them, so that the words either side stay one space apart. */
function deleteWords(segment: Segment, start: number, end: number): number {
  const text = currentText(segment);
  if (start > 0 && text[start - 1] === ' ' && (end === text.length || text[end] === ' ' || /[,.;:!?)]/.test(text[end]!))) start--;
  else if (text[end] === ' ' && (start === 0 || text[start - 1] === ' ' || text[start - 1] === '(')) end++;
  deleteRange(segment, start, end);
  return start;
}

/** Insert words at a place, with a space either side where words would otherwise run together. */
function insertWords(segment: Segment, at: number, words: string, line: number): void {
  const text = currentText(segment);
  let add = words.replace(/\s+/g, ' ').trim();
  if (add === '') return;
  const left = text[at - 1];
  const right = text[at];
  if (left !== undefined && left !== ' ' && left !== '(' && !/^[,.;:!?)]/.test(add)) add = ` ${add}`;
  if (right !== undefined && right !== ' ' && !/^[,.;:!?)]/.test(right) && !add.endsWith('(')) add = `${add} `;
  const i = splitAt(segment, at);
  segment.pieces.splice(i, 0, { text: add, mark: 'inserted', line });
}

function deleteSegment(segment: Segment | null): void {
  if (segment) deleteRange(segment, 0, currentText(segment).length);
}

function deletePointIn(list: List, point: Point): void {
  if (point.mark === 'inserted') list.points.splice(list.points.indexOf(point), 1);
  else {
    deleteSegment(point.segment);
    point.mark = 'deleted';
  }
}

function deleteParagraphIn(layout: Layout, paragraph: Paragraph): void {
  if (paragraph.mark === 'inserted') {
    layout.paragraphs.splice(layout.paragraphs.indexOf(paragraph), 1);
    return;
  }
  deleteSegment(paragraph.lead);
  if (paragraph.list) for (const point of [...paragraph.list.points]) if (point.mark !== 'deleted') deletePointIn(paragraph.list, point);
  paragraph.mark = 'deleted';
}

/** Points left with no words, and paragraphs left with nothing, are gone (and the rest renumbered). */
function tidy(layout: Layout): void {
  for (const paragraph of [...layout.paragraphs]) {
    if (paragraph.mark === 'deleted') continue;
    const list = paragraph.list;
    if (list) for (const point of [...list.points]) if (point.mark !== 'deleted' && currentText(point.segment).trim() === '') deletePointIn(list, point);
    const lead = paragraph.lead ? currentText(paragraph.lead).trim() : '';
    if (lead === '' && livePoints(list).length === 0) deleteParagraphIn(layout, paragraph);
  }
}

// ---- Finding what an instruction names ----

function paragraphNumbered(layout: Layout, n: number, insertion = false): Paragraph | undefined {
  const live = liveParagraphs(layout);
  const most = insertion ? live.length + 1 : live.length;
  if (!Number.isInteger(n) || n < 1 || n > most) {
    const has = `the motion has ${plural(live.length, 'paragraph')} as it stands${insertion ? `, so a new one can be paragraph 1 to ${most}` : ''}`;
    throw new InstructionProblem(`there is no paragraph ${n}: ${has} (the title is not counted)`);
  }
  return live[n - 1];
}

function listFor(layout: Layout, where: Where): { list: List; paragraph: Paragraph; number: number } {
  if (where.paragraph !== undefined) {
    const paragraph = paragraphNumbered(layout, where.paragraph)!;
    if (!paragraph.list || livePoints(paragraph.list).length === 0) throw new InstructionProblem(`paragraph ${where.paragraph} has no numbered points or bullets`);
    return { list: paragraph.list, paragraph, number: where.paragraph };
  }
  const withLists = liveParagraphs(layout)
    .map((paragraph, i) => ({ paragraph, number: i + 1, list: paragraph.list! }))
    .filter((p) => p.list && livePoints(p.list).length > 0);
  if (withLists.length === 0) throw new InstructionProblem('the motion has no numbered points or bullets');
  if (withLists.length > 1) {
    throw new InstructionProblem(`paragraphs ${withLists.map((p) => p.number).join(' and ')} each have points, and nothing says which: say "In paragraph ${withLists[0]!.number}, ..."`);
  }
  return withLists[0]!;
}

/**
 * The number (from 1) a point's label stands for in this list: "iii" is 3, "c" is 3, "2" is 2.
 * A lettered list reads letters. In any other list, one letter that is also a Roman numeral
 * ("c", "v", "x") is read the way that names a point the list has (`most` of them), the numeral
 * first: "point c" of three is the third, "point v" of six the fifth, "point i" the first.
 */
function pointNumber(list: List, ref: PointRef, most: number): number {
  if (/^\d+$/.test(ref.label)) return Number(ref.label);
  const letter = ref.label.length === 1 ? ref.label.charCodeAt(0) - 96 : undefined;
  if (list.style.kind === 'alpha' && letter !== undefined) return letter;
  const roman = romanValue(ref.label);
  return [roman, letter].find((n) => n !== undefined && n <= most) ?? roman ?? letter ?? NaN;
}

function pointOf(layout: Layout, where: Where, ref: PointRef, insertion = false): { list: List; paragraph: Paragraph; number: number; index: number; point: Point | undefined } {
  const found = listFor(layout, where);
  const live = livePoints(found.list);
  const most = insertion ? live.length + 1 : live.length;
  const index = pointNumber(found.list, ref, most);
  if (!(index >= 1 && index <= most)) {
    throw new InstructionProblem(`there is no ${ref.kind} ${ref.label} in paragraph ${found.number}: it has ${plural(live.length, 'point')} as it stands`);
  }
  return { ...found, index, point: live[index - 1] };
}

/** Every place an instruction may look for its quoted words, in the order of the motion. */
function entries(layout: Layout, where: Where): Entry[] {
  if (where.title) {
    if (!layout.title || currentText(layout.title) === '') throw new InstructionProblem('the motion has no title');
    return [{ segment: layout.title, kind: 'title', paragraph: null, number: 0 }];
  }
  if (where.point) {
    const { list, paragraph, number, index, point } = pointOf(layout, where, where.point);
    return [{ segment: point!.segment, kind: 'point', paragraph, number, list, point, pointNumber: index }];
  }
  const out: Entry[] = [];
  liveParagraphs(layout).forEach((paragraph, i) => {
    if (where.paragraph !== undefined && where.paragraph !== i + 1) return;
    if (paragraph.lead) out.push({ segment: paragraph.lead, kind: 'lead', paragraph, number: i + 1 });
    if (paragraph.list) {
      livePoints(paragraph.list).forEach((point, k) =>
        out.push({ segment: point.segment, kind: 'point', paragraph, number: i + 1, list: paragraph.list!, point, pointNumber: k + 1 }),
      );
    }
  });
  if (where.paragraph !== undefined) paragraphNumbered(layout, where.paragraph);
  return out;
}

interface Found {
  entry: Entry;
  start: number;
  end: number;
  line: number;
}

function scopeName(where: Where): string {
  if (where.title) return 'the title';
  if (where.point) return `${where.paragraph !== undefined ? `paragraph ${where.paragraph}, ` : ''}${where.point.kind} ${where.point.label}`;
  if (where.paragraph !== undefined) return `paragraph ${where.paragraph}`;
  return 'the motion';
}

/** The one place the quoted words are; line numbers choose between equal matches, and nothing else does. */
function findOne(layout: Layout, where: Where, words: string, printed: Layout, scope = entries(layout, where)): Found {
  const all: Found[] = [];
  for (const entry of scope) {
    for (const [start, end] of occurrencesOf(currentText(entry.segment), words)) all.push({ entry, start, end, line: lineAt(entry.segment, start) });
  }
  if (all.length === 1) return all[0]!;
  if (all.length === 0) {
    const closest = closestPassage(scope, words);
    const elsewhere = where.title ? [] : entries(layout, {}).filter((e) => occurrencesOf(currentText(e.segment), words).length > 0);
    const wasPrinted = !where.title && entries(printed, {}).some((e) => occurrencesOf(currentText(e.segment), words).length > 0);
    const why =
      elsewhere.length > 0
        ? `; they are in ${elsewhere.map(entryName).join(' and ')}`
        : wasPrinted
          ? ' as it stands: they are in the motion as printed, so an earlier instruction changed them'
          : '';
    throw new InstructionProblem(`the words "${words}" are not in ${scopeName(where)}${why}`, closest);
  }
  if (where.lines) {
    const [first, last] = where.lines;
    const onLines = all.filter((f) => f.line >= first && f.line <= last);
    if (onLines.length === 1) return onLines[0]!;
    if (onLines.length === 0) {
      const distance = (f: Found) => Math.min(Math.abs(f.line - first), Math.abs(f.line - last));
      const nearest = Math.min(...all.map(distance));
      const atNearest = all.filter((f) => distance(f) === nearest);
      if (atNearest.length === 1) return atNearest[0]!;
    }
  }
  const places = all.map((f) => `${entryName(f.entry)}, line ${f.line}`).join('; ');
  throw new InstructionProblem(
    `the words "${words}" occur ${all.length} times in ${scopeName(where)} (${places}), and nothing says which: give the paragraph or the line, or quote more words`,
  );
}

/** The passage of the motion most like the quoted words: the same number of words, most of them in common. */
function closestPassage(scope: Entry[], words: string): { text: string; where: string } | undefined {
  const wanted = (words.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.replace(/\u2019/g, "'"));
  if (wanted.length === 0) return undefined;
  let best: { score: number; text: string; where: string } | undefined;
  for (const entry of scope) {
    const text = currentText(entry.segment);
    const tokens = [...text.matchAll(/[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu)].map((m) => ({ word: m[0].toLowerCase().replace(/\u2019/g, "'"), start: m.index, end: m.index + m[0].length }));
    // The same number of words first: on a tie, the passage as long as the quotation wins.
    for (const size of [wanted.length, wanted.length - 1, wanted.length + 1]) {
      if (size < 1) continue;
      for (let i = 0; i + size <= tokens.length; i++) {
        const window = tokens.slice(i, i + size);
        const pool = [...wanted];
        let common = 0;
        for (const t of window) {
          const k = pool.indexOf(t.word);
          if (k !== -1) {
            pool.splice(k, 1);
            common++;
          }
        }
        const score = common / Math.max(size, wanted.length);
        if (common > 0 && (!best || score > best.score)) best = { score, text: text.slice(window[0]!.start, window[window.length - 1]!.end), where: `${entryName(entry)}, line ${lineAt(entry.segment, window[0]!.start)}` };
      }
    }
  }
  return best && best.score >= 0.34 ? { text: best.text, where: best.where } : undefined;
}

// ---- Applying ----

function newParagraphs(text: string, line: number): Paragraph[] {
  const paragraphs = layoutParagraphs(text, 'inserted');
  for (const paragraph of paragraphs) {
    for (const piece of paragraph.lead?.pieces ?? []) piece.line = line;
    for (const point of paragraph.list?.points ?? []) for (const piece of point.segment.pieces) piece.line = line;
  }
  return paragraphs;
}

const LEADING_MARKER = /^\s*(?:\(?(?:\d{1,2}|[ivxlc]{1,6}|[a-z])[.)]|[-*\u2022\u2013\u2014])\s+/i;

function newPoints(text: string, line: number): Point[] {
  return text
    .split(/\n/)
    .map((l) => l.replace(LEADING_MARKER, '').trim())
    .filter((l) => l !== '')
    .map((l) => ({ segment: segmentOf(l, 'inserted', line), mark: 'inserted' as const, printed: '' }));
}

function firstLine(paragraph: Paragraph | undefined): number {
  const piece = paragraph?.lead?.pieces[0] ?? paragraph?.list?.points[0]?.segment.pieces[0];
  return piece?.line ?? 0;
}

function lastLine(segment: Segment): number {
  return segment.pieces[segment.pieces.length - 1]?.line ?? 0;
}

/** Put new paragraphs so that the first becomes paragraph n as the motion now stands. */
function insertParagraphs(layout: Layout, n: number, text: string): Paragraph[] {
  const live = liveParagraphs(layout);
  const before = live[n - 1];
  const line = before ? firstLine(before) : firstLine(live[live.length - 1]);
  const added = newParagraphs(text, line);
  if (added.length === 0) throw new InstructionProblem('the new paragraph has no words in it');
  const at = before ? layout.paragraphs.indexOf(before) : layout.paragraphs.length;
  layout.paragraphs.splice(at, 0, ...added);
  return added;
}

function insertPoints(list: List, n: number, text: string, line: number): void {
  const live = livePoints(list);
  const before = live[n - 1];
  const added = newPoints(text, line);
  if (added.length === 0) throw new InstructionProblem('the new point has no words in it');
  list.points.splice(before ? list.points.indexOf(before) : list.points.length, 0, ...added);
}

/** Whether added words carry on the text before them ("and to ...", ", and ...") rather than start a new point. */
function carriesOn(text: string): boolean {
  return /^[\p{Ll},;:.)\u2013-]/u.test(text.trim());
}

/**
 * Where words added at the end of a text go: at its very end, or before its closing full stop
 * or semicolon when they carry on its last sentence ("Add at end: 'and in the NHS'").
 */
export function endFor(text: string, added: string): number {
  const end = text.trimEnd().length;
  return carriesOn(added) && /[.;]$/.test(text.trimEnd()) && !/^[.;]/.test(added.trim()) ? end - 1 : end;
}

function append(segment: Segment, text: string): void {
  insertWords(segment, endFor(currentText(segment), text), text, lastLine(segment));
}

/** Add words at the end of a paragraph: to its text, or (when it ends in a list) as a new point, or to its last point when they carry on from it. */
function addToParagraph(paragraph: Paragraph, text: string): void {
  const points = livePoints(paragraph.list);
  if (paragraph.list && points.length > 0) {
    const last = points[points.length - 1]!;
    if (carriesOn(text)) append(last.segment, text);
    else insertPoints(paragraph.list, points.length + 1, text, lastLine(last.segment));
    return;
  }
  paragraph.lead ??= { pieces: [] };
  append(paragraph.lead, text);
}

function describe(layout: Layout, paragraph: Paragraph | null, extra = ''): Pick<Applied, 'where' | 'result'> {
  if (!paragraph) return { where: 'the title', result: layout.title ? currentText(layout.title) : null };
  const n = liveParagraphs(layout).indexOf(paragraph) + 1;
  if (n === 0) return { where: `paragraph${extra}`, result: null };
  return { where: `paragraph ${n}${extra}`, result: paragraphText(paragraph) };
}

function pointWhere(list: List, n: number): string {
  return `, ${pointName(list.style, n)}`;
}

/** Apply one instruction to the motion as it now stands. */
export function applyInstruction(layout: Layout, instruction: Instruction, printed: Layout): Applied {
  switch (instruction.op) {
    case 'replaceTitle': {
      if (layout.title) deleteSegment(layout.title);
      else layout.title = { pieces: [] };
      if (instruction.text !== null) insertWords(layout.title, currentText(layout.title).length, instruction.text, 0);
      return { ...describe(layout, null), line: null };
    }
    case 'insertParagraph': {
      const n = instruction.at === 'end' ? liveParagraphs(layout).length + 1 : instruction.at;
      paragraphNumbered(layout, n, true);
      const added = insertParagraphs(layout, n, instruction.text);
      return { ...describe(layout, added[0]!), line: null };
    }
    case 'deleteParagraph': {
      const paragraph = paragraphNumbered(layout, instruction.paragraph)!;
      const next = liveParagraphs(layout)[instruction.paragraph];
      deleteParagraphIn(layout, paragraph);
      if (instruction.text === undefined) return { where: `paragraph ${instruction.paragraph}`, line: firstLine(paragraph), result: null };
      // In its place: after the deleted one, before the next.
      const added = newParagraphs(instruction.text, firstLine(paragraph));
      if (added.length === 0) throw new InstructionProblem('the new paragraph has no words in it');
      layout.paragraphs.splice(next ? layout.paragraphs.indexOf(next) : layout.paragraphs.length, 0, ...added);
      return { ...describe(layout, added[0]!), line: firstLine(paragraph) };
    }
    case 'insertPoint': {
      const found = instruction.at === 'end' ? { ...listFor(layout, instruction.where), index: livePoints(listFor(layout, instruction.where).list).length + 1 } : pointOf(layout, instruction.where, instruction.at, true);
      const live = livePoints(found.list);
      const near = live[found.index - 1] ?? live[live.length - 1];
      insertPoints(found.list, found.index, instruction.text, near ? lastLine(near.segment) : 0);
      return { ...describe(layout, found.paragraph, pointWhere(found.list, found.index)), line: null };
    }
    case 'deletePoint': {
      const found = pointOf(layout, instruction.where, instruction.point);
      const point = found.point!;
      const live = livePoints(found.list);
      const next = live[found.index];
      const line = point.segment.pieces[0]?.line ?? null;
      deletePointIn(found.list, point);
      if (instruction.text !== undefined) {
        const added = newPoints(instruction.text, line ?? 0);
        if (added.length === 0) throw new InstructionProblem('the new point has no words in it');
        found.list.points.splice(next ? found.list.points.indexOf(next) : found.list.points.length, 0, ...added);
      }
      tidy(layout);
      return { ...describe(layout, found.paragraph, pointWhere(found.list, found.index)), line };
    }
    case 'insertAt': {
      const found = findOne(layout, instruction.where, instruction.anchor, printed);
      const at = instruction.side === 'after' ? found.end : found.start;
      insertWords(found.entry.segment, at, instruction.text, found.line);
      return { ...describeEntry(layout, found.entry), line: found.line };
    }
    case 'delete': {
      const found = findOne(layout, instruction.where, instruction.words, printed);
      const at = deleteWords(found.entry.segment, found.start, found.end);
      if (instruction.text !== undefined) insertWords(found.entry.segment, at, instruction.text, found.line);
      tidy(layout);
      return { ...describeEntry(layout, found.entry), line: found.line };
    }
    case 'deleteRange':
      return deleteFromTo(layout, instruction, printed);
    case 'addAtEnd':
      return addAtEnd(layout, instruction);
  }
}

function describeEntry(layout: Layout, entry: Entry): Pick<Applied, 'where' | 'result'> {
  if (entry.kind === 'title') return describe(layout, null);
  return describe(layout, entry.paragraph, entry.kind === 'point' ? pointWhere(entry.list!, entry.pointNumber!) : '');
}

function deleteFromTo(layout: Layout, instruction: Extract<Instruction, { op: 'deleteRange' }>, printed: Layout): Applied {
  const scope = entries(layout, instruction.where);
  const from = findOne(layout, instruction.where, instruction.from, printed, scope);
  const first = scope.indexOf(from.entry);
  const start = instruction.fromIncluded ? from.start : from.end;
  let last = scope.length - 1;
  let end = currentText(scope[last]!.segment).length;
  if (instruction.to !== 'end') {
    let found: { k: number; end: number } | undefined;
    for (let k = first; k < scope.length && !found; k++) {
      const hit = occurrencesOf(currentText(scope[k]!.segment), instruction.to).find(([s]) => k > first || s >= start);
      if (hit) found = { k, end: hit[1] };
    }
    if (!found) {
      throw new InstructionProblem(`the words "${instruction.to}" do not come after "${instruction.from}" in ${scopeName(instruction.where)}`, closestPassage(scope.slice(first), instruction.to));
    }
    last = found.k;
    end = found.end;
  }
  let at = start;
  if (first === last) at = instruction.fromIncluded ? deleteWords(from.entry.segment, start, end) : (deleteRange(from.entry.segment, start, end), start);
  else {
    deleteRange(from.entry.segment, start, currentText(from.entry.segment).length);
    for (let k = first + 1; k < last; k++) deleteSegment(scope[k]!.segment);
    deleteWords(scope[last]!.segment, 0, end);
  }
  if (instruction.text !== undefined) insertWords(from.entry.segment, at, instruction.text, from.line);
  tidy(layout);
  return { ...describeEntry(layout, from.entry), line: from.line };
}

function addAtEnd(layout: Layout, instruction: Extract<Instruction, { op: 'addAtEnd' }>): Applied {
  const { where, text } = instruction;
  if (instruction.target === 'point' && where.point) {
    const found = pointOf(layout, where, where.point);
    const segment = found.point!.segment;
    append(segment, text);
    return { ...describe(layout, found.paragraph, pointWhere(found.list, found.index)), line: lastLine(segment) };
  }
  if (instruction.target === 'paragraph' && where.paragraph !== undefined) {
    const paragraph = paragraphNumbered(layout, where.paragraph)!;
    addToParagraph(paragraph, text);
    return { ...describe(layout, paragraph), line: null };
  }
  if (instruction.target === 'resolves') {
    // The resolves end where their last demand does: found in the motion as it now stands.
    const live = liveParagraphs(layout);
    let body = '';
    const places: Array<{ from: number; to: number; paragraph: Paragraph; point?: Point; list?: List }> = [];
    for (const paragraph of live) {
      if (body) body += '\n\n';
      if (paragraph.lead) {
        const from = body.length;
        body += currentText(paragraph.lead);
        places.push({ from, to: body.length, paragraph });
      }
      livePoints(paragraph.list).forEach((point, i) => {
        body += `${body && !body.endsWith('\n\n') ? '\n' : ''}${i + 1}. `;
        const from = body.length;
        body += currentText(point.segment);
        places.push({ from, to: body.length, paragraph, point, list: paragraph.list! });
      });
    }
    const demands = findDemandSpans(body).spans;
    const lastDemand = demands[demands.length - 1];
    if (!lastDemand) throw new InstructionProblem('the motion has no resolves ("Conference resolves", "calls on") to add to');
    const place = places.find((p) => lastDemand.end > p.from && lastDemand.end <= p.to) ?? places[places.length - 1]!;
    if (place.point && place.list) {
      const points = livePoints(place.list);
      const n = points.indexOf(place.point) + 1;
      if (carriesOn(text)) append(place.point.segment, text);
      else insertPoints(place.list, n + 1, text, lastLine(place.point.segment));
      return { ...describe(layout, place.paragraph), line: null };
    }
    addToParagraph(place.paragraph, text);
    return { ...describe(layout, place.paragraph), line: null };
  }
  const live = liveParagraphs(layout);
  const last = live[live.length - 1];
  if (!last) return applyInstruction(layout, { op: 'insertParagraph', at: 1, text }, layout);
  addToParagraph(last, text);
  return { ...describe(layout, last), line: null };
}

/** One instruction as applied, for --json. */
export interface AppliedInstruction extends Applied {
  amendment: string;
  instruction: string;
}

/** An instruction that cannot be applied: which one, where it is written, and why. */
export class AmendmentNotApplied extends Error {
  constructor(
    readonly amendment: Amendment,
    readonly instruction: { source: string; line: number },
    readonly problem: InstructionProblem,
  ) {
    super(`${amendment.name}: "${instruction.source}" cannot be applied: ${problem.message}`);
    this.name = 'AmendmentNotApplied';
  }
}

/**
 * Apply amendments in order, each instruction to the motion as it stands after the ones
 * before it (as a carried amendment makes the substantive motion). Throws AmendmentNotApplied
 * at the first instruction that cannot be applied.
 */
export function applyAmendments(motion: MotionText, amendments: readonly Amendment[]): { layout: Layout; applied: AppliedInstruction[] } {
  const layout = layoutMotion(motion);
  const printed = layoutMotion(motion);
  const applied: AppliedInstruction[] = [];
  for (const amendment of amendments) {
    for (const written of amendment.instructions) {
      try {
        applied.push({ amendment: amendment.name, instruction: written.source, ...applyInstruction(layout, written.instruction, printed) });
      } catch (error) {
        if (error instanceof InstructionProblem) throw new AmendmentNotApplied(amendment, written, error);
        throw error;
      }
    }
  }
  return { layout, applied };
}
