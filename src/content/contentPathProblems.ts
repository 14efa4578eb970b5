import { statSync } from 'node:fs';
import type { Paths } from '../paths.js';

/** A DELEGATE_PATH entry that gives no pages, and why. */
export interface ContentPathProblem {
  dir: string;
  problem: string;
}

/** What is wrong with a folder pages are read from, or undefined when it is a folder. */
export function folderProblem(dir: string): string | undefined {
  try {
    return statSync(dir).isDirectory() ? undefined : 'is not a folder';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'does not exist (a part of the path is a file)' : `cannot be read (${code ?? 'unknown error'})`;
  }
}

/** Every DELEGATE_PATH folder that does not exist or is not a folder: its pages would silently be missing. */
export function contentPathProblems(paths: Paths): ContentPathProblem[] {
  return paths.extra.flatMap((dir) => {
    const problem = folderProblem(dir);
    return problem ? [{ dir, problem }] : [];
  });
}
