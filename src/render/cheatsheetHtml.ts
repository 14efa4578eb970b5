import { Marked } from 'marked';
import { checkedLine, type Cheatsheet, type CheatsheetSection } from '../content/cheatsheet.js';
import { neutralise } from './sanitize.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// NOTE: sized so the bundled sheet prints on at most two A4 sides; the print test checks it.
const css = `
@page { size: A4; margin: 11mm 12mm; }
* { box-sizing: border-box; }
body { font: 9.5pt/1.32 "Helvetica Neue", Arial, sans-serif; color: #111; margin: 0 auto; max-width: 190mm; }
header { border-bottom: 1.5pt solid #111; margin-bottom: 3mm; display: flex; justify-content: space-between; align-items: baseline; }
h1 { font-size: 14pt; margin: 0 0 1mm; }
header p { margin: 0; font-size: 8pt; color: #444; }
main { columns: 2; column-gap: 7mm; }
section { break-inside: avoid; margin: 0 0 3mm; }
h2 { font-size: 10.5pt; margin: 0 0 1mm; padding-bottom: 0.5mm; border-bottom: 0.5pt solid #999; }
ul, ol { margin: 0; padding-left: 4mm; }
li { margin: 0 0 0.6mm; }
p { margin: 0 0 1.2mm; }
code { font-family: inherit; font-weight: 600; }
footer { margin-top: 2mm; border-top: 0.5pt solid #999; padding-top: 1mm; font-size: 7.5pt; color: #444; }
@media screen { body { padding: 12mm; } }
`.trim();

/**
 * One self-contained HTML file (no external assets) with print CSS for A4. Its date line is when
 * the content was checked, never the day it was printed: a sheet printed today can be years old.
 */
export function renderCheatsheetHtml(sheet: Cheatsheet, sections: CheatsheetSection[]): string {
  const marked = new Marked({ gfm: true });
  // Raw HTML in a page is shown as text, never run: the sheet may come from a personal path.
  marked.use({ renderer: { html: ({ text }) => escapeHtml(text) } });
  const md = (text: string) => marked.parse(neutralise(text), { async: false });
  const body = sections
    .map((s) => `<section>\n<h2>${escapeHtml(neutralise(s.heading))}</h2>\n${md(s.body)}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(neutralise(sheet.title))}</title>
<style>
${css}
</style>
</head>
<body>
<header><h1>${escapeHtml(neutralise(sheet.title))}</h1><p>${escapeHtml(neutralise(['delegate', checkedLine(sheet)].filter(Boolean).join(' · ')))}</p></header>
<main>
${body}
</main>
<footer>Sources: ${escapeHtml(neutralise(sheet.sources.join('; ')))}</footer>
</body>
</html>
`;
}
