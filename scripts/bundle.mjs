// Bundles planlint with esbuild, so a run loads a handful of files instead of hundreds of modules:
// most of a cold start was module loading.
//
//   dist/bundle/cli.cjs      the CLI in one CommonJS file, which bin/planlint.js compiles with V8's
//                            code cache (dist/bundle/cli.cjs.cache, made by scripts/code-cache.mjs)
//   dist/bundle/cli.js       the same as ES modules with shared chunks: used when cli.cjs is missing
//   dist/bundle/lint-worker.js  the worker thread for parallel runs (it shares those chunks)
//
// Every built-in rule and the precompiled validators go inside the bundle (src/runtime/bundled-modules.ts).
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { loadBundledModules } from './bundled-modules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'bundle');
rmSync(out, { recursive: true, force: true });

/** Puts the rules and validators in place of src/runtime/bundled-modules.ts's "nothing bundled". */
const bundledModules = {
  name: 'bundled-modules',
  setup(b) {
    loadBundledModules(b, root);
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  plugins: [bundledModules],
  // Less text for Node to read and parse at every start (commander alone is 120 KB unminified).
  // Names are kept, so stack traces from a failing rule still say where.
  minifyWhitespace: true,
  minifySyntax: true,
  // yaml's ES module build: the same parser without its Node build's debugging switch, which reads
  // process.env (a slow call into Node) for every token it lexes.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  // Loaded from the user's project when a TypeScript plugin is used, never bundled.
  external: ['typescript'],
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: [
    { in: 'src/cli/cli.ts', out: 'cli' },
    { in: 'src/engine/parallel/lint-worker.ts', out: 'lint-worker' },
  ],
  outdir: out,
  splitting: true,
  format: 'esm',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies inside an ES module bundle need a require of their own.
  banner: { js: "import { createRequire as __planlintCreateRequire } from 'node:module'; const require = __planlintCreateRequire(import.meta.url);" },
});

// Ties the code cache to this build: V8 checks only that a cache's source has the same length.
const BUILD_ID = randomBytes(8).toString('hex');

await build({
  ...common,
  entryPoints: [{ in: 'src/cli/cli.ts', out: 'cli' }],
  outdir: out,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  plugins: [
    bundledModules,
    {
      // A script has no import() of its own: bin/load-cli.js passes one in as __planlintImport.
      name: 'import-module',
      setup(b) {
        b.onLoad({ filter: /[\\/]src[\\/]runtime[\\/]import-module\.ts$/ }, () => ({ loader: 'js', contents: 'export const importModule = (url) => __planlintImport(url);' }));
      },
    },
  ],
  // The code's own import.meta.url (to find the package folder and the worker) is this file's URL.
  define: { 'import.meta.url': '__planlintModuleUrl' },
  banner: { js: `/*planlint-build:${BUILD_ID}*/var __planlintModuleUrl = require("node:url").pathToFileURL(__filename).href;` },
});
// Read as Latin-1 at start-up (a faster decode than UTF-8): esbuild writes non-ASCII as escapes.
// eslint-disable-next-line no-control-regex -- the range is all of ASCII, NUL included
if (/[^\x00-\x7f]/.test(readFileSync(join(out, 'cli.cjs'), 'latin1'))) throw new Error('dist/bundle/cli.cjs is not plain ASCII; bin/load-cli.js reads it as Latin-1.');
