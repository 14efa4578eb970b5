import type { Context } from '../context.js';
import { pageToJson, type PageKind } from '../content/page.js';
import { neutraliseLine } from '../render/sanitize.js';
import { printJson, printPaged } from '../ui/output.js';
import { loadHandbook } from './loadHandbook.js';

export interface ListOptions {
  kind?: PageKind;
  tag?: string;
  json?: boolean;
}

export async function list(options: ListOptions, ctx: Context): Promise<void> {
  const tag = options.tag?.toLowerCase();
  const pages = (await loadHandbook(ctx)).pages.filter(
    (p) => (!options.kind || p.kind === options.kind) && (!tag || p.tags.includes(tag)),
  );
  if (options.json) {
    printJson(pages.map((p) => pageToJson(p, false)), ctx);
    return;
  }
  if (!ctx.interactive) {
    // One page a line, tab-separated, for cut, grep and shell completion.
    ctx.stdout.write(pages.map((p) => `${p.id}\t${p.kind}\t${neutraliseLine(p.title)}\n`).join(''));
    return;
  }
  if (pages.length === 0) {
    ctx.stdout.write('No pages match. Try `delegate list` without filters.\n');
    return;
  }
  const { theme } = ctx;
  const idWidth = Math.max(...pages.map((p) => p.id.length));
  const lines: string[] = [];
  let kind = '';
  for (const page of pages) {
    if (page.kind !== kind) {
      kind = page.kind;
      lines.push(`${lines.length ? '\n' : ''}${theme.heading(headings[page.kind])}`);
    }
    lines.push(`  ${theme.id(page.id.padEnd(idWidth))}  ${neutraliseLine(page.title)}`);
  }
  lines.push('', theme.dim('Read one with: delegate read <id>'));
  await printPaged(`${lines.join('\n')}\n`, ctx);
}

const headings: Record<PageKind, string> = {
  lesson: 'Lessons from the compositing meeting',
  note: 'Conference notes',
  procedure: 'Procedure',
  cheatsheet: 'Cheat sheet',
};
