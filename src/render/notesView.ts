import type { Page } from '../content/page.js';
import type { ImportReport } from '../notes/importNotes.js';
import { neutralise, neutraliseLine } from './sanitize.js';
import type { Theme } from './theme.js';
import { plural } from '../util/plural.js';

/** The day part of a `created` value ("2025-09-28T14:30:00Z" → "2025-09-28"). */
function day(created: string | undefined): string {
  return neutralise(created ?? '').slice(0, 10);
}

/** Notes for a terminal: id, day, title and tags, one a line. */
export function renderNotesList(notes: readonly Page[], theme: Theme): string {
  const idWidth = Math.max(...notes.map((n) => n.id.length));
  const lines = notes.map((note) => {
    const tags = note.tags.length ? `  ${theme.dim(neutraliseLine(note.tags.map((t) => `#${t}`).join(' ')))}` : '';
    return `${theme.id(note.id.padEnd(idWidth))}  ${theme.dim(day(note.created).padEnd(10))}  ${neutraliseLine(note.title)}${tags}`;
  });
  return `${lines.join('\n')}\n\n${theme.dim(`${plural(notes.length, 'note')}. Read one with: delegate notes show <id>`)}\n`;
}

/** Notes for pipes: id, created, title and tags (comma-separated), tab-separated. */
export function renderNotesTable(notes: readonly Page[]): string {
  return notes.map((n) => `${n.id}\t${neutraliseLine(n.created ?? '')}\t${neutraliseLine(n.title)}\t${neutraliseLine(n.tags.join(','))}\n`).join('');
}

/** What an import did: each file brought in and where it went, then each file left out and why. */
export function renderImportReport(report: ImportReport, theme: Theme): { out: string; err: string } {
  const out =
    report.imported.map((i) => `${theme.ok(theme.symbols.pass)} ${neutralise(i.source)} → ${theme.id(i.id)}\n`).join('') +
    report.already.map((i) => `${theme.dim('already:')} ${neutralise(i.source)} → ${theme.id(i.id)}\n`).join('');
  const err = report.skipped.map((s) => `${theme.warn('skipped:')} ${neutralise(s.source)} ${neutralise(s.reason)}\n`).join('');
  return { out, err };
}
