// Bundles the extension with esbuild (the project's own bundler) into out/extension.js: one
// CommonJS file with vscode-languageclient inside, so the .vsix needs no node_modules and
// `vsce package --no-dependencies` works from inside the root's npm workspace.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
await build({
  entryPoints: [join(here, 'src', 'extension.ts')],
  outfile: join(here, 'out', 'extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'], // given by VS Code at run time
  minify: true, // a third of the size; stack traces still name planlint's functions (keepNames)
  keepNames: true,
  sourcemap: false,
  logLevel: 'warning',
});
