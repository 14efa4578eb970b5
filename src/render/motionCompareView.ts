import type { Comparison, PairComparison } from '../motion/compareMotions.js';
import { NEARLY_IDENTICAL, percent, SIMILAR } from '../motion/similarity.js';
import { wrap } from './wrap.js';
import { neutralise } from './sanitize.js';
import type { Theme } from './theme.js';

/** Passages shown in the terminal; --json has them all. */
const PASSAGES_SHOWN = 10;
/** A passage longer than this many words is shown cut short. */
const PASSAGE_WORDS_SHOWN = 40;
/** …or this many when it is part of a passage already shown. */
const PART_WORDS_SHOWN = 12;
const CELL = 6;

/**
 * The comparison as the delegate reads it: who is who, a similarity grid (or, when too many
 * motions for the width, the most alike pairs), the common ground, and the dividing lines.
 */
export function renderMotionComparison(comparison: Comparison, theme: Theme, width: number): string {
  const out: string[] = [];
  out.push(theme.heading(`Comparing ${comparison.motions.length} motions`));
  const labelWidth = Math.max(...comparison.motions.map((m) => m.label.length));
  for (const m of comparison.motions) {
    const title = m.title && m.title !== m.name ? `: ${m.title}` : '';
    const prefix = `  ${m.label.padEnd(labelWidth)}  `;
    const line = wrap(`${neutralise(m.name + title)} (${m.words} words)`, width, prefix, ' '.repeat(prefix.length));
    out.push(theme.id(prefix) + line.slice(prefix.length));
  }

  out.push('', theme.heading('How alike they are'));
  out.push(theme.dim(wrap('Per cent of three-word phrases in common, counting words only (case, punctuation and stop words ignored).', width, '  ')));
  out.push('');
  const gridWidth = 2 + labelWidth + 1 + comparison.motions.length * CELL;
  if (gridWidth <= width) out.push(...grid(comparison, theme, labelWidth, width));
  else out.push(...closestPairs(comparison, theme));

  const notable = comparison.pairs.filter((p) => p.verdict === 'identical' || p.verdict === 'nearly identical' || p.verdict === 'contained');
  out.push('');
  if (notable.length === 0) out.push('  No two motions are identical or nearly so, and none is contained in another.');
  for (const pair of notable) out.push(wrap(describe(pair), width, `  ${theme.symbols.bullet} `, '    '));

  out.push('', theme.heading('Common ground: passages in more than one motion, longest first'));
  if (comparison.sharedPassages.length === 0) {
    out.push(wrap('No passage of five or more words (not counting stop words) appears in two motions.', width, '  '));
  }
  comparison.sharedPassages.slice(0, PASSAGES_SHOWN).forEach((passage, i) => {
    const number = `${i + 1}.`.padEnd(4);
    const part = passage.partOf === null ? '' : `, part of ${passage.partOf + 1}`;
    out.push(`  ${number}${theme.id(passage.motions.join(' '))} ${theme.dim(`(${passage.writtenWords} words${part})`)}`);
    // A long passage inside one already shown needs only its opening to be recognised.
    const shown = passage.partOf !== null && passage.writtenWords > 2 * PART_WORDS_SHOWN ? PART_WORDS_SHOWN : PASSAGE_WORDS_SHOWN;
    out.push(wrap(`"${neutralise(shorten(passage.text, shown))}"`, width, '      '));
  });
  const more = comparison.sharedPassages.length - PASSAGES_SHOWN;
  if (more > 0) out.push(theme.dim(`  …and ${more} more (--json lists them all).`));

  out.push('', theme.heading('What only one motion asks for: the dividing lines'));
  const without: string[] = [];
  for (const entry of comparison.uniqueDemands) {
    if (entry.unique.length === 0) {
      without.push(entry.motion);
      continue;
    }
    const motion = comparison.motions.find((m) => m.label === entry.motion)!;
    const from =
      entry.from === 'sentences'
        ? theme.dim(' (no resolves found: read from its sentences)')
        : entry.from === 'asks'
          ? theme.dim(' (no resolves: read from the sentences that ask)')
          : '';
    out.push(`  ${theme.id(motion.label)} ${neutralise(motion.name)}${from}`);
    for (const demand of entry.unique) {
      out.push(wrap(neutralise(demand.text), width, `    ${theme.symbols.bullet} `, '      '));
      if (demand.onlyHere.length > 0) out.push(theme.dim(wrap(`in no other motion: ${neutralise(demand.onlyHere.join(', '))}`, width, '      ', '      ')));
    }
  }
  if (without.length > 0) {
    const who = list(without);
    out.push(wrap(`${who}: every demand is also made by another motion.`, width, '  '));
  }
  return `${out.join('\n')}\n`;
}

