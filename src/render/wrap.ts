// Kept apart from plainText.ts so that wrapping text does not load the Markdown parser.

// Whitespace other than single spaces.
const IRREGULAR_SPACE = /\s\s|[^\S ]/;

/** Wrap one paragraph of words at `width`, with a first-line prefix and a hanging indent. */
export function wrap(text: string, width: number, first = '', rest = first): string {
  const irregular = IRREGULAR_SPACE.test(text);
  // Most text comes here single-spaced already, and much of it fits on one line as it is.
  if (!irregular && text !== '' && text[0] !== ' ' && text[text.length - 1] !== ' ' && first.length + text.length <= width) return first + text;
  const words = (irregular ? text.split(/\s+/) : text.split(' ')).filter(Boolean);
  const lines: string[] = [];
  let line = first;
  let lineHasWord = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
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
