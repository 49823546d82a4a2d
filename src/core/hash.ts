import type { Hash } from 'node:crypto';

/** A SHA-256 hash. node:crypto is loaded on first use: most runs hash nothing, and loading it costs every start. */
export function sha256(): Hash {
  return process.getBuiltinModule('node:crypto').createHash('sha256');
}
