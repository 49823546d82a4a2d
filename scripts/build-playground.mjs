// Builds the playground: dist/playground/index.html, one page with everything inside it (script,
// styles, the JSON Schemas, the rule pages, the examples), which opens from a file with no network.
// The script is the CLI's own engine (src/engine's lintText, the built-in rules, the precompiled
// validators, the presets) bundled for the browser by esbuild, with the page around it
// (src/playground/). The few Node built-ins the engine imports are served by
// src/playground/node-shims.ts. Run by `npm run build`, after compile-validators.mjs.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { loadBundledModules, ruleFiles } from './bundled-modules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'playground');
/** The page must stay small enough to e-mail and to open at once (issue 20). */
const MAX_BYTES = 2 * 1024 * 1024;
const PACKAGE_ROOT = '/planlint'; // as src/playground/page-data.ts names it

const read = (path) => readFileSync(join(root, path), 'utf8');
const rules = ruleFiles(root);

/** The teaching note of each example: the "What it teaches" column of examples/README.md's table. */
function teachingNotes() {
  const notes = new Map();
  for (const line of read('examples/README.md').split('\n')) {
    const m = /^\| \[`([^`]+)`\]\([^)]*\) \| (.*?) \| /.exec(line);
    if (m) notes.set(m[1], m[2]);
  }
  return notes;
}

function examples() {
  const notes = teachingNotes();
  const names = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, 'examples', dir), { withFileTypes: true })) {
      const name = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else if (/\.(ya?ml|json)$/.test(entry.name)) names.push(name);
    }
  };
  walk('');
  names.sort();
  return names.map((name) => {
    if (!notes.has(name)) throw new Error(`build-playground: examples/${name} has no row in examples/README.md (run npm run docs:examples).`);
    return { name, text: read(`examples/${name}`), note: notes.get(name) };
  });
}

const files = {
  [`${PACKAGE_ROOT}/package.json`]: read('package.json'),
  ...Object.fromEntries(
    readdirSync(join(root, 'schemas'))
      .filter((f) => f.endsWith('.schema.json'))
      .map((f) => [`${PACKAGE_ROOT}/schemas/${f}`, read(`schemas/${f}`)]),
  ),
  ...Object.fromEntries(rules.map((f) => f.replace(/\.ts$/, '.md')).map((f) => [`${PACKAGE_ROOT}/rules/${f}`, read(`rules/${f}`)])),
};
const version = JSON.parse(read('package.json')).version;
const pageData = { files, examples: examples(), version };

const shims = join(root, 'src', 'playground', 'node-shims.ts');

/** @type {import('esbuild').Plugin} */
const pagePlugin = {
  name: 'playground',
  setup(b) {
    // Every node: import the engine makes on its way to lintText, answered by the shims.
    b.onResolve({ filter: /^node:(fs|path|url|module|crypto)$/ }, () => ({ path: shims }));
    // The rules and precompiled validators in place of "nothing bundled", as scripts/bundle.mjs does.
    loadBundledModules(b, root);
    // The validators' own require() of two ajv helpers, which esbuild bundles once createRequire is gone.
    b.onLoad({ filter: /[\\/]dist[\\/]generated[\\/]validators\.js$/ }, (args) => ({
      loader: 'js',
      contents: readFileSync(args.path, 'utf8').replace(/^import \{ createRequire \} from 'node:module';\nconst require = createRequire\(import\.meta\.url\);\n/, ''),
    }));
    b.onLoad({ filter: /[\\/]src[\\/]playground[\\/]page-data\.ts$/ }, () => ({
      loader: 'js',
      contents: `export const pageData = ${JSON.stringify(pageData)};\nexport const PAGE_PACKAGE_ROOT = ${JSON.stringify(PACKAGE_ROOT)};`,
    }));
  },
};

const started = performance.now();
const bundle = await build({
  absWorkingDir: root,
  entryPoints: ['src/playground/main.ts'],
  bundle: true,
  write: false,
  platform: 'browser',
  format: 'iife',
  target: ['chrome110', 'firefox115', 'safari16'],
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  plugins: [pagePlugin],
  inject: [join(root, 'src', 'playground', 'process-shim.ts')],
  // The engine finds its package folder from its own URL; in the page that is the copy under /planlint.
  define: { 'import.meta.url': JSON.stringify(`file://${PACKAGE_ROOT}/src/playground/main.js`) },
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  logLevel: 'warning',
});
const script = bundle.outputFiles?.[0]?.text.trimEnd() ?? '';
// Text inside a <script> element must never close it or open a comment that hides its end.
if (/<\/script|<!--/i.test(script)) throw new Error('build-playground: the bundle contains "</script" or "<!--", which would break the page.');

const scriptHash = createHash('sha256').update(script).digest('base64');
// No connection of any kind; the one script is allowed by its hash. Styles are inline (the editor
// adds its own style elements as it starts, and the report frame has style attributes).
const csp = [
  "default-src 'none'",
  `script-src 'sha256-${scriptHash}'`,
  "style-src 'unsafe-inline'",
  'img-src data:',
  "connect-src 'none'",
  "font-src 'none'",
  // The report view is a srcdoc frame: no URL is loaded for it, so no frame source is allowed.
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const page = read('src/playground/index.html')
  .replace('<!-- PLAYGROUND_CSP -->', `<meta http-equiv="Content-Security-Policy" content="${csp}" />`)
  .replace('<!-- PLAYGROUND_STYLE -->', () => `<style>\n${read('src/playground/playground.css')}</style>`)
  .replace('<!-- PLAYGROUND_SCRIPT -->', () => `<script>${script}</script>`);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'index.html'), page);
const bytes = Buffer.byteLength(page);
if (bytes > MAX_BYTES) throw new Error(`build-playground: dist/playground/index.html is ${bytes} bytes, over the ${MAX_BYTES}-byte budget.`);
if (process.env.PLANLINT_BUILD_VERBOSE) console.log(`dist/playground/index.html: ${(bytes / 1024).toFixed(0)} KB in ${(performance.now() - started).toFixed(0)} ms`);
