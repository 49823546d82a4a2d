import { closeSync, createWriteStream, fsyncSync, linkSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { UsageError } from './errors.js';

/**
 * Every file planlint writes (reports, baseline, cache, convert and init output) goes to a
 * temporary file beside its target and is renamed into place only when complete, as git does with
 * its lock files: rename within a folder is atomic, so a reader, a killed run or a full disk sees
 * the previous file or the new one, never half of one. Node has no such write in its library and
 * the packages that do (write-file-atomic) are CommonJS with their own signal handling, which
 * would fight the CLI's; this is the few lines we need.
 */

/** Temporary files open now, removed by the CLI if the run is interrupted. */
const openTemps = new Set<string>();

/** Removes every temporary file still open (an interrupted run); safe to call from a signal handler. */
export function removeUnfinishedFiles(): void {
  for (const temp of openTemps) removeQuietly(temp);
  openTemps.clear();
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone, or never made: nothing to clean
  }
}

/**
 * One line saying why `path` could not be written, in the user's terms: a full disk, no
 * permission, a folder in the way, a missing folder to create. `what` names the file ("the sarif
 * report", "the baseline").
 */
export function writeFault(what: string, path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'permission denied'
        : code === 'EISDIR'
          ? `${path} is a folder; give a file name`
          : code === 'ENOENT'
            ? folderExists(dirname(resolve(path)))
              ? `files cannot be created in ${dirname(path)}`
              : `the folder ${dirname(path)} does not exist; create it first`
            : code === 'ENOTDIR'
              ? `part of ${path} is not a folder`
              : error instanceof Error
                ? error.message
                : String(error);
  return new UsageError(`Could not write ${what} to ${path}: ${reason}${code && !reason.includes(code) ? ` (${code})` : ''}.`);
}

/**
 * Refuses at once a path whose folder is missing or which is itself a folder, so a long run does
 * not end with nowhere to put its result.
 */
export function checkFolderFor(path: string, what: string): void {
  let folder;
  let self;
  try {
    folder = statSync(dirname(resolve(path)), { throwIfNoEntry: false });
    self = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw writeFault(what, path, error);
  }
  if (!folder) throw writeFault(what, path, Object.assign(new Error('missing folder'), { code: 'ENOENT' }));
  if (!folder.isDirectory()) throw writeFault(what, path, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
  if (self?.isDirectory()) throw writeFault(what, path, Object.assign(new Error('a folder'), { code: 'EISDIR' }));
}

function folderExists(folder: string): boolean {
  try {
    return statSync(folder, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/** Where the bytes for `path` really go, and whether that is a regular file to replace whole. */
function resolveTarget(path: string): { target: string; whole: boolean; mode?: number } {
  let info;
  try {
    info = statSync(path, { throwIfNoEntry: false });
  } catch {
    info = undefined; // unreadable: let the write say why
  }
  if (!info) return { target: path, whole: true };
  if (info.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
  // A device or pipe (/dev/null, /dev/stdout, a FIFO) is written as it is: renaming a file over
  // it would replace the device, not write to it.
  if (!info.isFile()) return { target: path, whole: false };
  // A symbolic link keeps pointing where it did: the file it names is replaced, not the link.
  // The replacement keeps the old file's permissions (within the umask), so a private baseline stays private.
  return { target: realpathSync(path), whole: true, mode: info.mode & 0o7777 };
}

function tempBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes `data` to `path` whole: a temporary file beside it, flushed, then renamed over it. On
 * any fault the previous file is left as it was, the temporary file is removed, and the error is
 * a one-line UsageError naming `what`.
 */
export function writeFileWhole(path: string, data: string | Uint8Array, what = 'the file', { exclusive = false } = {}): void {
  let temp: string | undefined;
  try {
    const { target, whole, mode } = resolveTarget(path);
    if (exclusive && statSync(target, { throwIfNoEntry: false })) throw Object.assign(new Error(`${path} exists`), { code: 'EEXIST' });
    temp = whole ? tempBeside(target) : undefined;
    const fd = openSync(temp ?? target, temp ? 'wx' : 'w', mode);
    if (temp) openTemps.add(temp);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
      if (temp) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // An exclusive write links the finished file in place, which fails if a file appeared meanwhile.
    if (temp) (exclusive ? linkSync : renameSync)(temp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && exclusive) throw error;
    throw writeFault(what, path, error);
  } finally {
    if (temp) {
      openTemps.delete(temp);
      removeQuietly(temp); // after a rename there is nothing left; after a fault, the partial copy
    }
  }
}

/**
 * A private scratch file in the system's temporary folder (mode 600: it may hold findings that
 * quote case text), removed by `remove()` and, if the run is interrupted, with the temporary files.
 */
export function scratchFile(prefix: string): { path: string; remove(): void } {
  const path = join(tmpdir(), `${prefix}-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    throw writeFault('a scratch file', path, error); // TMPDIR missing, full or read-only: one line
  }
  openTemps.add(path);
  return {
    path,
    remove: () => {
      openTemps.delete(path);
      removeQuietly(path);
    },
  };
}

/** A file being written as a stream, in place only after commit(). */
export interface WholeFile {
  stream: NodeJS.WritableStream;
  /** Finishes writing and renames the file into place; rejects with a one-line UsageError. */
  commit(): Promise<void>;
  /** Stops writing and removes the temporary file; the previous file stays as it was. */
  abort(): void;
}

/** Opens `path` to be written as a stream and put in place whole by commit(). */
export async function openWholeFile(path: string, what = 'the file'): Promise<WholeFile> {
  let temp: string | undefined;
  let stream: WriteStream;
  try {
    const { target, whole, mode } = resolveTarget(path);
    temp = whole ? tempBeside(target) : undefined;
    if (temp) openTemps.add(temp);
    stream = createWriteStream(temp ?? target, { flags: temp ? 'wx' : 'w', ...(mode !== undefined ? { mode } : {}) });
    await new Promise<void>((done, fail) => stream.once('open', () => done()).once('error', fail));
    const finalTarget = target;
    // A write fault (a full disk) arrives as an event; kept here so it is never an uncaught error
    // and commit() reports it.
    let fault: Error | undefined;
    stream.on('error', (error: Error) => (fault ??= error));
    const abort = () => {
      stream.destroy();
      if (temp) {
        openTemps.delete(temp);
        removeQuietly(temp);
      }
    };
    return {
      stream,
      abort,
      commit: async () => {
        try {
          if (fault === undefined) {
            await new Promise<void>((done, fail) => {
              stream.once('error', fail);
              stream.end((error?: Error | null) => (error ? fail(error) : done()));
            });
          }
          if (fault !== undefined) throw fault;
          if (temp) renameSync(temp, finalTarget);
        } catch (error) {
          abort();
          throw writeFault(what, path, error);
        }
        if (temp) openTemps.delete(temp);
      },
    };
  } catch (error) {
    if (temp) {
      openTemps.delete(temp);
      removeQuietly(temp);
    }
    throw writeFault(what, path, error);
  }
}
