import { singleSpaced } from '../util/singleSpaced.js';

/** The three parts a motion usually has. */
export type PartKind = 'notes' | 'believes' | 'resolves';

/** A stretch of a motion's text: where it is, and its words with spacing tidied. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Who a motion speaks as: "Conference", "Congress", or a local body ("This branch", "This CLP"). */
export type MotionVoice = 'conference' | 'congress' | 'local';

export interface MotionParts {
  /** The text of each part found, in order; a part written in two places is joined. */
  notes?: string;
  believes?: string;
  resolves?: string;
  /**
   * What the motion asks for, one demand each: the numbered or bulleted points of its resolves,
   * or else their sentences and clauses. Empty when the motion resolves nothing.
   */
  demands: string[];
  /** Where each demand is in the text. */
  demandSpans: Span[];
  /**
   * Where the demands were read from: the resolves; with no resolves, the sentences that ask
   * ("Labour must …", "We call on …"); or none found.
   */
  demandsFrom: 'resolves' | 'asks' | 'none';
  /** Who the motion speaks as, from the first part it marks; undefined when it marks none. */
  voice?: MotionVoice;
}

// "Conference notes", "Conference further believes", "Conference therefore calls on": the
// word "conference" (or "congress", or "this branch", "this CLP" …), any of these adverbs,
// then a verb of one part.
// NOTE: found with test() and sticky patterns tried in place, not exec(): a motion has a marker
// at every clause, compare reads dozens of motions, and exec makes a match object each time.
// Each pattern starts with a literal word, so the engine can skip ahead to it.
const CONFERENCE = /\bcon(?:ference|gress)\b/gi;
// "This branch notes", "This CLP believes": a local body speaks only after "this". Found apart
// from the pattern above so that each starts with a literal word to skip ahead to.
const THIS_LOCAL = /\bthis\s+(?:branch|clp|union|meeting|party|committee)\b/gi;
const ADVERBS = /\s+(?:(?:also|further|therefore|firmly|strongly|again)\s+)*/iy;
const VERBS = [
  /(?:notes|noted|recognises|recognizes|acknowledges|welcomes|condemns|is\s+concerned)\b/iy,
  /(?:believes|considers|agrees|affirms|reaffirms|supports)\b/iy,
  /(?:resolves|calls\s+(?:on|upon|for)|instructs|demands|asks|urges|commits)\b/iy,
];
const VERB_KINDS: readonly PartKind[] = ['notes', 'believes', 'resolves'];
// "…and therefore resolves to", "We call on": a bare verb, after one of these words.
const BARE_RESOLVE = /\b(?:resolves?|calls?)\b/gi;
const CALLS_ON = /\s+(?:on|upon|for)\b/iy;
const BEFORE_BARE_RESOLVE = /\b(?:and|therefore|we)\s+(?:therefore\s+)?$/i;
const BEFORE_CONFERENCE = /\bthis\s+$/i;
// "Notes:" or "## Resolves" on a line of its own.
const LABEL_LINE = /^[ \t]*(?:#{1,6}[ \t]*)?(?:[*_]{2})?(notes|believes|resolves)(?:[*_]{2})?[ \t]*:?[ \t]*$/gim;

interface Marker {
  kind: PartKind;
  index: number;
  voice?: MotionVoice;
}

/** How many of the characters just before `index` are the words that lead into a marker ("This "), or 0. */
function leadLength(body: string, index: number, lead: RegExp, lastLetters: string): number {
  // A lead is words then blank space: first look, without slicing, for blank space before index
  // and, before that, a word ending in one of `lastLetters` (any character outside ASCII is let
  // through as possible blank space, for the pattern to judge).
  let j = index - 1;
  if (j < 0 || !blankOrOther(body.charCodeAt(j))) return 0;
  while (j >= 0 && blankOrOther(body.charCodeAt(j))) j--;
  if (j < 0 || !lastLetters.includes(String.fromCharCode(body.charCodeAt(j) | 32))) return 0;
  return lead.exec(body.slice(Math.max(0, index - 24), index))?.[0].length ?? 0;
}

function blankOrOther(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code >= 0x80;
}

/** Which of VERBS is at body[at…] (its lastIndex is then the verb's end), or -1. */
function verbAt(body: string, at: number): number {
  for (let v = 0; v < VERBS.length; v++) {
    VERBS[v]!.lastIndex = at;
    if (VERBS[v]!.test(body)) return v;
  }
  return -1;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function markers(body: string): Marker[] {
  const found: Marker[] = [];
  // "This Conference notes": the lead, if any, belongs to the part.
  CONFERENCE.lastIndex = 0;
  while (CONFERENCE.test(body)) {
    const end = CONFERENCE.lastIndex;
    const start = end - ((body.charCodeAt(end - 1) | 32) === 101 ? 'conference'.length : 'congress'.length);
    ADVERBS.lastIndex = end;
    if (!ADVERBS.test(body)) continue;
    const verb = verbAt(body, ADVERBS.lastIndex);
    if (verb === -1) continue;
    CONFERENCE.lastIndex = VERBS[verb]!.lastIndex;
    const voice: MotionVoice = end - start === 10 ? 'conference' : 'congress';
    found.push({ kind: VERB_KINDS[verb]!, index: start - leadLength(body, start, BEFORE_CONFERENCE, 's'), voice });
  }
  THIS_LOCAL.lastIndex = 0;
  while (THIS_LOCAL.test(body)) {
    const end = THIS_LOCAL.lastIndex;
    ADVERBS.lastIndex = end;
    if (!ADVERBS.test(body)) continue;
    const verb = verbAt(body, ADVERBS.lastIndex);
    if (verb === -1) continue;
    // back over the body's name and the blank space to "this"
    let start = end;
    while (start > 0 && isAsciiLetter(body.charCodeAt(start - 1))) start--;
    while (start > 0 && blankOrOther(body.charCodeAt(start - 1))) start--;
    THIS_LOCAL.lastIndex = VERBS[verb]!.lastIndex;
    found.push({ kind: VERB_KINDS[verb]!, index: start - 4, voice: 'local' });
  }
  // A bare "resolves" or "calls on" marks the resolves only after "and", "therefore" or "we".
  BARE_RESOLVE.lastIndex = 0;
  while (BARE_RESOLVE.test(body)) {
    const end = BARE_RESOLVE.lastIndex;
    let start = end;
    while (start > 0 && isAsciiLetter(body.charCodeAt(start - 1))) start--;
    if ((body.charCodeAt(start) | 32) === 99 /* c: call, calls */) {
      CALLS_ON.lastIndex = end;
      if (!CALLS_ON.test(body)) continue;
      BARE_RESOLVE.lastIndex = CALLS_ON.lastIndex;
    }
    const lead = leadLength(body, start, BEFORE_BARE_RESOLVE, 'de');
    if (lead > 0) found.push({ kind: 'resolves', index: start - lead });
  }
  LABEL_LINE.lastIndex = 0;
  for (let m = LABEL_LINE.exec(body); m !== null; m = LABEL_LINE.exec(body)) {
    found.push({ kind: m[1]!.toLowerCase() as PartKind, index: m.index });
  }
  // In order of place, the earlier kind first on a tie. Each kind came in order, so an insertion
  // sort has little to do (and sort() costs V8 about 1 kB a call, forty calls a compare).
  // Measured with this and the who-sort in sharedPassages as plain sort() calls (2 December 2026,
  // compare of 40 motions, CPU medians of 25 and 31 runs): 5 to 7 ms slower on Node 20, where
  // compare is near its 1.6x target; no difference on Node 24.
  for (let i = 1; i < found.length; i++) {
    const marker = found[i]!;
    let j = i;
    for (; j > 0 && found[j - 1]!.index > marker.index; j--) found[j] = found[j - 1]!;
    found[j] = marker;
  }
  // "Conference further notes" after "Conference notes", or "Conference therefore calls on"
  // (marked twice over): a part continues until a marker of another kind.
  return found.filter((m, i) => i === 0 || found[i - 1]!.kind !== m.kind);
}

/** Find a motion's notes, believes and resolves, and the demands its resolves make. */
export function findParts(body: string): MotionParts {
  const parts: MotionParts = { demands: [], demandSpans: [], demandsFrom: 'none' };
  const found = markers(body);
  const voice = found.find((m) => m.voice !== undefined)?.voice;
  if (voice !== undefined) parts.voice = voice;
  found.forEach((marker, i) => {
    const end = found[i + 1]?.index ?? body.length;
    const text = body.slice(marker.index, end).trim();
    parts[marker.kind] = parts[marker.kind] ? `${parts[marker.kind]}\n\n${text}` : text;
    if (marker.kind === 'resolves') parts.demandSpans.push(...demandSpans(body, marker.index, end));
  });
  if (speaksForNoOne(found) && askingSpans(body).length > 0) {
    parts.demandSpans = askingSpans(body);
    parts.demandsFrom = 'asks';
  } else if (parts.demandSpans.length > 0) parts.demandsFrom = 'resolves';
  else if (!parts.resolves) {
    parts.demandSpans = askingSpans(body);
    if (parts.demandSpans.length > 0) parts.demandsFrom = 'asks';
  }
  parts.demands = parts.demandSpans.map((d) => d.text);
  return parts;
}

// A sentence that asks for something: "Labour must …", "We call on …", "… calls on the NEC to …".
const ASKS = /\b(?:must|should|calls?\s+(?:on|upon|for)|calling\s+(?:on|upon|for)|demands?|urges?|insists?)\b/i;

/** The sentences of a motion with no resolves that ask for something: its demands. */
export function askingSpans(body: string): Span[] {
  return sentenceSpans(body).filter((s) => ASKS.test(s.text));
}

/**
 * Where a motion's demands are, and what they were read from: findParts(body)'s demandSpans and
 * demandsFrom, without the text of each part.
 */
export function findDemandSpans(body: string): { spans: Span[]; from: MotionParts['demandsFrom'] } {
  const found = markers(body);
  if (speaksForNoOne(found)) {
    const asks = askingSpans(body);
    if (asks.length > 0) return { spans: asks, from: 'asks' };
  }
  const spans: Span[] = [];
  let resolves = false;
  for (let i = 0; i < found.length; i++) {
    if (found[i]!.kind !== 'resolves') continue;
    resolves = true;
    spans.push(...demandSpans(body, found[i]!.index, found[i + 1]?.index ?? body.length));
  }
  if (spans.length > 0) return { spans, from: 'resolves' };
  const asks = resolves ? [] : askingSpans(body);
  return { spans: asks, from: asks.length > 0 ? 'asks' : 'none' };
}

/**
 * A campaign motion: no "Conference", "Congress" or "This branch" marks a part, at most a bare
 * "We call on". Its demands are every sentence that asks, not only the one after "We call on".
 */
function speaksForNoOne(found: readonly Marker[]): boolean {
  return found.every((m) => m.voice === undefined);
}

// A list marker: "1.", "2)", "(3)", "a)", "b.", "(iv)", "ii.", "-", "*", "•", "–".
const MARKER = String.raw`(?:\d{1,2}[.)]|\(\d{1,2}\)|\(?[a-h][.)]|\(?[ivx]{1,4}[.)]|[-*\u2022\u2013])\s+`;
const LIST_ITEM = new RegExp(`^[ \\t]*${MARKER}`, 'i');
const BEFORE_ITEM_OR_PARAGRAPH = new RegExp(`\\n(?=\\s*${MARKER})|\\n\\s*\\n`, 'i');

/** The demands of a resolves part written out on its own (tests and callers with no motion). */
export function demands(resolves: string): string[] {
  return demandSpans(resolves, 0, resolves.length).map((d) => d.text);
}

/**
 * The separate demands in text[from, to), a resolves part: its list items when it has a list
 * (the lead-in "Conference resolves to:" is not one), otherwise its sentences, split again at
 * semicolons.
 */
function demandSpans(text: string, from: number, to: number): Span[] {
  const items: Span[] = [];
  let current: { start: number; end: number } | undefined;
  const close = () => {
    if (current) items.push(span(text, current.start, current.end));
    current = undefined;
  };
  for (let lineStart = from; lineStart < to; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline > to ? to : newline;
    const line = text.slice(lineStart, lineEnd);
    const marker = LIST_ITEM.exec(line);
    if (marker) {
      close();
      current = { start: lineStart + marker[0].length, end: lineEnd };
    } else if (current && line.trim() !== '') current.end = lineEnd;
    else close();
    lineStart = lineEnd + 1;
  }
  close();
  const listed = items.filter((d) => d.text !== '');
  if (listed.length > 0) return listed;
  const spans: Span[] = [];
  const sentences = sentenceSpans(text, from, to);
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    if (!sentence.text.includes(';')) {
      if (HAS_WORD.test(sentence.text)) spans.push(sentence);
      continue;
    }
    const clauses = splitSpan(text, sentence, /;\s+/g);
    for (let k = 0; k < clauses.length; k++) if (HAS_WORD.test(clauses[k]!.text)) spans.push(clauses[k]!);
  }
  return spans;
}

// A letter or a digit, in any script.
const HAS_WORD = /[\p{L}\p{N}]/u;

// Between sentences: after . ! or ? (and any closing quote), before a capital or a number; or a blank line.
const SENTENCE_BREAK = /\n\s*\n|(?<=[.!?]["\u201d\u2019)]?)\s+(?=["\u201c\u2018(]?[\p{Lu}\p{N}])/gu;

/** The sentences of text[from, to). */
export function sentenceSpans(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  const slice = text.slice(from, to);
  let start = 0;
  // NOTE: test(), not exec() (no match object at every sentence): a break is blank space only,
  // so the sentence before it may end where the break ends; span() trims the blank space.
  SENTENCE_BREAK.lastIndex = 0;
  while (SENTENCE_BREAK.test(slice)) {
    const piece = span(text, from + start, from + SENTENCE_BREAK.lastIndex);
    if (piece.text) out.push(piece);
    start = SENTENCE_BREAK.lastIndex;
  }
  const last = span(text, from + start, to);
  if (last.text) out.push(last);
  return out;
}

function splitSpan(text: string, whole: Span, separator: RegExp): Span[] {
  const out: Span[] = [];
  const slice = text.slice(whole.start, whole.end);
  let start = 0;
  separator.lastIndex = 0;
  for (let m = separator.exec(slice); m !== null; m = separator.exec(slice)) {
    if (m[0].length === 0) {
      separator.lastIndex++;
      continue;
    }
    const piece = span(text, whole.start + start, whole.start + m.index);
    if (piece.text) out.push(piece);
    start = m.index + m[0].length;
  }
  const last = span(text, whole.start + start, whole.end);
  if (last.text) out.push(last);
  return out;
}

/** text[start, end) without the blank space at either end. */
function span(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end, text: singleSpaced(text.slice(start, end)) };
}

/** Sentences of a paragraph or more, split after . ! or ? and at line breaks between paragraphs. */
export function sentences(text: string): string[] {
  return sentenceSpans(text).map((s) => s.text);
}

/** A text's points and sentences: each list item, and each sentence of the paragraphs around them. */
export function clauses(text: string): string[] {
  return text.split(BEFORE_ITEM_OR_PARAGRAPH).flatMap((chunk) => sentences(chunk.replace(LIST_ITEM, '')));
}
