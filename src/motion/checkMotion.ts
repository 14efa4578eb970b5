import { findParts } from './findParts.js';
import { parseMotion } from './parseMotion.js';
import { CONTEMPORARY, MOTION_DEADLINE, TITLE_LIMIT, WORD_LIMIT } from './rules.js';
import { subjects } from './subjects.js';
import { countWords } from './words.js';

/** pass and fail are decided here; warn needs a look; ask is for the delegate to answer. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'ask';

export interface CheckItem {
  id: 'length' | 'title' | 'subject' | 'structure' | 'contemporary' | 'deadline';
  status: CheckStatus;
  message: string;
  details: string[];
}

export interface MotionCheck {
  title: string | null;
  words: { count: number; limit: number; limitFrom: string; counted: string };
  titleWords: number | null;
  parts: { notes: boolean; believes: boolean; resolves: boolean; demands: string[] };
  /** The groups of words the text falls into; more than one suggests more than one subject. */
  subjects: string[][];
  checks: CheckItem[];
  result: 'pass' | 'warn' | 'fail';
  failures: number;
  warnings: number;
}

export const WORDS_COUNTED =
  'the words below the title (not the title): each run of characters between spaces with a letter or digit in it, so numbers and list numbers ("1.") count and bullets do not';

/**
 * Check a contemporary motion before it goes in: length, title, one subject, the usual parts,
 * and the questions only a person can answer. `limit` replaces the rule's word limit.
 */
export function checkMotion(text: string, options: { limit?: number } = {}): MotionCheck {
  const motion = parseMotion(text);
  const limit = options.limit ?? WORD_LIMIT.words;
  const limitFrom = options.limit === undefined ? WORD_LIMIT.from : 'set with --limit';
  const count = countWords(motion.body);
  const checks: CheckItem[] = [];

  const countedDetail = 'Counted: the words below the title; numbers and list numbers count, bullets do not.';
  const limitDetail =
    options.limit === undefined
      ? `Limit: ${limit} words (${WORD_LIMIT.from}). Check the current CAC report.`
      : `Limit: ${limit} words, set with --limit (the rule has been ${WORD_LIMIT.words}: ${WORD_LIMIT.from}).`;
  if (count === 0) {
    checks.push({ id: 'length', status: 'fail', message: 'No text below the title.', details: [] });
  } else if (count > limit) {
    checks.push({
      id: 'length',
      status: 'fail',
      message: `${count} words, ${count - limit} over the limit of ${limit}.`,
      details: [countedDetail, limitDetail],
    });
  } else {
    checks.push({ id: 'length', status: 'pass', message: `${count} words; the limit is ${limit}.`, details: [countedDetail, limitDetail] });
  }

  const titleWords = motion.title === undefined ? null : countWords(motion.title);
  if (titleWords === null) {
    checks.push({
      id: 'title',
      status: 'warn',
      message: 'No title found.',
      details: ['Put a short title on the first line, with a blank line below it.'],
    });
  } else if (titleWords > TITLE_LIMIT.words) {
    checks.push({
      id: 'title',
      status: 'warn',
      message: `Title of ${titleWords} words: older rules allowed ${TITLE_LIMIT.words} (${TITLE_LIMIT.from}).`,
      details: ['A short title does no harm either way.'],
    });
  } else {
    checks.push({
      id: 'title',
      status: 'pass',
      message: `Title of ${titleWords} word${titleWords === 1 ? '' : 's'}; older rules allowed ${TITLE_LIMIT.words} (${TITLE_LIMIT.from}).`,
      details: [],
    });
  }

  const parts = findParts(motion.body);
  const groups = subjects(motion.body);
  if (groups.length > 1) {
    checks.push({
      id: 'subject',
      status: 'warn',
      message: `It may be about ${groups.length} subjects, not one: ${groups.map((g) => `"${g.words.join(', ')}"`).join(' and ')}.`,
      details: [`The CAC has asked for one subject (${WORD_LIMIT.from}). Keep one and save the rest for another motion.`],
    });
  } else if (parts.demands.length > 0) {
    checks.push({ id: 'subject', status: 'pass', message: 'Reads as one subject.', details: [] });
  } else {
    checks.push({
      id: 'subject',
      status: 'ask',
      message: 'Is it about one subject?',
      details: ['Without a resolves part this cannot be judged from the text.'],
    });
  }

  const missing = (['notes', 'believes', 'resolves'] as const).filter((kind) => !parts[kind]);
  const named = { notes: 'Conference notes', believes: 'Conference believes', resolves: 'Conference resolves (or calls on)' };
  if (missing.length === 0) {
    const n = parts.demands.length;
    checks.push({
      id: 'structure',
      status: 'pass',
      message: `Notes, believes and resolves, with ${n} demand${n === 1 ? '' : 's'}.`,
      details: [],
    });
  } else {
    checks.push({
      id: 'structure',
      status: 'warn',
      message: `Missing the usual ${missing.length === 1 ? 'part' : 'parts'}: ${missing.map((k) => named[k]).join(', ')}.`,
      details: missing.includes('resolves')
        ? ['Without a resolves part the motion asks for nothing: say what conference should do.']
        : [],
    });
  }

  checks.push({
    id: 'contemporary',
    status: 'ask',
    message: 'Is it contemporary?',
    details: [
      `It must be ${CONTEMPORARY.rule} (${CONTEMPORARY.from}). ${CONTEMPORARY.latest.year}: only matters after ${CONTEMPORARY.latest.after}.`,
    ],
  });
  checks.push({
    id: 'deadline',
    status: 'ask',
    message: 'Will it meet the deadline?',
    details: [`${MOTION_DEADLINE.year}: ${MOTION_DEADLINE.when}. Check the current CAC report.`],
  });

  const failures = checks.filter((c) => c.status === 'fail').length;
  const warnings = checks.filter((c) => c.status === 'warn').length;
  return {
    title: motion.title ?? null,
    words: { count, limit, limitFrom, counted: WORDS_COUNTED },
    titleWords,
    parts: { notes: !!parts.notes, believes: !!parts.believes, resolves: !!parts.resolves, demands: parts.demands },
    subjects: groups.map((g) => g.words),
    checks,
    result: failures > 0 ? 'fail' : warnings > 0 ? 'warn' : 'pass',
    failures,
    warnings,
  };
}
