import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentPath } from '../../src/content/page.js';
import { listContent, listedFiles } from '../../src/search/listContent.js';
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
