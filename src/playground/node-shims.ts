/**
 * The few Node built-ins the engine touches on its in-memory path (lintText with the bundled rules
 * and validators), for the playground's browser build: scripts/build-playground.mjs points node:fs,
 * node:path, node:url, node:module and node:crypto here. Files are served from the page's own copy
 * (page-data.ts); everything else a browser cannot do fails loudly rather than pretending.
 */
import { pageData } from './page-data.js';
import { sha256Hex } from './sha256.js';

const unavailable = (name: string) => () => {
  throw new Error(`${name} is not available in the playground.`);
};

// node:fs: reads of the package's own files (schemas, rule pages, package.json).
export function existsSync(path: string): boolean {
  return Object.hasOwn(pageData.files, path) || Object.keys(pageData.files).some((file) => file.startsWith(`${path}/`));
}

export function readFileSync(path: string): string {
  if (!Object.hasOwn(pageData.files, path)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return pageData.files[path]!;
}

export const readdirSync = unavailable('readdirSync');
export const statSync = unavailable('statSync');
export const fstatSync = unavailable('fstatSync');
export const openSync = unavailable('openSync');
export const readSync = unavailable('readSync');
export const closeSync = unavailable('closeSync');
export const constants = {};

// node:path, POSIX only: the page's paths are all "/planlint/…" or "/playground/…".
export const sep = '/';

export function join(...parts: string[]): string {
  return normalise(parts.filter(Boolean).join('/'));
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part && part !== '.') out.push(part);
  }
  return `${path.startsWith('/') ? '/' : ''}${out.join('/')}` || '.';
}

export function dirname(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? (path.startsWith('/') ? '/' : '.') : path.slice(0, cut);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function extname(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

/** node:path's parse, POSIX only: the parts of a path as paths.ts reads them. */
export function parse(path: string): { root: string; dir: string; base: string; ext: string; name: string } {
  const base = basename(path);
  const ext = extname(path);
  return { root: path.startsWith('/') ? '/' : '', dir: path.includes('/') ? dirname(path) : '', base, ext, name: ext ? base.slice(0, -ext.length) : base };
}

export function resolve(...parts: string[]): string {
  let path = '';
  for (const part of parts) path = part.startsWith('/') ? part : `${path}/${part}`;
  return normalise(path.startsWith('/') ? path : `/playground/${path}`);
}

export function relative(from: string, to: string): string {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  return [...a.slice(same).map(() => '..'), ...b.slice(same)].join('/');
}

// node:url
export function fileURLToPath(url: string | URL): string {
  return decodeURIComponent(new URL(url).pathname);
}

export function pathToFileURL(path: string): URL {
  return new URL(`file://${encodeURI(path)}`);
}

// node:module: ajv is loaded on demand only for options someone wrote, which the page never has.
export function createRequire(): (id: string) => never {
  return (id) => {
    throw new Error(`The playground cannot load ${id}.`);
  };
}

// node:crypto: SHA-256 for finding fingerprints, synchronous as the engine uses it.
export function createHash(algorithm: string) {
  if (algorithm !== 'sha256') throw new Error(`The playground has no ${algorithm} hash.`);
  let text = '';
  const hash = {
    update(more: string) {
      text += more;
      return hash;
    },
    digest(encoding: 'hex') {
      if (encoding !== 'hex') throw new Error('The playground gives hashes in hex only.');
      return sha256Hex(new TextEncoder().encode(text));
    },
  };
  return hash;
}

export const randomBytes = unavailable('randomBytes');

/** The global `process` for code that asks it for a built-in or the working folder. */
export const process = {
  getBuiltinModule: (name: string) => (name === 'node:crypto' ? { createHash } : undefined),
  cwd: () => '/playground',
  env: {} as Record<string, string | undefined>,
  platform: 'browser',
};
