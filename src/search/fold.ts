/**
 * A character beyond ASCII other than those SQLite's unicode61 tokenizer reads as separators and
 * lowercasing leaves as they are: General Punctuation (from U+2000: dashes, curly quotes, the
 * ellipsis, zero-width spaces) and the common symbols of Latin-1 and the currency signs (the
 * no-break space, £, ©, °, ±, « », ×, ÷, €). Text without one folds as it lowercases, word for
 * word at the same offsets, so the Unicode patterns need not be made for it (a millisecond or
 * more when first used: a page or note with a price in it, a query typed with a curly apostrophe).
 * NOTE: left out as letters or numbers to the tokenizer: ª µ º ² ³ ¹ ¼ ½ ¾ of Latin-1, and the
 * characters its tables, older than them, do not know: U+2065 to U+2069 (the isolates of
 * bidirectional text) and the currency signs from U+20BA (the lira, the ruble, the bitcoin sign).
 * test/unit/porter.test.ts holds the list to SQLite's own tokenizer.
 */
export const BEYOND_PLAIN = /[^\x00-\x7f\u00a0-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u2000-\u2064\u206a-\u206f\u20a0-\u20b9]/;

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
  if (!BEYOND_PLAIN.test(text)) return text.toLowerCase();
  const bare = text.replace(LATIN_ACCENTED, (c) => c.normalize('NFD').replace(/\p{M}/gu, '')).replace((markAfterLatin ??= /(?<=[\x00-\u024f\u1e00-\u1eff])\p{M}+/gu), '');
  // NOTE: written as escapes: one letter beyond ASCII in the bundle makes V8 hold all of it as
  // two-byte text, 400 kB more at every start (esbuild escapes strings, not regular expressions).
  return bare.toLowerCase().replace(/\u03c2/g, '\u03c3');
}

/** A lowercase ASCII letter or a digit, by character code: a word of folded ASCII text goes on past it. */
export function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}
