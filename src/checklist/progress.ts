import { readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { slugify } from '../util/slug.js';
import { writeFileAtomicSync } from '../util/writeFileAtomic.js';
import { ensureDir } from '../util/ensureDir.js';
import { withFileLock } from '../util/fileLock.js';

/** NOTE: bump only with a migration; a file with a higher schema is never overwritten. */
export const PROGRESS_SCHEMA = 1;

/** One run of one checklist, as saved: which item ids are ticked, and when each was. */
export interface Progress {
  schema: typeof PROGRESS_SCHEMA;
  checklist: string;
  run: string;
  /** Item id → ISO time it was ticked. Ids no longer on the checklist are kept, not counted. */
  ticked: Record<string, string>;
  updated: string;
}

export const DEFAULT_RUN = 'default';

/**
 * A run name made safe for a file name: `--run "Economy composite"` is `economy-composite`, and
 * `../../x` is `x`. Empty when nothing usable is left.
 */
export function runName(input: string): string {
  return slugify(input, 40);
}

// <checklist>--<run>.json. Slugs never contain "--", so the split is unambiguous; the temp,
// lock and corrupt-copy files beside them never match.
const PROGRESS_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)--([a-z0-9]+(?:-[a-z0-9]+)*)\.json$/;

export interface ProgressStoreOptions {
  /** The folder progress files live in (paths.data/progress). */
  dir: string;
  now?: () => Date;
  /** Told when a file had to be moved aside. */
  warn?: (message: string) => void;
  /** How long to wait for another process to finish saving, in ms. */
  lockTimeout?: number;
  /** A lock older than this (ms) was left by a crash and is removed. */
  staleLock?: number;
}

type Parsed = { progress: Progress } | { problem: string } | { newer: number };

