/**
 * The Porter stemmer as SQLite's FTS5 `porter` tokenizer applies it, so that search can tell
 * which words of a line the index matched without asking SQLite: "referred" and "reference" are
 * both "refer". It follows FTS5's reading of Porter's rules, which differs from the textbook in
 * places: a word of fewer than 3 or more than 64 bytes is kept as it is; of the suffixes a step
 * knows, the first that ends the word is the only one tried ("ement" before "ment"); and "y"
 * counts as a vowel after the first letter when asking whether a stem has a vowel.
 * test/unit/porter.test.ts checks it against SQLite's own on every word of the handbook.
 *
 * Words are compared as UTF-8 bytes, as SQLite does: a letter beyond ASCII is one or more
 * consonants, never a vowel, and counts its bytes towards the 64 (see `stem`).
 */

function isVowel(c: string | undefined, yIsVowel: boolean): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || (yIsVowel && c === 'y');
}

/**
 * In w[from, to): the end (exclusive, from 1) of the first run of vowels followed by a consonant,
 * or 0 when there is none. `consonantBefore`: whether the letter before `from` was a consonant
 * (a "y" after a consonant is a vowel).
 */
function vowelThenConsonant(w: string, from: number, to: number, consonantBefore: boolean): number {
  let consonant = consonantBefore;
  let i = from;
  for (; i < to; i++) {
    consonant = !isVowel(w[i], consonant);
    if (!consonant) break;
  }
  for (i++; i < to; i++) {
    consonant = !isVowel(w[i], consonant);
    if (consonant) return i + 1;
  }
  return 0;
}

/** Porter's measure m of w[0, n) is more than 0. */
function measureAbove0(w: string, n: number): boolean {
  return vowelThenConsonant(w, 0, n, false) > 0;
}

/** m of w[0, n) is more than 1. */
function measureAbove1(w: string, n: number): boolean {
  const first = vowelThenConsonant(w, 0, n, false);
  return first > 0 && vowelThenConsonant(w, first, n, true) > 0;
}

/** m of w[0, n) is exactly 1. */
function measureIs1(w: string, n: number): boolean {
  const first = vowelThenConsonant(w, 0, n, false);
  return first > 0 && vowelThenConsonant(w, first, n, true) === 0;
}

/** w[0, n) ends consonant, vowel, consonant, the last not w, x or y (Porter's *o). */
function endsCvc(w: string, n: number): boolean {
  const last = w[n - 1];
  if (last === 'w' || last === 'x' || last === 'y') return false;
  let pattern = 0;
  let consonant = false;
  for (let i = 0; i < n; i++) {
    consonant = !isVowel(w[i], consonant);
    pattern = ((pattern << 1) | (consonant ? 1 : 0)) & 7;
  }
  return pattern === 0b101;
}

/** w[0, n) has a vowel (Porter's *v*). */
function hasVowel(w: string, n: number): boolean {
  for (let i = 0; i < n; i++) if (isVowel(w[i], i > 0)) return true;
  return false;
}

type Condition = (w: string, n: number) => boolean;

const endsSOrT: Condition = (w, n) => (w[n - 1] === 's' || w[n - 1] === 't') && measureAbove1(w, n);

/**
 * A step's rules by the next-to-last letter of the suffix, as FTS5 dispatches them: suffix and
 * what replaces it. Within a letter, the first suffix that ends the word is the only one tried.
 * Plain literals: nothing is worked out when the module loads.
 */
type Rules = Readonly<Record<string, ReadonlyArray<readonly [suffix: string, replacement: string]>>>;

const STEP_2: Rules = {
  a: [['ational', 'ate'], ['tional', 'tion']],
  c: [['enci', 'ence'], ['anci', 'ance']],
  e: [['izer', 'ize']],
  g: [['logi', 'log']],
  l: [['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous']],
  o: [['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate']],
  s: [['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous']],
  t: [['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble']],
};

const STEP_3: Rules = {
  a: [['ical', 'ic']],
  s: [['ness', '']],
  t: [['icate', 'ic'], ['iciti', 'ic']],
  u: [['ful', '']],
  v: [['ative', '']],
  z: [['alize', 'al']],
};

