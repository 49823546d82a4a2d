import { relative } from 'node:path';

/** A path as shown to people: relative to the working directory when it is inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
