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
const rules = readdirSync(join(root, 'rules')).filter((f) => f.endsWith('.ts')).sort();
await build({
  absWorkingDir: root,
  entryPoints: [
    { in: 'src/cli.ts', out: 'cli' },
    { in: 'src/lint-worker.ts', out: 'lint-worker' },
    // Every built-in rule in one module: a cold start loaded thirty small files before.
    { in: 'planlint:builtin-rules', out: 'builtin-rules' },
  ],
  plugins: [
    {
      name: 'builtin-rules',
      setup(b) {
        b.onResolve({ filter: /^planlint:builtin-rules$/ }, () => ({ path: 'builtin-rules', namespace: 'planlint' }));
        b.onLoad({ filter: /.*/, namespace: 'planlint' }, () => ({
          resolveDir: root,
          loader: 'js',
          contents: [
            ...rules.map((f, i) => `import rule${i} from './rules/${f}';`),
            `export default [${rules.map((f, i) => `[${JSON.stringify(f.replace(/\.ts$/, ''))}, rule${i}]`).join(', ')}];`,
          ].join('\n'),
        }));
      },
    },
  ],
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Less text for Node to read and parse at every start (commander alone is 120 KB unminified).
  // Names are kept, so stack traces from a failing rule still say where.
  minifyWhitespace: true,
  minifySyntax: true,
  // CommonJS dependencies inside an ES module bundle need a require of their own.
  banner: { js: "import { createRequire as __planlintCreateRequire } from 'node:module'; const require = __planlintCreateRequire(import.meta.url);" },
  // yaml's ES module build: the same parser without its Node build's debugging switch, which reads
  // process.env (a slow call into Node) for every token it lexes.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  // Loaded from the user's project when a TypeScript plugin is used, never bundled.
  external: ['typescript'],
  logLevel: 'warning',
});
