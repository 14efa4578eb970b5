import { compareMotions, type ComparedMotion, type MotionToCompare } from './compareMotions.js';
import { findDemandSpans, sentenceSpans } from './findParts.js';
import { WORD_LIMIT } from './rules.js';
import { MIN_PASSAGE_WORDS } from './sharedPassages.js';
import { FOUND_ELSEWHERE } from './uniqueDemands.js';
import { countWords, substantiveWords } from './words.js';

/** Words of a draft and the motions they came from. */
export interface Attributed {
  text: string;
  /** Labels of the motions that have it (M1, M3). */
  motions: string[];
}

/** A first draft of a composite, for the compositing meeting to start from. */
export interface CompositeDraft {
  title: string;
  /** Passages most of the motions share, each once, most widely shared first. */
  commonGround: Attributed[];
  /** Demands two or more motions make, each once, with every motion that makes it. */
  demands: Attributed[];
  /** Demands only one motion makes: the ones to argue for. */
  toArgueFor: Attributed[];
  /** Words in the common ground and shared demands, as they would go into the composite. */
  words: number;
  /** The same with the demands to argue for added. */
  wordsWithAll: number;
  limit: { words: number; from: string };
  motions: ComparedMotion[];
}

/** Of the smaller set of pairs, the share the other holds. */
function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let held = 0;
  for (const pair of small) if (large.has(pair)) held++;
  return held / small.size;
}

/** The pieces of text left when a passage is taken out of it (case aside), trimmed of list numbers and punctuation at their ends. */
function without(text: string, passage: string): string[] {
  const at = text.toLowerCase().indexOf(passage.toLowerCase());
  if (at === -1) return [text];
  return [text.slice(0, at), text.slice(at + passage.length)]
    .map((piece) => piece.replace(/^[\s.,;:]*(?:\d{1,2}[.)]\s+)?/, '').replace(/[\s,;:]*(?:\d{1,2}[.)])?[\s,;:]*$/, '').trim())
    .filter((piece) => piece !== '');
}

function pairsOf(text: string): string[] {
  const words = substantiveWords(text);
  const pairs: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) pairs.push(`${words[i]!.text} ${words[i + 1]!.text}`);
  return pairs;
}

/**
 * A first-draft composite from the motions on one topic, built on what compare finds: the
 * passages most of them share, then every demand once, marked with the motions that make it
 * (a demand is made by a motion holding at least half its word pairs, as in compare), and the
 * demands only one motion makes set apart. A starting point for the meeting, not a text to move.
 */
export function draftComposite(motions: readonly MotionToCompare[], limit: number = WORD_LIMIT.words): CompositeDraft {
  const comparison = compareMotions(motions);
  const labels = comparison.motions.map((m) => m.label);

  // Common ground: passages held by at least half the motions (two at least), most widely
  // held first, each word once: a longer passage held by fewer motions keeps only what the
  // passages already listed do not say.
  const most = Math.max(2, Math.ceil(motions.length / 2));
  const commonGround: Attributed[] = [];
  const passages = comparison.sharedPassages.filter((p) => p.motions.length >= most).sort((a, b) => b.motions.length - a.motions.length || b.words - a.words);
  for (const passage of passages) {
    let pieces = [passage.text];
    for (const listed of commonGround) pieces = pieces.flatMap((piece) => without(piece, listed.text));
    for (const piece of pieces) if (countWords(piece) >= MIN_PASSAGE_WORDS) commonGround.push({ text: piece, motions: passage.motions });
  }

  // Demands: each motion's points of its resolves (or its sentences, with no resolves).
  const motionPairs = motions.map((m) => new Set(pairsOf(m.body)));
  const demands: Array<Attributed & { from: number; pairs: Set<string> }> = [];
  const toArgueFor: Attributed[] = [];
  const unique = new Set(comparison.uniqueDemands.flatMap((m) => m.unique.map((u) => `${m.motion}\u0000${u.text}`)));
  motions.forEach((motion, i) => {
    const { spans } = findDemandSpans(motion.body);
    for (const span of spans.length > 0 ? spans : sentenceSpans(motion.body)) {
      const pairs = new Set(pairsOf(span.text));
      if (unique.has(`${labels[i]}\u0000${span.text}`)) {
        toArgueFor.push({ text: span.text, motions: [labels[i]!] });
        continue;
      }
      if (pairs.size === 0) continue;
      const makers = labels.filter((_, j) => {
        if (j === i) return true;
        let held = 0;
        for (const pair of pairs) if (motionPairs[j]!.has(pair)) held++;
        return held / pairs.size >= FOUND_ELSEWHERE;
      });
      // Already listed from an earlier motion: the same demand, when the two share half the
      // word pairs of the shorter.
      const same = demands.find((d) => d.from !== i && overlap(d.pairs, pairs) >= FOUND_ELSEWHERE);
      if (makers.length === 1) {
        toArgueFor.push({ text: span.text, motions: makers });
        continue;
      }
      if (same) {
        for (const label of makers) if (!same.motions.includes(label)) same.motions.push(label);
        same.motions.sort((a, b) => labels.indexOf(a) - labels.indexOf(b));
        continue;
      }
      demands.push({ text: span.text, motions: makers, from: i, pairs });
    }
  });
  const shared = demands.filter((d) => d.motions.length > 1).sort((a, b) => b.motions.length - a.motions.length || a.from - b.from);
  // A shared passage that is (part of) a demand is listed as that demand, with its motions.
  const inDemands = [...shared, ...toArgueFor].map((d) => d.text.replace(/[.;]$/, ''));
  const ground: Attributed[] = [];
  for (const passage of commonGround) {
    const bare = passage.text.replace(/[.;]$/, '').toLowerCase();
    if (inDemands.some((d) => d.toLowerCase().includes(bare))) continue;
    let pieces = [passage.text];
    for (const d of inDemands) pieces = pieces.flatMap((piece) => without(piece, d));
    for (const piece of pieces) if (countWords(piece) >= MIN_PASSAGE_WORDS) ground.push({ text: piece, motions: passage.motions });
  }

  const words = [...ground, ...shared].reduce((n, a) => n + countWords(a.text), 0);
  const titles = new Map<string, { title: string; count: number }>();
  for (const m of motions) {
    if (!m.title) continue;
    const key = m.title.toLowerCase();
    const seen = titles.get(key) ?? { title: m.title, count: 0 };
    seen.count++;
    titles.set(key, seen);
  }
  const title = [...titles.values()].sort((a, b) => b.count - a.count)[0]?.title ?? 'Composite motion';
  return {
    title,
    commonGround: ground,
    demands: shared.map(({ text, motions: made }) => ({ text, motions: made })),
    toArgueFor,
    words,
    wordsWithAll: words + toArgueFor.reduce((n, a) => n + countWords(a.text), 0),
    limit: limit === WORD_LIMIT.words ? { words: limit, from: WORD_LIMIT.from } : { words: limit, from: 'set with --limit' },
    motions: comparison.motions,
  };
}
