import { readFileSync } from 'node:fs';
import type { Context } from '../context.js';
import { contentPaths } from '../content/contentPaths.js';
import { formatWarning, parsePage } from '../content/loadPages.js';
import type { PageKind } from '../content/page.js';
import { ExitCode, UserError, usageError } from '../errors.js';
import { neutralise } from '../render/sanitize.js';
import { correctionLine, hitToJson, renderSearchResults, resultToJson } from '../render/searchView.js';
import { asYouType, QueryError } from '../search/parseQuery.js';
import { SqliteUnavailableError } from '../search/database.js';
import { IndexBusyError, type SyncProgress } from '../search/searchIndex.js';
import { SearchSession, type PageFilters, type SearchHit } from '../search/searchSession.js';
import { printJson, printPaged } from '../ui/output.js';
import { canPrompt, search as searchPrompt } from '../ui/prompts.js';

export interface SearchOptions {
  query: string;
  kind?: PageKind;
  tag?: string;
  source?: 'bundled' | 'personal';
  limit?: number;
  json?: boolean;
  jsonl?: boolean;
}

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
      onWait: () => ctx.stderr.write(`${ctx.theme.warn('notice:')} waiting for another delegate command to finish updating the search index\n`),
    });
  } catch (error) {
    throw translate(error);
  } finally {
    progress.finish();
  }
  for (const notice of session.notices) ctx.stderr.write(`${ctx.theme.warn('notice:')} ${neutralise(notice)}\n`);
  for (const warning of session.warnings) {
    ctx.stderr.write(`${ctx.theme.warn('warning:')} ${neutralise(formatWarning(warning))} (the page is skipped; fix the file to see it)\n`);
  }
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
    const result = await session.find({ query: options.query, filters, limit: options.limit ?? 10 }).catch((error: unknown) => {
      throw translate(error);
    });
    for (const notice of result.notices) ctx.stderr.write(`${ctx.theme.warn('notice:')} ${neutralise(notice)}\n`);
    if (options.json) printJson(resultToJson(result), ctx);
    else if (options.jsonl) {
      const corrected = correctionLine(result);
      if (corrected) ctx.stderr.write(`${corrected}\n`);
      ctx.stdout.write(result.hits.map((hit) => `${JSON.stringify(hitToJson(hit))}\n`).join(''));
    } else if (result.hits.length > 0) {
      await printPaged(renderSearchResults(result, { width: ctx.width, theme: ctx.theme, interactive: ctx.interactive }), ctx);
    }
    if (result.hits.length === 0) {
      const filtered = Object.keys(filters).length > 0;
      // A query pasted by mistake (a page of text) is not echoed whole.
      const said = options.query.length > 80 ? `${options.query.slice(0, 79)}…` : options.query;
      throw new UserError(`nothing matches "${neutralise(said)}"${filtered ? ' with those filters' : ''}`, {
        exitCode: ExitCode.failure,
        hint: `Try fewer words, the start of a word with * (composit*), or OR between alternatives (amendment OR remit)${filtered ? ', or drop --kind, --tag or --source' : ''}.`,
      });
    }
  } finally {
    session.close();
  }
}

/** Search as you type: results follow each key, and the page chosen opens. */
async function searchInteractively(filters: PageFilters, ctx: Context): Promise<void> {
  const session = await openSession(ctx);
  let chosen: SearchHit;
  try {
    chosen = await searchPrompt<SearchHit>(ctx, 'Search the handbook and your notes:', async (term) => {
      if (!term?.trim()) return [];
      try {
        // The last word as a start of a word while it is being typed; if that finds nothing,
        // the words as typed, which may be corrected as misspelled.
        const request = { filters, limit: 20, maxLines: 1, lenient: true };
        const typing = asYouType(term);
        let result = await session.find({ ...request, query: typing });
        if (result.total === 0 && typing !== term) result = await session.find({ ...request, query: term });
        // Said in the delegate's own words, not with the * added while typing.
        const corrected = correctionLine({ ...result, query: term });
        return result.hits.map((hit) => {
          const line = hit.lines[0];
          const detail = line ? `${line.line}: ${neutralise(line.text)}` : neutralise(hit.kind);
          return {
            name: `${neutralise(hit.title)}  (${hit.id})`,
            value: hit,
            description: corrected ? `${detail}\n${corrected}` : detail,
          };
        });
      } catch {
        return []; // a half-typed query that finds nothing yet
      }
    });
  } finally {
    session.close();
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
