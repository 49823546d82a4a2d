/**
 * Imports an ES module from a file at run time: a JavaScript config file, a plugin, the project's
 * TypeScript. Every such import goes through here so the CommonJS bundle of the CLI, which runs
 * as a plain script and so has no import() of its own, can be given one by bin/planlint.js
 * (scripts/bundle.mjs swaps this module for one that calls it).
 */
export function importModule(url: string): Promise<unknown> {
  return import(url);
}
