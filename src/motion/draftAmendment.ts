import { applyInstruction, endFor, occurrencesOf } from './applyAmendment.js';
import { sentenceSpans } from './findParts.js';
import { formatInstruction, quote, type Instruction, type PointRef, type Where } from './instruction.js';
import {
  currentText,
  layoutMotion,
  layoutText,
  liveParagraphs,
  livePoints,
  paragraphText,
  pointName,
  spacingAside,
  type Layout,
  type List,
  type Paragraph,
} from './paragraphs.js';
import type { MotionText } from './parseMotion.js';
import { itemChanges, wordChanges } from './wordDiff.js';

/** The drafter could not find instructions that give the edited text back exactly. */
export class AmendmentNotDrafted extends Error {
  constructor() {
    super('the instructions drafted do not give back the edited text');
    this.name = 'AmendmentNotDrafted';
  }
}

/** An amendment drafted from an edited copy: its instructions, and the text to submit. */
export interface DraftedAmendment {
  instructions: Instruction[];
  /** One instruction a line, under a heading naming the motion. */
  text: string;
}

// Changes with at most this many unchanged words between them are one change: "delete 'a b c'
// and insert 'x b y'" reads better than two instructions a word apart.
const MERGE_GAP_WORDS = 2;
// A sentence that loses more than this share of its words is rewritten: deleted and inserted whole.
const REWRITTEN_SENTENCE = 0.5;
// A deletion of this many words or more is quoted by its first and last words ("delete from ... to ...").
const LONG_DELETION_WORDS = 12;
// Paragraphs (or points) with less than this share of words in common are different paragraphs.
const SAME_PARAGRAPH = 0.4;

const WORDS = /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu;

function wordCount(text: string): number {
  return text.match(WORDS)?.length ?? 0;
}

function similarity(a: string, b: string): number {
  const wa = new Set((a.toLowerCase().match(WORDS) ?? []) as string[]);
  const wb = new Set((b.toLowerCase().match(WORDS) ?? []) as string[]);
  if (wa.size === 0 && wb.size === 0) return 1;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / Math.max(wa.size, wb.size);
}

