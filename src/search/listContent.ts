import { lstatSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, sep } from 'node:path';
import { SKIPPED_DIRS } from '../content/pageFiles.js';
import type { ContentPath, Origin } from '../content/page.js';
import { isInside } from '../util/isInside.js';

/** Every page file under the content paths, with its size and mtime, in walk order. */
export interface ContentListing {
  roots: readonly ContentPath[];
  /** Each folder holding page files, as a path ending in the separator. */
  folders: string[];
  /** The content path (index into `roots`) each folder was found under. */
  folderRoots: number[];
  /** Whether each folder is a content path's checklists/ folder: its files are checklists, not pages. */
  checklistFolders: boolean[];
  /** The page file names in each folder, in directory order. */
  names: string[][];
  /** How many files in all. */
  count: number;
  /** Size and mtime of each file, side by side (file i at 2i and 2i + 1). */
  stats: Float64Array;
  /** The content paths, folders and file names as bytes: the same bytes, the same files in the same order. */
  fingerprint: Buffer;
  /** Whether one content path is inside another, so that a file may be listed twice. */
  overlapping: boolean;
  /** What the next listing may take from this one: each folder walked, with its mtime (see FolderRecord). */
  walked: FolderRecord[];
  /** How many folders were read (readdir); the others were taken from what the last listing left. */
  foldersRead: number;
}

/**
 * A folder as a listing found it: what the next listing needs to walk it again without reading
 * it, while it is unchanged. NOTE: a folder's mtime moves whenever an entry is added to it,
 * removed or renamed (as git's untracked cache relies on), so while it, its ctime and its inode
 * stay the same, so do its entries, and only its page files need a stat (a page edited moves
 * only its own mtime). Its page files' names are in the listing's fingerprint, stored beside it.
 */
export interface FolderRecord {
  /** The content path it was found under (index into the roots), and the folder as walked. */
  root: number;
  dir: string;
  /** Its mtime when read, or -1 when it had changed too recently to rely on (see `racyAfter`). */
  mtime: number;
  /** Its ctime and inode: a folder put in its place, or its permissions changed, moves one of them. */
  ctime: number;
  ino: number;
  /** Entries named as pages that were not files (a folder, a broken link): stat'd again each time. */
  others: string[];
  /** The subfolders walked, as paths, in order; at the top of a content path, its checklists folder apart. */
  subfolders: string[];
  checklists?: string;
}

/** What a listing takes from the last one: its folders, and the page files its fingerprint names in each. */
export interface LastListing {
  folders?: readonly FolderRecord[];
  fingerprint?: Uint8Array;
  /**
   * A folder changed after this time (ms since 1970) is read again at the next listing, as a file
   * is (SearchIndex.sync): a change made within the same tick of the clock may leave its mtime
   * where it was. Without it, every folder is read again next time.
   */
  racyAfter?: number;
  /** How many page files it found: room for as many is taken at once (each time an array grows, fresh memory is touched). */
  files?: number;
}

const folderKey = (root: number, dir: string) => `${root}\u0000${dir}`;

/** The folders a listing walked, as the index keeps them (JSON). */
export function foldersText(walked: readonly FolderRecord[]): string {
  return JSON.stringify(walked);
}

const isText = (value: unknown): value is string => typeof value === 'string';

/** The folders kept as foldersText() wrote them; none from anything else (an older index, a damaged value). */
export function foldersFrom(text: unknown): FolderRecord[] {
  if (typeof text !== 'string') return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const fits = (r: Partial<FolderRecord> | null): boolean =>
    typeof r === 'object' &&
    r !== null &&
    Number.isInteger(r.root) &&
    isText(r.dir) &&
    typeof r.mtime === 'number' &&
    typeof r.ctime === 'number' &&
    typeof r.ino === 'number' &&
    Array.isArray(r.others) &&
    r.others.every(isText) &&
    Array.isArray(r.subfolders) &&
    r.subfolders.every(isText) &&
    (r.checklists === undefined || isText(r.checklists));
  return value.every(fits) ? (value as FolderRecord[]) : [];
}

