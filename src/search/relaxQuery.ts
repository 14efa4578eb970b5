import { termExpression, type ParsedQuery, type Term } from './parseQuery.js';
import type { QueryWords } from './queryWords.js';

/** At most this many words are searched; a pasted page of text is cut to its first ones. */
export const MAX_WORDS = 12;

/** One meaningful word of the query (or an unquoted phrase such as 50/50): relaxed, corrected, widened. */
export interface WordUnit {
  /** The words as typed (tokenized): one, or several for 50/50 or card-vote. */
  typed: string[];
  /** The words searched: as typed, or corrected. */
  words: string[];
  /** Matched as the start of a word too: a short word ("vot") or the word still being typed. */
  prefix: boolean;
  /** No page has it, and nothing near it: not searched ("no page mentions whip"). */
  missing?: boolean;
  /** The last word, still being typed (search as you type): read as a prefix, not corrected. */
  typing?: boolean;
}

/** A run of the query's words that is a member of a synonym group, and the group's other members. */
export interface SynonymSpan {
  /** The units (indexes into QueryPlan.units) the run stands for. */
  units: number[];
  /** The run as typed ("card vote"). */
  matched: string;
  /** The group's other members, as terms. */
  alternatives: Term[];
}

/**
 * What will be searched: the meaningful words (each may be missing from a page when no page
 * has them all), the clauses typed with operators (quotes, OR, prefix*), which must match as
 * typed, and the words left out.
 */
export interface QueryPlan {
  units: WordUnit[];
  spans: SynonymSpan[];
  /** Clauses with quotes, OR or prefix*: every one must match, exactly as typed. */
  fixed: Term[][];
  excluded: Term[];
  /** Question words left out, as typed. */
  dropped: string[];
  /** The query had only question words, so they were searched as typed. */
  questionOnly: boolean;
  /** Words beyond MAX_WORDS were not searched. */
  capped?: { kept: number; of: number };
}

/**
 * A rough English stem, to match a query's words against a synonym list ("card votes" is a
 * member "card vote", "leaving" is "leave"). The index has its own (Porter) stemmer; this one
 * only has to make the same word's forms meet.
 */
export function lightStem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function isPlain(clause: Term[]): boolean {
  return clause.length === 1 && !clause[0]!.quoted && clause[0]!.kind !== 'prefix';
}

function asTerm(words: readonly string[]): Term {
  return { kind: words.length > 1 ? 'phrase' : 'word', words: [...words] };
}

/** What became of one word before it is searched: corrected, read as a prefix, or in no page at all. */
export type WordFix = { to: string; prefix: boolean } | 'missing' | undefined;

/** A plain clause of the query (one word, or an unquoted phrase such as 50/50) on its way to a unit. */
interface PlainWord {
  words: string[];
  typed: string[];
  question: boolean;
  /** Its clause's index in the parsed query. */
  clause: number;
  /** The index in QueryPlan.units of the unit it became, if it was kept. */
  unit?: number;
  prefix: boolean;
  missing: boolean;
}

/** The query's plain words, to be relaxed, and its clauses with operators, kept exact. */
function sortClauses(parsed: ParsedQuery, queryWords: QueryWords): { plain: PlainWord[]; fixed: Term[][] } {
  const plain: PlainWord[] = [];
  const fixed: Term[][] = [];
  parsed.clauses.forEach((clause, i) => {
    if (!isPlain(clause)) {
      fixed.push(clause);
      return;
    }
    const words = clause[0]!.words;
    plain.push({ words, typed: words, question: words.length === 1 && queryWords.questionWords.has(words[0]!), clause: i, prefix: false, missing: false });
  });
  return { plain, fixed };
}

/**
 * The meaningful words, capped and corrected; question words left out unless there is nothing
 * else. Sets each plain word's `unit` (and its corrected `words`, `prefix`, `missing`).
 */