/** The words and punctuation marks of a text, each with where it is. */
function tokens(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** What to do at each step of turning one list of items (paragraphs, points) into another. */
interface ItemSteps {
  /** Item `at` (from 1, in the text as it stands by then) is a[x], to be made b[y]. */
  change(at: number, x: number, y: number): void;
  /** Item `at` is deleted; with `text`, that text is put in its place. */
  remove(at: number, text?: string): void;
  /** `text` is put in as a new item `at`. */
  insert(at: number, text: string): void;
}

/**
 * Walk the changes from items `a` to items `b` in order, pairing a removed item with an added one
 * where they are alike (then it is changed word by word), and counting places in the text as
 * each earlier step leaves it.
 */
function walkItems(a: string[], b: string[], steps: ItemSteps): void {
  let at = 0;
  let i = 0;
  let j = 0;
  for (const run of runs(itemChanges(a, b))) {
    if (run.same) {
      at += run.same;
      i += run.same;
      j += run.same;
      continue;
    }
    const pairs = pair(a.slice(i, i + run.removed), b.slice(j, j + run.added));
    let r = 0;
    let d = 0;
    while (r < run.removed || d < run.added) {
      const paired = pairs.get(r);
      if (r < run.removed && paired === d) {
        steps.change(at + 1, i + r, j + d);
        at++;
        r++;
        d++;
      } else if (r < run.removed && paired === undefined) {
        if (d < run.added && ![...pairs.values()].includes(d)) {
          steps.remove(at + 1, b[j + d]!);
          at++;
          d++;
        } else steps.remove(at + 1);
        r++;
      } else {
        steps.insert(at + 1, b[j + d]!);
        at++;
        d++;
      }
    }
    i += run.removed;
    j += run.added;
  }
}

class Drafter {
  readonly instructions: Instruction[] = [];
  constructor(
    readonly work: Layout,
    readonly printed: Layout,
  ) {}

  emit(instruction: Instruction): void {
    applyInstruction(this.work, instruction, this.printed);
    this.instructions.push(instruction);
  }

  paragraphs(from: Paragraph[], to: Paragraph[]): void {
    const a = from.map(paragraphText);
    const b = to.map(paragraphText);
    walkItems(a, b, {
      change: (at, x, y) => this.paragraph(at, from[x]!, to[y]!),
      remove: (at, text) => this.emit({ op: 'deleteParagraph', paragraph: at, ...(text === undefined ? {} : { text }) }),
      insert: (at, text) => this.emit({ op: 'insertParagraph', at: at > liveParagraphs(this.work).length ? 'end' : at, text }),
    });
  }

  /** Paragraph n of the motion as it now stands becomes `to`: word by word, or replaced whole when its shape changed. */
  paragraph(n: number, from: Paragraph, to: Paragraph): void {
    const target = paragraphText(to);
    const listA = livePoints(from.list);
    const listB = livePoints(to.list);
    const sameShape =
      !!from.lead === !!to.lead &&
      listA.length > 0 === listB.length > 0 &&
      (!from.list || !to.list || (from.list.style.kind === to.list.style.kind && from.list.style.close === to.list.style.close && from.list.style.open === to.list.style.open && from.list.style.upper === to.list.style.upper));
    const saved = JSON.stringify(this.work);
    const count = this.instructions.length;
    if (sameShape) {
      try {
        if (from.lead && to.lead) this.segment({ paragraph: n }, currentText(from.lead), currentText(to.lead), 'lead');
        if (from.list && to.list) this.points(n, from.list, to.list);
      } catch {
        // An edit this drafter cannot put into words: the paragraph is replaced whole below.
      }
      if (spacingAside(paragraphText(liveParagraphs(this.work)[n - 1]!)) === spacingAside(target)) return;
    }
    Object.assign(this.work, JSON.parse(saved) as Layout);
    this.instructions.length = count;
    this.emit({ op: 'deleteParagraph', paragraph: n, text: target });
  }

  points(n: number, from: List, to: List): void {
    const a = livePoints(from).map((p) => currentText(p.segment));
    const b = livePoints(to).map((p) => currentText(p.segment));
    const list = () => liveParagraphs(this.work)[n - 1]!.list!;
    const ref = (k: number): PointRef => {
      const name = pointName(list().style, k);
      return { kind: name.startsWith('bullet') ? 'bullet' : 'point', label: name.replace(/^\S+ /, '') };
    };
    walkItems(a, b, {
      change: (at, x, y) => this.segment({ paragraph: n, point: ref(at) }, a[x]!, b[y]!, 'point'),
      remove: (at, text) => this.emit({ op: 'deletePoint', where: { paragraph: n }, point: ref(at), ...(text === undefined ? {} : { text }) }),
      insert: (at, text) => this.emit({ op: 'insertPoint', where: { paragraph: n }, at: ref(at), text }),
    });
  }

  /** The words of one segment (a paragraph's text, or a point) change from `o` to `e`. */
  segment(where: Where, o: string, e: string, kind: 'lead' | 'point'): void {
    if (o === e) return;
    for (const hunk of hunks(o, e)) {
      // The segment as it will stand when this change comes: changed up to here, as printed after.
      const cur = e.slice(0, hunk.eStart) + o.slice(hunk.oStart);
      const a = hunk.eStart;
      const b = hunk.eStart + (hunk.oEnd - hunk.oStart);
      const text = e.slice(hunk.eStart, hunk.eEnd);
      const nextGap = hunk.nextOStart - hunk.oEnd;
      this.change(where, kind, cur, a, b, text, nextGap);
    }
  }

  /** How many times quoted words occur where the instruction looks, with `cur` for the segment being changed. */
  // Counted with case aside: apply matches case as written, but a quotation a reader could
  // take for another place ("conference" beside "Conference") is made longer all the same.
  private count(where: Where, kind: 'lead' | 'point', cur: string, words: string): number {
    const lower = words.toLowerCase();
    let n = occurrencesOf(cur.toLowerCase(), lower).length;
    if (kind === 'lead') {
      const paragraph = liveParagraphs(this.work)[where.paragraph! - 1]!;
      for (const point of livePoints(paragraph.list)) n += occurrencesOf(currentText(point.segment).toLowerCase(), lower).length;
    }
    return n;
  }

  private change(where: Where, kind: 'lead' | 'point', cur: string, a: number, b: number, text: string, rightRoom: number): void {
    const unique = (q: string) => this.count(where, kind, cur, q) === 1;
    const toks = tokens(cur);
    const paragraph = liveParagraphs(this.work)[where.paragraph! - 1]!;
    const hasPoints = livePoints(paragraph.list).length > 0;
    if (a === b) {
      // Words put in.
      if (a >= cur.trimEnd().length && endFor(cur, text) === cur.trimEnd().length && (kind === 'point' || !hasPoints)) {
        if (kind === 'point') this.emit({ op: 'addAtEnd', where, target: 'point', text });
        else if (where.paragraph === liveParagraphs(this.work).length) this.emit({ op: 'addAtEnd', where: {}, target: 'motion', text });
        else this.emit({ op: 'addAtEnd', where: { paragraph: where.paragraph! }, target: 'paragraph', text });
        return;
      }
      const before = toks.filter((t) => t.end <= a);
      for (let k = before.length - 1; k >= 0; k--) {
        const anchor = cur.slice(before[k]!.start, before[before.length - 1]!.end);
        if (unique(anchor)) return this.emit({ op: 'insertAt', where, side: 'after', anchor, text });
      }
      const after = toks.filter((t) => t.start >= a && t.start < a + rightRoom + 1);
      for (let k = 0; k < after.length; k++) {
        const anchor = cur.slice(after[0]!.start, after[k]!.end);
        if (unique(anchor)) return this.emit({ op: 'insertAt', where, side: 'before', anchor, text });
      }
      throw new Error('no unique place to insert');
    }
    const words = cur.slice(a, b);
    if (unique(words)) {
      if (text === '' && wordCount(words) >= LONG_DELETION_WORDS) {
        const range = this.range(cur, a, b, unique);
        if (range) return this.emit({ op: 'deleteRange', where, from: range.from, to: range.to, fromIncluded: true });
      }
      return this.emit(text === '' ? { op: 'delete', where, words } : { op: 'delete', where, words, text });
    }
    // Not unique: take in the words either side until the quotation is.
    const left = toks.filter((t) => t.end <= a);
    const right = toks.filter((t) => t.start >= b && t.end <= b + rightRoom);
    for (let grow = 1; grow <= left.length + right.length; grow++) {
      for (let l = Math.min(grow, left.length); l >= 0; l--) {
        const r = grow - l;
        if (r > right.length) continue;
        const start = l === 0 ? a : left[left.length - l]!.start;
        const end = r === 0 ? b : right[r - 1]!.end;
        const quoted = cur.slice(start, end);
        if (!unique(quoted)) continue;
        const replacement = joinWords(cur.slice(start, a), text, cur.slice(b, end));
        return this.emit(replacement === '' ? { op: 'delete', where, words: quoted } : { op: 'delete', where, words: quoted, text: replacement });
      }
    }
    throw new Error('no unique words to quote');
  }

  /** A long deletion quoted by its first and last words, each as few as make it clear. */
  private range(cur: string, a: number, b: number, unique: (q: string) => boolean): { from: string; to: string } | undefined {
    const toks = tokens(cur).filter((t) => t.start >= a && t.end <= b);
    for (let k = 3; k < toks.length / 2; k++) {
      const from = cur.slice(toks[0]!.start, toks[k - 1]!.end);
      if (!unique(from)) continue;
      for (let m = 3; m < toks.length / 2; m++) {
        const to = cur.slice(toks[toks.length - m]!.start, b);
        const first = occurrencesOf(cur, to).find(([s]) => s >= a);
        if (first && first[1] === b && occurrencesOf(cur.slice(0, a), to).length === 0) return { from, to };
      }
      return undefined;
    }
    return undefined;
  }
}

/** Words either side of put-in text, spaced as words are. */
function joinWords(left: string, text: string, right: string): string {
  let out = left.replace(/\s+$/, '');
  const add = text.trim();
  if (add) out = out && !/^[,.;:!?)]/.test(add) ? `${out} ${add}` : `${out}${add}`;
  const rest = right.replace(/^\s+/, '');
  if (rest) out = out && !/^[,.;:!?)]/.test(rest) ? `${out} ${rest}` : `${out}${rest}`;
  return out;
}

