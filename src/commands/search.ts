import { readFileSync } from 'node:fs';
import type { Context } from '../context.js';
import { contentPaths } from '../content/contentPaths.js';
import { formatWarning, parsePage } from '../content/loadPages.js';
import { ExitCode, UserError, usageError } from '../errors.js';
import { neutralise } from '../render/sanitize.js';
import { hitToJson, renderSearchResults, resultToJson, searchNotes, shortQuery } from '../render/searchView.js';
import { QueryError } from '../search/parseQuery.js';
import { IndexBusyError, type IndexedKind, type SyncProgress } from '../search/searchIndex.js';
import { SearchSession, type PageFilters, type SearchHit, type SearchRequest, type SearchResult } from '../search/searchSession.js';
import { SqliteUnavailableError } from '../search/database.js';
import { announceParts, keepNoCode } from '../startup/commandRan.js';
import { printJson, printPaged } from '../ui/output.js';
import { canPrompt, search as searchPrompt } from '../ui/prompts.js';
import { warn } from '../ui/warn.js';

export interface SearchOptions {
  query: string;
  kind?: IndexedKind;
  tag?: string;
  source?: 'bundled' | 'personal';
  limit?: number;
  json?: boolean;
  jsonl?: boolean;
}

/**
 * More pages read afresh than this, and the run built the index rather than brought it up to date:
 * its code is not kept for the next search (see keepNoCode).
 */
const BUILT_INDEX = 20;

/** Progress on stderr for indexing that runs longer than a second, on a terminal only. */
function progressReporter(ctx: Context): { onProgress: (p: SyncProgress) => void; finish: () => void } {
  const started = ctx.now().getTime();
  let shown = false;
  return {
    onProgress: ({ done, total }) => {
      if (!ctx.stderr.isTTY || ctx.now().getTime() - started < 1000) return;
      shown = true;
      ctx.stderr.write(`\r\u001b[KIndexing pages for search: ${done} of ${total}`);
    },
    finish: () => {
      if (shown) ctx.stderr.write('\r\u001b[K');
    },
  };
}

async function openSession(ctx: Context): Promise<SearchSession> {
  const progress = progressReporter(ctx);
  let session: SearchSession;
  try {
    session = await SearchSession.open({
      cacheDir: ctx.paths.cache,
      roots: contentPaths(ctx.paths),
      onProgress: progress.onProgress,
      onWait: () => warn(ctx, 'waiting for another delegate command to finish updating the search index', 'notice:'),
    });
  } catch (error) {
    throw translate(error);
  } finally {
    progress.finish();
  }
  if (session.indexed > BUILT_INDEX) keepNoCode();
  for (const notice of session.notices) warn(ctx, notice, 'notice:');
  for (const warning of session.warnings) warn(ctx, `${formatWarning(warning)} (the page is skipped; fix the file to see it)`);
  return session;
}

function translate(error: unknown): unknown {
  if (error instanceof QueryError) return usageError(error.message, 'Search syntax: words (all must match), "a phrase", OR between alternatives, -word to leave out, prefix*.');
  if (error instanceof IndexBusyError) return new UserError('another delegate command is still updating the search index', { hint: 'Try again in a moment.' });
  if (error instanceof SqliteUnavailableError) return new UserError(error.message, { hint: error.hint });
  return error;
}

/** `delegate search`: the best pages for a query, with the lines that matched. */
export async function search(options: SearchOptions, ctx: Context): Promise<void> {
  const filters: PageFilters = {
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.tag ? { tag: options.tag } : {}),
    ...(options.source ? { source: options.source } : {}),
  };
  if (!options.query.trim()) {
    if (options.json || options.jsonl || !canPrompt(ctx)) {
      throw usageError('give the words to search for', 'For example: delegate search reference back\nOn a terminal, "delegate search" alone searches as you type.');
    }
    await searchInteractively(filters, ctx);
    return;
  }

  const session = await openSession(ctx);
  try {
    const request: SearchRequest = { query: options.query, filters, limit: options.limit ?? 10, ...strategy(ctx) };
    const result = await session.find(request).catch((error: unknown) => {
      throw translate(error);
    });
    for (const notice of result.notices) warn(ctx, notice, 'notice:');
    announceParts(codeParts(result));
    if (options.json) printJson(resultToJson(result), ctx);
    else if (options.jsonl) {
      for (const line of searchNotes(result)) ctx.stderr.write(`${line}\n`);
      const search = { searched: result.searched, relaxed: result.relaxed, corrected: result.corrections.length > 0, widened: result.widened.length > 0 };
      ctx.stdout.write(result.hits.map((hit) => `${JSON.stringify({ ...hitToJson(hit), search })}\n`).join(''));
    } else if (result.hits.length > 0) {
      await printPaged(renderSearchResults(result, { width: ctx.width, theme: ctx.theme, interactive: ctx.interactive }), ctx);
    }
    if (result.hits.length === 0) throw nothingFound(result, Object.keys(filters).length > 0, !options.json && !options.jsonl);
  } finally {
    session.close();
  }
}

