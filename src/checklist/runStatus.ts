import type { Checklist } from './checklist.js';
import type { Progress } from './progress.js';

/** Where one run of a checklist has got to. */
export interface RunStatus {
  run: string;
  /** Ids of the checklist's items that are ticked, in checklist order. */
  ticked: Set<string>;
  done: number;
  total: number;
  /** When the run was last saved; undefined for a run not started. */
  updated?: string;
}

/**
 * A run's progress against the checklist as it is now: only ids still on the checklist count,
 * so an item added or reworded with a new id starts unticked and a removed one drops out. A run
 * never saved shows the items written `- [x]` in the file.
 */
export function runStatus(checklist: Checklist, run: string, progress: Progress | undefined): RunStatus {
  const isTicked = progress ? (id: string) => Object.hasOwn(progress.ticked, id) : (id: string) => checklist.items.some((i) => i.id === id && i.tickedInFile);
  const ticked = new Set(checklist.items.filter((item) => isTicked(item.id)).map((item) => item.id));
  const status: RunStatus = { run, ticked, done: ticked.size, total: checklist.items.length };
  if (progress?.updated) status.updated = progress.updated;
  return status;
}

/** The ids a run that has never been saved starts with ticked. */
export function initialTicks(checklist: Checklist): string[] {
  return checklist.items.filter((item) => item.tickedInFile).map((item) => item.id);
}
