// Start-up on Node before 22.1, which has no module.enableCompileCache(): dist/cli.cjs compiled
// with V8 code the build kept (dist/cli.cache), so that V8 does not parse the whole bundle at every
// start. Built apart from the bundle, as dist/code-cache.cjs, and required by bin/delegate.cjs on
// such a Node only.
//
// Why it is kept (2 December 2026, Node 20.20, CPU time per command, medians of 21, same run):
// --version 138 -> 126 ms, search 173 -> 163 ms, motion compare of 40 motions 189 -> 172 ms,
// against node -e 0 at 110 ms. Without it `search` and `motion compare` miss their bench targets
// on Node 20. Node 22.1 and later keep their own cache, and this file is not loaded there.
//
// NOTE: V8 checks that a cache was made by the same V8, with the same flags, for a source of the
// same length; not that the source is the same. And V8 20's code keeps the file name it was
// compiled under, which stack traces then show. So the cache starts with the build id that
// dist/cli.cjs carries in its first line and the path it was made for, and is used only where
// both agree: a copy of dist/ moved elsewhere compiles afresh.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

const BUILD_TAG = /^"use strict";\/\*(delegate-build:[^*\n]*)\*\//;

/** Where the code for `file` (dist/cli.cjs) is kept: beside it. */
export function cacheFileOf(file: string): string {
  return file.replace(/\.cjs$/, '.cache');
}

function compile(file: string, source: string, cachedData?: Buffer): Script {
  return new Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
}

/** The first line of the cache for `source` at `file`: its build and where it was made for. */
function header(file: string, source: string): string | undefined {
  const tag = BUILD_TAG.exec(source)?.[1];
  return tag ? `${tag} ${file}\n` : undefined;
}

/** The cache kept for `source`, when it was made for this build of it, where it is. */
function readCache(file: string, source: string): Buffer | undefined {
  const head = header(file, source);
  if (!head) return undefined;
  let cache: Buffer;
  try {
    cache = readFileSync(cacheFileOf(file));
  } catch {
    return undefined; // none: built on a Node with a compile cache of its own, or removed
  }
  const bytes = Buffer.from(head);
  return cache.length > bytes.length && cache.subarray(0, bytes.length).equals(bytes) ? cache.subarray(bytes.length) : undefined;
}

/**
 * Run the CommonJS module `file` as require() would (its own module object and require), from the
 * kept code when there is one that fits. Says whether V8 took the kept code.
 */
export function loadWithCodeCache(file: string): boolean {
  const source = readFileSync(file, 'utf8');
  const cachedData = readCache(file, source);
  const script = compile(file, source, cachedData);
  const module = new Module(file);
  module.filename = file;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run(module.exports, Module.createRequire(file), module, file, dirname(file));
  return cachedData !== undefined && !script.cachedDataRejected;
}

/**
 * Keep V8's code for `file` beside it, for the file it will be at `finalFile` (the build makes
 * dist/ under another name), tagged with its build id. Written to a temporary name and renamed,
 * so a start never reads half a cache. Says whether it did.
 */
export function writeCodeCache(file: string, finalFile = file): boolean {
  const source = readFileSync(file, 'utf8');
  const head = header(finalFile, source);
  if (!head) return false;
  const target = cacheFileOf(file);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, Buffer.concat([Buffer.from(head), compile(finalFile, source).createCachedData()]));
    renameSync(temp, target);
  } finally {
    rmSync(temp, { force: true });
  }
  return true;
}
