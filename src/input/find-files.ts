import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

const LINTABLE_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Files that live beside plans in a project but are never plans. */
const NEVER_PLANS = new Set(['package.json', 'package-lock.json', 'tsconfig.json', 'planlint.config.yaml', 'planlint.config.yml', 'planlint.config.json']);
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

import { UsageError } from '../core/errors.js';

/**
 * Expands the paths given on the command line into the files to lint: files as given, directories
 * walked recursively for .yaml/.yml/.json. Output is sorted so every run lints in the same order.
 */
export interface FindOptions {
  /** Whether a pattern or folder that yields no files is a usage error (the default) or skipped. */
  errorOnUnmatched?: boolean;
  /** Files found by walking a folder or expanding a glob are dropped when this says so. */
  isIgnored?: (path: string) => Promise<boolean>;
}

const GLOB_CHARACTERS = /[*?[\]{}]/;

export async function findFiles(paths: string[], options: FindOptions = {}): Promise<string[]> {
  const found = new Set<string>();
  const unmatched = (message: string) => {
    if (options.errorOnUnmatched ?? true) throw new UsageError(message);
  };
  const keep = async (candidates: string[]) => {
    for (const file of candidates) if (!(await options.isIgnored?.(file))) found.add(file);
  };
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw new UsageError(`${path} is a symbolic link loop (it leads back to itself), so there is nothing to lint there.`);
      if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`Permission denied: ${path}`);
      if (GLOB_CHARACTERS.test(path)) {
        const before = found.size;
        const { glob } = await import('tinyglobby'); // only for patterns
        const matches = await glob(path, { onlyFiles: true, dot: false, ignore: ['**/node_modules/**'], expandDirectories: false });
        await keep(matches.filter((m) => LINTABLE_EXTENSIONS.includes(extname(m).toLowerCase())));
        if (found.size === before) unmatched(`No .yaml, .yml or .json files match the pattern "${path}"`);
        continue;
      }
      throw new UsageError(`No such file or directory: ${path}`);
    }
    if (info.isDirectory()) {
      const inFolder = new Set<string>();
      await walk(path, inFolder, new Set());
      const before = found.size;
      await keep([...inFolder]);
      if (found.size === before) unmatched(`No .yaml, .yml or .json files found in ${path}`);
    } else {
      found.add(path); // a file named explicitly is linted whatever its extension or ignore rules
    }
  }
  return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function walk(dir: string, found: Set<string>, visited: Set<string>): Promise<void> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch {
    return;
  }
  if (visited.has(real)) return; // a symbolic link loop
  visited.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const info = await stat(path).catch(() => undefined);
      isDir = info?.isDirectory() ?? false;
      isFile = info?.isFile() ?? false;
    }
    if (isDir) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(path, found, visited);
    } else if (isFile && LINTABLE_EXTENSIONS.includes(extname(entry.name).toLowerCase()) && !NEVER_PLANS.has(entry.name)) {
      found.add(path);
    }
  }
}
