/** The offsets of the line breaks (\n) in `text`. */
export function lineBreaks(text: string): number[] {
  const breaks: number[] = [];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) breaks.push(at);
  return breaks;
}

/** The 0-based line that offset `at` is on, given the line breaks' offsets (lineBreaks()). */
export function lineAt(breaks: readonly number[], at: number): number {
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (breaks[mid]! < at) low = mid + 1;
    else high = mid;
  }
  return low;
}
