import { UserError } from '../errors.js';
import { type AmendmentText, type MotionText, splitMotions } from './parseMotion.js';
import { type MotionFile, type MotionFormat, pageAt, readMotionFile } from './readMotionFile.js';
import { WORD_LIMIT } from './rules.js';
import { countWords } from './words.js';

/** An amendment found under a motion, with the page it is on. */
export interface FoundAmendment extends AmendmentText {
  page?: number;
  words: number;
}

/** A motion found in a file, named for the delegate: the common input of every motion command. */
export interface FoundMotion extends MotionText {
  /** M1, M2 … in the order found (after --pick and --org). */
  label: string;
  /** How the delegate knows it: its organisation, else its title, else its file's name without folders. */
  name: string;
  /** The file it was read from, as given (the whole path: --json keeps it). */
  source: string;
  format: MotionFormat;
  /** Its place in its file, from 1. */
  position: number;
  /** How many motions its file held. */
  ofInFile: number;
  /** The PDF page its heading is on. */
  page?: number;
  words: number;
  amendments?: FoundAmendment[];
}

/** Which motions of a long document to work on: --pick 3,5 and --org Anytown. */
export interface MotionSelection {
  /** Numbers as the document prints them ("3", "C8", "10.1"), or places in the list ("M3"). */
  pick?: string[];
  /** Parts of organisations' names, any case. */
  org?: string[];
}

type ReadIo = Parameters<typeof readMotionFile>[1];

/**
 * Read files of motions (text, Markdown, PDF, Word, or "-"), split each into its motions, keep
 * those --pick and --org ask for, and label them M1, M2 … This is where every motion command
 * starts; a new one calls it too, so it takes every format and both flags.
 */
export async function readMotions(files: readonly string[], io: ReadIo, selection: MotionSelection = {}): Promise<FoundMotion[]> {
  const found: Array<Omit<FoundMotion, 'label'>> = [];
  for (const file of files) found.push(...motionsInFile(await readMotionFile(file, io)));
  return pickMotions(found, selection, files).map((m, i) => ({ ...m, label: `M${i + 1}` }));
}

/** The file's name without its folders: how a motion with no organisation or title is named. */
export function baseName(path: string): string {
  return path.replace(/[\\/]+$/, '').replace(/^.*[\\/]/, '');
}

/** The motions of one file read by readMotionFile, each with its page, words and name. */
export function motionsInFile(file: MotionFile): Array<Omit<FoundMotion, 'label'>> {
  const motions = splitMotions(file.text);
  const base = baseName(file.name);
  if (motions.length === 1 && motions[0]!.heading === undefined) {
    const words = countWords(motions[0]!.body);
    if (words > 2 * WORD_LIMIT.words) {
      throw new UserError(`no motion heading found in ${file.name}: its ${words} words read as one motion, far over the ${WORD_LIMIT.words}-word limit`, {
        hint: 'Split it by hand: copy the motions into a text file with a line such as "Motion 1 – Anytown CLP" (or "## Anytown CLP") above each, or give each motion in a file of its own.',
      });
    }
  }
  return motions.map((motion, i) => {
    const page = pageAt(file, motion.start ?? 0);
    const amendments = motion.amendments?.map((a) => {
      const at = pageAt(file, a.start ?? 0);
      return { ...a, words: countWords(a.body), ...(at === undefined ? {} : { page: at }) };
    });
    const { amendments: _, ...rest } = motion;
    return {
      ...rest,
      name: motion.organisation ?? motion.title ?? (motions.length === 1 ? base : `${base}, motion ${i + 1}`),
      source: file.name,
      format: file.format,
      position: i + 1,
      ofInFile: motions.length,
      words: countWords(motion.body),
      ...(page === undefined ? {} : { page }),
      ...(amendments && amendments.length > 0 ? { amendments } : {}),
    };
  });
}

const digits = (text: string) => text.replace(/\D+/g, '');

/**
 * The motions --pick and --org ask for, in document order: a pick matches a motion's number as
 * printed ("3", "C8"), or its digits ("8" for C8), or its place in the whole list ("M3"); an
 * --org matches any part of an organisation's name. Asking for what is not there is an error
 * that lists what is.
 */
export function pickMotions<T extends Pick<FoundMotion, 'number' | 'organisation' | 'heading' | 'source'>>(motions: T[], selection: MotionSelection, files: readonly string[] = []): T[] {
  let chosen = motions;
  const where = files.length === 1 ? baseName(files[0]!) : 'these files';
  if (selection.pick && selection.pick.length > 0) {
    const keep = new Set<T>();
    for (const wanted of selection.pick) {
      const w = wanted.trim().toLowerCase();
      const place = /^m(\d+)$/.exec(w);
      let matches = place ? [motions[Number(place[1]) - 1]].filter((m): m is T => m !== undefined) : motions.filter((m) => m.number?.toLowerCase() === w);
      if (!place && matches.length === 0 && digits(w) !== '') matches = motions.filter((m) => m.number !== undefined && digits(m.number) === digits(w));
      if (matches.length === 0) {
        const numbers = motions.map((m) => m.number).filter((n) => n !== undefined);
        throw new UserError(place ? `there is no motion ${wanted.toUpperCase()}: ${where} has ${motions.length}` : `no motion numbered ${wanted} in ${where}`, {
          hint:
            numbers.length > 0
              ? `The numbers found: ${numbers.join(', ')}. \`delegate motion list\` shows them; M1, M2 … pick by place in that list.`
              : `No motion there has a number; pick by place instead: M1 to M${motions.length} (see \`delegate motion list\`).`,
        });
      }
      for (const m of matches) keep.add(m);
    }
    chosen = motions.filter((m) => keep.has(m));
  }
  if (selection.org && selection.org.length > 0) {
    const wanted = selection.org.map((o) => o.trim().toLowerCase()).filter((o) => o !== '');
    const before = chosen;
    chosen = chosen.filter((m) => {
      const who = (m.organisation ?? m.heading ?? '').toLowerCase();
      return wanted.some((o) => who.includes(o));
    });
    if (chosen.length === 0) {
      const orgs = [...new Set(before.map((m) => m.organisation).filter((o) => o !== undefined))];
      throw new UserError(`no motion from ${selection.org.map((o) => `"${o}"`).join(' or ')} in ${where}${selection.pick ? ' among those picked' : ''}`, {
        hint: orgs.length > 0 ? `The organisations found: ${orgs.join(', ')}.` : 'No organisation was found for any motion there; use --pick instead.',
      });
    }
  }
  return chosen;
}
