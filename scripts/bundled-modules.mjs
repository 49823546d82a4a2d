// What both bundles (the CLI's, scripts/bundle.mjs, and the playground's, scripts/build-playground.mjs)
// put in place of src/runtime/bundled-modules.ts's "nothing bundled": the rules and the validators.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The rule files, in a stable order. */
export function ruleFiles(root) {
  return readdirSync(join(root, 'rules'))
    .filter((f) => f.endsWith('.ts'))
    .sort();
}

/** An esbuild onLoad for src/runtime/bundled-modules.ts that imports every rule and the precompiled validators. */
export function loadBundledModules(b, root) {
  const rules = ruleFiles(root);
  b.onLoad({ filter: /[\\/]src[\\/]runtime[\\/]bundled-modules\.ts$/ }, () => ({
    resolveDir: root,
    loader: 'js',
    contents: [
      `import * as validators from './dist/generated/validators.js';`,
      ...rules.map((f, i) => `import rule${i} from './rules/${f}';`),
      `export const bundled = { validators, rules: [${rules.map((f, i) => `[${JSON.stringify(f.replace(/\.ts$/, ''))}, rule${i}]`).join(', ')}] };`,
    ].join('\n'),
  }));
}
