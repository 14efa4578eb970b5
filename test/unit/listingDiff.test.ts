import { chmodSync, mkdirSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentPath } from '../../src/content/page.js';
import { foldersFrom, foldersText, listContent, listedFiles } from '../../src/search/listContent.js';
import { diffListing, statsToStore, unchangedSince, type StoredListing } from '../../src/search/listingDiff.js';
import { useTempDir } from '../helpers/fixtures.js';

// The listing diff decides which files a search reads again: real files in a temp folder,
// listed as a search lists them, compared with what the index stored.

let dir: string;
let roots: ContentPath[];
const HOUR_AGO = Date.now() - 3600_000;

const tempFolder = useTempDir('delegate-diff-');
beforeEach(() => {
  dir = tempFolder();
  mkdirSync(join(dir, 'notes'));
  roots = [{ dir: join(dir, 'notes'), origin: 'personal' }];
});

function note(name: string, text: string, mtime = HOUR_AGO): string {
  const file = join(dir, 'notes', `${name}.md`);
  writeFileSync(file, text);
  utimesSync(file, new Date(mtime), new Date(mtime));
  return file;
}

/** What the index stores after a sync over the current files. */
function store(racyAfter = Date.now() - 2000): StoredListing {
  const listing = listContent(roots);
  return { fingerprint: new Uint8Array(listing.fingerprint), stats: statsToStore(listing, racyAfter) };
}

const noRows = () => {
  throw new Error('the rows of the index are not needed when a listing is stored');
};
const paths = (files: Array<{ path: string }>) => files.map((f) => f.path).sort();

describe('the listing diff', () => {
  test('nothing changed: the fast path says so, and the diff finds nothing', () => {
    note('a', 'quorum');
    note('b', 'card vote');
    const stored = store();
    const listing = listContent(roots);
    expect(unchangedSince(listing, stored)).toBe(true);
    expect(diffListing(listing, stored, noRows)).toEqual({ changed: [], removed: [], sameFiles: true });
  });

  test('a note edited in place: only it is read again', () => {
    note('a', 'quorum');
    const b = note('b', 'card vote');
    const stored = store();
    note('b', 'card vote, and a reference back');
    const listing = listContent(roots);
    expect(unchangedSince(listing, stored)).toBe(false);
    const diff = diffListing(listing, stored, noRows);
    expect(paths(diff.changed)).toEqual([b]);
    expect(diff).toMatchObject({ removed: [], sameFiles: true });
  });

  test('the same size and a new mtime counts as a change', () => {
    const a = note('a', 'quorum');
    const stored = store();
    utimesSync(a, new Date(HOUR_AGO + 60_000), new Date(HOUR_AGO + 60_000));
    expect(paths(diffListing(listContent(roots), stored, noRows).changed)).toEqual([a]);
  });

  test('a note added and another deleted: the new one is read, the old one dropped', () => {
    note('a', 'quorum');
    const gone = note('b', 'card vote');
    const stored = store();
    rmSync(gone);
    const added = note('c', 'compositing');
    const diff = diffListing(listContent(roots), stored, noRows);
    expect(paths(diff.changed)).toEqual([added]);
    expect(diff.removed).toEqual([gone]);
    expect(diff.sameFiles).toBe(false);
  });

  test('a note renamed: read under its new name, dropped under the old', () => {
    const old = note('a', 'quorum');
    const stored = store();
    rmSync(old);
    const renamed = note('z', 'quorum');
    const diff = diffListing(listContent(roots), stored, noRows);
    expect(paths(diff.changed)).toEqual([renamed]);
    expect(diff.removed).toEqual([old]);
  });

  test('a note written just now is stored as racy and read again at the next search', () => {
    note('a', 'quorum');
    const fresh = note('b', 'card vote', Date.now());
    const listing = listContent(roots);
    const stored = { fingerprint: new Uint8Array(listing.fingerprint), stats: statsToStore(listing, Date.now() - 2000) };
    // The listing itself is left as it was: storing writes a copy, never through a view of it.
    expect([...listing.stats.subarray(0, 4)].every((value) => value > 0)).toBe(true);
    const again = listContent(roots);
    expect(unchangedSince(again, stored)).toBe(false);
    expect(paths(diffListing(again, stored, noRows).changed)).toEqual([fresh]);
  });

  test('no listing stored (a new index): compared with the files the index holds', () => {
    const a = note('a', 'quorum');
    const b = note('b', 'card vote');
    const listing = listContent(roots);
    // As the index would hold them: a as it is now, b at another size, and a file since deleted.
    const now = listedFiles(listing).map(({ path, origin, size, mtime }) => ({ path, origin, size, mtime }));
    const held = [now[0]!, { ...now[1]!, size: 1 }, { path: join(dir, 'notes', 'gone.md'), origin: 'personal', size: 3, mtime: HOUR_AGO }];
    expect(paths(held.slice(0, 2))).toEqual([a, b]);
    const diff = diffListing(listing, undefined, () => held);
    expect(paths(diff.changed)).toEqual([b]);
    expect(diff.removed).toEqual([join(dir, 'notes', 'gone.md')]);
    expect(paths(diff.files ?? [])).toEqual([a, b]);
  });

  test('stored stats that cannot be a listing (cut short): compared with the files the index holds', () => {
    const a = note('a', 'quorum');
    const stored = store();
    const damaged = { fingerprint: stored.fingerprint, stats: stored.stats.subarray(0, 10) };
    expect(unchangedSince(listContent(roots), damaged)).toBe(false);
    const diff = diffListing(listContent(roots), damaged, () => []);
    expect(paths(diff.changed)).toEqual([a]);
  });
});