/** A name of an entry of a folder, not a path: nothing kept can lead a listing out of the folder it was kept for. */
function isEntryName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !name.includes('/') && !name.includes(sep);
}

/** Whether what is kept of a folder (whose path ends in the separator: `prefix`) names only its own entries. */
function keptInside(known: FolderRecord, prefix: string): boolean {
  const child = (path: string) => path.startsWith(prefix) && isEntryName(path.slice(prefix.length));
  return known.subfolders.every(child) && known.others.every(isEntryName) && (known.checklists === undefined || known.checklists === prefix + CHECKLISTS_DIR);
}

/** The page names a fingerprint holds, by content path and folder (a path ending in the separator). */
function namesByFolder(fingerprint: Uint8Array | undefined): Map<string, string[]> {
  const byFolder = new Map<string, string[]>();
  for (const { root, prefix, names } of fingerprint ? fingerprintFolders(fingerprint) : []) byFolder.set(folderKey(root, prefix), names);
  return byFolder;
}

/** A folder a fingerprint names: its content path (index into the roots, and origin), its path ending in the separator, and its page files. */
interface FingerprintFolder {
  root: number;
  origin: Origin;
  prefix: string;
  names: string[];
}

/** The folders a listing's fingerprint names, in listing order (see listContent: its parts, joined by NUL). */
function fingerprintFolders(fingerprint: Uint8Array): FingerprintFolder[] {
  const folders: FingerprintFolder[] = [];
  const parts = Buffer.from(fingerprint.buffer, fingerprint.byteOffset, fingerprint.byteLength).toString().split('\u0000');
  let root = -1;
  let origin: Origin = 'bundled';
  let folder: FingerprintFolder | undefined;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '') {
      root++;
      origin = parts[i + 1] as Origin; // then the content path's folder
      i += 2;
      folder = undefined;
    } else if (part.includes(sep) || part.includes('/')) {
      // A folder: a name never holds the separator (nor, on Windows, a /).
      folders.push((folder = { root, origin, prefix: part, names: [] }));
    } else {
      if (!folder) folders.push((folder = { root, origin, prefix: '', names: [] }));
      folder.names.push(part);
    }
  }
  return folders;
}

/** One file of a listing. */
export interface ListedFile {
  path: string;
  /** Its place in the listing (its size is at stats[2 * at]). */
  at: number;
  /** Which content path, in override order. */
  root: number;
  /** A checklist (in a content path's checklists/ folder), not a page. */
  checklist: boolean;
  origin: Origin;
  size: number;
  mtime: number;
}

const MAX_DEPTH = 8;
const NO_THROW = { throwIfNoEntry: false } as const;
const PAGE_FILE = /\.md$/i;
const CHECKLISTS_DIR = 'checklists';

function isPageName(name: string): boolean {
  return name.endsWith('.md') || PAGE_FILE.test(name);
}

/**
 * Every Markdown page file under the content paths with its size and mtime: the same files
 * listMarkdownFiles (content/pageFiles.ts) finds, so search finds exactly the pages `delegate
 * read` can open. A link is listed when it leads to a file.
 *
 * NOTE: this runs at every search and is most of a warm one (it stats every page file), so it
 * keeps one name string per file (the one readdir gave) and one slot in a Float64Array: no
 * path string or object per file survives it.
 */
export function listContent(roots: readonly ContentPath[], last?: LastListing): ContentListing {
  // NOTE: each folder's files are statted from inside it, by name (see insideEach): the kernel
  // then looks up one name, not every folder of the path, and no path string is made per file.
  const walk = new Walk(last, insideEach(roots.every((root) => isAbsolute(root.dir))));
  try {
    roots.forEach((root, i) => {
      walk.parts.push('', root.origin, root.dir);
      walk.folder(root.dir, 0, i);
    });
  } finally {
    walk.inside.leave();
  }
  return {
    roots,
    folders: walk.folders,
    folderRoots: walk.folderRoots,
    checklistFolders: walk.checklistFolders,
    names: walk.names,
    count: walk.count,
    stats: walk.stats,
    fingerprint: Buffer.from(walk.parts.join('\u0000')),
    overlapping: roots.some((a, i) => roots.some((b, j) => i !== j && isInside(a.dir, b.dir))),
    walked: walk.walked,
    foldersRead: walk.foldersRead,
  };
}

