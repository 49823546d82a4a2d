// Bundles the CLI, the lint worker and every rule into dist/bundle/ with esbuild, so a run loads
// a handful of files instead of hundreds of modules: most of a cold start was module loading.
// Shared code goes into chunks; formatters and rarely used commands stay lazy (their own chunks).
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'bundle');
rmSync(out, { recursive: true, force: true });
const rules = readdirSync(join(root, 'rules')).filter((f) => f.endsWith('.ts'));
await build({
  absWorkingDir: root,
  entryPoints: [
    { in: 'src/cli.ts', out: 'cli' },
    { in: 'src/lint-worker.ts', out: 'lint-worker' },
    ...rules.map((f) => ({ in: `rules/${f}`, out: `rules/${f.replace(/\.ts$/, '')}` })),
  ],
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies inside an ES module bundle need a require of their own.
  banner: { js: "import { createRequire as __planlintCreateRequire } from 'node:module'; const require = __planlintCreateRequire(import.meta.url);" },
  // yaml's ES module build: the same parser without its Node build's debugging switch, which reads
  // process.env (a slow call into Node) for every token it lexes.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  // Loaded from the user's project when a TypeScript plugin is used, never bundled.
  external: ['typescript'],
  logLevel: 'warning',
});