// listContent stats each folder's files from inside the folder (process.chdir) and goes back.
describe('the listing, statted from inside each folder', () => {
  const sizes = (listing: ReturnType<typeof listContent>) => listedFiles(listing).map((f) => [f.path, f.size, f.mtime]);
  const SECOND = Math.floor(HOUR_AGO / 1000) * 1000; // a whole second: every file system keeps it as it is

  test('finds every page of nested folders and two content paths, with sizes and mtimes, and leaves the process where it was', () => {
    const a = note('a', 'quorum', SECOND);
    mkdirSync(join(dir, 'notes', 'deep', 'deeper'), { recursive: true });
    const deep = join(dir, 'notes', 'deep', 'deeper', 'c.md');
    writeFileSync(deep, 'a card vote');
    utimesSync(deep, new Date(SECOND), new Date(SECOND));
    mkdirSync(join(dir, 'extra'));
    const extra = join(dir, 'extra', 'e.md');
    writeFileSync(extra, 'remitted');
    utimesSync(extra, new Date(SECOND), new Date(SECOND));
    const before = process.cwd();
    const listing = listContent([...roots, { dir: join(dir, 'extra'), origin: 'extra' }]);
    expect(process.cwd()).toBe(before);
    expect(sizes(listing)).toEqual([
      [a, 6, SECOND],
      [deep, 11, SECOND],
      [extra, 8, SECOND],
    ]);
  });

  test('a content path given relative to where the process is: the same files, read from there', () => {
    const a = note('a', 'quorum', SECOND);
    const before = process.cwd();
    process.chdir(dir);
    try {
      // The relative one after a whole one: entered from inside notes/, it would be found nowhere.
      const listing = listContent([{ dir: join(dir, 'notes'), origin: 'extra' }, { dir: 'notes', origin: 'personal' }]);
      expect(process.cwd()).toBe(dir);
      expect(listedFiles(listing).map((f) => f.origin)).toEqual(['extra', 'personal']);
      expect(listing.count).toBe(2);
      expect([...listing.stats.subarray(0, 4)]).toEqual([6, SECOND, 6, SECOND]);
    } finally {
      process.chdir(before);
    }
    expect(a).toBe(join(dir, 'notes', 'a.md'));
  });

  test('a folder that cannot be listed or gone is skipped, and the process still goes back', () => {
    note('a', 'quorum', SECOND);
    const before = process.cwd();
    const listing = listContent([{ dir: join(dir, 'gone'), origin: 'extra' }, ...roots]);
    expect(process.cwd()).toBe(before);
    expect(listing.count).toBe(1);
  });
});