function grid(comparison: Comparison, theme: Theme, labelWidth: number, width: number): string[] {
  const { motions, matrix } = comparison;
  const marks = theme.color ? { identical: '=', nearly: '≈', inside: '⊂', holds: '⊃' } : { identical: '=', nearly: '~', inside: '<', holds: '>' };
  const verdictOf = new Map<string, PairComparison>();
  for (const p of comparison.pairs) verdictOf.set(`${p.a} ${p.b}`, p).set(`${p.b} ${p.a}`, p);

  const rows = [`  ${' '.repeat(labelWidth)} ${motions.map((m) => m.label.padStart(CELL - 2).padEnd(CELL)).join('')}`.trimEnd()];
  motions.forEach((row, i) => {
    let line = `  ${theme.id(row.label.padEnd(labelWidth))} `;
    motions.forEach((col, j) => {
      if (i === j) {
        line += theme.dim('·'.padStart(CELL - 2).padEnd(CELL));
        return;
      }
      const pair = verdictOf.get(`${row.label} ${col.label}`)!;
      const value = matrix[i]![j]!;
      let mark = ' ';
      if (pair.verdict === 'identical') mark = marks.identical;
      else if (pair.verdict === 'nearly identical') mark = marks.nearly;
      else if (pair.verdict === 'contained') {
        const rowInCol = pair.a === row.label ? pair.aInB : pair.bInA;
        const colInRow = pair.a === row.label ? pair.bInA : pair.aInB;
        mark = rowInCol >= colInRow ? marks.inside : marks.holds;
      }
      const cell = `${String(percent(value)).padStart(CELL - 2)}${mark}`.padEnd(CELL);
      const style = value >= NEARLY_IDENTICAL || pair.verdict === 'contained' ? theme.match : value >= SIMILAR ? theme.warn : value < 0.2 ? theme.dim : (s: string) => s;
      line += style(cell);
    });
    rows.push(line.trimEnd());
  });
  const legend = [
    `${marks.identical} identical`,
    `${marks.nearly} nearly identical (${percent(NEARLY_IDENTICAL)}% or more)`,
    `${marks.inside} the row's motion is contained in the column's, ${marks.holds} the reverse`,
  ];
  rows.push('', theme.dim(wrap(legend.join(';  '), width, '  ', '  ')));
  return rows;
}

function closestPairs(comparison: Comparison, theme: Theme): string[] {
  const shown = comparison.pairs.filter((p) => p.similarity >= 0.2 || p.verdict === 'contained').slice(0, 20);
  const rows = [theme.dim('  Too many motions for a grid at this width; the most alike pairs:')];
  if (shown.length === 0) rows.push('  No pair has a fifth or more of its phrases in common.');
  for (const p of shown) {
    rows.push(`  ${`${percent(p.similarity)}%`.padStart(4)}  ${theme.id(`${p.a} and ${p.b}`)}  ${theme.dim(p.verdict)}`);
  }
  return rows;
}

function describe(pair: PairComparison): string {
  const pct = (v: number) => `${percent(v)}%`;
  switch (pair.verdict) {
    case 'identical':
      return `${pair.a} and ${pair.b} are identical (the same words in the same order, ignoring case, punctuation and stop words).`;
    case 'nearly identical':
      return `${pair.a} and ${pair.b} are nearly identical: ${pct(pair.similarity)} of their phrases in common.`;
    default: {
      const [inner, outer, share] = pair.aInB >= pair.bInA ? [pair.a, pair.b, pair.aInB] : [pair.b, pair.a, pair.bInA];
      return `${inner} is contained in ${outer}: ${pct(share)} of ${inner}'s phrases are in ${outer}.`;
    }
  }
}

/** The first `words` words of single-spaced text, and "…" when there are more. */
function shorten(text: string, words: number): string {
  let cut = -1;
  for (let n = 0; n < words; n++) {
    cut = text.indexOf(' ', cut + 1);
    if (cut === -1) return text;
  }
  return `${text.slice(0, cut)} …`;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
