import { firstAtLeast } from '../util/firstAtLeast.js';

/** The offsets of the line breaks (\n) in `text`. */
export function lineBreaks(text: string): number[] {
  const breaks: number[] = [];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) breaks.push(at);
  return breaks;
}

/** The 0-based line that offset `at` is on, given the line breaks' offsets (lineBreaks()): as many breaks come before it. */
export function lineAt(breaks: readonly number[], at: number): number {
  return firstAtLeast(breaks, at);
}
