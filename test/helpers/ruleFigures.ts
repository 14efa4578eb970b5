// Finds the figures that conference rules are made of (a number of words, a deadline, a
// percentage, a number of years or minutes) in sentences that give no year. Rules change from
// year to year, so the handbook says which year each figure held in (sources README).

/** A rule figure in a sentence with no year, where a reader could take it for this year's rule. */
export interface UndatedFigure {
  file: string;
  /** 1-based line in the file where the sentence's block starts. */
  line: number;
  figure: string;
  sentence: string;
}

const NUMBER = String.raw`(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred)`;
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b`;

/** Each kind of rule figure; a sentence may hold several. */
export const RULE_FIGURES: ReadonlyArray<{ kind: string; pattern: RegExp }> = [
  { kind: 'words', pattern: new RegExp(String.raw`\b${NUMBER}[- ]words?\b`, 'gi') },
  { kind: 'percentage', pattern: new RegExp(String.raw`\b\d+(?:\.\d+)?\s*(?:%|per ?cent\b)`, 'gi') },
  { kind: 'share', pattern: /\b\d+\/\d+\b|\btwo[- ]thirds\b|\bhalf each\b|\b(?:counts?|counted|make up|made up|made|makes) (?:for |up )?(?:a |one )?half\b/gi },
  { kind: 'years', pattern: new RegExp(String.raw`\b${NUMBER}[- ](?:years?|conferences)\b`, 'gi') },
  { kind: 'minutes', pattern: new RegExp(String.raw`\b${NUMBER}[- ]minutes?\b`, 'gi') },
  { kind: 'deadline', pattern: /\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\b|\bnoon\b|\bmidnight\b/gi },
  { kind: 'deadline', pattern: new RegExp(String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}|\b${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\b`, 'g') },
];

/** A year a rule held in: 1900 to 2049, alone or in a range such as 2010-11. */
const YEAR = /\b(?:19\d\d|20[0-4]\d)\b/;

/** Where the sources give no year, the sentence must say so instead of passing the rule off as current. */
const NO_YEAR_SAID = /\bundated\b|\bgives? no year\b|\byear (?:is )?not (?:stated|given|known)\b/i;

/** Markdown blocks (a paragraph, a list item with its indented lines, a heading) with their lines. */
function blocks(body: string, firstLine: number): Array<{ text: string; line: number; heading: string }> {
  const out: Array<{ text: string; line: number; heading: string }> = [];
  let heading = '';
  let current: { text: string; line: number; heading: string } | undefined;
  let fenced = false;
  const flush = () => {
    if (current) out.push(current);
    current = undefined;
  };
  body.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      flush();
      return;
    }
    if (fenced) return;
    if (line.trim() === '') return flush();
    const h = /^#{1,6}\s+(.*)$/.exec(line);
    if (h) {
      flush();
      // A heading names a section ("The three-year rule"); it dates its list but is not a rule.
      heading = h[1]!;
      return;
    }
    if (/^\s{0,3}(?:[-*+]|\d+[.)])\s/.test(line) || !current) {
      flush();
      current = { text: line, line: firstLine + i, heading };
      return;
    }
    current.text += ` ${line.trim()}`;
  });
  flush();
  return out;
}

/** Split a block into sentences, keeping abbreviations such as "e.g." and rule numbers whole. */
export function sentences(text: string): string[] {
  return text
    .replace(/`[^`]*`/g, (code) => code.replace(/\./g, '\u2024'))
    .split(/(?<=[.!?])["”')\]]*\s+(?=["“('`[]?[A-Z0-9])/)
    .map((s) => s.replace(/\u2024/g, '.').trim())
    .filter(Boolean);
}

/**
 * Every rule figure in `body` whose sentence has no year (nor says its source gives none), and
 * whose section heading has none either: a heading such as "Deadlines (2024)" dates its list.
 */
export function undatedFigures(file: string, body: string, firstLine = 1): UndatedFigure[] {
  const found: UndatedFigure[] = [];
  for (const block of blocks(body, firstLine)) {
    if (YEAR.test(block.heading)) continue;
    for (const sentence of sentences(block.text)) {
      if (YEAR.test(sentence) || NO_YEAR_SAID.test(sentence)) continue;
      for (const { pattern } of RULE_FIGURES) {
        for (const match of sentence.matchAll(pattern)) found.push({ file, line: block.line, figure: match[0], sentence });
      }
    }
  }
  return found;
}