/** listContent's work: what it has found so far, and how it walks a folder. */
class Walk {
  readonly folders: string[] = [];
  readonly folderRoots: number[] = [];
  readonly checklistFolders: boolean[] = [];
  readonly names: string[][] = [];
  readonly parts: string[] = [];
  stats: Float64Array;
  count = 0;
  readonly walked: FolderRecord[] = [];
  foldersRead = 0;
  private readonly lastFolders = new Map<string, FolderRecord>();
  private lastNames: Map<string, string[]> | undefined;
  private readonly racyAfter: number;

  constructor(
    private readonly last: LastListing | undefined,
    readonly inside: { enter(dir: string): boolean; leave(): void },
  ) {
    this.stats = new Float64Array(Math.max(4096, ((last?.files ?? 0) + 64) * 2));
    for (const record of last?.folders ?? []) this.lastFolders.set(folderKey(record.root, record.dir), record);
    this.racyAfter = last?.racyAfter ?? Number.NEGATIVE_INFINITY;
  }

  /**
   * List `dir` (under content path `root`) and the folders below it.
   * NOTE: a content path's checklists/ folder is listed too (its own files, not its subfolders,
   * as loadChecklists reads it), so that checklists are searched; indexFile reads them as checklists.
   */
  folder(dir: string, depth: number, root: number, checklists = false): void {
    let folder;
    try {
      folder = statSync(dir, NO_THROW);
    } catch {
      folder = undefined;
    }
    if (!folder?.isDirectory()) return; // a missing personal folder is the normal first run
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    const known = this.lastFolders.get(folderKey(root, dir));
    const same =
      known !== undefined &&
      known.mtime >= 0 &&
      known.mtime === folder.mtimeMs &&
      known.ctime === folder.ctimeMs &&
      known.ino === folder.ino &&
      keptInside(known, prefix);
    const entries = same ? [...this.lastPages(root, prefix), ...known.others] : this.read(dir);
    if (!entries) return; // gone, or not readable
    const local = this.inside.enter(dir) ? '' : prefix;
    const pages: string[] = [];
    const others: string[] = [];
    const subfolders: string[] = same ? [...known.subfolders] : [];
    let checklistDir = same ? known.checklists : undefined;
    for (const name of entries) {
      if (name.charCodeAt(0) === 46 /* . */ || name === 'node_modules') continue;
      if (isPageName(name)) {
        const stat = statSync(local + name, NO_THROW);
        if (stat !== undefined && stat.isFile()) {
          this.add(stat.size, stat.mtimeMs);
          pages.push(name);
          continue;
        }
        others.push(name);
      }
      // An unchanged folder's subfolders are the ones it had.
      if (checklists || same) continue;
      const path = prefix + name;
      if (depth === 0 && name === CHECKLISTS_DIR) {
        if (statSync(path, NO_THROW)?.isDirectory()) checklistDir = path; // a link too, as loadChecklists reads it
        continue;
      }
      if (depth === 0 && SKIPPED_DIRS.has(name)) continue;
      // Not followed when a symbolic link, as in listMarkdownFiles.
      if (depth < MAX_DEPTH && lstatSync(path, NO_THROW)?.isDirectory()) subfolders.push(path);
    }
    if (pages.length > 0) {
      this.folders.push(prefix);
      this.folderRoots.push(root);
      this.checklistFolders.push(checklists);
      this.names.push(pages);
      // Folders contain a separator and names never do, so the joined parts read back one way only.
      this.parts.push(prefix, pages.join('\u0000'));
    }
    const mtime = folder.mtimeMs > this.racyAfter ? -1 : folder.mtimeMs;
    const record = { root, dir, mtime, ctime: folder.ctimeMs, ino: folder.ino, others, subfolders };
    this.walked.push(checklistDir !== undefined ? { ...record, checklists: checklistDir } : record);
    if (checklistDir !== undefined) this.folder(checklistDir, depth + 1, root, true);
    for (const subfolder of subfolders) this.folder(subfolder, depth + 1, root);
  }

