import type { Context } from '../context.js';
import { cheatsheetToMarkdown, parseCheatsheet, selectSections, type Cheatsheet, type CheatsheetSection } from '../content/cheatsheet.js';
import { UserError } from '../errors.js';
import { neutralise } from '../render/sanitize.js';
import { writeFileAtomic } from '../util/writeFileAtomic.js';
import { printPaged } from '../ui/output.js';
import { loadHandbook } from './loadHandbook.js';

export type CheatsheetFormat = 'terminal' | 'markdown' | 'text' | 'html';

export interface CheatsheetOptions {
  section?: string;
  format?: CheatsheetFormat;
  output?: string;
}

export async function cheatsheet(options: CheatsheetOptions, ctx: Context): Promise<void> {
  const page = (await loadHandbook(ctx)).pages.find((p) => p.id === 'cheatsheet');
  if (!page) throw new UserError('the cheat sheet page (id: cheatsheet) is missing from the content paths', { hint: 'Check `delegate paths`; reinstall delegate if the bundled content is gone.' });
  const sheet = parseCheatsheet(page);
  const sections = options.section ? selectSections(sheet, options.section) : sheet.sections;
  if (sections.length === 0) {
    const names = sheet.sections.map((s) => `  ${s.heading}`).join('\n');
    throw new UserError(`no cheat sheet section matches "${neutralise(options.section ?? '')}"`, { hint: `Sections:\n${names}` });
  }
  // A file gets Markdown unless asked otherwise; the terminal gets the styled sheet, a pipe plain text.
  const format: CheatsheetFormat =
    options.format ?? (options.output ? (options.output.endsWith('.html') ? 'html' : 'markdown') : ctx.interactive ? 'terminal' : 'text');
  const markdown = cheatsheetToMarkdown(sheet, sections, !options.section);
  const { cachedRender } = await import('../ui/renderCache.js');
  const key = [page.file, page.stamp, format, options.section ?? ''];
  const text = await cachedRender(ctx, 'cheatsheet', key, () => renderCheatsheet(format, markdown, sheet, sections, ctx));
  if (options.output) {
    await writeFileAtomic(options.output, text);
    ctx.stderr.write(`Wrote the cheat sheet (${format}) to ${options.output}\n`);
    return;
  }
  await printPaged(text, ctx);
}

async function renderCheatsheet(format: CheatsheetFormat, markdown: string, sheet: Cheatsheet, sections: CheatsheetSection[], ctx: Context): Promise<string> {
  switch (format) {
    case 'markdown':
      return neutralise(markdown);
    case 'html': {
      const { renderCheatsheetHtml } = await import('../render/cheatsheetHtml.js');
      return renderCheatsheetHtml(sheet, sections);
    }
    case 'text': {
      const { renderMarkdownAsText } = await import('../render/plainText.js');
      return renderMarkdownAsText(markdown, ctx.width);
    }
    default: {
      const { renderMarkdownForTerminal } = await import('../render/markdownTerminal.js');
      return renderMarkdownForTerminal(markdown, ctx.width, ctx.theme);
    }
  }
}
