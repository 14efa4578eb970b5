import { windowAround } from '../search/matchingLines.js';
import type { SearchHit, SearchResult } from '../search/searchSession.js';
import { neutralise } from './sanitize.js';
import type { Theme } from './theme.js';
import { plural } from '../util/plural.js';

export interface SearchViewOptions {
  width: number;
  theme: Theme;
  /** On a terminal: add the hint on how to read a page. */
  interactive: boolean;
}

/** `text` with the [start, end) ranges styled as matches; every piece neutralised. */
export function highlight(text: string, matches: ReadonlyArray<readonly [number, number]>, theme: Theme): string {
  let out = '';
  let at = 0;
  // NOTE: indexed, not for-of with destructuring, which allocates at every step until V8 optimises it.
  for (let m = 0; m < matches.length; m++) {
    const start = matches[m]![0];
    const end = matches[m]![1];
    if (start < at) continue;
    out += neutralise(text.slice(at, start)) + theme.match(neutralise(text.slice(start, end)));
    at = end;
  }
  return out + neutralise(text.slice(at));
}

function originLabel(hit: SearchHit): string {
  return hit.origin === 'bundled' ? '' : hit.origin === 'personal' ? ' · your notes' : ' · DELEGATE_PATH';
}

/** A query as said back to the delegate: a pasted page of text is not echoed whole. */
export function shortQuery(query: string): string {
  return neutralise(query.length > 80 ? `${query.slice(0, 79)}…` : query);
}

/** The line saying a misspelled query was corrected, or undefined when it was not. */
export function correctionLine(result: SearchResult): string | undefined {
  if (result.corrections.length === 0) return undefined;
  const found = result.uncorrectedTotal ? `${result.uncorrectedTotal} for` : 'nothing for';
  return `Showing results for ${neutralise(result.searched)} (${found} "${shortQuery(result.query)}")`;
}

function list(words: readonly string[]): string {
  return words.map(neutralise).join(', ');
}

/**
 * What search did with the query, a line each: words cut, question words left out, words in no
 * page, corrections, synonyms used, and whether the results lack some words.
 */
export function searchNotes(result: SearchResult): string[] {
  const out: string[] = [];
  if (result.capped) out.push(`Searched only the first ${result.capped.kept} meaningful words of ${result.capped.of.toLocaleString('en-GB')}; the rest were left out.`);
  if (result.questionOnly) out.push(`Only question words ("${shortQuery(result.query)}"), so they were searched as typed.`);
  else if (result.dropped.length > 0) {
    const shown = result.dropped.slice(0, 8);
    out.push(`Question words left out: ${list(shown)}${result.dropped.length > shown.length ? ` and ${result.dropped.length - shown.length} more` : ''}.`);
  }
  if (result.unknown.length > 0) {
    const rest = result.hits.length > 0 ? '; searched for the rest' : '';
    out.push(`No page mentions ${result.unknown.map((w) => `"${neutralise(w)}"`).join(' or ')}${rest}.`);
  }
  const corrected = correctionLine(result);
  if (corrected) out.push(corrected);
  for (const { from, to } of result.widened) out.push(`Also searched for ${list(to.map((t) => `"${t}"`))} (the same as "${neutralise(from)}").`);
  if (result.relaxed) {
    const missing = [...new Set(result.hits.flatMap((h) => [...h.matched, ...h.missing]))];
    out.push(
      result.complete === 0
        ? `No page has all of: ${list(missing)}. Showing the pages with most of them.`
        : `Only ${plural(result.complete, 'page has', 'pages have')} all of: ${list(missing)}. Then the pages with most of them.`,
    );
  }
  return out;
}

function kindLabel(hit: SearchHit): string {
  const shown = hit.kind === 'checklist' || hit.kind === 'cheatsheet' ? ` · ${hit.command}` : '';
  return `${hit.kind}${originLabel(hit)}${shown}`;
}

/** Search results as text: each page's id, title and kind, then its matching lines with their numbers. */
export function renderSearchResults(result: SearchResult, options: SearchViewOptions): string {
  const { theme, width } = options;
  const out: string[] = [];
  const notes = searchNotes(result);
  if (notes.length > 0) out.push(...notes.map((line) => theme.dim(line)), '');
  const numberWidth = Math.max(2, ...result.hits.flatMap((h) => h.lines.map((l) => String(l.line).length)));
  for (const hit of result.hits) {
    out.push(`${theme.id(neutralise(hit.id))}  ${theme.title(highlight(hit.title, hit.titleMatches, theme))}  ${theme.dim(neutralise(kindLabel(hit)))}`);
    if (hit.missing.length > 0) out.push(theme.dim(`  lacks: ${list(hit.missing)}`));
    if (hit.synonyms.length > 0) out.push(theme.dim(`  through a synonym: ${list(hit.synonyms)}`));
    for (const line of hit.lines) {
      const prefix = `  ${String(line.line).padStart(numberWidth)}: `;
      const fitted = windowAround(line.text, line.matches, Math.max(20, width - prefix.length));
      out.push(theme.dim(prefix) + highlight(fitted.text, fitted.matches, theme));
    }
    out.push('');
  }
  const shown = result.hits.length;
  const footer: string[] = [];
  if (result.total > shown) footer.push(`${shown} of ${result.total} pages; --limit ${Math.min(result.total, 100)} shows more.`);
  if (options.interactive) footer.push('Read one with: delegate read <id>');
  if (footer.length) out.push(theme.dim(footer.join(' ')));
  else out.pop();
  return `${out.join('\n')}\n`;
}

/** One result as JSON: what a script needs to open the page at the matching line. */
export function hitToJson(hit: SearchHit): Record<string, unknown> {
  return {
    id: hit.id,
    title: hit.title,
    kind: hit.kind,
    origin: hit.origin,
    file: hit.file,
    tags: hit.tags,
    score: hit.score,
    titleMatches: hit.titleMatches,
    lines: hit.lines,
    matched: hit.matched,
    missing: hit.missing,
    synonyms: hit.synonyms,
    command: hit.command,
  };
}

/** The whole result as JSON (for --json). */
export function resultToJson(result: SearchResult): Record<string, unknown> {
  return {
    query: result.query,
    searched: result.searched,
    corrections: result.corrections,
    corrected: result.corrections.length > 0,
    relaxed: result.relaxed,
    widened: result.widened,
    questionWordsLeftOut: result.dropped,
    questionOnly: result.questionOnly,
    notFound: result.unknown,
    ...(result.capped ? { capped: result.capped } : {}),
    total: result.total,
    complete: result.complete,
    results: result.hits.map(hitToJson),
  };
}