const STEP_4: Rules = {
  a: [['al', '']],
  c: [['ance', ''], ['ence', '']],
  e: [['er', '']],
  i: [['ic', '']],
  l: [['able', ''], ['ible', '']],
  n: [['ant', ''], ['ement', ''], ['ment', ''], ['ent', '']],
  o: [['ion', ''], ['ou', '']],
  s: [['ism', '']],
  t: [['ate', ''], ['iti', '']],
  u: [['ous', '']],
  v: [['ive', '']],
  z: [['ize', '']],
};

/** Apply the first rule whose suffix ends `w` (and is shorter than it), if `condition` holds for the stem before it. */
function step(w: string, rules: Rules, condition: (w: string, n: number, suffix: string) => boolean): string {
  const candidates = rules[w[w.length - 2]!];
  if (!candidates) return w;
  for (let i = 0; i < candidates.length; i++) {
    // NOTE: not destructured: run once per new word, unoptimised, destructuring allocates.
    const suffix = candidates[i]![0];
    const replacement = candidates[i]![1];
    if (w.length <= suffix.length || !w.endsWith(suffix)) continue;
    const stem = w.length - suffix.length;
    return condition(w, stem, suffix) ? w.slice(0, stem) + replacement : w;
  }
  return w;
}

/** Step 4's condition: m > 1, and for -ion a stem ending in s or t. */
const step4Condition = (w: string, n: number, suffix: string): boolean => (suffix === 'ion' ? endsSOrT(w, n) : measureAbove1(w, n));

/** Step 1a: plurals. */
function step1a(w: string): string {
  const n = w.length;
  if (w[n - 1] !== 's') return w;
  if (w[n - 2] === 'e') return (n > 4 && w[n - 4] === 's' && w[n - 3] === 's') || (n > 3 && w[n - 3] === 'i') ? w.slice(0, -2) : w.slice(0, -1);
  return w[n - 2] === 's' ? w : w.slice(0, -1);
}

/** The endings step 1b makes whole again after -ed or -ing is cut ("rated" → "rat" → "rate"). */
const RESTORED = [
  ['at', 'ate'],
  ['bl', 'ble'],
  ['iz', 'ize'],
] as const;

/** Step 1b: -eed, -ed, -ing; and what is left of a word that lost -ed or -ing. */
function step1b(w: string): string {
  let cut: string;
  if (w.length > 3 && w.endsWith('eed')) return measureAbove0(w, w.length - 3) ? w.slice(0, -1) : w;
  if (w.length > 2 && w.endsWith('ed') && hasVowel(w, w.length - 2)) cut = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('ing') && hasVowel(w, w.length - 3)) cut = w.slice(0, -3);
  else return w;
  for (let i = 0; i < RESTORED.length; i++) {
    if (cut.length > 2 && cut.endsWith(RESTORED[i]![0])) return cut.slice(0, -2) + RESTORED[i]![1];
  }
  const n = cut.length;
  const last = cut[n - 1];
  if (!isVowel(last, false) && last !== 'l' && last !== 's' && last !== 'z' && last === cut[n - 2]) return cut.slice(0, -1);
  return measureIs1(cut, n) && endsCvc(cut, n) ? `${cut}e` : cut;
}

const known = new Map<string, string>();

/**
 * The stem of a token that is already folded (lowercase, accents removed), as the index keeps
 * it; for a token beyond ASCII, in SQLite's bytes (one character a byte). Its first letter is
 * always the token's. Remembered: a page repeats its words.
 */
export function stem(token: string): string {
  let found = known.get(token);
  if (found === undefined) known.set(token, (found = stemOf(token)));
  return found;
}

function stemOf(token: string): string {
  // One character a byte, as SQLite sees the word; ASCII is its own UTF-8.
  const bytes = /[^\x00-\x7f]/.test(token) ? Buffer.from(token, 'utf8').toString('latin1') : token;
  if (bytes.length < 3 || bytes.length > 64) return bytes;
  let w = step1b(step1a(bytes));
  if (w[w.length - 1] === 'y' && hasVowel(w, w.length - 1)) w = `${w.slice(0, -1)}i`;
  w = step(step(step(w, STEP_2, measureAbove0), STEP_3, measureAbove0), STEP_4, step4Condition);
  const n = w.length;
  if (w[n - 1] === 'e' && (measureAbove1(w, n - 1) || (measureIs1(w, n - 1) && !endsCvc(w, n - 1)))) w = w.slice(0, -1);
  if (w.length > 1 && w.endsWith('ll') && measureAbove1(w, w.length - 1)) w = w.slice(0, -1);
  return w;
}
