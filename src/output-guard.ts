import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from './errors.js';

/** A file a run is about to write, and the option that named it. */
export interface PlannedWrite {
  option: string;
  path: string;
}

async function identity(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Refuses, before anything is written, to write a report, cache or baseline over one of the files
 * being linted: planlint never changes the files it reads. Files are compared by device and inode
 * as well as by path, so a symbolic or hard link to an input is caught too.
 */
export async function refuseWritingToInputs(writes: readonly PlannedWrite[], inputs: readonly string[]): Promise<void> {
  if (writes.length === 0 || inputs.length === 0) return;
  const inputPaths = new Set(inputs.map((p) => resolve(p)));
  let inputIds: Set<string> | undefined;
  for (const write of writes) {
    let clash = inputPaths.has(resolve(write.path));
    if (!clash) {
      const id = await identity(write.path);
      if (id !== undefined) {
        inputIds ??= new Set((await Promise.all(inputs.map(identity))).filter((x): x is string => x !== undefined));
        clash = inputIds.has(id);
      }
    }
    if (clash) {
      throw new UsageError(`${write.option}: ${write.path} is one of the files being linted; planlint never writes to those.`);
    }
  }
}
