import { readdir, realpath, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import type createIgnoreType from 'ignore';

const LINTABLE_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Files that live beside plans in a project but are never plans. */
const NEVER_PLANS = new Set(['package.json', 'package-lock.json', 'tsconfig.json', 'planlint.config.yaml', 'planlint.config.yml', 'planlint.config.json', 'planlint.config.jsonc']);
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

import { UsageError } from '../core/errors.js';

/**
 * Expands the paths given on the command line into the files to lint: files as given, directories
 * walked recursively for .yaml/.yml/.json. Output is sorted so every run lints in the same order.
 */
export interface FindOptions {
  /** Whether a pattern or folder that yields no files is a usage error (the default) or skipped. */
  errorOnUnmatched?: boolean;
  /**
   * Whether a file is ignored: false (or undefined), or true or a description of why. Files found by
   * walking a folder or expanding a glob are dropped when it says so, and so are files named on the
   * command line, which are reported to onIgnored.
   */
  isIgnored?: (path: string) => Promise<boolean | string | undefined>;
  /** Told of each file left out by isIgnored, with why, and whether it was named rather than found. */
  onIgnored?: (path: string, why: string | undefined, named: boolean) => void;
  /** The folder `!pattern` arguments are relative to; the process's working folder by default. */
  cwd?: string;
}

/** The files to lint, and which of them were named as they are rather than found by walking a folder or matching a glob. */
export interface FoundFiles {
  files: string[];
  named: ReadonlySet<string>;
}

const GLOB_CHARACTERS = /[*?[\]{}]/;

export async function findFiles(paths: string[], options: FindOptions = {}): Promise<string[]> {
  return (await findInputs(paths, options)).files;
}

const requireHere = createRequire(import.meta.url);

/**
 * As findFiles, and says which files were named. An argument starting with `!` is an exclusion, as
 * in globby and markdownlint-cli2: an ignore pattern (gitignore syntax, relative to the working
 * folder) that leaves matching files out of what the other arguments find.
 */
export async function findInputs(paths: string[], options: FindOptions = {}): Promise<FoundFiles> {
  const found = new Set<string>();
  const named = new Set<string>();
  const unmatched = (message: string) => {
    if (options.errorOnUnmatched ?? true) throw new UsageError(message);
  };
  const exclusions = paths.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const included = paths.filter((p) => !p.startsWith('!'));
  if (exclusions.length > 0 && included.length === 0) {
    throw new UsageError(`Only exclusions were given (${paths.map((p) => `"${p}"`).join(', ')}): give the files, folders or patterns to lint too, for example: planlint . "${paths[0]}"`);
  }
  if (exclusions.some((p) => p.trim() === '')) throw new UsageError('"!" must be followed by a pattern of files to leave out, for example "!archive/**".');
  const cwd = options.cwd ?? process.cwd();
  const excluded = exclusions.length ? (requireHere('ignore') as typeof createIgnoreType)().add(exclusions) : undefined;
  const isExcluded = (file: string) => {
    if (!excluded) return false;
    const rel = relative(cwd, resolve(file));
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && excluded.ignores(rel.split('\\').join('/'));
  };
  const keep = async (candidates: string[]) => {
    for (const file of candidates) {
      if (isExcluded(file)) continue;
      const ignored = await options.isIgnored?.(file);
      if (ignored) options.onIgnored?.(file, typeof ignored === 'string' ? ignored : undefined, false);
      else found.add(file);
    }
  };
  for (const path of included) {
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
    } else if (!isExcluded(path)) {
      // A file named explicitly is linted whatever its extension, and judged even if it is not a
      // plan; but an ignored one is left out (and reported), so pre-commit, which names every
      // staged file, respects the ignores.
      const ignored = await options.isIgnored?.(path);
      if (ignored) options.onIgnored?.(path, typeof ignored === 'string' ? ignored : undefined, true);
      else {
        found.add(path);
        named.add(path);
      }
    }
  }
  const files = [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // A file both named and found by a folder or pattern counts as named: the user asked for it.
  return { files, named };
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
