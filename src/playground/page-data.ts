/**
 * What the playground page carries inside itself. Run from source this is empty; the build
 * (scripts/build-playground.mjs) puts in its place the same files the CLI reads from its package
 * (package.json, the JSON Schemas, the rule pages) and the examples, so the page needs no network.
 */
interface PlaygroundExample {
  /** The path under examples/, such as "lisa-poor.yaml" or "hmpps/dan-poor.json". */
  name: string;
  text: string;
  /** The teaching note from examples/README.md's table. */
  note: string;
}

export interface PageData {
  /** Files by absolute path under /planlint (the package folder as the page sees it). */
  files: Record<string, string>;
  examples: PlaygroundExample[];
  version: string;
}

export const pageData: PageData = { files: {}, examples: [], version: '' };

/** Where the page's copy of the package folder is: node-shims.ts serves files from under it. */
export const PAGE_PACKAGE_ROOT = '/planlint';
