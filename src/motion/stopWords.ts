/**
 * Common English words that carry no subject of their own. Words are in the normalised form
 * the tokeniser produces (lower case, apostrophes removed: "don't" is "dont").
 *
 * NOTE: "no", "not" and "nor" are deliberately absent: "no evictions" and "evictions" ask for
 * opposite things, so a negation must count as a substantive word.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren arent as at be because been
  before being below between both but by can cannot cant could couldnt did didnt do does doesnt
  doing dont down during each either etc even ever every few for from further had hadnt has hasnt
  have havent having he hed hell hes her here heres hers herself him himself his how hows i id ill
  im ive if in into is isnt it its itself just least lets many may me might more most much must
  mustnt my myself now of off on once only or other others ought our ours ourselves out over own
  per same shall shant she shed shell shes should shouldnt so some such than that thats the their
  theirs them themselves then there theres these they theyd theyll theyre theyve this those
  through to too under until up upon us very via was wasnt we wed well were weve werent what whats
  when whens where wheres whether which while who whos whom why whys will with within without wont
  would wouldnt yet you youd youll youre youve your yours yourself yourselves`.split(/\s+/),
);

/**
 * The words of a motion's frame: every motion "notes", "believes" and "resolves" and
 * "calls on" someone, so these say nothing about what it asks for. Compare and keep ignore them
 * as they ignore stop words.
 */
export const MOTION_WORDS: ReadonlySet<string> = new Set(
  `conference conferences notes note noted noting believes believe resolves resolve resolved
  calls call calling urges urge instructs instruct recognises recognise recognizes recognize
  welcomes welcome considers consider agrees agree therefore furthermore motion nec
  clp clps`.split(/\s+/),
);

/** Whether a normalised word counts towards similarity and survival: not a stop or frame word. */
export function isSubstantive(word: string): boolean {
  return !STOP_WORDS.has(word) && !MOTION_WORDS.has(word);
}
