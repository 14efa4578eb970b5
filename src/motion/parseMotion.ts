/** A motion as written: an optional title above the text. */
export interface MotionText {
  /** The heading that introduced it in a file of several ("Motion 3 – Anytown CLP"). */
  heading?: string;
  title?: string;
  /** Everything below the title: the words that are counted and compared. */
  body: string;
}

const MARKDOWN_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
// "Motion 3 – Anytown CLP", "**Composite 2: Housing**", "Emergency motion 1"
const NAMED_HEADING = /^\s*(?:[*_]{2})?\s*((?:emergency\s+)?(?:motion|composite|amendment)\s+\d+[a-z]?\b.*?)\s*(?:[*_]{2})?\s*$/i;
// A line that labels a part of a motion rather than naming one: "## Conference notes".
const PART_LABEL = /^(?:this\s+)?(?:conference\b|notes\b|believes\b|resolves\b|calls\b)/i;
const MAX_TITLE_WORDS = 20;

// What a heading line starts with: "#", emphasis, or the first letter of one of the words above.
const HEADING_START = /^\s*[#*_emca]/i;

function headingText(line: string): { level: number; text: string } | undefined {
  if (!HEADING_START.test(line)) return undefined;
  const named = NAMED_HEADING.exec(line.replace(/^\s{0,3}#{1,6}\s+/, ''));
  if (named?.[1] && named[1].split(/\s+/).length <= 14 && !/[.;,]$/.test(named[1])) {
    return { level: 0, text: stripEmphasis(named[1]) };
  }
  const md = MARKDOWN_HEADING.exec(line);
  if (md?.[1] && md[2]) {
    const text = stripEmphasis(md[2]);
    if (!PART_LABEL.test(text)) return { level: md[1].length, text };
  }
  return undefined;
}

function stripEmphasis(text: string): string {
  return text.replace(/^[*_]{1,2}(.*?)[*_]{1,2}$/, '$1').trim();
}

/**
 * Split a file into motions at their headings: lines such as "Motion 3 – Anytown CLP" if there
 * are any, otherwise the shallowest level of Markdown heading that occurs more than once
 * ("## Housing (Anytown CLP)"). Headings that label a part ("## Conference notes") never split.
 * Text before the first heading is left out. A file with no such headings is one motion.
 */
export function splitMotions(text: string): MotionText[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const lines = normalised.split('\n');
  const headings = lines.map(headingText);
  const levels = headings.filter((h) => h !== undefined).map((h) => h.level);
  let splitLevel: number | undefined;
  if (levels.includes(0)) splitLevel = 0;
  else {
    for (let level = 1; level <= 6 && splitLevel === undefined; level++) {
      if (levels.filter((l) => l === level).length >= 2) splitLevel = level;
    }
  }
  if (splitLevel === undefined) return [parseMotion(text)];

  // Where each line starts in the text: a motion's text is then a slice of it, not its lines
  // joined again (a copy of every motion).
  const offsets = new Int32Array(lines.length);
  for (let i = 1; i < lines.length; i++) offsets[i] = offsets[i - 1]! + lines[i - 1]!.length + 1;
  const motions: MotionText[] = [];
  let current: { heading: string; first: number } | undefined;
  const finish = (end: number) => {
    if (!current) return;
    const first = current.first;
    const joined = (from: number, to: number) => (from >= to ? '' : normalised.slice(offsets[first + from]!, offsets[first + to - 1]! + lines[first + to - 1]!.length));
    motions.push({ heading: current.heading, ...parseLines(lines.slice(first, end), joined) });
  };
  for (let i = 0; i < lines.length; i++) {
    const heading = headings[i];
    if (heading && heading.level === splitLevel) {
      finish(i);
      current = { heading: heading.text, first: i + 1 };
    }
  }
  finish(lines.length);
  return motions;
}

/**
 * Separate a motion's title from its text, after any "Motion 3 – Anytown CLP" line above it.
 * The title is a first line that is a Markdown heading, starts "Title:", or stands alone above
 * the text (a blank line below it, no full stop, at most 20 words, not "Conference notes…").
 */
export function parseMotion(text: string): MotionText {
  return parseLines(text.replace(/\r\n?/g, '\n').split('\n'));
}

/** Whether a trimmed line has at most `limit` words; a motion's one long line is not split to find out. */
function wordsAtMost(line: string, limit: number): boolean {
  const gaps = /\s+/g;
  let words = 1;
  while (gaps.exec(line) !== null) if (++words > limit) return false;
  return true;
}

/** `joined(from, to)` is lines[from, to) joined by line breaks (a caller with the text slices it). */
function parseLines(lines: readonly string[], joined = (from: number, to: number) => lines.slice(from, to).join('\n')): MotionText {
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1) return { body: '' };
  const line = lines[first]!.trim();
  const rest = () => joined(first + 1, lines.length).trim();
  const all = () => joined(0, lines.length).trim();

  const named = headingText(line);
  if (named?.level === 0) return { heading: named.text, ...parseMotion(rest()) };

  const md = MARKDOWN_HEADING.exec(line);
  if (md?.[2]) {
    const heading = stripEmphasis(md[2]);
    return PART_LABEL.test(heading) ? { body: all() } : { title: heading, body: rest() };
  }
  const labelled = /^title\s*:\s*(.+)$/i.exec(line);
  if (labelled?.[1]) return { title: stripEmphasis(labelled[1]), body: rest() };

  const next = lines[first + 1];
  const standsAlone = next === undefined || next.trim() === '' || PART_LABEL.test(next.trim());
  if (standsAlone && !/[.;:,]$/.test(line) && !PART_LABEL.test(line) && wordsAtMost(line, MAX_TITLE_WORDS) && rest() !== '') {
    return { title: stripEmphasis(line).replace(/^["\u201c'\u2018](.*)["\u201d'\u2019]$/, '$1'), body: rest() };
  }
  return { body: all() };
}
