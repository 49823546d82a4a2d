/**
 * Globals of Node's that the engine's modules touch as they load, in the playground's browser build
 * (scripts/build-playground.mjs injects them): `process`, asked for node:crypto (finding
 * fingerprints) and the working folder, and `Buffer`, whose scratch space src/input/read-source.ts
 * sets aside for reading files (the page lints text and never reads a file).
 */
export { process } from './node-shims.js';

export const Buffer = {
  allocUnsafe: (size: number) => new Uint8Array(size),
};
