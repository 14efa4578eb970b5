import type { Page } from './page.js';

export interface CheatsheetSection {
  heading: string;
  /** The section's Markdown without its heading. */
  body: string;
}

export interface Cheatsheet {
  title: string;
  intro: string;
  sections: CheatsheetSection[];
  sources: string[];
  /** When the content was last checked against its sources, from the page's `checked:`. */
  checked?: string;
}

/** Split the cheat sheet page at its `##` headings. */
export function parseCheatsheet(page: Page): Cheatsheet {
  const parts = page.body.split(/^##[ \t]+/m);
  const intro = (parts.shift() ?? '').trim();
  const sections = parts.map((part) => {
    const newline = part.indexOf('\n');
    const heading = (newline === -1 ? part : part.slice(0, newline)).replace(/\s+#*\s*$/, '').trim();
    return { heading, body: newline === -1 ? '' : part.slice(newline + 1).trim() };
  });
  const sheet: Cheatsheet = { title: page.title, intro, sections, sources: page.sources };
  if (page.checked) sheet.checked = page.checked;
  return sheet;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** The sections whose heading contains every word of `query` (case and punctuation ignored). */
export function selectSections(sheet: Cheatsheet, query: string): CheatsheetSection[] {
  const words = norm(query).split(' ').filter(Boolean);
  return sheet.sections.filter((s) => {
    const heading = ` ${norm(s.heading)} `;
    return words.every((w) => heading.includes(` ${w}`));
  });
}

/** "Content checked 2026-12-02", or '' when the sheet does not say. */
export function checkedLine(sheet: Cheatsheet): string {
  return sheet.checked ? `Content checked ${sheet.checked}` : '';
}

/**
 * The cheat sheet (or a selection) back as one Markdown document, with the date its content was
 * checked and its sources, so a printed or shared copy says where its figures come from.
 */
export function cheatsheetToMarkdown(sheet: Cheatsheet, sections: CheatsheetSection[], withIntro: boolean): string {
  const parts = [`# ${sheet.title}`];
  const checked = checkedLine(sheet);
  if (checked) parts.push(`${checked}.`);
  if (withIntro && sheet.intro) parts.push(sheet.intro);
  for (const s of sections) parts.push(`## ${s.heading}\n\n${s.body}`);
  // NOTE: not a `##` heading: --section output holds exactly the sections asked for.
  if (sheet.sources.length) parts.push(`Sources:\n\n${sheet.sources.map((s) => `- ${s}`).join('\n')}`);
  return `${parts.join('\n\n')}\n`;
}
