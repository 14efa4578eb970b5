// Kept apart from plainText.ts so that wrapping text does not load the Markdown parser.

/** Wrap one paragraph of words at `width`, with a first-line prefix and a hanging indent. */
export function wrap(text: string, width: number, first = '', rest = first): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = first;
  let lineHasWord = false;
  for (const word of words) {
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
