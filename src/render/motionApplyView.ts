import { markerFor, type Layout, type Mark, type Paragraph, type Segment } from '../motion/paragraphs.js';
import { neutralise } from './sanitize.js';
import type { Theme } from './theme.js';

/**
 * The motion as amended with each change shown: on a terminal in colour (put in underlined,
 * taken out struck through), in plain text as [+ put in +] and [- taken out -].
 */
export function renderMarkedMotion(layout: Layout, theme: Theme): string {
  const mark = (text: string, how: Mark) => {
    if (how === 'same' || text === '') return text;
    // Blank space either side stays outside the marks.
    const [, before, inner, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
    if (inner === '') return text;
    const shown = theme.color ? (how === 'inserted' ? theme.inserted(inner!) : theme.deleted(inner!)) : how === 'inserted' ? `[+${inner}+]` : `[-${inner}-]`;
    return `${before}${shown}${after}`;
  };
  const segment = (s: Segment | null) => {
    if (!s) return '';
    let out = '';
    let run = '';
    let runMark: Mark = 'same';
    for (const piece of s.pieces) {
      if (piece.mark !== runMark) {
        out += mark(run, runMark);
        run = '';
        runMark = piece.mark;
      }
      run += piece.text;
    }
    return neutralise(out + mark(run, runMark));
  };
  const plainText = (s: Segment) => neutralise(s.pieces.filter((p) => p.mark !== 'deleted').map((p) => p.text).join(''));
  const deletedText = (s: Segment) => neutralise(s.pieces.map((p) => p.text).join(''));

  const blocks: string[] = [];
  const title = segment(layout.title);
  if (title) blocks.push(title);
  for (const paragraph of layout.paragraphs) blocks.push(paragraphLines(paragraph, segment, mark, plainText, deletedText));
  return `${blocks.filter((b) => b !== '').join('\n\n')}\n`;
}

function paragraphLines(
  paragraph: Paragraph,
  segment: (s: Segment | null) => string,
  mark: (text: string, how: Mark) => string,
  plainText: (s: Segment) => string,
  deletedText: (s: Segment) => string,
): string {
  const lines: string[] = [];
  const lead = segment(paragraph.lead);
  if (lead) lines.push(lead);
  const list = paragraph.list;
  if (list) {
    let n = 0;
    list.points.forEach((point, i) => {
      if (i > 0 && list.spaced) lines.push('');
      if (point.mark === 'deleted') lines.push(mark(`${point.printed} ${deletedText(point.segment)}`, 'deleted'));
      else if (point.mark === 'inserted') lines.push(mark(`${markerFor(list.style, ++n)} ${plainText(point.segment)}`, 'inserted'));
      else lines.push(`${markerFor(list.style, ++n)} ${segment(point.segment)}`);
    });
    if (lead && list.gap && list.points.length > 0) lines.splice(1, 0, '');
  }
  return lines.join('\n');
}
