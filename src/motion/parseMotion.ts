/** An amendment printed under its motion ("Amendment 10.1", "Amendment – Example Union"): kept apart from the motion. */
export interface AmendmentText {
  heading: string;
  /** As printed: "10.1", or undefined for "Amendment – Example Union". */
  number?: string;
  organisation?: string;
  body: string;
  /** Where its heading starts in the file's text. */
  start?: number;
}

/** A motion as written: an optional title above the text. */
export interface MotionText {
  /** The heading that introduced it in a file of several ("Motion 3 – Anytown CLP"). */
  heading?: string;
  /** Its number as the document prints it: "3", "C8" (a composite), "E1" (an emergency motion), "10". */
  number?: string;
  /** Who moves it: from its heading, a line of its own below it, "Proposed by …" or "Mover: …". */
  organisation?: string;
  title?: string;
  /** Everything below the title: the words that are counted and compared. */
  body: string;
  /** Where it starts in the file's text (its heading, or its first line): the page it is on. */
  start?: number;
  /** Amendments printed below it, not part of its text. */
  amendments?: AmendmentText[];
}

type HeadingKind = 'motion' | 'amendment' | 'numbered' | 'markdown';

interface Heading {
  /** 0 for a motion's own heading ("Motion 3", "C8", "10 Title" above an organisation), else the Markdown level. */
  level: number;
  kind: HeadingKind;
  text: string;
  number?: string;
  organisation?: string;
  title?: string;
}

const MARKDOWN_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
// "Motion 3 – Anytown CLP", "**Composite 2: Housing**", "Emergency motion 1", "Amendment 10.1"
const NAMED_HEADING = /^\s*(?:[*_]{2})?\s*((emergency\s+)?(motion|composite|amendment)\s+(\d+[a-z]?(?:\.\d+)?)\b(.*?))\s*(?:[*_]{2})?\s*$/i;
// "Amendment – Example Union", "Amendment: Riverside CLP"
const AMENDMENT_BY = /^\s*(?:[*_]{2})?\s*(amendment\s*[\u2013\u2014:-]\s*(.+?))\s*(?:[*_]{2})?\s*$/i;
// "C8", "C8 Housing", "C 12 – Social care"
const COMPOSITE_SHORT = /^\s*(?:[*_]{2})?\s*(C\s?(\d{1,3})\b(.*?))\s*(?:[*_]{2})?\s*$/;
// "10 Vulnerable and atypical workers": a number, then a capital (an organisation below it, checked apart)
const NUMBERED_TITLE = /^\s*(\d{1,3})\s+(\p{Lu}[^.;:!?]*?)\s*$/u;
// A line that labels a part of a motion rather than naming one: "## Conference notes".
const PART_LABEL = /^(?:this\s+)?(?:conference\b|congress\b|notes\b|believes\b|resolves\b|calls\b|(?:branch|clp|union|meeting|party|committee)\s+(?:notes|believes|resolves|calls|further|therefore|also)\b)/i;
const MAX_TITLE_WORDS = 20;
/** A title run straight into the text, with no blank line below, is shorter than this. */
const MAX_TIGHT_TITLE_WORDS = 12;
const MAX_HEADING_WORDS = 14;
const MAX_ORGANISATION_WORDS = 8;

// Words that name who moves a motion: "Anytown CLP", "Example Union Eastern Region", "Care Workers Section".
// NOTE: a set of words, not one pattern: a case-blind pattern of fifty words costs milliseconds to
// compile at every start of compare, which splits its files through here.
const ORGANISATION_WORDS = new Set(
  (
    'clp clps constituency party union branch region regional committee society federation association section forum network group ' +
    'movement league students women members caucus cooperative co-operative ward trades council nec unison unite gmb usdaw cwu fbu tssa ' +
    'aslef rmt pcs ucu neu bfawu equity prospect community'
  ).split(' '),
);

