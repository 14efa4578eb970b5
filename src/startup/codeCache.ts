// Start-up: dist/cli.cjs compiled with the V8 code an earlier run of the same command left in the
// cache folder (<cache>/code/<Node version>-<arch>/<command>.bin, "motion-compare.bin" for
// `motion compare`), so that V8 parses and compiles neither the bundle nor the functions the
// command runs. Built apart from the bundle, as dist/code-cache.cjs, and required by
// bin/delegate.cjs.
//
// Why the code is kept per command, after a run, rather than by Node (module.enableCompileCache(),
// Node 22.1 and later): Node makes its cache when the file is compiled, before anything runs,
// so it holds only the bundle's outer function, and each function a command then calls is
// compiled at every start. Measured on 3 December 2026 with a prototype of this loader (wall
// time, medians of 25 to 41 interleaved runs): Node 24 `search` 122 -> 112 ms and 116 -> 107 ms,
// `list` 101 -> 98, `motion compare` of 40 motions 139 -> 123, with `node -e 0` at 73 to 76 ms;
// Node 20 `search` 154 -> 144 and `list` 137 -> 130 against the code the build kept then (made
// when compiled, as Node's is), with `node -e 0` at 104. A command's first run compiles it all
// and writes its file: up to 11 ms more, once per command, build and Node.
//
// NOTE: V8 takes a cache only from the same V8 with the same flags, for a source of the same
// length, not checking that the source is the same; and its code keeps the file name it was
// compiled under, which stack traces show. So each file starts with the build id that
// dist/cli.cjs carries in its first line and the path it was made for, and is used only where
// both agree. A file V8 rejects, or made for another build, is made again after the run.
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
// NOTE: named, not the default import: esbuild would copy all of node:module's properties into
// an object of its own at every start (both in this loader and in cli.cjs).
import { createRequire, Module } from 'node:module';
import { dirname, posix, win32 } from 'node:path';
import { Script } from 'node:vm';
import { cacheFolder, type Env, type Platform } from '../paths.js';
import { codeNotWanted, commandThatRan, partsThatRan } from './commandRan.js';

