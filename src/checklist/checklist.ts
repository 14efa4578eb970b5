import type { Origin } from '../content/page.js';

/** One thing to do on a checklist. */
export interface ChecklistItem {
  /** Stable id: `{#id}` in the file, or slugged from the text. Saved ticks are keyed by it. */
  id: string;
  /** The item as written (inline Markdown, not yet made safe for a terminal). */
  text: string;
  /** The lines indented under the item, without the `See:` line; '' when there are none. */
  explanation: string;
  /** Handbook page ids from the item's `See:` line. */
  see: string[];
  /** Written `- [x]` in the file: ticked on a run that has no saved progress yet. */
  tickedInFile: boolean;
  /** 1-based line of the item in its file. */
  line: number;
}

/**
 * A checklist parsed from Markdown: front matter, an optional intro, a task list, then an
 * optional closing section.
 */
export interface Checklist {
  id: string;
  title: string;
  when: string;
  summary: string;
  sources: string[];
  intro: string;
  /**
   * Markdown after the items, from the first unindented heading below them to the end of the
   * file (a report outline to fill in, say); '' when there is none.
   */
  closing: string;
  /** Optional `order` from the front matter, to list checklists in the order they are used. */
  order?: number;
  items: ChecklistItem[];
  file: string;
  origin: Origin;
}