interface Hunk {
  oStart: number;
  oEnd: number;
  eStart: number;
  eEnd: number;
  /** Where the next change starts in o (o's length after the last). */
  nextOStart: number;
}

/** The changes from o to e, at whole words, merged where only a word or two lies between, and whole sentences where most of one changed. */
function hunks(o: string, e: string): Hunk[] {
  const found: Array<Omit<Hunk, 'nextOStart'>> = [];
  // Stretches both share: [o start, o end, e start].
  const same: Array<[number, number, number]> = [];
  let op = 0;
  let ep = 0;
  let open: Omit<Hunk, 'nextOStart'> | undefined;
  for (const change of wordChanges(o, e)) {
    if (!change.added && !change.removed) {
      if (open) found.push(open);
      open = undefined;
      same.push([op, op + change.value.length, ep]);
      op += change.value.length;
      ep += change.value.length;
      continue;
    }
    open ??= { oStart: op, oEnd: op, eStart: ep, eEnd: ep };
    if (change.removed) op += change.value.length;
    else ep += change.value.length;
    open.oEnd = op;
    open.eEnd = ep;
  }
  if (open) found.push(open);
  const toE = (pos: number) => {
    for (const [s, t, es] of same) if (pos >= s && pos <= t) return es + (pos - s);
    return undefined;
  };

  // Merge changes a word or two apart.
  let merged: Array<Omit<Hunk, 'nextOStart'>> = [];
  for (const h of found) {
    const last = merged[merged.length - 1];
    if (last && wordCount(o.slice(last.oEnd, h.oStart)) <= MERGE_GAP_WORDS && !/[.!?]/.test(o.slice(last.oEnd, h.oStart))) {
      last.oEnd = h.oEnd;
      last.eEnd = h.eEnd;
    } else merged.push({ ...h });
  }
  // A sentence mostly rewritten is deleted and inserted whole.
  for (const sentence of sentenceSpans(o)) {
    const inside = merged.filter((h) => h.oEnd > sentence.start && h.oStart < sentence.end);
    if (inside.length === 0) continue;
    const removed = inside.reduce((n, h) => n + wordCount(o.slice(Math.max(h.oStart, sentence.start), Math.min(h.oEnd, sentence.end))), 0);
    const total = wordCount(o.slice(sentence.start, sentence.end));
    // Rewritten: most of its words gone and others put in. Words only taken out stay a deletion.
    const added = inside.some((h) => wordCount(e.slice(h.eStart, h.eEnd)) > 0);
    if (removed <= total * REWRITTEN_SENTENCE || !added) continue;
    const oStart = Math.min(sentence.start, inside[0]!.oStart);
    const oEnd = Math.max(sentence.end, inside[inside.length - 1]!.oEnd);
    const eStart = oStart === inside[0]!.oStart ? inside[0]!.eStart : toE(oStart);
    const eEnd = oEnd === inside[inside.length - 1]!.oEnd ? inside[inside.length - 1]!.eEnd : toE(oEnd);
    if (eStart === undefined || eEnd === undefined) continue;
    merged = [...merged.filter((h) => h.oEnd <= oStart || h.oStart >= oEnd), { oStart, oEnd, eStart, eEnd }].sort((x, y) => x.oStart - y.oStart);
  }
  // Blank space at either end is not part of a change.
  const out: Hunk[] = [];
  for (const h of merged) {
    let { oStart, oEnd, eStart, eEnd } = h;
    while (oStart < oEnd && eStart < eEnd && /\s/.test(o[oStart]!) && o[oStart] === e[eStart]) {
      oStart++;
      eStart++;
    }
    while (oEnd > oStart && eEnd > eStart && /\s/.test(o[oEnd - 1]!) && o[oEnd - 1] === e[eEnd - 1]) {
      oEnd--;
      eEnd--;
    }
    while (oStart < oEnd && /\s/.test(o[oStart]!)) oStart++;
    while (oEnd > oStart && /\s/.test(o[oEnd - 1]!)) oEnd--;
    while (eStart < eEnd && /\s/.test(e[eStart]!)) eStart++;
    while (eEnd > eStart && /\s/.test(e[eEnd - 1]!)) eEnd--;
    if (oStart === oEnd && eStart === eEnd) continue;
    out.push({ oStart, oEnd, eStart, eEnd, nextOStart: o.length });
  }
  for (let k = 0; k + 1 < out.length; k++) out[k]!.nextOStart = out[k + 1]!.oStart;
  return out;
}

