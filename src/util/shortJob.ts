/**
 * A command that will finish in a fraction of a second gains nothing from V8's optimising
 * compiler (TurboFan) and pays for it twice: the compiler works on a background thread that
 * competes with the command for the processor, and Node waits at exit for any compile still
 * running. Measured on a 2-core machine with `motion compare` (median of 21 runs each):
 *
 *   motions (characters)   with TurboFan   without
 *   5 (8,000)              138 ms          140 ms   (TurboFan hardly starts)
 *   20 (33,000)            180 ms          149 ms
 *   40 (65,000)            194 ms          170 ms
 *   100 (164,000)          246 ms          235 ms
 *   140 (230,000)          290 ms          299 ms   (600 motions: 1.05 s against 1.81 s)
 *
 * Likewise the young generation, a few megabytes here, is collected quicker by the main thread
 * alone than with helper threads: 40 motions 5.6 to 7.8 ms sooner (three runs, medians of 21 to
 * 51 each); 60 and 100 motions within about a millisecond either way.
 *
 * Telling V8 costs about 3 ms (node:v8 loads Node's streams), so it is done only in between.
 *
 * Only before Node 24. Re-measured on 2 December 2026 with 40 motions (65,000 characters),
 * process CPU time (user + system, medians of 12 to 20 runs, on a heavily loaded 2-core machine):
 * Node 20 210 ms with against 280 ms without (a second run: 250 against 360), Node 22 180
 * against 240, Node 24 220 against 220 (250 against 240): Node 24's V8 gains nothing from it.
 */
const WORTH_IT_FROM = 10_000;
const PAYS_BACK_FROM = 160_000;
const PAYS_ON_THIS_NODE = Number(process.versions.node.split('.')[0]) < 24;

/**
 * For a job over `characters` of text in the range where they slow it down, switch off TurboFan
 * and parallel scavenging for the rest of this process; says whether it did. Ignition and
 * Sparkplug still run everything, and the garbage collector still collects.
 *
 * NOTE: V8 writes the flags in force into the code it keeps for the next start
 * (src/startup/codeCache.ts) and rejects that code in a process whose flags differ, so they are
 * switched back at exit, before anything else runs then.
 */
export function tuneForShortJob(characters: number): boolean {
  if (!PAYS_ON_THIS_NODE || characters < WORTH_IT_FROM || characters >= PAYS_BACK_FROM) return false;
  const v8 = process.getBuiltinModule('node:v8');
  v8.setFlagsFromString('--no-opt --no-parallel-scavenge');
  process.prependListener('exit', () => v8.setFlagsFromString('--opt --parallel-scavenge'));
  return true;
}