/**
 * The parts of the search's code a result took beyond a plain search (see announceParts): its
 * corrections, its relaxed ranking, its synonyms. NOTE: a question after a plain first search
 * otherwise compiled them at every start: 3.4 ms on Node 24 (112.2 against 108.8 ms, 41 runs in
 * turn, 3 December 2026).
 */
function codeParts(result: SearchResult): string[] {
  const parts: Array<[string, boolean]> = [
    ['corrected', result.corrections.length > 0 || result.unknown.length > 0],
    ['relaxed', result.relaxed],
    ['widened', result.widened.length > 0],
  ];
  return parts.filter(([, took]) => took).map(([part]) => part);
}

/** The bench's before-and-after: DELEGATE_SEARCH_STRATEGY=exact searches every word as typed, as before issue 11. */
function strategy(ctx: Context): Pick<SearchRequest, 'strategy'> {
  return ctx.env.DELEGATE_SEARCH_STRATEGY === 'exact' ? { strategy: 'exact' } : {};
}

/** No result: say what was searched (the notes the results would have carried) and what to try. */
function nothingFound(result: SearchResult, filtered: boolean, withNotes: boolean): UserError {
  const notes = withNotes ? searchNotes(result).filter((line) => !line.startsWith('No page mentions')) : [];
  const why = result.unknown.length > 0 ? `: no page mentions ${result.unknown.map((w) => `"${neutralise(w)}"`).join(' or ')}` : '';
  const hint = result.questionOnly
    ? 'Add a word the answer would use (what is a remit: remit), or quote a word to search for it as it is.'
    : `Try fewer words, the start of a word with * (composit*), or OR between alternatives (amendment OR remit)${filtered ? ', or drop --kind, --tag or --source' : ''}.`;
  return new UserError(`nothing matches "${shortQuery(result.query)}"${filtered ? ' with those filters' : ''}${why}`, {
    exitCode: ExitCode.failure,
    hint: [...notes, hint].join('\n'),
  });
}

/** Search as you type: results follow each key, and the page chosen opens. */
async function searchInteractively(filters: PageFilters, ctx: Context): Promise<void> {
  const session = await openSession(ctx);
  let chosen: SearchHit;
  try {
    chosen = await searchPrompt<SearchHit>(ctx, 'Search the handbook and your notes:', async (term) => {
      if (!term?.trim()) return [];
      try {
        // The same strategy as `delegate search`; the last word, while it is being typed (nothing
        // after it), also counts as the start of a word. If that finds nothing, the words as typed.
        const request = { filters, limit: 20, maxLines: 1, lenient: true, ...strategy(ctx) };
        const typing = /[\p{L}\p{N}]$/u.test(term);
        let result = await session.find({ ...request, query: term, typing });
        if (result.total === 0 && typing) result = await session.find({ ...request, query: term });
        const notes = searchNotes(result).join('\n');
        return result.hits.map((hit) => {
          const line = hit.lines[0];
          const detail = [line ? `${line.line}: ${neutralise(line.text)}` : neutralise(hit.kind)];
          if (hit.missing.length > 0) detail.push(`lacks: ${hit.missing.map(neutralise).join(', ')}`);
          if (hit.kind === 'checklist' || hit.kind === 'cheatsheet') detail.push(neutralise(hit.command));
          return {
            name: `${neutralise(hit.title)}  (${neutralise(hit.id)})`,
            value: hit,
            description: notes ? `${detail.join('\n')}\n${notes}` : detail.join('\n'),
          };
        });
      } catch {
        return []; // a half-typed query that finds nothing yet
      }
    });
  } finally {
    session.close();
  }
  if (chosen.kind === 'checklist') {
    const { checklistCommand } = await import('./checklist/index.js');
    await checklistCommand({ id: chosen.id }, ctx);
    return;
  }
  let page;
  try {
    page = await parsePage(readFileSync(chosen.file, 'utf8'), chosen.file, chosen.origin);
  } catch {
    throw new UserError(`${neutralise(chosen.file)} changed and can no longer be read`, { hint: 'Run the search again.' });
  }
  const { renderPage } = await import('./renderPage.js');
  await printPaged(renderPage(page, ctx), ctx);
}