/** Runs of items the same, or removed and added, from a list of changes. */
function runs<T>(changes: Array<{ value: T[]; added: boolean; removed: boolean }>): Array<{ same: number; removed: number; added: number }> {
  const out: Array<{ same: number; removed: number; added: number }> = [];
  for (const c of changes) {
    const last = out[out.length - 1];
    if (!c.added && !c.removed) out.push({ same: c.value.length, removed: 0, added: 0 });
    else if (last && last.same === 0) {
      if (c.added) last.added += c.value.length;
      else last.removed += c.value.length;
    } else out.push({ same: 0, removed: c.removed ? c.value.length : 0, added: c.added ? c.value.length : 0 });
  }
  return out;
}

/** Which removed item became which added one: in order, each with the most alike that is alike enough. */
function pair(removed: string[], added: string[]): Map<number, number> {
  const pairs = new Map<number, number>();
  let next = 0;
  removed.forEach((r, i) => {
    let best = -1;
    let bestScore = SAME_PARAGRAPH;
    for (let j = next; j < added.length; j++) {
      const score = similarity(r, added[j]!);
      if (score >= bestScore) {
        best = j;
        bestScore = score;
      }
    }
    if (best !== -1) {
      pairs.set(i, best);
      next = best + 1;
    }
  });
  return pairs;
}

