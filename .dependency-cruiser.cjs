// Stage boundaries of planlint (issue 15). Layers, lowest first; a module may import only from its
// own layer or lower ones: core+runtime < input < validate < model < rule-kit+hmpps < engine;
// formatters sit beside the engine but see only core, model and formatters; lsp, cli and the public
// index are at the top; src/playground/ (the browser page) sits at the top beside them. Checked by `npm run lint:boundaries` (part of `npm run lint`).
/** Folders (under src/) a layer may import from, besides itself. */
const allowedBelow = {
  core: [],
  runtime: [],
  input: ['core', 'runtime'],
  validate: ['core', 'runtime', 'input'],
  model: ['core', 'runtime', 'input', 'validate'],
  'rule-kit': ['core', 'runtime', 'input', 'validate', 'model', 'hmpps'],
  hmpps: ['core', 'runtime', 'input', 'validate', 'model', 'rule-kit'],
  engine: ['core', 'runtime', 'input', 'validate', 'model', 'rule-kit', 'hmpps'],
  formatters: ['core', 'model'],
  // The browser page runs the engine and the HTML report as the CLI does; it is bundled, never imported.
  playground: ['core', 'runtime', 'input', 'validate', 'model', 'rule-kit', 'hmpps', 'engine', 'formatters'],
};

/** One rule per layer: whatever in src/<layer>/ imports from src/ outside its allowed folders. */
const layerRules = Object.entries(allowedBelow).map(([layer, below]) => ({
  name: `layer-${layer}`,
  comment: below.length ? `src/${layer}/ may import only from itself and ${below.map((b) => `src/${b}/`).join(', ')}.` : `src/${layer}/ imports nothing of ours (only Node and npm packages).`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: '^(src|rules)/', pathNot: `^src/(${[layer, ...below].join('|')})/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'rules-use-rule-kit-only',
      comment: 'A rule imports only src/rule-kit/index.ts: no other module of ours, no other rule, no package.',
      severity: 'error',
      from: { path: '^rules/' },
      to: { pathNot: '^src/rule-kit/index\\.ts$' },
    },
    {
      name: 'no-importing-cli',
      comment: 'src/cli/ is the top: nothing outside it imports it (bin/planlint.js runs it).',
      severity: 'error',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-importing-playground',
      comment: 'src/playground/ is a page of its own (scripts/build-playground.mjs bundles it): nothing outside it imports it.',
      severity: 'error',
      from: { pathNot: '^src/playground/' },
      to: { path: '^src/playground/' },
    },
    {
      name: 'fast-yaml-behind-its-index',
      comment: 'The fast readers are reached through src/input/fast-yaml/index.ts only.',
      severity: 'error',
      from: { pathNot: '^src/input/fast-yaml/' },
      to: { path: '^src/input/fast-yaml/', pathNot: '^src/input/fast-yaml/index\\.ts$' },
    },
    {
      name: 'testing-not-from-src',
      comment: "src/testing/ (planlint/testing) is for plugin authors' tests: planlint itself never imports it.",
      severity: 'error',
      from: { path: '^(src|rules)/', pathNot: '^src/testing/' },
      to: { path: '^src/testing/' },
    },
    {
      name: 'no-importing-index',
      comment: 'src/index.ts is the public API: nothing of ours imports it.',
      severity: 'error',
      from: { path: '^(src|rules)/' },
      to: { path: '^src/index\\.ts$' },
    },
    {
      name: 'lsp-not-from-below',
      comment: 'src/lsp/ is at the top: only the CLI and the public index start it.',
      severity: 'error',
      from: { path: '^(src|rules)/', pathNot: '^src/(lsp|cli)/|^src/index\\.ts$' },
      to: { path: '^src/lsp/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles anywhere in src/ or rules/ (type-only imports included).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true, // count `import type` too: a type-only import still couples the layers
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
