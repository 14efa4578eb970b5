import type { FoundMotion } from '../motion/readMotions.js';
import { baseName } from '../motion/readMotions.js';
import { neutralise } from './sanitize.js';
import type { Theme } from './theme.js';
import { plural } from '../util/plural.js';

const cut = (text: string, width: number) => (width <= 1 ? '' : text.length <= width ? text : `${text.slice(0, width - 1)}\u2026`);

/**
 * The motions found, a table per file: label, number, organisation, title, words and page, with
 * each amendment on a line below its motion. Files are named without their folders.
 */
export function renderMotionList(motions: readonly FoundMotion[], theme: Theme, width: number): string {
  const out: string[] = [];
  const files = [...new Set(motions.map((m) => m.source))];
  for (const file of files) {
    const here = motions.filter((m) => m.source === file);
    const amendments = here.reduce((n, m) => n + (m.amendments?.length ?? 0), 0);
    const format = { text: 'text', pdf: 'PDF', docx: 'Word' }[here[0]!.format];
    const counted = `${plural(here.length, 'motion')}${amendments ? `, ${plural(amendments, 'amendment')}` : ''}`;
    const shown = here.length === here[0]!.ofInFile ? counted : `${counted} of ${here[0]!.ofInFile}`;
    if (out.length > 0) out.push('');
    out.push(theme.heading(`${neutralise(baseName(file))}: ${shown} (${format})`));
    const rows = here.map((m) => [m.label, m.number ?? '', neutralise(m.organisation ?? ''), neutralise(m.title ?? ''), `${m.words}`, m.page === undefined ? '' : `p. ${m.page}`]);
    const head = ['', 'No.', 'Organisation', 'Title', 'Words', here.some((m) => m.page !== undefined) ? 'Page' : ''];
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    // The title takes what the width leaves; the organisation gives way first when it is very long.
    const fixed = 2 + w[0]! + 2 + w[1]! + 2 + 2 + w[4]! + 2 + w[5]!;
    w[2] = Math.min(w[2]!, Math.max(12, Math.floor((width - fixed) / 2)));
    w[3] = Math.max(8, Math.min(w[3]!, width - fixed - w[2]! - 2));
    const line = (r: string[], style = (s: string) => s) =>
      `  ${theme.id(r[0]!.padEnd(w[0]!))}  ${r[1]!.padEnd(w[1]!)}  ${style(cut(r[2]!, w[2]!).padEnd(w[2]!))}  ${cut(r[3]!, w[3]!).padEnd(w[3]!)}  ${r[4]!.padStart(w[4]!)}  ${r[5]!}`.trimEnd();
    out.push(theme.dim(line(head)));
    here.forEach((m, i) => {
      out.push(line(rows[i]!));
      for (const a of m.amendments ?? []) {
        const by = a.organisation && !a.heading.includes(a.organisation) ? ` \u2013 ${a.organisation}` : '';
        const page = a.page === undefined ? '' : `, p. ${a.page}`;
        out.push(theme.dim(cut(`  ${' '.repeat(w[0]! + 2)}${neutralise(a.heading + by)} (${a.words} words${page})`, width)));
      }
    });
  }
  return `${out.join('\n')}\n`;
}