/**
 * The amendment that turns one motion into another, in the conventional form: whole words,
 * a rewritten sentence as one delete-and-insert, new and deleted paragraphs and points, words
 * added at the end. Each instruction reads the motion as the ones before it left it, as
 * `applyAmendments` does; the drafter applies each as it goes, so the quotations are exact.
 */
export function draftAmendment(original: MotionText, edited: MotionText): DraftedAmendment {
  const work = layoutMotion(original);
  const drafter = new Drafter(work, layoutMotion(original));
  const from = layoutMotion(original);
  const to = layoutMotion(edited);
  const titleFrom = from.title ? currentText(from.title) : null;
  const titleTo = to.title ? currentText(to.title) : null;
  if (titleFrom !== titleTo) drafter.emit({ op: 'replaceTitle', text: titleTo });
  drafter.paragraphs(from.paragraphs, to.paragraphs);
  // NOTE: the promise of this function: its instructions, applied to the original, give the
  // edited text back (spacing aside). Never hand over an amendment that does not.
  if (spacingAside(layoutText(work)) !== spacingAside(layoutText(to))) throw new AmendmentNotDrafted();
  const name = titleFrom ? ` to the motion ${quote(titleFrom)}` : '';
  const text = `Amendment${name}\n\n${drafter.instructions.map(formatInstruction).join('\n')}\n`;
  return { instructions: drafter.instructions, text };
}