function wordUnits(
  plain: PlainWord[],
  lastClause: number,
  questionOnly: boolean,
  options: { typing?: boolean; maxWords: number; fix?: (word: string, typing: boolean) => WordFix },
): { units: WordUnit[]; dropped: string[]; meaningful: number } {
  const units: WordUnit[] = [];
  const dropped: string[] = [];
  let meaningful = 0;
  const seen = new Map<string, number>();
  for (const p of plain) {
    if (p.question && !questionOnly) {
      dropped.push(p.words[0]!);
      continue;
    }
    meaningful++;
    if (meaningful > options.maxWords) continue;
    const typing = !!options.typing && p.clause === lastClause && p.words.length === 1;
    if (!questionOnly && p.words.length === 1 && options.fix) {
      const fix = options.fix(p.words[0]!, typing);
      if (fix === 'missing') p.missing = true;
      else if (fix) {
        p.words = [fix.to];
        p.prefix = fix.prefix;
      }
    }
    if (typing) p.prefix = true;
    // The same word twice is one word to look for.
    const key = `${p.words.join(' ')}${p.prefix ? '*' : ''}`;
    const same = seen.get(key);
    if (same !== undefined) p.unit = same;
    else {
      seen.set(key, units.length);
      p.unit = units.length;
      units.push({ typed: p.typed, words: p.words, prefix: p.prefix, ...(p.missing ? { missing: true } : {}), ...(typing ? { typing: true } : {}) });
    }
  }
  return { units, dropped, meaningful };
}

interface StemmedSynonyms {
  /** Each group's members, each member's words stemmed. */
  members: string[][][];
  /** Each member under its first word: a pasted page of text is matched in one pass. */
  byFirst: Map<string, Array<{ group: number; member: number }>>;
}

const stemmed = new WeakMap<ReadonlyArray<ReadonlyArray<readonly string[]>>, StemmedSynonyms>();
const stemmedGroups = new WeakMap<ReadonlyArray<readonly string[]>, string[][]>();

/** Synonym groups stemmed and indexed, once per list of groups (search as you type plans every key), each group stemmed once. */
function stemmedSynonyms(groups: ReadonlyArray<ReadonlyArray<readonly string[]>>): StemmedSynonyms {
  let found = stemmed.get(groups);
  if (!found) {
    const members = groups.map((group) => {
      let stems = stemmedGroups.get(group);
      if (!stems) stemmedGroups.set(group, (stems = group.map((member) => member.map(lightStem))));
      return stems;
    });
    const byFirst = new Map<string, Array<{ group: number; member: number }>>();
    members.forEach((group, g) =>
      group.forEach((member, m) => {
        const entries = byFirst.get(member[0]!);
        if (entries) entries.push({ group: g, member: m });
        else byFirst.set(member[0]!, [{ group: g, member: m }]);
      }),
    );
    stemmed.set(groups, (found = { members, byFirst }));
  }
  return found;
}

/** More words than this (a pasted page) and every group is looked at, in one pass, rather than the groups they may start. */
const FEW_WORDS = 40;

/**
 * The synonym groups that may have a member starting with one of `stems`: lightStem() keeps the
 * start of a word but for a last "y" it made of "ies" ("parties" is "party"), so a member whose
 * first word has a stem starts with the stem, or with all of it but that "y".
 */
function groupsFor(stems: readonly string[], queryWords: QueryWords): ReadonlyArray<ReadonlyArray<readonly string[]>> {
  if (!queryWords.synonymsStarting || stems.length > FEW_WORDS) return queryWords.synonyms;
  return queryWords.synonymsStarting(stems.map((stem) => (stem.endsWith('y') ? stem.slice(0, -1) : stem)));
}

/**
 * Synonym runs over the plain words in order (as corrected), up to the last word kept; a clause
 * with operators between words breaks a run.
 */
