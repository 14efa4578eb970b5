import type { Checklist, ChecklistItem } from '../checklist/checklist.js';
import { DEFAULT_RUN, type Progress } from '../checklist/progress.js';
import type { RunStatus } from '../checklist/runStatus.js';
import { runLabel, runLine } from './runLabel.js';
import { renderMarkdownAsText } from './plainText.js';
import { wrap } from './wrap.js';
import { neutralise, neutraliseLine } from './sanitize.js';
import type { Theme } from './theme.js';
import { plural } from '../util/plural.js';

/** Handbook page id → title, for an item's `See:` line. */
export type PageTitles = ReadonlyMap<string, string>;

/** One checklist with the runs to show for it (none saved: an empty list). */
export interface ChecklistRuns {
  checklist: Checklist;
  runs: RunStatus[];
}


/** A bar of `cells` cells, filled in proportion to done/total. */
export function progressBar(done: number, total: number, cells: number, theme: Theme): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * cells);
  return theme.ok(theme.symbols.bar.repeat(filled)) + theme.dim(theme.symbols.barEmpty.repeat(cells - filled));
}

/** "See: Title (id), …" for an item, or '' when it names no page. */
export function seeLine(item: ChecklistItem, titles: PageTitles): string {
  if (item.see.length === 0) return '';
  return `See: ${item.see.map((id) => (titles.has(id) ? `${neutralise(titles.get(id)!)} (delegate read ${id})` : `delegate read ${id}`)).join('; ')}`;
}

/** The explanation under the highlighted item in the prompt: wrapped text, then its See line. */
export function renderItemExplanation(item: ChecklistItem, titles: PageTitles, width: number, theme: Theme): string {
  const lines: string[] = [];
  if (item.explanation) lines.push(renderMarkdownAsText(item.explanation, width).trimEnd());
  const see = seeLine(item, titles);
  if (see) lines.push(theme.dim(wrap(see, width)));
  return lines.join('\n');
}

/**
 * The checklist as text: a heading with the count, when to use it, then one numbered line per
 * item with its tick and its id (what --check takes).
 */
export function renderChecklistText(checklist: Checklist, status: RunStatus, theme: Theme, width: number): string {
  const lines: string[] = [
    `${theme.title(neutralise(checklist.title))}  ${theme.dim(`${status.done}/${status.total}${runLabel(status.run)}`)}`,
  ];
  if (checklist.when) lines.push(theme.dim(wrap(`When: ${neutralise(checklist.when)}`, width)));
  lines.push('');
  const numberWidth = String(checklist.items.length).length;
  checklist.items.forEach((item, index) => {
    const ticked = status.ticked.has(item.id);
    const mark = ticked ? theme.symbols.done : theme.symbols.todo;
    const number = `  ${String(index + 1).padStart(numberWidth)}. `;
    const head = `${number}${mark} `;
    const indent = ' '.repeat(head.length);
    const text = wrap(neutralise(item.text), width, head, indent).split('\n');
    const last = text[text.length - 1]!;
    // Colour goes on after wrapping: escape codes have no width.
    text[0] = `${number}${ticked ? theme.ok(mark) : theme.dim(mark)} ${text[0]!.slice(head.length)}`;
    if (last.length + 2 + item.id.length <= width) text[text.length - 1] += `  ${theme.id(item.id)}`;
    else text.push(`${indent}${theme.id(item.id)}`);
    lines.push(...text);
  });
  if (checklist.closing) lines.push('', renderMarkdownAsText(checklist.closing, width).trimEnd());
  return `${lines.join('\n')}\n`;
}

function markdownLines(text: string, indent: string): string[] {
  return neutralise(text)
    .split('\n')
    .map((l) => (l.trim() ? `${indent}${l}` : ''));
}

/**
 * The checklist as GitHub-flavoured Markdown with this run's ticks, to share with a delegation:
 * title, when, the intro, every item with its explanation, the sources, and last the closing
 * section, so an outline to fill in can be copied off the end.
 */
export function renderChecklistMarkdown(checklist: Checklist, status: RunStatus, titles: PageTitles): string {
  const out: string[] = [`# ${neutralise(checklist.title)}`, ''];
  if (checklist.when) out.push(`**When:** ${neutralise(checklist.when)}`, '');
  out.push(`Progress: ${status.done} of ${status.total} done${runLabel(status.run)}.`, '');
  if (checklist.intro) out.push(...markdownLines(checklist.intro, ''), '');
  for (const item of checklist.items) {
    out.push(`- [${status.ticked.has(item.id) ? 'x' : ' '}] ${neutralise(item.text)}`);
    if (item.explanation) out.push(...markdownLines(item.explanation, '  '));
    if (item.see.length) out.push(`  See: ${item.see.map((id) => neutralise(titles.get(id) ?? id)).join('; ')}`);
  }
  if (checklist.sources.length) {
    out.push('', '## Sources', '', ...checklist.sources.map((s) => `- ${neutralise(s)}`));
  }
  if (checklist.closing) out.push('', ...markdownLines(checklist.closing, ''));
  return `${out.join('\n')}\n`;
}

