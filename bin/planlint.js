#!/usr/bin/env node
// Thin entry point: everything lives in src/ (compiled to dist/ by `npm install`).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/src/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('planlint: not built yet. Run "npm install" (or "npm run build") in the planlint folder first.\n');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv);