// A folder unchanged since the last listing (its mtime and inode) is not read again: its page
// files are the ones that listing found, each stat'd as ever. Folders here are set an hour back,
// as a folder nobody has touched lately is.
describe('the listing, after one that left its folders', () => {
  const settle = (...folders: string[]) => {
    for (const folder of folders) utimesSync(folder, new Date(HOUR_AGO), new Date(HOUR_AGO));
  };
  const notes = () => join(dir, 'notes');
  /** A listing as a search makes it, after `last` (a listing, with the fingerprint the index kept of it). */
  const after = (last?: ReturnType<typeof listContent>, racyAfter = Date.now() - 2000) =>
    listContent(roots, last ? { folders: foldersFrom(foldersText(last.walked)), fingerprint: new Uint8Array(last.fingerprint), racyAfter } : { racyAfter });
  const names = (listing: ReturnType<typeof listContent>) => paths(listedFiles(listing)).map((path) => path.slice(dir.length + 1));

  test('reads no folder that is unchanged, finds the same pages, and sees a page edited in place', () => {
    note('a', 'quorum');
    mkdirSync(join(notes(), 'sub'));
    writeFileSync(join(notes(), 'sub', 'b.md'), 'card vote');
    settle(join(notes(), 'sub', 'b.md'), join(notes(), 'sub'), notes());
    const first = after();
    expect(first.foldersRead).toBe(2);
    const second = after(first);
    expect(second.foldersRead).toBe(0);
    expect(names(second)).toEqual(['notes/a.md', 'notes/sub/b.md']);
    expect(second.fingerprint.equals(first.fingerprint)).toBe(true);
    expect(unchangedSince(second, { fingerprint: first.fingerprint, stats: statsToStore(first, Date.now() - 2000) })).toBe(true);
    note('a', 'quorum, and a card vote', Date.now() - 60_000);
    const third = after(second);
    expect(third.foldersRead).toBe(0);
    expect(listedFiles(third).find((f) => f.path.endsWith('a.md'))?.size).toBe(23);
  });

  test('a page added to a subfolder: that folder alone is read, and the page found', () => {
    note('a', 'quorum');
    mkdirSync(join(notes(), 'sub'));
    mkdirSync(join(notes(), 'other'));
    settle(join(notes(), 'sub'), join(notes(), 'other'), notes());
    const first = after();
    writeFileSync(join(notes(), 'sub', 'new.md'), 'a reference back');
    const second = after(first);
    expect(second.foldersRead).toBe(1);
    expect(names(second)).toEqual(['notes/a.md', 'notes/sub/new.md']);
  });

  test('a page deleted, and a new subfolder with a page: both seen', () => {
    note('a', 'quorum');
    note('b', 'card vote');
    settle(notes());
    const first = after();
    rmSync(join(notes(), 'b.md'));
    mkdirSync(join(notes(), 'new'));
    writeFileSync(join(notes(), 'new', 'c.md'), 'remit');
    const second = after(first);
    expect(names(second)).toEqual(['notes/a.md', 'notes/new/c.md']);
  });

  test('a folder changed just before a listing is read again by the next, even if its mtime is then where it was', () => {
    note('a', 'quorum');
    // This second, whole, as a file system with a clock of seconds keeps it: within the two seconds.
    const tick = Math.floor(Date.now() / 1000) * 1000;
    utimesSync(notes(), new Date(tick), new Date(tick));
    const first = after();
    note('b', 'card vote');
    // A change within the same tick of such a clock leaves the folder's mtime where it was.
    utimesSync(notes(), new Date(tick), new Date(tick));
    expect(statSync(notes()).mtimeMs).toBe(tick);
    const second = after(first);
    expect(second.foldersRead).toBe(1);
    expect(names(second)).toEqual(['notes/a.md', 'notes/b.md']);
  });

  test('a folder put in place of another, with the same mtime: read, as its inode and ctime differ', () => {
    note('a', 'quorum');
    settle(notes());
    const first = after();
    renameSync(notes(), join(dir, 'notes-old'));
    mkdirSync(notes());
    note('c', 'remit');
    settle(notes());
    const second = after(first);
    expect(second.foldersRead).toBe(1);
    expect(names(second)).toEqual(['notes/c.md']);
  });

  test('a folder whose permissions changed (its ctime moves, not its mtime) is read again', () => {
    note('a', 'quorum');
    settle(notes());
    const first = after();
    const { mtimeMs } = statSync(notes());
    chmodSync(notes(), 0o750);
    expect(statSync(notes()).mtimeMs).toBe(mtimeMs);
    const second = after(first);
    expect(second.foldersRead).toBe(1);
    expect(names(second)).toEqual(['notes/a.md']);
  });

  test('an entry named as a page that was not a file (a broken link) is stat’d again, and found once it leads to one', () => {
    note('a', 'quorum');
    const target = join(dir, 'elsewhere.md');
    symlinkSync(target, join(notes(), 'late.md'));
    settle(notes());
    const first = after();
    expect(names(first)).toEqual(['notes/a.md']);
    writeFileSync(target, 'a composite');
    const second = after(first);
    expect(second.foldersRead).toBe(0);
    expect(names(second)).toEqual(['notes/a.md', 'notes/late.md']);
  });

  test('kept folders that name anything outside their folder (a damaged or altered index) are read instead', () => {
    note('a', 'quorum');
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere', 'x.md'), 'not a note');
    writeFileSync(join(dir, 'outside.md'), 'not a note either');
    settle(notes());
    const first = after();
    const [record] = first.walked;
    for (const altered of [{ subfolders: [join(dir, 'elsewhere')] }, { subfolders: [join(notes(), '..', 'elsewhere')] }, { others: ['../outside.md'] }, { checklists: join(dir, 'elsewhere') }]) {
      const folders = foldersFrom(foldersText([{ ...record!, ...altered }]));
      expect(folders).toHaveLength(1);
      const listing = listContent(roots, { folders, fingerprint: new Uint8Array(first.fingerprint), racyAfter: Date.now() - 2000 });
      expect(listing.foldersRead).toBe(1);
      expect(names(listing)).toEqual(['notes/a.md']);
    }
  });

  test('folders kept in a shape this version does not read are ignored: every folder is read', () => {
    note('a', 'quorum');
    settle(notes());
    const first = after();
    for (const kept of ['', 'not json', '{}', '[{"root":0}]', JSON.stringify([{ ...first.walked[0], others: [1] }])]) {
      const listing = listContent(roots, { folders: foldersFrom(kept), fingerprint: new Uint8Array(first.fingerprint), racyAfter: Date.now() - 2000 });
      expect(listing.foldersRead).toBe(1);
      expect(names(listing)).toEqual(['notes/a.md']);
    }
    expect(foldersFrom(foldersText(first.walked))).toEqual(first.walked);
  });
});