/** What dist/cli.cjs starts with: its build id, then the function it is (see scripts/build.mjs). */
const BUILD_TAG = /^\/\*(delegate-build:[^*\n]*)\*\/\(function \(exports, require, module, __filename, __dirname\) \{/;
/** A word of argv that may name a command (and so a file): never a path, an option or a query in capitals. */
const COMMAND_WORD = /^[a-z][a-z0-9-]{0,39}$/;

export interface Runtime {
  argv: readonly string[];
  env: Env;
  platform: Platform;
  /** process.version and process.arch: V8's code serves only the Node that made it. */
  version: string;
  arch: string;
}

const here = (): Runtime => ({ argv: process.argv, env: process.env, platform: process.platform, version: process.version, arch: process.arch });

/**
 * Where the code for `command` ("search", "motion compare", "" for the home menu) is kept: a
 * file per command in the cache folder, in a folder per Node version and processor; for an
 * island the command read (`island`: "motion"), a file of its own beside it.
 */
export function codeFileFor(runtime: Omit<Runtime, 'argv'>, command: string, island = ''): string {
  const path = runtime.platform === 'win32' ? win32 : posix;
  const name = `${command.replaceAll(' ', '-') || 'home'}${island ? `.${island}` : ''}.bin`;
  return path.join(cacheFolder(runtime.env, runtime.platform), 'code', `${runtime.version}-${runtime.arch}`, name);
}

/**
 * The islands run as cli.cjs is, with the code their command left (by the name cli.cjs requires
 * them with): built as it is (scripts/build.mjs), as a function with the build's tag. The motion
 * workbench's is most of what a motion command runs: compiled afresh at every start instead,
 * `motion compare` of 40 motions was 1.58x `node -e 0` on Node 20 against 1.51x (measured on
 * 3 December 2026).
 */
const KEPT_ISLANDS: Readonly<Record<string, string>> = { './islands/motion.cjs': 'motion' };

/** What a run that ran no command (`--version`, `--help`) keeps its code as. */
const NO_COMMAND = 'options';

/**
 * The commands argv may be running, most precise first: "motion compare" then "motion" for
 * `motion compare a.md`, "search reference" then "search" for `search reference back`. When it
 * starts with an option, the code of `--version` and `--help` (the command, if any, is known
 * only at exit).
 */
export function commandsOf(argv: readonly string[]): string[] {
  const [first, second] = argv.slice(2);
  if (first === undefined) return [''];
  if (first.startsWith('-')) return [NO_COMMAND];
  if (!COMMAND_WORD.test(first)) return [];
  return second !== undefined && COMMAND_WORD.test(second) ? [`${first} ${second}`, first] : [first];
}

/** What the first line of a code file for `source` at `file` starts with: its build and where it was made for. */
function stemOf(file: string, source: string): Buffer | undefined {
  const tag = BUILD_TAG.exec(source)?.[1];
  return tag ? Buffer.from(`${tag} ${file}`) : undefined;
}

/** A part of a command's code, as a code file's first line lists it (see announceParts). */
const PART = /^[a-z][a-z0-9-]{0,39}$/;
/** What follows the stem on a code file's first line: the parts it holds, if any, then padding. */
const PARTS_LISTED = /^(?: \[([a-z0-9,-]*)\])? *$/;

/**
 * The first line of a code file: its stem, then the parts of the command's code it holds
 * ("[corrected,relaxed]"), padded with spaces to a multiple of 8 bytes.
 * NOTE: V8 copies code it is given at an address that is not a multiple of 8 before it reads it
 * (AlignedCachedData): 315 kB for a search, some 80 fresh pages of memory at about 11 µs each
 * where the bench runs. Read into a buffer of its own (Reader), the code after a line of 8n
 * bytes starts on such an address.
 */
function header(stem: Buffer, parts: readonly string[]): Buffer {
  const listed = parts.filter((part) => PART.test(part));
  const line = listed.length > 0 ? Buffer.concat([stem, Buffer.from(` [${listed.join(',')}]`)]) : stem;
  const length = line.length + 1; // and its newline
  return Buffer.concat([line, Buffer.from(`${' '.repeat((8 - (length % 8)) % 8)}\n`)]);
}

/** What a code file holds, when its first line starts with `stem`: the parts listed there, and where its code begins. */
function readHeader(kept: Buffer, stem: Buffer): { parts: string[]; codeAt: number } | undefined {
  if (kept.length <= stem.length || !kept.subarray(0, stem.length).equals(stem)) return undefined;
  const end = kept.indexOf(10, stem.length); // the line's newline
  const listed = end < 0 ? undefined : PARTS_LISTED.exec(kept.toString('latin1', stem.length, end));
  if (!listed) return undefined;
  return { parts: listed[1] ? listed[1].split(',').filter((part) => PART.test(part)) : [], codeAt: end + 1 };
}

/**
 * Files read one after the other into the same memory: the bundle (copied out into a string),
 * then the code kept for it, over the pages the bundle was read into. NOTE: each 4 kB a process
 * touches for the first time costs a page fault (about 12 µs where the bench runs); read apart,
 * the two made some 70 more of them, about 0.9 ms on Node 24 (measured on 3 December 2026).
 */
class Reader {
  private buffer: Buffer;

  /** `size`: the largest file to be read, so that the memory is taken once. */
  constructor(size: number) {
    this.buffer = Buffer.allocUnsafeSlow(size + 1); // + 1: room for the read that finds the end
  }

  /** The bytes of `path`, in the shared memory (so only until the next read); throws as readFileSync does. */
  read(path: string): Buffer {
    const fd = openSync(path, 'r');
    try {
      let size = 0;
      for (;;) {
        if (size === this.buffer.length) this.grow(Math.max(fstatSync(fd).size + 1, size * 2));
        const got = readSync(fd, this.buffer, size, this.buffer.length - size, size);
        if (got === 0) return this.buffer.subarray(0, size);
        size += got;
      }
    } finally {
      closeSync(fd);
    }
  }

  private grow(size: number): void {
    const bigger = Buffer.allocUnsafeSlow(size);
    this.buffer.copy(bigger);
    this.buffer = bigger;
  }
}

/** The size of a file, or 0 when there is none or it cannot be read. */
function sizeOf(path: string): number {
  try {
    return statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    return 0;
  }
}

/** The V8 code kept in `codeFile`, and the parts it holds, when it was made for this build of `file`, where it is. */
function readCode(reader: Reader, codeFile: string, stem: Buffer): { code: Buffer; parts: string[] } | undefined {
  let kept: Buffer;
  try {
    kept = reader.read(codeFile);
  } catch {
    return undefined; // none yet, or unreadable
  }
  const held = readHeader(kept, stem);
  return held && kept.length > held.codeAt ? { code: kept.subarray(held.codeAt), parts: held.parts } : undefined;
}

/** Whether `codeFile` holds code for this build already (its first line starts with `stem`). */
function holdsBuild(codeFile: string, stem: Buffer): boolean {
  try {
    const fd = openSync(codeFile, 'r');
    try {
      const first = Buffer.alloc(stem.length + 512); // the stem, and the parts and padding after it
      return readHeader(first.subarray(0, readSync(fd, first, 0, first.length, 0)), stem) !== undefined;
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Write `data` to `target` whole or not at all: a start never reads half a file. */
function keep(target: string, head: Buffer, data: Buffer): void {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temp, Buffer.concat([head, data]));
    renameSync(temp, target);
  } catch {
    // A read-only or full disk, or a file where a folder should be: the next start compiles
    // again, no worse than this one, and the command says nothing of it.
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing was written
    }
  }
}

/**
 * The require `file` runs with. It runs the islands of KEPT_ISLANDS with their kept code, and
 * turns on Node's compile cache (Node 22.1 and later) before the first of our other files it
 * reads (an island, a vendor; "./" names) rather than at every start: most commands read none,
 * and turning it on cost them 0.5 to 0.7 ms.
 */
export function requireFor(file: string, runtime: Runtime = here()): NodeJS.Require {
  const plain = createRequire(file);
  let cached = false;
  const islands = new Map<string, unknown>();
  const require = ((id: string): unknown => {
    const island = KEPT_ISLANDS[id];
    if (island !== undefined) {
      if (!islands.has(id)) islands.set(id, runKept(plain.resolve(id), runtime, island).exports);
      return islands.get(id);
    }
    if (!cached && id.startsWith('.')) {
      cached = true;
      enableCompileCache();
    }
    return plain(id);
  }) as NodeJS.Require;
  return Object.assign(require, plain);
}

/** Node's compile cache for the files read from now on, where this Node has one. */
export function enableCompileCache(): void {
  (Module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
}

/**
 * Run the CommonJS module `file` (dist/cli.cjs) as require() would, with its own module object
 * and require, from the V8 code kept for the command argv names, when there is some that fits.
 * The file is written as the function Node wraps a module in, so that V8 compiles it as read
 * (a wrapper added here would have V8 copy the whole file into one string first); a file without
 * the build's tag is wrapped here, and no code is kept for it.
 * After a run that succeeded (exit code 0), the code of the command that ran (commandThatRan();
 * help and version run none), with every function it compiled, is kept unless it came from that
 * command's own file, or the run said its code is not the command's usual (keepNoCode()). Code
 * taken from the command's own file is kept again when the run took a part of the command that
 * file does not list (announceParts()): with the functions of that part added to those it was
 * started with, so the file grows to hold each part once, whichever run came first.
 * Says whether V8 took kept code.
 */
export function runWithCodeCache(file: string, runtime: Runtime = here()): boolean {
  return runKept(file, runtime, '').used;
}

/** runWithCodeCache's work, for cli.cjs or an island (its code kept under `island`): its exports, and whether V8 took kept code. */
function runKept(file: string, runtime: Runtime, island: string): { exports: unknown; used: boolean } {
  const codeFiles = commandsOf(runtime.argv).map((command) => [command, codeFileFor(runtime, command, island)] as const);
  const reader = new Reader(Math.max(sizeOf(file), ...codeFiles.map(([, codeFile]) => sizeOf(codeFile))));
  const source = reader.read(file).toString('utf8');
  const stem = stemOf(file, source);
  let kept: { code: Buffer; parts: string[] } | undefined;
  let from: string | undefined;
  if (stem) {
    for (const [command, codeFile] of codeFiles) {
      kept = readCode(reader, codeFile, stem);
      if (kept) {
        from = command;
        break;
      }
    }
  }
  const script = new Script(stem ? source : Module.wrap(source), { filename: file, ...(kept ? { cachedData: kept.code } : {}) });
  const used = kept !== undefined && !script.cachedDataRejected;
  if (stem) {
    process.on('exit', (code) => {
      if (code !== 0 || codeNotWanted()) return;
      const ran = commandThatRan() ?? NO_COMMAND;
      const target = codeFileFor(runtime, ran, island);
      const parts = partsThatRan();
      let holds = parts;
      if (ran === from && used) {
        // Its own code, taken: kept again only with a part this run took first, added to the rest.
        if (parts.every((part) => kept!.parts.includes(part))) return;
        holds = [...new Set([...kept!.parts, ...parts])].sort();
      } else if (ran !== from && holdsBuild(target, stem)) return; // started from a sibling's code, or none: its own may be there
      keep(target, header(stem, holds), script.createCachedData());
    });
  }
  const module = new Module(file);
  module.filename = file;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run(module.exports, requireFor(file, runtime), module, file, dirname(file));
  return { exports: module.exports, used };
}
