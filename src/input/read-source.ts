import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import type { Finding } from '../core/findings.js';
import { ENGINE_RULE_IDS } from '../core/findings.js';
import { UsageError } from '../core/errors.js';
import { displayPath } from '../core/paths.js';

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export type SourceText = { text: string } | { problem: Finding };

function inputProblem(message: string, line = 1, column = 1): { problem: Finding } {
  return {
    problem: { ruleId: ENGINE_RULE_IDS.input, severity: 'error', fatal: true, message, line, column, endLine: line, endColumn: column },
  };
}

const SCRATCH = Buffer.allocUnsafe(64 * 1024);

/** One decoder for every file: making one per file costs more than decoding a small file. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Turns a file's bytes into text, or into one clear finding saying why it cannot be linted:
 * too large, binary, or in an encoding other than UTF-8/UTF-16. Never throws for bad content.
 */
function decodeSource(bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): SourceText {
  if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
  // A byte-order mark says the encoding outright; UTF-16 files are decoded rather than refused.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    if (looksLikeUtf16(bytes)) {
      return inputProblem('The file looks like UTF-16 text without a byte-order mark; save it as UTF-8 (or UTF-16 with a byte-order mark) and lint it again.');
    }
    const { line, column } = positionOfByte(bytes, nul);
    return inputProblem('The file holds binary data (a NUL byte), not YAML or JSON text; it was not linted.', line, column);
  }
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = positionOfByte(bytes, bad);
    return inputProblem('The file is not valid UTF-8 text; save it as UTF-8 and lint it again.', line, column);
  }
}

/**
 * A file's bytes, read only if it is a regular file of at most `maxBytes`: a device (/dev/zero)
 * or a named pipe is refused before any read, so it can neither block nor fill memory. Throws
 * the system's error (ENOENT, EACCES …) for the caller to word.
 */
function readBounded(path: string, maxBytes: number): { bytes: Buffer } | { notFile: Stats } | { tooLarge: number } {
  const info = statSync(path);
  // A named pipe or device could block a read for ever, or never end.
  if (!info.isFile()) return { notFile: info };
  if (info.size > maxBytes) return { tooLarge: info.size };
  // Opened without blocking in case a pipe has replaced the file since; read no more than one
  // byte past the limit in case the file has grown.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { notFile: opened };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // A file is read in one go at the size it reports (plus a byte, to notice it grew); anything
      // more (a /proc file reporting no size, or one that grew) goes through a scratch buffer,
      // so the final read that finds the end allocates nothing.
      const first = total === 0 && opened.size > 0;
      const chunk = first ? Buffer.allocUnsafe(Math.min(opened.size + 1, maxBytes + 1)) : SCRATCH;
      const bytesRead = readSync(fd, chunk, 0, Math.min(chunk.length, maxBytes + 1 - total), null);
      if (bytesRead === 0) break;
      chunks.push(first ? chunk.subarray(0, bytesRead) : Buffer.from(chunk.subarray(0, bytesRead)));
      total += bytesRead;
      if (total > maxBytes) return { tooLarge: Math.max(total, opened.size) };
      // A regular file reads short only at its end: no second call just to be told so.
      if (first && bytesRead < chunk.length) break;
    }
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } finally {
    closeSync(fd);
  }
}

/** Why a file could not be opened or read, from the system's error code, in words. */
function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? 'the file no longer exists'
    : code === 'EACCES' || code === 'EPERM'
      ? 'permission was denied'
      : code === 'ELOOP'
        ? 'it is a symbolic link loop'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'ENOTDIR'
            ? 'part of its path is a file, not a directory'
            : `the system said ${code ?? 'it could not be read'}`;
}