function parseProgress(text: string, checklist: string, run: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problem: `not valid JSON (${(error as Error).message})` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { problem: 'not a JSON object' };
  const record = data as Record<string, unknown>;
  if (typeof record.schema !== 'number') return { problem: 'it has no schema number' };
  if (record.schema > PROGRESS_SCHEMA) return { newer: record.schema };
  if (record.schema !== PROGRESS_SCHEMA) return { problem: `schema ${record.schema} is not one delegate knows` };
  const ticked = record.ticked;
  if (ticked === null || typeof ticked !== 'object' || Array.isArray(ticked)) return { problem: '"ticked" is not an object' };
  const updated = typeof record.updated === 'string' ? record.updated : '';
  const clean: Record<string, string> = {};
  for (const [id, when] of Object.entries(ticked as Record<string, unknown>)) {
    if (when === false || when === null) continue;
    clean[id] = typeof when === 'string' ? when : updated;
  }
  return { progress: { schema: PROGRESS_SCHEMA, checklist, run, ticked: clean, updated } };
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Saved checklist progress: one JSON file per checklist and run. Every change is a locked
 * read-modify-write with an atomic write, so two terminals ticking at once lose neither tick
 * and a crash leaves the old file or the new, never half of one. A file that cannot be parsed
 * is renamed aside (never overwritten) and reported through `warn`.
 */
export class ProgressStore {
  readonly dir: string;
  private readonly now: () => Date;
  private readonly warn: (message: string) => void;
  private readonly lockTimeout: number;
  private readonly staleLock: number;

  constructor(options: ProgressStoreOptions) {
    this.dir = options.dir;
    this.now = options.now ?? (() => new Date());
    this.warn = options.warn ?? (() => undefined);
    this.lockTimeout = options.lockTimeout ?? 5000;
    this.staleLock = options.staleLock ?? 10_000;
  }

  /** The file for one run. Both names must already be slugs (see runName). */
  file(checklist: string, run: string): string {
    if (!PROGRESS_FILE.test(`${checklist}--${run}.json`)) throw new Error(`not a safe progress name: ${checklist} / ${run}`);
    return join(this.dir, `${checklist}--${run}.json`);
  }

  /** The saved progress of one run; undefined when nothing is saved (or it had to be moved aside). */
  read(checklist: string, run: string): Progress | undefined {
    const file = this.file(checklist, run);
    const parsed = this.parseFile(file, checklist, run);
    if (!parsed || 'progress' in parsed) return parsed?.progress;
    // A broken file is moved aside under the lock, so it cannot be a file another process is
    // just replacing.
    return this.withLock(file, () => this.readLocked(file, checklist, run));
  }

  /**
   * Change one run's ticks: `change` gets the saved ticks (or, for a run never saved, the
   * `initial` ids ticked now) and edits them in place. Returns what was saved.
   */
  update(checklist: string, run: string, change: (ticked: Record<string, string>, now: string) => void, initial: readonly string[] = []): Progress {
    const file = this.file(checklist, run);
    return this.withLock(file, () => {
      const now = this.now().toISOString();
      const saved = this.readLocked(file, checklist, run);
      const ticked = saved ? { ...saved.ticked } : Object.fromEntries(initial.map((id) => [id, now]));
      change(ticked, now);
      const progress: Progress = { schema: PROGRESS_SCHEMA, checklist, run, ticked, updated: now };
      writeFileAtomicSync(file, `${JSON.stringify(progress, null, 2)}\n`);
      return progress;
    });
  }

  /** Forget one run's ticks. Returns what was cleared, or undefined when nothing was saved. */
  reset(checklist: string, run: string): Progress | undefined {
    const file = this.file(checklist, run);
    return this.withLock(file, () => {
      const saved = this.readLocked(file, checklist, run);
      rmSync(file, { force: true });
      return saved;
    });
  }

  /**
   * Every saved run, sorted by checklist then run. A file that cannot be read is reported
   * through `warn` and left out, so one bad file never hides the others.
   */
  all(): Progress[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    const out: Progress[] = [];
    for (const name of names.sort()) {
      const match = PROGRESS_FILE.exec(name);
      if (!match) continue;
      try {
        const progress = this.read(match[1]!, match[2]!);
        if (progress) out.push(progress);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        this.warn(`${error.message}; it is left as it is and not shown`);
      }
    }
    return out;
  }

  private parseFile(file: string, checklist: string, run: string): Exclude<Parsed, { newer: number }> | undefined {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw new UserError(`cannot read checklist progress ${file} (${errorCode(error) ?? String(error)})`, {
        hint: 'Check that the file is yours and readable; nothing was changed.',
      });
    }
    const parsed = parseProgress(text, checklist, run);
    if ('newer' in parsed) {
      throw new UserError(`${file} was saved by a newer version of delegate (progress schema ${parsed.newer})`, {
        hint: 'Update delegate to use it; it has not been changed.',
      });
    }
    return parsed;
  }

  /** Read with the lock held: a broken file is moved aside and the run starts fresh. */
  private readLocked(file: string, checklist: string, run: string): Progress | undefined {
    const parsed = this.parseFile(file, checklist, run);
    if (!parsed) return undefined;
    if ('progress' in parsed) return parsed.progress;
    const aside = this.moveAside(file);
    this.warn(`checklist progress ${file} could not be read (${parsed.problem}). It was moved to ${aside} and this run starts afresh.`);
    return undefined;
  }

  private moveAside(file: string): string {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const base = file.replace(/\.json$/, '');
    for (let n = 1; ; n++) {
      const aside = `${base}.corrupt-${stamp}${n > 1 ? `-${n}` : ''}.json`;
      try {
        statSync(aside);
        continue; // taken: never overwrite an earlier copy
      } catch {
        // free
      }
      try {
        renameSync(file, aside);
        return aside;
      } catch (error) {
        throw new UserError(`cannot move the unreadable progress file ${file} aside (${errorCode(error) ?? String(error)})`, {
          hint: 'Move or delete it yourself, then run the command again.',
        });
      }
    }
  }

  private withLock<T>(file: string, body: () => T): T {
    try {
      ensureDir(this.dir);
    } catch (error) {
      throw new UserError(`cannot create ${this.dir} (${errorCode(error) ?? String(error)})`, { hint: 'Check that XDG_DATA_HOME points to a folder you can write to.' });
    }
    return withFileLock(file, { timeout: this.lockTimeout, stale: this.staleLock, what: 'this checklist' }, body);
  }
}
