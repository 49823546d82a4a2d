import { statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { printable } from '../core/text.js';

/** A file a run is about to write, and the option that named it. */
export interface PlannedWrite {
  option: string;
  path: string;
  /** The file's part in the run ('cache', 'baseline'): a write is not refused for being the file of the same part it reads. */
  role?: string;
}

/** A file a run reads besides its inputs, in words: "the config file in use". */
export interface RunRead {
  path: string;
  what: string;
  role?: string;
}

/** A path's file status, or undefined when it does not exist or cannot be looked at. */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Whether two statuses are one file: by device and inode, so a symbolic or hard link is caught too. */
const sameFile = (a: Stats | undefined, b: Stats | undefined) => a !== undefined && a.ino === b?.ino && a.dev === b.dev;

/**
 * Refuses, before anything is written, to write a report, cache, baseline or converted file over
 * a file the run reads or uses: its inputs, the config files (and those they extend), plugins,
 * the ignore file, the baseline it applies, the cache, and the run's other outputs. planlint never
 * changes what it reads. Paths are compared as given and by device and inode, so a link to one
 * of these files is caught too. One check for every command that writes (lint, convert, compare).
 */
export function refuseWritingOverReads(writes: readonly PlannedWrite[], { inputs = [], reads = [] }: { inputs?: readonly string[]; reads?: readonly RunRead[] }): void {
  if (writes.length === 0) return;
  const inputPaths = new Set(inputs.map((p) => resolve(p)));
  const said = (write: PlannedWrite) => `${write.option}: ${printable(write.path)}`;
  const done: { write: PlannedWrite; info: Stats | undefined }[] = [];
  for (const write of writes) {
    const absolute = resolve(write.path);
    // Only an existing regular file can be another file under another name: /dev/null, a pipe or
    // a file not yet made cannot.
    const info = statOf(write.path);
    const target = info?.isFile() ? info : undefined;
    for (const read of reads) {
      if (read.role !== undefined && read.role === write.role) continue;
      if (resolve(read.path) === absolute || sameFile(target, statOf(read.path))) {
        throw new UsageError(`${said(write)} is ${read.what}; planlint never writes over a file it reads.`);
      }
    }
    let clash = inputPaths.has(absolute);
    // Inputs are checked one at a time, so a run of 50,000 files holds one stat at once (all at
    // once took 140 MB), and the first match ends the search.
    if (!clash && target) clash = inputs.some((input) => sameFile(target, statOf(input)));
    if (clash) throw new UsageError(`${said(write)} is one of the files being linted; planlint never writes to those.`);
    for (const other of done) {
      if (resolve(other.write.path) === absolute || sameFile(target, other.info)) {
        throw new UsageError(`${said(write)} is also where ${other.write.option} writes; give each its own file.`);
      }
    }
    done.push({ write, info: target });
  }
}