// eslint-disable-next-line @typescript-eslint/require-await -- synchronous on purpose (below); callers get a promise all the same
export async function readSource(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<SourceText> {
  // Synchronous calls on purpose: a file is read whole before anything else happens to it, and
  // awaiting four thread-pool round trips per file left a worker idle for a third of a large run.
  try {
    const read = readBounded(path, maxBytes);
    if ('notFile' in read) return read.notFile.isDirectory() ? inputProblem('This path is a directory, not a file.') : notAFile(read.notFile);
    if ('tooLarge' in read) return tooLarge(read.tooLarge, maxBytes);
    return decodeSource(read.bytes, maxBytes);
  } catch (error) {
    return inputProblem(`The file could not be read: ${readFailure(error)}.`);
  }
}

/** Limits for the files planlint reads besides inputs (see readRegularFile). */
export const READ_LIMITS = {
  /** Config and ignore files are written by hand: a megabyte is far beyond any real one. */
  config: 1024 * 1024,
  /**
   * A baseline or cache grows with the findings it records (a million findings is a few hundred
   * MB), so its limit is the largest text a JavaScript string can hold, as for --max-file-size.
   */
  record: 500 * 1024 * 1024,
  /** A plugin is code; bundled ones with their dependencies can be a few MB, never this. */
  plugin: 64 * 1024 * 1024,
} as const;

/**
 * Reads a file planlint uses (a config, ignore file, baseline or cache) as text, as inputs are
 * read: only a regular file, at most `maxBytes`, never blocking. Anything else is a usage error
 * of one line naming the file (`what` says what it is for: "the baseline") and what is wrong.
 */
export function readRegularFile(path: string, { maxBytes, what }: { maxBytes: number; what: string }): string {
  const read = checkedRead(path, maxBytes, what, true);
  return read.toString('utf8');
}

/**
 * Checks that a file planlint will hand to Node to run (a plugin, a JavaScript config) is a
 * regular file within `maxBytes`, without reading it: Node's own loader would read a device for ever.
 */
export function checkRegularFile(path: string, { maxBytes, what }: { maxBytes: number; what: string }): void {
  checkedRead(path, maxBytes, what, false);
}

function checkedRead(path: string, maxBytes: number, what: string, read: true): Buffer;
function checkedRead(path: string, maxBytes: number, what: string, read: false): void;
function checkedRead(path: string, maxBytes: number, what: string, read: boolean): Buffer | void {
  const name = `${what} ${displayPath(path)}`;
  let result: ReturnType<typeof readBounded>;
  try {
    if (!read) {
      const info = statSync(path);
      result = !info.isFile() ? { notFile: info } : info.size > maxBytes ? { tooLarge: info.size } : { bytes: Buffer.alloc(0) };
    } else {
      result = readBounded(path, maxBytes);
    }
  } catch (error) {
    throw new UsageError(`${name} could not be read: ${readFailure(error)}.`);
  }
  if ('notFile' in result) throw new UsageError(`${name} is ${describeNonFile(result.notFile)}, not a regular file; planlint reads only regular files, so it was not read.`);
  if ('tooLarge' in result) throw new UsageError(`${name} is ${formatBytes(result.tooLarge)}, over the ${formatBytes(maxBytes)} limit; it was not read.`);
  return read ? result.bytes : undefined;
}

function describeNonFile(info: Stats): string {
  return info.isDirectory() ? 'a directory' : info.isFIFO() ? 'a named pipe' : info.isSocket() ? 'a socket' : info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : 'not a regular file';
}

function tooLarge(size: number, maxBytes: number): { problem: Finding } {
  return inputProblem(`The file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit; it was not linted. Use --max-file-size to raise the limit.`);
}

/**
 * Reads a stream (standard input) as a file is read: no more than one byte past the limit is
 * kept, so endless input cannot exhaust memory, then decoded as a file's bytes are.
 */
export async function readStreamSource(stream: AsyncIterable<Uint8Array | string>, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<SourceText> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    chunks.push(bytes);
    total += bytes.length;
    if (total > maxBytes) {
      return inputProblem(`The input is more than ${formatBytes(maxBytes)}, the limit; it was not linted. Use --max-file-size to raise the limit.`);
    }
  }
  return decodeSource(Buffer.concat(chunks, total), maxBytes);
}

function notAFile(info: Stats): { problem: Finding } {
  const what = describeNonFile(info);
  return inputProblem(`This path is ${what}, not a file; it was not read. To lint piped text, use --stdin.`);
}

/** The largest --max-file-size accepted: a JavaScript string cannot hold much more text than this. */
export const MAX_FILE_SIZE_LIMIT = 500 * 1024 * 1024;

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, byte: 1, bytes: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/**
 * Reads a size such as 10MB, 500 KB, 1.5mb or 2048 (bytes; KB and MB are 1024-based, as the
 * limit is reported). Returns undefined for anything else.
 */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return undefined;
  const name = match[2]!.toLowerCase();
  const unit = Object.hasOwn(SIZE_UNITS, name) ? SIZE_UNITS[name]! : undefined;
  if (unit === undefined) return undefined;
  const bytes = Math.floor(Number(match[1]) * unit);
  return bytes >= 1 ? bytes : undefined;
}

/** ASCII text saved as UTF-16: every other byte of its first characters is zero. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const pairs = Math.min(16, Math.floor(bytes.length / 2));
  if (pairs < 2) return false;
  let le = 0;
  let be = 0;
  for (let i = 0; i < pairs; i++) {
    const [a, b] = [bytes[2 * i]!, bytes[2 * i + 1]!];
    if (a !== 0 && b === 0) le++;
    if (a === 0 && b !== 0) be++;
  }
  return le === pairs || be === pairs;
}

function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return 0;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} byte${n === 1 ? '' : 's'}`;
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
