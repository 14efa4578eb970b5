import { findParts, type MotionParts } from './findParts.js';
import { type MotionText, parseMotion } from './parseMotion.js';
import { CONTEMPORARY, MOTION_DEADLINE, TITLE_LIMIT, WORD_LIMIT } from './rules.js';
import { type Subject, subjects } from './subjects.js';
import { countWords } from './words.js';
import { plural } from '../util/plural.js';

/** pass and fail are decided here; warn needs a look; ask is for the delegate to answer. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'ask';

export interface CheckItem {
  id: 'length' | 'title' | 'subject' | 'structure' | 'contemporary' | 'deadline';
  status: CheckStatus;
  message: string;
  details: string[];
}

/** The kind of motion the text reads as, which decides the parts it should have. */
export type MotionForm = 'Labour conference' | 'union conference' | 'model motion' | 'campaign';

export interface MotionCheck {
  title: string | null;
  /** Which form it was read as, and from what. */
  form: MotionForm;
  formFrom: string;
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
  return checkParsedMotion(parseMotion(text), options);
}

/** checkMotion for a motion already parsed (one of a document's, from readMotions). */
export function checkParsedMotion(motion: MotionText, options: { limit?: number } = {}): MotionCheck {
  const limit = options.limit ?? WORD_LIMIT.words;
  const limitFrom = options.limit === undefined ? WORD_LIMIT.from : 'set with --limit';
  const count = countWords(motion.body);
  const titleWords = motion.title === undefined ? null : countWords(motion.title);
  const parts = findParts(motion.body);
  const groups = subjects(motion.body);
  const { form, formFrom } = readForm(parts);
  const checks: CheckItem[] = [
    checkLength(count, limit, options.limit !== undefined),
    checkTitle(titleWords),
    checkSubject(groups, parts),
    structure(form, parts),
    ...questionsToAsk(),
  ];

  const failures = checks.filter((c) => c.status === 'fail').length;
  const warnings = checks.filter((c) => c.status === 'warn').length;
  return {
    title: motion.title ?? null,
    form,
    formFrom,
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

/** The word count against the limit: the rule's, or one set with --limit. */
function checkLength(count: number, limit: number, limitSet: boolean): CheckItem {
  const countedDetail = 'Counted: the words below the title; numbers and list numbers count, bullets do not.';
  const limitDetail = limitSet
    ? `Limit: ${limit} words, set with --limit (the rule has been ${WORD_LIMIT.words}: ${WORD_LIMIT.from}).`
    : `Limit: ${limit} words (${WORD_LIMIT.from}). Check the current CAC report.`;
  if (count === 0) return { id: 'length', status: 'fail', message: 'No text below the title.', details: [] };
  if (count > limit) {
    return {
      id: 'length',
      status: 'fail',
      message: `${count} words, ${count - limit} over the limit of ${limit}.`,
      details: [countedDetail, limitDetail],
    };
  }
  return { id: 'length', status: 'pass', message: `${count} words; the limit is ${limit}.`, details: [countedDetail, limitDetail] };
}

/** Whether there is a title, and its length against what older rules allowed. */
function checkTitle(titleWords: number | null): CheckItem {
  if (titleWords === null) {
    return {
      id: 'title',
      status: 'warn',
      message: 'No title found.',
      details: ['Put a short title on the first line, with a blank line below it.'],
    };
  }
  if (titleWords > TITLE_LIMIT.words) {
    return {
      id: 'title',
      status: 'warn',
      message: `Title of ${titleWords} words: older rules allowed ${TITLE_LIMIT.words} (${TITLE_LIMIT.from}).`,
      details: ['A short title does no harm either way.'],
    };
  }
  return {
    id: 'title',
    status: 'pass',
    message: `Title of ${plural(titleWords, 'word')}; older rules allowed ${TITLE_LIMIT.words} (${TITLE_LIMIT.from}).`,
    details: [],
  };
}

/** One subject or several, from the groups of words the text falls into; without demands, a question. */
function checkSubject(groups: Subject[], parts: MotionParts): CheckItem {
  if (groups.length > 1) {
    return {
      id: 'subject',
      status: 'warn',
      message: `It may be about ${groups.length} subjects, not one: ${groups.map((g) => `"${g.words.join(', ')}"`).join(' and ')}.`,
      details: [`The CAC has asked for one subject (${WORD_LIMIT.from}). Keep one and save the rest for another motion.`],
    };
  }
  if (parts.demands.length > 0) return { id: 'subject', status: 'pass', message: 'Reads as one subject.', details: [] };
  return {
    id: 'subject',
    status: 'ask',
    message: 'Is it about one subject?',
    details: ['Without a resolves part this cannot be judged from the text.'],
  };
}

/** What only the delegate can answer: whether the motion is contemporary and in on time. */
function questionsToAsk(): CheckItem[] {
  return [
    {
      id: 'contemporary',
      status: 'ask',
      message: 'Is it contemporary?',
      details: [
        `It must be ${CONTEMPORARY.rule} (${CONTEMPORARY.from}). ${CONTEMPORARY.latest.year}: only matters after ${CONTEMPORARY.latest.after}.`,
      ],
    },
    {
      id: 'deadline',
      status: 'ask',
      message: 'Will it meet the deadline?',
      details: [`${MOTION_DEADLINE.year}: ${MOTION_DEADLINE.when}. Check the current CAC report.`],
    },
  ];
}

/**
 * The form a motion reads as: a union conference's speaks as "Congress"; a model motion (for a
 * branch or CLP to pass) as "This branch", "This CLP"; a Labour conference motion as
 * "Conference"; a campaign's marks no parts and asks in plain sentences ("Labour must …").
 */
function readForm(parts: MotionParts): { form: MotionForm; formFrom: string } {
  if (parts.voice === 'congress') return { form: 'union conference', formFrom: 'it speaks as "Congress"' };
  if (parts.voice === 'local') return { form: 'model motion', formFrom: 'it speaks as "This branch" or "This CLP", for a local meeting to pass' };
  if (parts.voice === 'conference') return { form: 'Labour conference', formFrom: 'it speaks as "Conference"' };
  return { form: 'campaign', formFrom: 'no "Conference", "Congress" or "This branch" marks its parts; it asks in its own words' };
}

/** The structure check, judged by the form: each form has the parts it needs. */
function structure(form: MotionForm, parts: MotionParts): CheckItem {
  const n = parts.demands.length;
  const demands = plural(n, 'demand');
  if (form === 'campaign') {
    if (n > 0) {
      return {
        id: 'structure',
        status: 'pass',
        message: `A campaign motion: ${demands}, read from the sentences that ask ("must", "should", "call on").`,
        details: ['To go to conference it needs the usual parts: Conference notes, believes and resolves.'],
      };
    }
    return {
      id: 'structure',
      status: 'warn',
      message: 'It asks for nothing: no resolves, and no sentence that asks ("Labour must …", "We call on …").',
      details: ['Say what should be done, and who should do it.'],
    };
  }
  const speaker = form === 'union conference' ? 'Congress' : form === 'model motion' ? 'This branch (or CLP)' : 'Conference';
  const named = { notes: `${speaker} notes`, believes: `${speaker} believes`, resolves: `${speaker} resolves (or calls on)` };
  // A union motion often goes from what it notes straight to what it calls for.
  const needed = form === 'union conference' ? (['notes', 'resolves'] as const) : (['notes', 'believes', 'resolves'] as const);
  const missing = needed.filter((kind) => !parts[kind]);
  if (missing.length === 0) {
    const which = parts.believes ? 'Notes, believes and resolves' : 'Notes and calls on';
    return { id: 'structure', status: 'pass', message: `${which}, with ${demands}.`, details: [] };
  }
  return {
    id: 'structure',
    status: 'warn',
    // "a model motion", not "a model motion motion".
    message: `Missing the usual ${missing.length === 1 ? 'part' : 'parts'} of a ${form.endsWith('motion') ? form : `${form} motion`}: ${missing.map((k) => named[k]).join(', ')}.`,
    details: missing.includes('resolves')
      ? n > 0
        ? [`No resolves part: its ${demands} were read from the sentences that ask.`]
        : [`Without a resolves part the motion asks for nothing: say what ${form === 'union conference' ? 'Congress' : 'conference'} should do.`]
      : [],
  };
}