function synonymSpans(plain: PlainWord[], queryWords: QueryWords): SynonymSpan[] {
  const lastKept = plain.reduce((last, p, at) => (p.unit !== undefined ? at : last), -1);
  const flat: Array<{ stem: string; at: number; question: boolean }> = [];
  plain.slice(0, lastKept + 1).forEach((p, at) => {
    for (const word of p.words) flat.push({ stem: lightStem(word), at, question: p.question });
  });
  const groups = groupsFor(flat.map((f) => f.stem), queryWords);
  const { members, byFirst } = stemmedSynonyms(groups);
  const spans: SynonymSpan[] = [];
  for (let i = 0; i < flat.length; ) {
    let best: { length: number; group: number; member: number } | undefined;
    for (const { group: g, member: m } of byFirst.get(flat[i]!.stem) ?? []) {
      const member = members[g]![m]!;
      if (member.length > flat.length - i || (best && member.length <= best.length)) continue;
      let fits = true;
      for (let k = 0; k < member.length && fits; k++) {
        const here = flat[i + k]!;
        // Within one run of plain words: consecutive clauses of the query.
        fits = here.stem === member[k] && (k === 0 || plain[here.at]!.clause - plain[flat[i + k - 1]!.at]!.clause <= 1);
      }
      if (!fits || flat.slice(i, i + member.length).every((f) => f.question)) continue;
      best = { length: member.length, group: g, member: m };
    }
    if (!best) {
      i++;
      continue;
    }
    const { length, group, member } = best;
    const run = flat.slice(i, i + length);
    const own = members[group]![member]!.join(' ');
    const alternatives = groups[group]!.filter((_, m) => members[group]![m]!.join(' ') !== own).map(asTerm);
    const covered = [...new Set(run.map((f) => plain[f.at]!.unit).filter((u): u is number => u !== undefined))];
    if (covered.length > 0 && alternatives.length > 0) {
      spans.push({ units: covered, matched: [...new Set(run.map((f) => f.at))].map((at) => plain[at]!.typed.join(' ')).join(' '), alternatives });
    }
    i += length;
  }
  return spans;
}

/**
 * Split a parsed query into what is relaxed and what is kept exact. Question words are left out
 * unless the query has nothing else; words past MAX_WORDS are cut; `fix` corrects each
 * meaningful word; then synonym groups are matched on the words (question words included, so
 * "leave the hall" is found). With `typing`, the last word is also read as the start of a word.
 */
export function planQuery(
  parsed: ParsedQuery,
  queryWords: QueryWords,
  options: { typing?: boolean; maxWords?: number; fix?: (word: string, typing: boolean) => WordFix } = {},
): QueryPlan {
  const maxWords = options.maxWords ?? MAX_WORDS;
  const { plain, fixed } = sortClauses(parsed, queryWords);
  const questionOnly = plain.length > 0 && fixed.length === 0 && plain.every((p) => p.question);
  const { units, dropped, meaningful } = wordUnits(plain, parsed.clauses.length - 1, questionOnly, { ...options, maxWords });
  const spans = synonymSpans(plain, queryWords);
  return {
    units,
    spans,
    fixed: fixed.slice(0, maxWords),
    excluded: parsed.excluded.slice(0, maxWords),
    dropped: [...new Set(dropped)],
    questionOnly,
    ...(meaningful > maxWords || fixed.length > maxWords ? { capped: { kept: maxWords, of: plain.length + fixed.length } } : {}),
  };
}

/** Turns a term into the terms it matches: a prefix also as the whole words that start with it. */
export type ExpandTerm = (term: Term) => Term[];

function anyOf(terms: readonly Term[]): string {
  return `(${terms.map(termExpression).join(' OR ')})`;
}

/** The terms one unit matches exactly (a prefix unit: the start of a word and its whole words). */
export function unitTerms(unit: WordUnit, expand: ExpandTerm): Term[] {
  if (!unit.prefix) return [asTerm(unit.words)];
  const terms = expand({ kind: 'prefix', words: unit.words });
  return unit.words.length === 1 && !terms.some((t) => t.kind === 'word' && t.words[0] === unit.words[0]) ? [asTerm(unit.words), ...terms] : terms;
}

/** The FTS5 expression for one unit, exactly as typed (or corrected). */
export function unitExpression(unit: WordUnit, expand: ExpandTerm): string {
  return unit.missing ? '' : anyOf(unitTerms(unit, expand));
}

