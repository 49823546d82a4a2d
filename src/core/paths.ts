import { isAbsolute, parse, relative, resolve, sep } from 'node:path';
import { printable } from './text.js';

/**
 * A path as shown to people: relative to the working directory when it is inside it. A file name
 * can hold any byte but '/' and NUL, so it passes the filter field text does: an escape sequence
 * or newline in a name must not act on a terminal or forge a line of output. Anything that needs
 * the real path (JSON output, SARIF URIs, baseline keys) uses the path itself, not this.
 */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return printable(rel && !rel.startsWith('..') ? rel : path);
}

/**
 * A path relative to where planlint ran, `..` included, with `/` between its parts: for a report
 * read where it was made (the HTML report), where an absolute path is long and says nothing new.
 * Absolute when the two share no folder but the root ("../../../tmp/x.yaml" says less than
 * "/tmp/x.yaml"), when no relative path exists (another drive), and for a name that is not a path.
 */
export function relativeDisplayPath(path: string, cwd = process.cwd()): string {
  if (!isAbsolute(path)) return printable(path);
  const rel = relative(cwd, path);
  const up = rel.split(sep).filter((part) => part === '..').length;
  const full = resolve(cwd);
  const depth = full.slice(parse(full).root.length).split(sep).filter(Boolean).length;
  const viaRoot = up > 0 && up >= depth;
  return printable(rel && !isAbsolute(rel) && !viaRoot ? rel.split(sep).join('/') : path);
}
