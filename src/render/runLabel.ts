import { DEFAULT_RUN } from '../checklist/progress.js';
import { neutralise } from './sanitize.js';

// NOTE: every way a run of a checklist is named to the delegate is here, so they stay alike.

/** How a run is named after a checklist's title: nothing for the default run, " (run: economy)" else. */
export function runLabel(run: string): string {
  return run === DEFAULT_RUN ? '' : ` (run: ${run})`;
}

/** A run listed on a line of its own below its checklist's first: "run economy". */
export function runLine(run: string): string {
  return `run ${run}`;
}

/**
 * The option that picks a run, in a command to type: " --run economy", or nothing when `named`
 * is false (by default, for the default run).
 */
export function runOption(run: string, named = run !== DEFAULT_RUN): string {
  return named ? ` --run ${run}` : '';
}

/** Said when the run name typed is saved under a name made safe for a file. */
export function runRenamed(typed: string, run: string): string {
  return `(run "${neutralise(typed)}" is saved as "${run}")`;
}
