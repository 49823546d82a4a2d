import { readFile, stat } from 'node:fs/promises';
import type { Finding } from './findings.js';
import { ENGINE_RULE_IDS, START_OF_FILE } from './findings.js';

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export type SourceText = { text: string } | { problem: Finding };

function inputProblem(message: string, line = 1, column = 1): { problem: Finding } {
  return {
    problem: { ruleId: ENGINE_RULE_IDS.input, severity: 'error', fatal: true, message, line, column, endLine: line, endColumn: column },
  };
}

/**
 * Turns a file's bytes into text, or into one clear finding saying why it cannot be linted:
 * too large, binary, or in an encoding other than UTF-8/UTF-16. Never throws for bad content.
 */
export function decodeSource(bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): SourceText {
  if (bytes.length > maxBytes) {
    return inputProblem(`The file is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit; it was not linted.`);
  }
  // A byte-order mark says the encoding outright; UTF-16 files are decoded rather than refused.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = positionOfByte(bytes, nul);
    return inputProblem('The file holds binary data (a NUL byte), not YAML or JSON text; it was not linted.', line, column);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = positionOfByte(bytes, bad);
    return inputProblem('The file is not valid UTF-8 text; save it as UTF-8 and lint it again.', line, column);
  }
}

export async function readSource(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Promise<SourceText> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return inputProblem('This path is a directory, not a file.');
    if (info.size > maxBytes) return decodeSource(new Uint8Array(info.size), maxBytes);
    return decodeSource(await readFile(path), maxBytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'the file no longer exists' :
      code === 'EACCES' || code === 'EPERM' ? 'permission was denied' :
      code === 'ELOOP' ? 'it is a symbolic link loop' :
      `the system said ${code ?? 'it could not be read'}`;
    return inputProblem(`The file could not be read: ${reason}.`);
  }
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

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
