// Whitespace other than single spaces.
const IRREGULAR_SPACE = /\s\s|[^\S ]/;

/** Text on one line, each run of spaces, tabs and line breaks one space (unchanged when it already is). */
export function singleSpaced(text: string): string {
  return IRREGULAR_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}
