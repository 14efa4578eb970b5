import type { Origin } from '../content/page.js';
import { fingerprintFiles, listedFiles, type ContentListing, type ListedFile } from './listContent.js';

/** What the index keeps of the listing it last saw: the listing's fingerprint and stats, as bytes. */
export interface StoredListing {
  fingerprint: Uint8Array;
  stats: Uint8Array;
}

/** A file as the index holds it. */
export interface IndexedFile {
  path: string;
  origin: string;
  size: number;
  mtime: number;
}

export interface ListingDiff {
  /** Files new or changed since the index saw them. */
  changed: ListedFile[];
  /** Paths the index holds that are gone. */
  removed: string[];
  /** Every file of the listing, when it took them to find out. */
  files?: ListedFile[];
  /** Whether the listing holds the same files, in the same order, as the stored one. */
  sameFiles: boolean;
}

const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/** The listing's sizes and mtimes as bytes, to compare with the stored ones (a view: read it, never write through it). */
function statsView(listing: ContentListing): Buffer {
  return Buffer.from(listing.stats.buffer, listing.stats.byteOffset, listing.count * 16);
}

/**
 * Whether nothing has changed since `stored`: the same files in the same order, each with the
 * same size and mtime.
 * NOTE: the fast path of every warm search: two memcmps, no per-file queries or objects.
 */
export function unchangedSince(listing: ContentListing, stored: StoredListing | undefined): boolean {
  return !!stored && statsView(listing).equals(stored.stats) && listing.fingerprint.equals(stored.fingerprint);
}

/**
 * The stats to store for `listing`: a copy, with the mtime of every file changed after
 * `racyAfter` stored as -1. Such a file may change again within the same clock tick without
 * its mtime moving ("racy git"), so the next search reads it again.
 */
export function statsToStore(listing: ContentListing, racyAfter: number): Uint8Array {
  const stats = listing.stats.slice(0, listing.count * 2);
  for (let at = 1; at < stats.length; at += 2) if (stats[at]! > racyAfter) stats[at] = -1;
  return new Uint8Array(stats.buffer);
}

/**
 * Which files are new or changed, and which are gone, between the listing the index last saw
 * (`stored`, undefined for a new index) and `listing`. With no stored listing, the files the
 * index holds (`indexed`, asked only then) are compared instead.
 */
export function diffListing(listing: ContentListing, stored: StoredListing | undefined, indexed: () => Iterable<IndexedFile>): ListingDiff {
  const now = listing.stats;
  if (stored && stored.stats.length % 16 === 0) {
    const was = new Float64Array(stored.stats.length / 8);
    new Uint8Array(was.buffer).set(stored.stats); // a copy: the bytes need not be 8-byte aligned
    if (listing.fingerprint.equals(stored.fingerprint) && was.length === listing.count * 2) {
      // The same files in the same order (the usual case: a note edited): compare sizes and mtimes in place.
      const changed = listedFiles(listing, (at) => was[at * 2] !== now[at * 2] || was[at * 2 + 1] !== now[at * 2 + 1]);
      return { changed, removed: [], sameFiles: true };
    }
    // Files added, removed or renamed: find each in the listing the index last saw.
    const before = fingerprintFiles(asBuffer(stored.fingerprint));
    if (was.length === before.paths.length * 2) {
      const place = new Map<string, number>();
      before.paths.forEach((path, i) => place.set(path, i));
      const seen = new Uint8Array(before.paths.length);
      const changed = listedFiles(listing, (at, folder, name, origin: Origin) => {
        const i = place.get(folder + name);
        if (i === undefined) return true;
        seen[i] = 1;
        return before.origins[i] !== origin || was[i * 2] !== now[at * 2] || was[i * 2 + 1] !== now[at * 2 + 1];
      });
      const removed: string[] = [];
      for (const [path, i] of place) if (!seen[i]) removed.push(path);
      return { changed, removed, sameFiles: false };
    }
  }
  // No listing stored (a new index): compare with the files the index holds.
  const files = listedFiles(listing);
  const held = new Map<string, IndexedFile>();
  for (const row of indexed()) held.set(row.path, row);
  const changed = files.filter((f) => {
    const was = held.get(f.path);
    return !was || was.origin !== f.origin || was.size !== f.size || was.mtime !== f.mtime;
  });
  const seen = new Set(files.map((f) => f.path));
  return { changed, removed: [...held.keys()].filter((path) => !seen.has(path)), files, sameFiles: false };
}
