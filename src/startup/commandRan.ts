/**
 * Where src/cli.ts says which command ran ("search", "motion compare", "" for the home menu),
 * once commander has found it, for dist/code-cache.cjs (src/startup/codeCache.ts), which keeps
 * V8's code under that name. NOTE: the bundle and the loader are built apart and share nothing
 * else at run time, so the name goes through the global symbol registry.
 */
export const COMMAND_RAN = Symbol.for('delegate.commandRan');
const shared = globalThis as Record<symbol, unknown>;

/** Say which command ran: its names below the program's, as typed ("motion compare"). */
export function announceCommand(names: readonly string[]): void {
  shared[COMMAND_RAN] = names.join(' ');
}

/** The command that ran, if one did (help and version run none). */
export function commandThatRan(): string | undefined {
  const announced = shared[COMMAND_RAN];
  return typeof announced === 'string' ? announced : undefined;
}

const KEEP_NO_CODE = Symbol.for('delegate.keepNoCode');

/**
 * Say that this run's code is not the command's usual code, so none is kept of it: a search that
 * built the index ran the code that reads every page as well, 9% more for every later search to
 * load. The next run keeps its own.
 */
export function keepNoCode(): void {
  shared[KEEP_NO_CODE] = true;
}

/** Whether keepNoCode() was called. */
export function codeNotWanted(): boolean {
  return shared[KEEP_NO_CODE] === true;
}

const CODE_PARTS = Symbol.for('delegate.codeParts');

/**
 * Say which parts of its command's code this run took beyond the usual ("corrected" for a search
 * that corrected its words): the code kept for a command grows to hold each part a run took, so
 * that a question after a plain first search does not compile its corrections at every start.
 * A part is a lower-case word.
 */
export function announceParts(parts: readonly string[]): void {
  shared[CODE_PARTS] = [...parts];
}

/** The parts announceParts() named, if any, sorted. */
export function partsThatRan(): string[] {
  const announced = shared[CODE_PARTS];
  return Array.isArray(announced) ? announced.filter((part): part is string => typeof part === 'string').sort() : [];
}
