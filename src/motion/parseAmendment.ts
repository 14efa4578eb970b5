import type { Instruction, PointRef, Where } from './instruction.js';

/** An instruction as written in an amendment: what it says, and where it was read. */
export interface WrittenInstruction {
  instruction: Instruction;
  /** The words of the instruction, single-spaced, for messages. */
  source: string;
  /** Its line in the amendment's file. */
  line: number;
}

export interface Amendment {
  /** Its heading ("Amendment 1 \u2013 Unison"), or the file's name when it has none. */
  name: string;
  file: string;
  instructions: WrittenInstruction[];
}

/** An amendment that cannot be read: what, where, and how it should be written. */
export class AmendmentSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'AmendmentSyntaxError';
  }
}

// "Amendment 1 \u2013 Unison", "## Amendment 10.1", "**Amendment to Motion 3**".
const HEADING = /^\s*(?:#{1,6}\s*)?(?:[*_]{2})?\s*(amendment\b.*?)\s*(?:[*_]{2})?\s*:?\s*$/i;
// A heading may quote the motion's title, but says nothing to do before it.
const VERB_BEFORE_QUOTE = /^[^"\u201c\u2018']*\b(?:insert|delete|add|replace|after|before|remove)\b/i;
// Lines about the amendment, not instructions: who moves it, what it amends.
const ABOUT = /^\s*(?:moved|mover|seconded|seconder|proposed|submitted|organisation|from|to motion|motion\s+\d+)\b|as follows:?\s*$/i;

/**
 * Read a file of amendments: one amendment, or several each under a heading that starts
 * "Amendment" ("Amendment 1 \u2013 Unison"). Lines saying who moves it are passed over.
 */
export function parseAmendments(text: string, file: string): Amendment[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const amendments: Amendment[] = [];
  let current: { name: string; lines: Array<{ number: number; text: string }> } | undefined;
  const finish = () => {
    if (!current) return;
    const body = current.lines;
    if (body.some((l) => l.text.trim() !== '')) amendments.push({ name: current.name, file, instructions: readInstructions(body) });
    current = undefined;
  };
  lines.forEach((line, i) => {
    const heading = line.length < 160 && wordCount(line) <= 20 && !VERB_BEFORE_QUOTE.test(line) ? HEADING.exec(line) : null;
    if (heading?.[1]) {
      finish();
      current = { name: heading[1].replace(/\s+/g, ' '), lines: [] };
      return;
    }
    if (ABOUT.test(line)) return;
    current ??= { name: file, lines: [] };
    current.lines.push({ number: i + 1, text: line });
  });
  finish();
  return amendments;
}

function wordCount(line: string): number {
  return line.trim().split(/\s+/).length;
}

const KEYWORDS = new Set(['insert', 'and', 'with', 'add', 'delete', 'in', 'after', 'before', 'replace', 'at', 'paragraph', 'para', 'line', 'lines', 'point', 'bullet', 'renumber', 'then', 'to', 'substitute', 'from', 'leave']);
// Each opening quote and what may close it: a straight double quote closes only at another, so
// "the \u201cliving wage\u201d campaign" keeps its inner quotes, and the other way round.
const OPENERS: Record<string, string> = { '"': '"', '\u201c': '\u201d', "'": "'\u2019", '\u2018': "\u2019'", '\u2019': "\u2019'" };

/** A reader over the text of one amendment, the instructions read one after another. */
class Reader {
  pos = 0;
  constructor(
    readonly text: string,
    readonly lineAt: (offset: number) => number,
  ) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  space(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  /** Whether the instruction goes on here: more on the same line, or a next line that starts "and". */
  goesOn(): boolean {
    const gap = /^[\s,:]*/.exec(this.text.slice(this.pos))![0];
    return !gap.includes('\n') || /^and\b/i.test(this.text.slice(this.pos + gap.length));
  }

  /** Skip commas and colons between the parts of an instruction. */
  filler(): void {
    for (;;) {
      this.space();
      if (this.text[this.pos] === ',' || this.text[this.pos] === ':' || this.text[this.pos] === '\u2013' || this.text[this.pos] === '-') this.pos++;
      else return;
    }
  }

  /** The words given, in order, as whole words; moves past them if they are there. */
  words(...words: string[]): boolean {
    const start = this.pos;
    for (const word of words) {
      this.space();
      const next = this.text.slice(this.pos, this.pos + word.length);
      const after = this.text[this.pos + word.length] ?? ' ';
      if (next.toLowerCase() !== word || /[\p{L}\p{N}]/u.test(after)) {
        this.pos = start;
        return false;
      }
      this.pos += word.length;
    }
    return true;
  }

  /**
   * One of several phrases (each a list of words); the first that is there. NOTE: a phrase that
   * begins with another must come before it ('bullet point' before 'bullet').
   */
  either(...phrases: string[]): string | undefined {
    for (const phrase of phrases) if (this.words(...phrase.split(' '))) return phrase;
    return undefined;
  }

  number(): number | undefined {
    this.space();
    const m = /^\d{1,3}\b/.exec(this.text.slice(this.pos, this.pos + 4));
    if (!m) return undefined;
    this.pos += m[0].length;
    return Number(m[0]);
  }

  /** A point's label: "3", "iii", "(c)", "b)". */
  label(): string | undefined {
    this.space();
    const m = /^\(?(\d{1,2}|[ivxlc]{1,6}|[a-z])\)?(?![\p{L}\p{N}])/iu.exec(this.text.slice(this.pos, this.pos + 10));
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[1]!.toLowerCase();
  }

  /** Quoted words, in straight or curly quotes; undefined if there are none here. */
  quoted(): string | undefined {
    this.space();
    // "the words 'x'", "the word 'x'": the quotation that follows.
    const before = this.pos;
    if (this.either('the words', 'the word', 'words', 'word', 'the phrase', 'the text')) {
      this.space();
      if (!(this.text[this.pos]! in OPENERS)) this.pos = before;
    }
    const open = this.text[this.pos];
    if (open === undefined || !(open in OPENERS)) return undefined;
    const closers = OPENERS[open]!;
    const from = this.pos + 1;
    let close = -1;
    if (open === '"' || open === '\u201c') {
      for (let j = from; j < this.text.length && close === -1; j++) if (closers.includes(this.text[j]!)) close = j;
    } else {
      // A single quote is also an apostrophe: it closes the words where it is not inside a word
      // and what follows reads as the rest of an instruction (or the end of it).
      const candidates: number[] = [];
      for (let j = from + 1; j < this.text.length; j++) {
        if (!closers.includes(this.text[j]!)) continue;
        const after = this.text[j + 1] ?? ' ';
        if (/[\p{L}\p{N}]/u.test(after)) continue;
        candidates.push(j);
      }
      close = candidates.find((j) => this.endsWords(j + 1)) ?? candidates[0] ?? -1;
    }
    if (close === -1) throw new AmendmentSyntaxError(`a quotation opened with ${open} is never closed`, this.lineAt(this.pos));
    this.pos = close + 1;
    if (this.text.slice(from, close).trim() === '') throw new AmendmentSyntaxError('the quotation is empty', this.lineAt(from));
    return this.text.slice(from, close);
  }

  private endsWords(at: number): boolean {
    const rest = /^[\s.,;:]*/.exec(this.text.slice(at, at + 40))![0];
    if (rest.includes('\n')) return true;
    const next = /^[\p{L}]+/u.exec(this.text.slice(at + rest.length, at + rest.length + 20));
    return at + rest.length >= this.text.length || (next !== null && KEYWORDS.has(next[0].toLowerCase()));
  }

  /**
   * The words to put in: quoted, or else (after a colon) the rest of the line, or the lines
   * below up to a blank line when the colon ends its line.
   */
  insertedText(): string {
    this.space();
    const quoted = this.quoted();
    if (quoted !== undefined) return quoted;
    const below = /\n[ \t]*$/.test(this.text.slice(0, this.pos));
    const stop = (below ? /\n[ \t]*\n/ : /\n/).exec(this.text.slice(this.pos));
    const end = stop ? this.pos + stop.index : this.text.length;
    const rest = this.text.slice(this.pos, end).trim().replace(/[ \t]*\n[ \t]*/g, '\n');
    if (rest === '') throw new AmendmentSyntaxError('the words to put in are missing', this.lineAt(this.pos));
    this.pos = end;
    return rest;
  }
}

/** Where a paragraph, point or line is named before (or inside) an instruction. */
function readWhere(r: Reader, where: Where): boolean {
  const start = r.pos;
  r.words('in') || r.words('at');
  if (r.either('paragraph', 'para.', 'para', 'paragraphs')) {
    const n = r.number();
    if (n !== undefined) {
      where.paragraph = n;
      return true;
    }
  } else if (r.either('line', 'lines')) {
    const first = r.number();
    if (first !== undefined) {
      const at = r.pos;
      let last: number | undefined;
      r.space();
      if (r.text[r.pos] === '-' || r.text[r.pos] === '\u2013') {
        r.pos++;
        last = r.number();
      } else if (r.words('to') || r.words('and')) last = r.number();
      if (last === undefined) r.pos = at;
      where.lines = [first, Math.max(first, last ?? first)];
      return true;
    }
  } else if (r.either('the title', 'title')) {
    where.title = true;
    return true;
  } else {
    const point = readPointRef(r);
    if (point) {
      where.point = point;
      return true;
    }
  }
  r.pos = start;
  return false;
}

/** "delete 'x' in paragraph 2": a place named after the words, on the same line. */
function trailingWhere(r: Reader, where: Where): void {
  // "and ..." stops it too: no place starts with "and".
  while (r.goesOn()) {
    const at = r.pos;
    r.filler();
    // "(line 5)", "(paragraph 2)"
    const bracket = r.text[r.pos] === '(';
    if (bracket) r.pos++;
    if (!readWhere(r, where) || (bracket && (r.space(), r.text[r.pos++] !== ')'))) {
      r.pos = at;
      return;
    }
  }
}

function readPointRef(r: Reader): PointRef | undefined {
  const start = r.pos;
  const kind = r.either('point', 'bullet point', 'bullet', 'sub-paragraph', 'subparagraph', 'sub paragraph', 'item', 'demand');
  if (!kind) return undefined;
  const label = r.label();
  if (label === undefined) {
    r.pos = start;
    return undefined;
  }
  return { label, kind: kind.startsWith('bullet') ? 'bullet' : 'point' };
}

/** "and insert 'x'", "and replace with 'x'", ", substitute 'x'": the words that take the place of those deleted. */
function readReplacement(r: Reader): string | undefined {
  if (!r.goesOn()) return undefined;
  const start = r.pos;
  r.filler();
  r.words('and');
  r.filler();
  if (r.either('insert', 'replace with', 'replace by', 'substitute', 'add', 'put')) {
    r.filler();
    return r.insertedText();
  }
  r.pos = start;
  return undefined;
}

function readInstruction(r: Reader): Instruction | 'skip' {
  const where: Where = {};
  while (readWhere(r, where)) r.filler();
  r.filler();
  // Before the skip below: "leave out 'x'" deletes, where "leave the rest unchanged" does nothing.
  if (r.either('delete', 'remove', 'strike out', 'omit', 'leave out')) return readDelete(r, where);
  // "Renumber accordingly", "Leave the rest unchanged": done already, or nothing to do.
  if (r.either('renumber', 'leave')) {
    while (!r.done && !/[.;\n]/.test(r.text[r.pos]!)) r.pos++;
    return 'skip';
  }
  const adding = r.either('insert new', 'insert a new', 'add new', 'add a new', 'insert an additional', 'add an additional', 'add the new');
  if (adding) return readInsertNew(r, where, adding);
  const side = r.either('after', 'before') as 'after' | 'before' | undefined;
  if (side) return readInsertBeside(r, where, side);
  if (r.either('replace', 'substitute')) return readReplace(r, where);
  return readAddOrInsert(r, where);
}

/** After "insert new" or "add new": a new paragraph (numbered, after or before one, at the end) or a new point. */
function readInsertNew(r: Reader, where: Where, adding: string): Instruction {
  if (r.either('paragraph', 'para')) {
    const n = r.number();
    r.filler();
    let at: number | 'end' | undefined = n;
    if (at === undefined) {
      if (r.either('at end of the motion', 'at the end of the motion', 'at end', 'at the end')) at = 'end';
      else {
        const side = r.either('after paragraph', 'before paragraph');
        if (!side && adding.startsWith('add')) at = 'end';
        else if (!side) throw new AmendmentSyntaxError('which paragraph? Say "new paragraph 3", "after paragraph 2" or "at end"', r.lineAt(r.pos));
        else {
          const k = r.number();
          if (k === undefined) throw new AmendmentSyntaxError('which paragraph? Give its number', r.lineAt(r.pos));
          at = side.startsWith('after') ? k + 1 : k;
        }
      }
    }
    r.filler();
    return { op: 'insertParagraph', at, text: r.insertedText() };
  }
  const ref = readPointRef(r) ?? (r.either('point', 'bullet point', 'bullet', 'sub-paragraph', 'item') ? { label: '', kind: 'point' as const } : undefined);
  if (ref) {
    r.filler();
    let at: PointRef | 'end' = ref.label === '' ? 'end' : ref;
    if (r.either('at end', 'at the end')) at = 'end';
    r.filler();
    return { op: 'insertPoint', where, at, text: r.insertedText() };
  }
  throw new AmendmentSyntaxError('new what? Say "new paragraph 3" or "new point iii"', r.lineAt(r.pos));
}

/** After "after" or "before" opening the instruction: "after 'x' insert 'y'". */
function readInsertBeside(r: Reader, where: Where, side: 'after' | 'before'): Instruction {
  const anchor = r.quoted();
  if (anchor === undefined) throw new AmendmentSyntaxError(`${side} which words? Quote them`, r.lineAt(r.pos));
  r.filler();
  while (readWhere(r, where)) r.filler();
  if (!r.either('insert', 'add', 'put')) throw new AmendmentSyntaxError(`${side} '${anchor}', say "insert" and the words`, r.lineAt(r.pos));
  r.filler();
  return { op: 'insertAt', where, side, anchor, text: r.insertedText() };
}

/** After "delete" (or "remove", "strike out"): the title, a paragraph, a point, a range of words or the words quoted. */
function readDelete(r: Reader, where: Where): Instruction {
  r.filler();
  if (r.either('the title', 'title')) return { op: 'replaceTitle', text: null };
  if (r.either('paragraph', 'para')) {
    const n = r.number();
    if (n === undefined) throw new AmendmentSyntaxError('delete which paragraph? Give its number', r.lineAt(r.pos));
    const text = readReplacement(r);
    return text === undefined ? { op: 'deleteParagraph', paragraph: n } : { op: 'deleteParagraph', paragraph: n, text };
  }
  const point = readPointRef(r);
  if (point) {
    const text = readReplacement(r);
    return text === undefined ? { op: 'deletePoint', where, point } : { op: 'deletePoint', where, point, text };
  }
  if (r.either('all after', 'everything after', 'all words after', 'the rest after', 'all text after', 'all that follows')) {
    const from = r.quoted();
    if (from === undefined) throw new AmendmentSyntaxError('delete all after which words? Quote them', r.lineAt(r.pos));
    return withText({ op: 'deleteRange', where, from, to: 'end', fromIncluded: false }, readReplacement(r));
  }
  if (r.words('from')) {
    const from = r.quoted();
    if (from === undefined) throw new AmendmentSyntaxError('delete from which words? Quote them', r.lineAt(r.pos));
    r.filler();
    if (!r.either('to', 'until', 'up to and including', 'up to')) throw new AmendmentSyntaxError(`delete from '${from}' to where? Say "to" and quote the last words`, r.lineAt(r.pos));
    let to: string | 'end' | undefined;
    if (r.either('the end', 'end')) {
      to = 'end';
      r.either('of the paragraph', 'of paragraph', 'of the motion', 'of the point');
    } else to = r.quoted();
    if (to === undefined) throw new AmendmentSyntaxError(`delete from '${from}' to which words? Quote them`, r.lineAt(r.pos));
    return withText({ op: 'deleteRange', where, from, to, fromIncluded: true }, readReplacement(r));
  }
  const words = r.quoted();
  if (words === undefined) throw new AmendmentSyntaxError('delete what? Quote the words, or say "paragraph 3" or "point ii"', r.lineAt(r.pos));
  trailingWhere(r, where);
  return withText({ op: 'delete', where, words }, readReplacement(r));
}

/** After "replace" or "substitute": the title, a paragraph, a point or the words quoted, then "with" and the new words. */
function readReplace(r: Reader, where: Where): Instruction {
  r.filler();
  if (r.either('the title', 'title')) {
    r.filler();
    r.either('with', 'by');
    r.filler();
    return { op: 'replaceTitle', text: r.insertedText() };
  }
  if (r.either('paragraph', 'para')) {
    const n = r.number();
    if (n === undefined) throw new AmendmentSyntaxError('replace which paragraph? Give its number', r.lineAt(r.pos));
    r.filler();
    if (!r.either('with', 'by')) throw new AmendmentSyntaxError(`replace paragraph ${n} with what? Say "with" and quote the words`, r.lineAt(r.pos));
    r.filler();
    return { op: 'deleteParagraph', paragraph: n, text: r.insertedText() };
  }
  const point = readPointRef(r);
  if (point) {
    r.filler();
    if (!r.either('with', 'by')) throw new AmendmentSyntaxError(`replace ${point.kind} ${point.label} with what? Say "with" and quote the words`, r.lineAt(r.pos));
    r.filler();
    return { op: 'deletePoint', where, point, text: r.insertedText() };
  }
  const words = r.quoted();
  if (words === undefined) throw new AmendmentSyntaxError('replace what? Quote the words, or say "paragraph 3"', r.lineAt(r.pos));
  r.filler();
  if (!r.either('with', 'by')) throw new AmendmentSyntaxError(`replace '${words}' with what? Say "with" and quote the words`, r.lineAt(r.pos));
  r.filler();
  return { op: 'delete', where, words, text: r.insertedText() };
}

/** What is left: "add at end of paragraph 2: ...", "at the end of point iii add ...", "insert 'x' after 'y'"; or not an instruction at all. */
function readAddOrInsert(r: Reader, where: Where): Instruction {
  const verbFirst = r.either('add', 'insert', 'append');
  r.filler();
  if (r.either('at end', 'at the end', 'to the end', 'at the close')) {
    const target = readEndTarget(r, where);
    r.filler();
    if (!verbFirst && !r.either('add', 'insert', 'append')) throw new AmendmentSyntaxError('at the end, do what? Say "add" and the words', r.lineAt(r.pos));
    r.filler();
    return { op: 'addAtEnd', where, target, text: r.insertedText() };
  }
  if (verbFirst) {
    // "Insert after 'x': 'y'"
    const sideFirst = r.either('after', 'before') as 'after' | 'before' | undefined;
    if (sideFirst) {
      const anchor = r.quoted();
      if (anchor === undefined) throw new AmendmentSyntaxError(`${sideFirst} which words? Quote them`, r.lineAt(r.pos));
      r.filler();
      return { op: 'insertAt', where, side: sideFirst, anchor, text: r.insertedText() };
    }
    const text = r.quoted();
    if (text !== undefined) {
      r.filler();
      const side = r.either('after', 'before');
      if (side) {
        const anchor = r.quoted();
        if (anchor === undefined) throw new AmendmentSyntaxError(`${side} which words? Quote them`, r.lineAt(r.pos));
        trailingWhere(r, where);
        return { op: 'insertAt', where, side: side as 'after' | 'before', anchor, text };
      }
      if (verbFirst === 'add') return { op: 'addAtEnd', where, target: where.point ? 'point' : where.paragraph !== undefined ? 'paragraph' : 'motion', text };
    }
  }
  throw new AmendmentSyntaxError('this is not an instruction delegate can read', r.lineAt(r.pos));
}

function readEndTarget(r: Reader, where: Where): 'motion' | 'resolves' | 'paragraph' | 'point' {
  if (r.words('of')) {
    if (r.either('the resolves', 'resolves', 'the resolutions', 'the demands')) return 'resolves';
    if (r.either('the motion', 'motion')) return 'motion';
    const w: Where = {};
    // "at end of paragraph 3, point 2": every place named, not the first only.
    while (readWhere(r, w)) r.filler();
    if (w.paragraph !== undefined) where.paragraph = w.paragraph;
    if (w.point) {
      where.point = w.point;
      return 'point';
    }
    if (w.paragraph !== undefined) return 'paragraph';
    throw new AmendmentSyntaxError('at the end of what? Say "paragraph 2", "point iii", "the resolves" or "the motion"', r.lineAt(r.pos));
  }
  return where.point ? 'point' : where.paragraph !== undefined ? 'paragraph' : 'motion';
}

function withText<T extends Instruction & { text?: string }>(instruction: T, text: string | undefined): T {
  if (text !== undefined) instruction.text = text;
  return instruction;
}

/** The instructions of one amendment's lines, in order. */
function readInstructions(lines: Array<{ number: number; text: string }>): WrittenInstruction[] {
  const text = lines.map((l) => l.text).join('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.text.length + 1;
  }
  const lineAt = (at: number) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= at) i++;
    return lines[i]?.number ?? 1;
  };
  const r = new Reader(text, lineAt);
  const out: WrittenInstruction[] = [];
  for (;;) {
    skipSeparators(r);
    // Instructions written as a list: "1. Delete paragraph 3", "- Add at end: ...".
    const marker = /^(?:\d{1,2}[.)]|\(?[a-h]\)|[-*\u2022])[ \t]+/.exec(text.slice(r.pos, r.pos + 8));
    // Only at the start of a line (after any indent): "Delete 'a' 2. Delete 'b'" is no list.
    if (marker && text.slice(text.lastIndexOf('\n', r.pos - 1) + 1, r.pos).trim() === '') r.pos += marker[0].length;
    if (r.done) break;
    const start = r.pos;
    let instruction: Instruction | 'skip';
    try {
      instruction = readInstruction(r);
    } catch (error) {
      if (!(error instanceof AmendmentSyntaxError)) throw error;
      const end = text.indexOf('\n', start);
      throw new AmendmentSyntaxError(`cannot read "${sourceOf(text.slice(start, end === -1 ? undefined : end))}": ${error.message}`, lineAt(start));
    }
    const after = r.pos;
    skipSeparators(r, true);
    // Nothing between this instruction and what follows (no space, "and" or "then", which
    // skipSeparators passes over): it must start another.
    if (r.pos === after && !r.done && !/^(?:in|at|delete|insert|add|replace|after|before)\b/i.test(text.slice(r.pos))) {
      const end = text.indexOf('\n', start);
      throw new AmendmentSyntaxError(`cannot read "${sourceOf(text.slice(start, end === -1 ? undefined : end))}": unexpected words after the instruction ("${sourceOf(text.slice(r.pos, r.pos + 30))}")`, lineAt(r.pos));
    }
    if (instruction !== 'skip') out.push({ instruction, source: sourceOf(text.slice(start, after)), line: lineAt(start) });
  }
  return out;
}

function skipSeparators(r: Reader, once = false): void {
  for (;;) {
    const before = r.pos;
    r.space();
    while (!r.done && /[.;,]/.test(r.text[r.pos]!)) r.pos++;
    r.space();
    r.words('and') || r.words('then');
    if (r.pos === before || once) return;
  }
}

function sourceOf(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
