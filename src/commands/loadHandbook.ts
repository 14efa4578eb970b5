import type { Context } from '../context.js';
import { contentPaths } from '../content/contentPaths.js';
import { formatWarning, loadPages, type LoadedContent } from '../content/loadPages.js';
import { warn } from '../ui/warn.js';
import { warnAboutContentPaths } from '../ui/contentPathWarnings.js';

/** Load every page for this context and report any file that could not be read, on stderr. */
export async function loadHandbook(ctx: Context): Promise<LoadedContent> {
  warnAboutContentPaths(ctx);
  const loaded = await loadPages(contentPaths(ctx.paths));
  for (const warning of loaded.warnings) {
    warn(ctx, `${formatWarning(warning)} (the page is skipped; fix the file to see it)`);
  }
  return loaded;
}