/** The FTS5 expression for a span's synonyms (the group's other members). */
export function synonymExpression(span: SynonymSpan): string {
  return anyOf(span.alternatives);
}

function withOperators(plan: QueryPlan, parts: string[], expand: ExpandTerm): string {
  const all = [...parts, ...plan.fixed.map((clause) => anyOf(clause.flatMap(expand)))];
  if (all.length === 0) return '';
  const must = all.join(' AND ');
  if (plan.excluded.length === 0) return must;
  return `(${must}) NOT ${anyOf(plan.excluded.flatMap(expand))}`;
}

/**
 * Every unit must match (each as typed, or through a synonym of its span when `synonyms`), with
 * the operator clauses and exclusions as typed. Empty when there is nothing to look for.
 */
export function strictExpression(plan: QueryPlan, expand: ExpandTerm, synonyms: boolean): string {
  const parts = strictParts(plan, synonyms).map(({ span, units }) => {
    if (!span) return unitExpression(plan.units[units[0]!]!, expand);
    const exact = units.map((u) => unitExpression(plan.units[u]!, expand));
    // A word no page has (gen in "gen sec") can still be found through its synonyms.
    return exact.includes('') ? synonymExpression(span) : `(${exact.join(' AND ')} OR ${synonymExpression(span)})`;
  });
  return withOperators(plan, parts, expand);
}

/**
 * What strictExpression() asks for, each part to be matched: with `synonyms`, a span and the
 * units it is the first span of (all of them as typed, or its synonym), then each unit in no
 * such span, as typed; a unit no page has is in no part of its own.
 */
export function strictParts(plan: QueryPlan, synonyms: boolean): Array<{ span?: SynonymSpan; units: number[] }> {
  const parts: Array<{ span?: SynonymSpan; units: number[] }> = [];
  const inSpan = new Set<number>();
  if (synonyms) {
    for (const span of plan.spans) {
      const own = span.units.filter((u) => !inSpan.has(u));
      if (own.length === 0) continue;
      own.forEach((u) => inSpan.add(u));
      parts.push({ span, units: own });
    }
  }
  plan.units.forEach((unit, u) => {
    if (!inSpan.has(u) && !unit.missing) parts.push({ units: [u] });
  });
  return parts;
}

/**
 * The phrases (FTS5 expressions of one phrase each) of which a relaxed search ranks the pages
 * that have any: every unit's terms (a prefix unit's whole words too), then every synonym, in
 * that order. FTS5 scores their OR as the sum of each phrase's score, in this order.
 */
export function relaxedPhrases(plan: QueryPlan, expand: ExpandTerm): string[] {
  return [...plan.units.flatMap((unit) => (unit.missing ? [] : unitTerms(unit, expand))), ...plan.spans.flatMap((span) => span.alternatives)].map(termExpression);
}

/** Whether a relaxed search asks for relaxedPhrases() alone: no operator clause, no exclusion. */
export function relaxesToPhrases(plan: QueryPlan): boolean {
  return plan.fixed.length === 0 && plan.excluded.length === 0;
}

/** Any one unit (or synonym) matches, with the operator clauses and exclusions as typed: the pages a relaxed search ranks. */
export function relaxedExpression(plan: QueryPlan, expand: ExpandTerm): string {
  const any = relaxedPhrases(plan, expand);
  return withOperators(plan, any.length > 0 ? [`(${any.join(' OR ')})`] : [], expand);
}

/** Whether any word of the plan can be relaxed (searched even if some pages lack it). */
export function canRelax(plan: QueryPlan): boolean {
  const searched = plan.units.filter((u) => !u.missing).length + plan.spans.length;
  return !plan.questionOnly && (searched > 1 || (searched === 1 && plan.fixed.length > 0));
}

/** A unit as the delegate reads it: its words, with * when it is read as a prefix. */
export function unitLabel(unit: WordUnit): string {
  return `${unit.words.join(' ')}${unit.prefix ? '*' : ''}`;
}
