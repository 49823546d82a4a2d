// Loads planlint's CLI. The CommonJS bundle (dist/bundle/cli.cjs) is compiled as a script with
// V8's code cache (dist/bundle/cli.cjs.cache, made at build time by scripts/code-cache.mjs), so a
// start skips parsing and compiling most of the code a run uses: on Node 20 an ES module cannot
// use a code cache. Without that bundle, the ES module one is imported, then dist/src.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const CLI_SCRIPT = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));
export const CODE_CACHE = `${CLI_SCRIPT}.cache`;
const BUILD_MARK = '/*planlint-build:';

/** The build id in the bundle's first line; the cache file starts with the same id. */
export const buildId = (source) => (source.startsWith(BUILD_MARK) ? source.slice(BUILD_MARK.length, source.indexOf('*/')) : undefined);

function readCache(id) {
  try {
    const data = readFileSync(CODE_CACHE);
    // V8 checks only that the cached source had the same length; the id says it was this build.
    return id && data.toString('latin1', 0, id.length) === id ? data.subarray(id.length) : undefined;
  } catch {
    return undefined; // no cache: compiled as it runs, as any script is
  }
}

/** Compiles and runs the CommonJS bundle; returns its exports and the script (to make a cache from). */
export function compileCliScript() {
  const source = readFileSync(CLI_SCRIPT, 'latin1'); // plain ASCII, checked by scripts/bundle.mjs
  const cachedData = readCache(buildId(source));
  // The wrapper shares the bundle's first line, so line numbers in stack traces are the file's own.
  const wrapped = `(function (exports, require, module, __filename, __dirname, __planlintImport) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: CLI_SCRIPT, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(CLI_SCRIPT), module, CLI_SCRIPT, dirname(CLI_SCRIPT), (url) => import(url));
  return { exports: module.exports, script };
}

/** planlint's main(argv), from the fastest build there is; undefined when nothing is built. */
export async function loadMain() {
  if (existsSync(CLI_SCRIPT)) return compileCliScript().exports.main;
  for (const built of ['../dist/bundle/cli.js', '../dist/src/cli/cli.js']) {
    const url = new URL(built, import.meta.url);
    if (existsSync(url)) return (await import(url.href)).main;
  }
  return undefined;
}
