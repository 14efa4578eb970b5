// Kept apart from plainText.ts so that wrapping text does not load the Markdown parser.
import { singleSpaced } from '../util/singleSpaced.js';

/** Wrap one paragraph of words at `width`, with a first-line prefix and a hanging indent. */
export function wrap(text: string, width: number, first = '', rest = first): string {
  const spaced = singleSpaced(text);
  // Much of the text comes here fitting on one line as it is.
  if (spaced !== '' && spaced[0] !== ' ' && spaced[spaced.length - 1] !== ' ' && first.length + spaced.length <= width) return first + spaced;
  const words = spaced.split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = first;
  let lineHasWord = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // A word longer than a whole line (a long link) is broken only after a "/", so what is left
    // on each line can still be read and copied, rather than cut mid-word by the terminal.
    if (rest.length + word.length > width && word.includes('/')) {
      word.split(/(?<=\/)/).forEach((piece, n) => {
        const gap = n === 0 && lineHasWord ? ' ' : '';
        if (lineHasWord && line.length + gap.length + piece.length > width) {
          lines.push(line);
          line = rest + piece;
        } else {
          line += gap + piece;
        }
        lineHasWord = true;
      });
      continue;
    }
    if (lineHasWord && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (lineHasWord ? ' ' : '') + word;
    }
    lineHasWord = true;
  }
  if (lineHasWord || first.trim()) lines.push(line);
  return lines.join('\n');
}
