import { statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';

/** A file a run is about to write, and the option that named it. */
export interface PlannedWrite {
  option: string;
  path: string;
}

/** A path's file status, or undefined when it does not exist or cannot be looked at. */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * Refuses, before anything is written, to write a report, cache or baseline over one of the files
 * being linted: planlint never changes the files it reads. Files are compared by device and inode
 * as well as by path, so a symbolic or hard link to an input is caught too.
 */
export function refuseWritingToInputs(writes: readonly PlannedWrite[], inputs: readonly string[]): void {
  if (writes.length === 0 || inputs.length === 0) return;
  const inputPaths = new Set(inputs.map((p) => resolve(p)));
  for (const write of writes) {
    let clash = inputPaths.has(resolve(write.path));
    const target = clash ? undefined : statOf(write.path);
    // Only an existing regular file can be an input under another name: /dev/null, a pipe or a
    // file not yet made cannot. Inputs are checked one at a time, so a run of 50,000 files holds
    // one stat at once (all at once took 140 MB), and the first match ends the search.
    if (target?.isFile()) {
      clash = inputs.some((input) => {
        const info = statOf(input);
        return info?.ino === target.ino && info.dev === target.dev;
      });
    }
    if (clash) {
      throw new UsageError(`${write.option}: ${write.path} is one of the files being linted; planlint never writes to those.`);
    }
  }
}