function namesOrganisation(words: readonly string[]): boolean {
  for (const word of words) if (ORGANISATION_WORDS.has(word.toLowerCase().replace(/^[("'\u2018\u201c]+|[)"'\u2019\u201d,:;.]+$/g, ''))) return true;
  return false;
}
// "Proposed by Anytown CLP", "Mover: Example Union", "Moved: Southern Region" (as union agendas
// write it), "Seconder: Riverside CLP", "Submitted by: …"
// NOTE: a word alone takes a colon, and "by" is a whole word: "Proposed cuts to bus routes …",
// "Seconded staff …" and "Proposed bypass" are the motion's own words, not who moves it.
const MOVER_LINE = /^\s*(?:[*_]{2})?\s*(?:(?:proposed|moved|submitted|tabled)\s+by\b\s*:?|(?:mover|proposer|proposed|moved|submitted|tabled)\s*:)\s*(.+?)\s*(?:[*_]{2})?\s*$/i;
const SECONDER_LINE = /^\s*(?:[*_]{2})?\s*(?:seconded\s+by\b\s*:?|(?:seconder|seconded)\s*:)\s*(.+?)\s*(?:[*_]{2})?\s*$/i;

// What a heading line starts with: "#", emphasis, a digit, or the first letter of one of the words above.
const HEADING_START = /^\s*[#*_emcaC\d]/i;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Whether a short line names an organisation ("Anytown CLP", "Example Union Eastern Region"). */
export function looksLikeOrganisation(text: string): boolean {
  const t = text.trim();
  // Cheapest tests first: this runs on a line below every heading, and a long line is text.
  if (t === '' || t.length > 100 || !wordsAtMost(t, MAX_ORGANISATION_WORDS) || /[.;,!?]$/.test(t)) return false;
  const words = t.split(/\s+/);
  // "This Branch Notes …" is a part of a motion, not who moves it.
  const lead = words[0]!.toLowerCase();
  return titleCase(words) && namesOrganisation(words) && lead !== 'this' && lead !== 'conference' && lead !== 'congress';
}

// A name is written in capitals ("Example Union Eastern Region"); a title such as "Support for
// trade union rights" is not, though it has the word union in it.
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'de', '&', '-', '\u2013']);
function titleCase(words: readonly string[]): boolean {
  return words.every((w) => SMALL_WORDS.has(w) || startsUpper(w));
}

/** Whether a word starts (after a quote or bracket) with a capital or a digit. */
function startsUpper(word: string): boolean {
  const c = word.replace(/^["'\u2018\u201c(]/, '').charAt(0);
  return (c >= '0' && c <= '9') || (c !== c.toLowerCase() && c === c.toUpperCase());
}

/** The organisation and title in what follows a heading's number: "– Anytown CLP", ": Housing", "Housing (Anytown CLP)". */
function readHeadingRest(rest: string): { organisation?: string; title?: string } {
  const text = stripEmphasis(rest.replace(/^\s*[\u2013\u2014:.-]\s*/, '').trim());
  if (text === '') return {};
  const bracketed = /^(.*?)\s*\(([^()]+)\)$/.exec(text);
  if (bracketed && looksLikeOrganisation(bracketed[2]!)) {
    return { organisation: bracketed[2]!.trim(), ...(bracketed[1] ? { title: bracketed[1].replace(/\s*[\u2013\u2014:-]$/, '').trim() } : {}) };
  }
  const split = /^(.+?)\s*(?:[\u2013\u2014:]|\s-\s)\s*(.+)$/.exec(text);
  if (split) {
    if (looksLikeOrganisation(split[1]!)) return { organisation: split[1]!.trim(), title: split[2]!.trim() };
    if (looksLikeOrganisation(split[2]!)) return { organisation: split[2]!.trim(), title: split[1]!.trim() };
  }
  return looksLikeOrganisation(text) ? { organisation: text } : { title: text };
}

/** Whether `above` is an item numbered one less than `number` ("2 Cap rents", "2. Cap rents" above 3). */
function continuesList(number: string, above: string | undefined): boolean {
  const n = above === undefined ? undefined : /^\s*(\d{1,3})[.)]?\s/.exec(above)?.[1];
  return n !== undefined && Number(n) + 1 === Number(number);
}

function headingText(line: string, next: () => string | undefined, previous: () => string | undefined = () => undefined): Heading | undefined {
  if (!HEADING_START.test(line)) return undefined;
  // A Markdown heading is read without its marks, closing ones too ("## Motion 3 – Anytown CLP ##").
  const md = MARKDOWN_HEADING.exec(line);
  const bare = md ? md[2]! : line;
  const fits = (text: string) => wordCount(text) <= MAX_HEADING_WORDS && !/[.;,]$/.test(text);
  const named = NAMED_HEADING.exec(bare);
  if (named?.[1] && fits(named[1])) {
    const kind = named[3]!.toLowerCase();
    const n = named[4]!;
    const number = kind === 'composite' ? `C${n}` : named[2] ? `E${n}` : n;
    return { level: 0, kind: kind === 'amendment' ? 'amendment' : 'motion', text: stripEmphasis(named[1]), number, ...readHeadingRest(named[5]!) };
  }
  const first = bare.replace(/^\s*[*_]*\s*/, '').charAt(0);
  const by = first === 'a' || first === 'A' ? AMENDMENT_BY.exec(bare) : null;
  if (by?.[1] && fits(by[1])) return { level: 0, kind: 'amendment', text: stripEmphasis(by[1]), ...readHeadingRest(by[2]!) };
  const short = first === 'C' ? COMPOSITE_SHORT.exec(bare) : null;
  if (short?.[1] && fits(short[1]) && !/^\s*\d/.test(short[3]!)) {
    return { level: 0, kind: 'motion', text: stripEmphasis(short[1]), number: `C${short[2]}`, ...readHeadingRest(short[3]!) };
  }
  // "10 Vulnerable and atypical workers", only with an organisation on the next line, and not
  // when the line above is numbered one less: "3 End evictions" below "2 Cap rents" is the last
  // demand of a list, whatever line ("Proposed: Anytown CLP") follows it.
  const numbered = bare.charCodeAt(0) <= 57 && /^\s*\d/.test(bare) ? NUMBERED_TITLE.exec(bare) : null;
  if (numbered && fits(numbered[2]!) && wordCount(numbered[2]!) <= MAX_TIGHT_TITLE_WORDS && !continuesList(numbered[1]!, previous())) {
    const below = next();
    if (below !== undefined && isOrganisationLine(below, true)) return { level: 0, kind: 'numbered', text: bare.trim(), number: numbered[1]!, title: numbered[2]! };
  }
  if (md?.[1] && md[2]) {
    const text = stripEmphasis(md[2]);
    if (!PART_LABEL.test(text)) return { level: md[1].length, kind: 'markdown', text };
  }
  return undefined;
}

/**
 * A line of its own naming who moves the motion; below a numbered title any short line without a
 * full stop will do, unless it is numbered too: "1 Build council homes" above "2 Cap rents" is a
 * list of demands, not a motion moved by "2 Cap rents".
 */
function isOrganisationLine(line: string, belowNumberedTitle: boolean): boolean {
  const t = stripEmphasis(line.trim());
  if (t === '' || PART_LABEL.test(t) || MOVER_LINE.test(t)) return MOVER_LINE.test(t);
  if (belowNumberedTitle) return t.length <= 100 && wordsAtMost(t, MAX_ORGANISATION_WORDS) && !/[.;:,!?]$/.test(t) && startsUpper(t) && !NUMBERED_TITLE.test(t);
  return looksLikeOrganisation(t);
}

function stripEmphasis(text: string): string {
  return text.replace(/^[*_]{1,2}(.*?)[*_]{1,2}$/, '$1').trim();
}

/**
 * Split a file into motions at their headings: lines such as "Motion 3 – Anytown CLP",
 * "Composite 8", "C8", or a number and title with the organisation on the line below ("10
 * Vulnerable and atypical workers"), if there are any; otherwise the shallowest level of
 * Markdown heading that occurs more than once ("## Housing (Anytown CLP)"). Headings that label
 * a part ("## Conference notes") never split. An amendment ("Amendment 10.1", "Amendment –
 * Example Union") below a motion goes with that motion, apart from its text. Text before the
 * first heading is left out. A file with no such headings is one motion.
 */
export function splitMotions(text: string): MotionText[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const lines = normalised.split('\n');
  const nextNonBlank = (i: number) => () => {
    for (let k = i + 1; k < lines.length && k <= i + 3; k++) if (lines[k]!.trim() !== '') return lines[k]!;
    return undefined;
  };
  const previousLine = (i: number) => () => (i > 0 ? lines[i - 1] : undefined);
  const headings = lines.map((line, i) => headingText(line, nextNonBlank(i), previousLine(i)));
  const levels = headings.filter((h) => h !== undefined).map((h) => h.level);
  let splitLevel: number | undefined;
  if (levels.includes(0)) splitLevel = 0;
  else {
    for (let level = 1; level <= 6 && splitLevel === undefined; level++) {
      if (levels.filter((l) => l === level).length >= 2) splitLevel = level;
    }
  }
  if (splitLevel === undefined) return [{ ...parseMotion(normalised), start: 0 }];

  // Where each line starts in the text: a motion's text is then a slice of it, not its lines
  // joined again (a copy of every motion).
  const offsets = new Int32Array(lines.length);
  for (let i = 1; i < lines.length; i++) offsets[i] = offsets[i - 1]! + lines[i - 1]!.length + 1;
  const hasMotionHeading = headings.some((h) => h?.level === splitLevel && h.kind !== 'amendment');
  const motions: MotionText[] = [];
  let current: { heading: Heading; first: number; startLine: number } | undefined;
  const finish = (end: number) => {
    if (!current) return;
    const first = current.first;
    const joined = (from: number, to: number) => (from >= to ? '' : normalised.slice(offsets[first + from]!, offsets[first + to - 1]! + lines[first + to - 1]!.length));
    const found = belowHeading(current.heading, lines.slice(first, end), joined);
    const start = offsets[current.startLine]!;
    const last = motions[motions.length - 1];
    if (current.heading.kind === 'amendment' && hasMotionHeading && last) {
      (last.amendments ??= []).push({
        heading: found.heading!,
        ...(found.number === undefined ? {} : { number: found.number }),
        ...(found.organisation === undefined ? {} : { organisation: found.organisation }),
        body: [found.title, found.body].filter(Boolean).join('\n\n'),
        start,
      });
    } else motions.push({ ...found, start });
  };
  for (let i = 0; i < lines.length; i++) {
    const heading = headings[i];
    if (heading && heading.level === splitLevel) {
      const above = organisationAbove(heading, lines, i, nextNonBlank(i));
      finish(above === undefined ? i : i - 1);
      current = above === undefined ? { heading, first: i + 1, startLine: i } : { heading: { ...heading, organisation: above }, first: i + 1, startLine: i - 1 };
    }
  }
  finish(lines.length);
  return motions;
}

/**
 * The organisation on the line just above a motion's heading, with no blank line between
 * ("Riverside CLP" above "Motion 14: Clean buses"), when neither the heading nor the line below
 * it names one: it is that motion's, not the last line of the motion above.
 */
function organisationAbove(heading: Heading, lines: readonly string[], at: number, below: () => string | undefined): string | undefined {
  if (heading.kind !== 'motion' || heading.organisation !== undefined || at === 0) return undefined;
  const line = stripEmphasis(lines[at - 1]!.trim());
  if (!looksLikeOrganisation(line)) return undefined;
  const next = below();
  return next !== undefined && isOrganisationLine(next, false) ? undefined : line;
}

/**
 * Separate a motion's title from its text, after any "Motion 3 – Anytown CLP" line above it.
 * The title is a first line that is a Markdown heading, starts "Title:", or is short and has no
 * full stop: standing alone above the text (a blank line below it, at most 20 words), or run
 * straight into it (at most 12 words, the text below starting afresh). Lines naming who moves
 * it ("Proposed by …", "Mover: …", "Seconder: …") are not part of its text.
 */
export function parseMotion(text: string): MotionText {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1) return { body: '' };
  const heading = headingText(lines[first]!, () => lines.slice(first + 1).find((l) => l.trim() !== ''));
  if (heading?.level === 0) return belowHeading(heading, lines.slice(first + 1));
  return parseLines(lines);
}

/** What follows a motion's heading: who moves it, its title, its text. */
function belowHeading(heading: Heading, lines: string[], joined?: (from: number, to: number) => string): MotionText {
  const about: Pick<MotionText, 'heading' | 'number' | 'organisation' | 'title'> = { heading: heading.text };
  if (heading.number !== undefined) about.number = heading.number;
  if (heading.organisation !== undefined) about.organisation = heading.organisation;
  // The organisation on a line of its own, just below the heading (and above any title).
  let from = 0;
  while (from < lines.length && lines[from]!.trim() === '') from++;
  if (about.organisation === undefined && from < lines.length && isOrganisationLine(lines[from]!, heading.kind === 'numbered')) {
    // Read as isOrganisationLine read it, emphasis off: MOVER_LINE knows only "**", so
    // "*Proposed by Anytown CLP*" would otherwise name "Proposed by Anytown CLP".
    const line = stripEmphasis(lines[from]!.trim());
    const mover = MOVER_LINE.exec(line);
    about.organisation = mover ? stripEmphasis(mover[1]!) : line;
    lines = lines.slice(from + 1);
    joined = undefined;
  }
  if (heading.kind === 'markdown' && heading.organisation === undefined) {
    const rest = readHeadingRest(heading.text);
    if (rest.organisation && about.organisation === undefined) about.organisation = rest.organisation;
  }
  const parsed = parseLines(lines, joined, about.organisation !== undefined);
  if (about.organisation === undefined && parsed.organisation !== undefined) about.organisation = parsed.organisation;
  const title = heading.kind === 'numbered' || (heading.kind === 'motion' && heading.title !== undefined) ? heading.title : parsed.title;
  // A title taken from the heading: the first line below is text, not a second title.
  const body = title !== parsed.title && parsed.title !== undefined ? [parsed.title, parsed.body].join('\n\n') : parsed.body;
  return { ...about, ...(title === undefined ? {} : { title }), body };
}

/** Whether a trimmed line has at most `limit` words; a motion's one long line is not split to find out. */
function wordsAtMost(line: string, limit: number): boolean {
  const gaps = /\s+/g;
  let words = 1;
  while (gaps.exec(line) !== null) if (++words > limit) return false;
  return true;
}

// A line that ends mid-phrase, so it is the start of a sentence rather than a title.
const ENDS_MID_PHRASE = /\b(?:the|a|an|of|to|and|or|for|in|on|with|that|by|at|from|our|its|their|is|are)$/i;
const STARTS_AFRESH = /^\s*(?:["\u201c\u2018(]?[\p{Lu}\p{N}]|[-*\u2022\u2013]\s)/u;

/**
 * Whether a line could be "Proposed by …", "Mover: …", "Seconder: …": short, and starting with
 * one of their letters. Most lines are not, and then the two larger patterns are never run.
 * NOTE: it must let through every line those patterns take: any space before the word (`\s`,
 * a non-breaking space from Word too), or the line stays in the text.
 */
function mayNameMover(line: string): boolean {
  return line.length <= 120 && /^[\s*_]*[pmst]/i.test(line);
}

/**
 * `joined(from, to)` is lines[from, to) joined by line breaks (a caller with the text slices it).
 * `named`: the heading above already names who moves it.
 */
function parseLines(lines: readonly string[], joined?: (from: number, to: number) => string, named = false): MotionText {
  // Lines naming who moves or seconds it are taken out (the text is then joined afresh).
  let organisation: string | undefined;
  if (lines.some((l) => mayNameMover(l) && (MOVER_LINE.test(l) || SECONDER_LINE.test(l)))) {
    lines = lines.filter((l) => {
      const mover = MOVER_LINE.exec(l);
      if (mover && wordCount(mover[1]!) <= MAX_ORGANISATION_WORDS + 2) {
        organisation ??= stripEmphasis(mover[1]!);
        return false;
      }
      return !(SECONDER_LINE.test(l) && wordCount(l) <= MAX_ORGANISATION_WORDS + 3);
    });
    joined = undefined;
  }
  if (organisation === undefined && !named) {
    const signed = signedAtEnd(lines);
    if (signed) {
      organisation = signed.organisation;
      lines = lines.slice(0, signed.at);
      joined = undefined;
    }
  }
  const join = joined ?? ((from: number, to: number) => lines.slice(from, to).join('\n'));
  const withOrganisation = (m: MotionText): MotionText => (organisation === undefined ? m : { organisation, ...m });
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1) return withOrganisation({ body: '' });
  const line = lines[first]!.trim();
  const rest = () => join(first + 1, lines.length).trim();
  const all = () => join(0, lines.length).trim();

  const md = MARKDOWN_HEADING.exec(line);
  if (md?.[2]) {
    const heading = stripEmphasis(md[2]);
    return withOrganisation(PART_LABEL.test(heading) ? { body: all() } : { title: heading, body: rest() });
  }
  const labelled = /^title\s*:\s*(.+)$/i.exec(line);
  if (labelled?.[1]) return withOrganisation({ title: stripEmphasis(labelled[1]), body: rest() });

  const next = lines[first + 1];
  const nextText = next?.trim() ?? '';
  const standsAlone = next === undefined || nextText === '' || PART_LABEL.test(nextText);
  const runsIn =
    !standsAlone &&
    wordsAtMost(line, MAX_TIGHT_TITLE_WORDS) &&
    !ENDS_MID_PHRASE.test(line) &&
    STARTS_AFRESH.test(line) &&
    STARTS_AFRESH.test(nextText) &&
    line.length < nextText.length * 0.8;
  if ((standsAlone || runsIn) && !/[.;:,!?]$/.test(line) && !PART_LABEL.test(line) && wordsAtMost(line, MAX_TITLE_WORDS) && rest() !== '') {
    return withOrganisation({ title: stripEmphasis(line).replace(/^["\u201c'\u2018](.*)["\u201d'\u2019]$/, '$1'), body: rest() });
  }
  return withOrganisation({ body: all() });
}

/**
 * The organisation a motion's last line names, below a blank line ("Anytown CLP" at the foot, as
 * a motion sent by email is signed), and where that line is. Not a line run on from the text
 * above it, a sentence, or a list item.
 */
function signedAtEnd(lines: readonly string[]): { organisation: string; at: number } | undefined {
  let last = lines.length - 1;
  while (last >= 0 && lines[last]!.trim() === '') last--;
  if (last < 2 || lines[last - 1]!.trim() !== '') return undefined;
  const line = stripEmphasis(lines[last]!.trim());
  return startsUpper(line) && looksLikeOrganisation(line) ? { organisation: line, at: last } : undefined;
}