  /** The entries of `dir` as read now; undefined when it cannot be read. */
  private read(dir: string): string[] | undefined {
    try {
      const entries = readdirSync(dir);
      this.foldersRead++;
      return entries;
    } catch {
      return undefined;
    }
  }

  /** The page files the last listing found in a folder (by its fingerprint). */
  private lastPages(root: number, prefix: string): string[] {
    this.lastNames ??= namesByFolder(this.last?.fingerprint);
    return this.lastNames.get(folderKey(root, prefix)) ?? [];
  }

  /** A page file's size and mtime, after the others'. */
  private add(size: number, mtime: number): void {
    if (this.count * 2 + 2 > this.stats.length) {
      const grown = new Float64Array(this.stats.length * 2);
      grown.set(this.stats);
      this.stats = grown;
    }
    this.stats[this.count * 2] = size;
    this.stats[this.count * 2 + 1] = mtime;
    this.count++;
  }
}

/**
 * Moving the process into each folder listed, and back to where it was at the end: what
 * openat() and fstatat() on a folder would do, which Node does not offer. enter() says whether
 * the process is now in `dir`; when it cannot tell where it was (a folder since deleted), or
 * cannot enter, it stays where it is and paths are used whole. Not `allowed` when a content
 * path is relative: it would be read from the wrong place once the process has moved.
 * NOTE: safe because a listing is synchronous: no other code of the process runs meanwhile,
 * and nothing of ours has a file operation with a relative path running in the background.
 */
function insideEach(allowed: boolean): { enter(dir: string): boolean; leave(): void } {
  let home: string | undefined;
  try {
    home = allowed ? process.cwd() : undefined;
  } catch {
    home = undefined;
  }
  let moved = false;
  return {
    enter(dir) {
      if (home === undefined) return false;
      try {
        process.chdir(dir);
        moved = true;
        return true;
      } catch {
        return false;
      }
    },
    leave() {
      if (!moved || home === undefined) return;
      moved = false;
      try {
        process.chdir(home);
      } catch {
        // Where the process was has gone meanwhile: nothing of it is left to go back to.
      }
    },
  };
}

/**
 * The files of a listing, one entry per path: a file under two content paths belongs to the
 * later, as in loadPages. With `keep`, only the files it accepts; it sees every file in order,
 * and only those kept become objects.
 */
export function listedFiles(listing: ContentListing, keep?: (at: number, folder: string, name: string, origin: Origin) => boolean): ListedFile[] {
  const byPath = new Map<string, ListedFile>();
  // A file listed twice is kept when either listing of it is.
  const wanted = keep && listing.overlapping ? new Set<string>() : undefined;
  let at = 0;
  listing.folders.forEach((folder, f) => {
    const root = listing.folderRoots[f]!;
    const { origin } = listing.roots[root]!;
    const checklist = listing.checklistFolders[f]!;
    for (const name of listing.names[f]!) {
      const kept = keep === undefined || keep(at, folder, name, origin);
      if (kept || wanted) {
        const path = folder + name;
        byPath.delete(path);
        byPath.set(path, { path, at, root, checklist, origin, size: listing.stats[at * 2]!, mtime: listing.stats[at * 2 + 1]! });
        if (kept) wanted?.add(path);
      }
      at++;
    }
  });
  const files = [...byPath.values()];
  return wanted ? files.filter((file) => wanted.has(file.path)) : files;
}

/** The files a listing's fingerprint names, in listing order, with the origin of each. */
export function fingerprintFiles(fingerprint: Buffer): { paths: string[]; origins: Origin[] } {
  const paths: string[] = [];
  const origins: Origin[] = [];
  for (const { origin, prefix, names } of fingerprintFolders(fingerprint)) {
    for (const name of names) {
      paths.push(prefix + name);
      origins.push(origin);
    }
  }
  return { paths, origins };
}