/** The checklist and this run as JSON: the content, the counts, and each item's tick. */
export function checklistToJson(checklist: Checklist, status: RunStatus, progress: Progress | undefined): Record<string, unknown> {
  return {
    id: checklist.id,
    title: checklist.title,
    when: checklist.when,
    summary: checklist.summary,
    sources: checklist.sources,
    closing: checklist.closing,
    file: checklist.file,
    origin: checklist.origin,
    run: status.run,
    done: status.done,
    total: status.total,
    updated: status.updated ?? null,
    items: checklist.items.map((item, index) => ({
      number: index + 1,
      id: item.id,
      text: item.text,
      explanation: item.explanation,
      see: item.see,
      ticked: status.ticked.has(item.id),
      tickedAt: progress?.ticked[item.id] ?? null,
    })),
  };
}

/**
 * Every checklist with the progress of each run shown (the run asked for first, then every other
 * saved run), for `delegate checklist list`: a pipe gets one line per run,
 * `id<TAB>done/total<TAB>title<TAB>run`; a terminal an aligned table, other runs indented below.
 */
export function renderChecklistIndex(rows: ChecklistRuns[], theme: Theme, aligned: boolean): string {
  const runsOf = (r: ChecklistRuns): RunStatus[] => (r.runs.length ? r.runs : [{ run: DEFAULT_RUN, done: 0, total: r.checklist.items.length, ticked: new Set<string>() }]);
  const count = (s: RunStatus) => `${s.done}/${s.total}`;
  if (!aligned) {
    return rows.map((r) => runsOf(r).map((s) => `${r.checklist.id}\t${count(s)}\t${neutraliseLine(r.checklist.title)}\t${s.run}\n`).join('')).join('');
  }
  const idWidth = Math.max(0, ...rows.map((r) => r.checklist.id.length));
  const countWidth = Math.max(0, ...rows.flatMap((r) => runsOf(r).map((s) => count(s).length)));
  const lines: string[] = [];
  for (const r of rows) {
    const [first, ...others] = runsOf(r);
    lines.push(`  ${theme.id(r.checklist.id.padEnd(idWidth))}  ${count(first!).padStart(countWidth)}  ${neutraliseLine(r.checklist.title)}${first!.run === DEFAULT_RUN ? '' : theme.dim(runLabel(first!.run))}`);
    for (const s of others) lines.push(`  ${' '.repeat(idWidth)}  ${count(s).padStart(countWidth)}  ${theme.dim(runLine(s.run))}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A saved run whose checklist is no longer found (removed, or its id changed). */
export interface OrphanRun {
  checklist: string;
  run: string;
  ticks: number;
}

/** Every run of every checklist at a glance: a title line, then a bar and a count per run. */
export function renderChecklistStatus(rows: ChecklistRuns[], orphans: OrphanRun[], theme: Theme, width: number): string {
  const cells = Math.max(5, Math.min(20, width - 40));
  const runWidth = Math.max(11, ...rows.flatMap((r) => r.runs.map((s) => s.run.length)));
  const lines: string[] = [];
  for (const { checklist, runs } of rows) {
    lines.push(`${theme.title(neutralise(checklist.title))}  ${theme.dim(checklist.id)}`);
    if (runs.length === 0) {
      lines.push(`  ${theme.dim('not started'.padEnd(runWidth))}  ${progressBar(0, 1, cells, theme)}  0/${checklist.items.length}`);
      continue;
    }
    for (const status of runs) {
      const done = status.done === status.total && status.total > 0;
      const count = `${status.done}/${status.total}`;
      lines.push(`  ${status.run.padEnd(runWidth)}  ${progressBar(status.done, status.total, cells, theme)}  ${done ? theme.ok(count) : count}`);
    }
  }
  if (orphans.length) {
    lines.push('', theme.warn('Saved progress for checklists not found now (kept, not counted):'));
    for (const o of orphans) lines.push(`  ${o.checklist}${runLabel(o.run)}: ${plural(o.ticks, 'tick')}`);
  }
  return `${lines.join('\n')}\n`;
}
