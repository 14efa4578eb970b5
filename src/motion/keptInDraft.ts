import { clauses, findParts, sentences } from './findParts.js';
import { type MotionText, parseMotion } from './parseMotion.js';
import { asWritten, substantiveWords, words } from './words.js';

export type PhraseStatus = 'kept' | 'changed' | 'cut';

export interface TrackedPhrase {
  text: string;
  /** kept: in the draft word for word; changed: most of its words are in one place in the draft; cut: neither. */
  status: PhraseStatus;
  /** Share of its substantive words found in the draft passage nearest to it. */
  share: number;
  /** For a changed phrase, the draft's sentence or point that now carries it. */
  draft: string | null;
}

export interface KeepReport {
  words: {
    /** Distinct substantive words in your motion, and how many of them the draft has. */
    mine: number;
    kept: number;
    share: number;
    /** Your substantive words that are nowhere in the draft. */
    cut: string[];
  };
  /** Where the tracked phrases came from: --phrases, your resolves, or (no resolves found) your sentences. */
  phrasesFrom: 'phrases' | 'resolves' | 'asks' | 'sentences';
  phrases: TrackedPhrase[];
  /** The cut phrases written as an amendment to move at the meeting, or null when nothing was cut. */
  amendment: string | null;
}

/** A changed phrase must have more than this share of its substantive words in one draft sentence. */
export const CHANGED = 0.5;

/**
 * How much of your motion survived into a draft composite: the share of your distinct
 * substantive words the draft still uses, and for each key phrase (your resolves unless
 * `phrases` are given) whether it was kept word for word, changed, or cut. Cut phrases come
 * back as an amendment ready to propose.
 */
export function keptInDraft(mine: string | MotionText, draft: string, phrases?: readonly string[]): KeepReport {
  const body = typeof mine === 'string' ? parseMotion(mine).body : mine.body;
  const draftWords = new Set(substantiveWords(draft).map((w) => w.text));
  const mineWords = new Map<string, string>();
  for (const w of substantiveWords(body)) if (!mineWords.has(w.text)) mineWords.set(w.text, asWritten(body, w));
  const cutWords = [...mineWords].filter(([word]) => !draftWords.has(word)).map(([, shown]) => shown);
  const kept = mineWords.size - cutWords.length;

  let phrasesFrom: KeepReport['phrasesFrom'] = 'phrases';
  let tracked = phrases ? [...phrases] : [];
  if (!phrases) {
    const parts = findParts(body);
    tracked = parts.demands;
    phrasesFrom = parts.demandsFrom === 'asks' ? 'asks' : 'resolves';
    if (tracked.length === 0) {
      tracked = sentences(body);
      phrasesFrom = 'sentences';
    }
  }

  const draftSequence = ` ${words(draft).map((w) => w.text).join(' ')} `;
  const passages = clauses(draft).map((text) => ({ text, words: new Set(substantiveWords(text).map((w) => w.text)) }));
  const results: TrackedPhrase[] = tracked.map((text) => {
    const all = words(text).map((w) => w.text);
    if (all.length > 0 && draftSequence.includes(` ${all.join(' ')} `)) return { text, status: 'kept', share: 1, draft: null };
    const wanted = [...new Set(substantiveWords(text).map((w) => w.text))];
    let best = { share: 0, text: null as string | null };
    for (const passage of passages) {
      const share = wanted.length === 0 ? 0 : wanted.filter((w) => passage.words.has(w)).length / wanted.length;
      if (share > best.share) best = { share, text: passage.text };
    }
    return best.share > CHANGED
      ? { text, status: 'changed', share: best.share, draft: best.text }
      : { text, status: 'cut', share: best.share, draft: null };
  });

  const cut = results.filter((r) => r.status === 'cut').map((r) => r.text);
  const where = { phrases: 'Insert, where it fits', resolves: 'Add at the end of the resolves', asks: 'Add at the end', sentences: 'Add at the end' }[phrasesFrom];
  const amendment =
    cut.length === 0
      ? null
      : cut.length === 1
        ? `${where}: "${cut[0]}"`
        : `${where}:\n${cut.map((text, i) => `${i + 1}. "${text}"`).join('\n')}`;

  return {
    words: { mine: mineWords.size, kept, share: mineWords.size === 0 ? 0 : kept / mineWords.size, cut: cutWords },
    phrasesFrom,
    phrases: results,
    amendment,
  };
}
