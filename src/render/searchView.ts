import { windowAround } from '../search/matchingLines.js';
import type { SearchHit, SearchResult } from '../search/searchSession.js';
import { neutralise } from './sanitize.js';
import type { Theme } from './theme.js';

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
  for (const [start, end] of matches) {
    if (start < at) continue;
    out += neutralise(text.slice(at, start)) + theme.match(neutralise(text.slice(start, end)));
    at = end;
  }
  return out + neutralise(text.slice(at));
}

function originLabel(hit: SearchHit): string {
  return hit.origin === 'bundled' ? '' : hit.origin === 'personal' ? ' · your notes' : ' · DELEGATE_PATH';
}

/** The line saying a misspelled query was corrected, or undefined when it was not. */
export function correctionLine(result: SearchResult): string | undefined {
  if (result.corrections.length === 0) return undefined;
  const found = result.uncorrectedTotal ? `${result.uncorrectedTotal} for` : 'nothing for';
  return `Showing results for ${neutralise(result.searched)} (${found} "${neutralise(result.query)}")`;
}

/** Search results as text: each page's id, title and kind, then its matching lines with their numbers. */
export function renderSearchResults(result: SearchResult, options: SearchViewOptions): string {
  const { theme, width } = options;
  const out: string[] = [];
  const corrected = correctionLine(result);
  if (corrected) out.push(theme.dim(corrected), '');
  const numberWidth = Math.max(2, ...result.hits.flatMap((h) => h.lines.map((l) => String(l.line).length)));
  for (const hit of result.hits) {
    out.push(`${theme.id(hit.id)}  ${theme.title(highlight(hit.title, hit.titleMatches, theme))}  ${theme.dim(`${hit.kind}${originLabel(hit)}`)}`);
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
  };
}

/** The whole result as JSON (for --json). */
export function resultToJson(result: SearchResult): Record<string, unknown> {
  return {
    query: result.query,
    searched: result.searched,
    corrections: result.corrections,
    total: result.total,
    results: result.hits.map(hitToJson),
  };
}
