// Latin letters with accents: SQLite's remove_diacritics folds these (and only these) to their base letter.
const LATIN_ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]/g;
// Made on first use, for text beyond ASCII: a pattern with a Unicode property class costs when
// it is made (see parseQuery.ts).
let markAfterLatin: RegExp | undefined;

/**
 * Text folded as SQLite's unicode61 tokenizer (remove_diacritics 2) folds the words of a page,
 * so that a query and the lines it marks compare as the index does: lowercase, with the accents
 * of Latin letters dropped; other scripts keep theirs (λόγος), a ligature stays one letter (ﬁ),
 * and a final sigma is a sigma. Line breaks and ASCII are left where they are.
 */
export function foldText(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase();
  const bare = text.replace(LATIN_ACCENTED, (c) => c.normalize('NFD').replace(/\p{M}/gu, '')).replace((markAfterLatin ??= /(?<=[\x00-\u024f\u1e00-\u1eff])\p{M}+/gu), '');
  // NOTE: written as escapes: one letter beyond ASCII in the bundle makes V8 hold all of it as
  // two-byte text, 400 kB more at every start (esbuild escapes strings, not regular expressions).
  return bare.toLowerCase().replace(/\u03c2/g, '\u03c3');
}

/** A lowercase ASCII letter or a digit, by character code: a word of folded ASCII text goes on past it. */
export function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}
