/**
 * What a bundle carries inside itself. Run from source or from dist/src this is undefined, and the
 * built-in rules and the precompiled validators are loaded from their own files. scripts/bundle.mjs
 * puts in its place a module that imports them all, so a bundled run has them without a file
 * lookup, and the CLI's code cache (see bin/planlint.js) covers them.
 */
export interface BundledModules {
  /** Every built-in rule, as [file name without extension, default export]. */
  rules: [string, unknown][];
  /** dist/generated/validators.js, written by scripts/compile-validators.mjs. */
  validators: Record<string, unknown>;
}

export const bundled = undefined as BundledModules | undefined;
