import { isAbsolute, relative, sep } from 'node:path';

/** Whether `path` is `folder` or somewhere below it. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
