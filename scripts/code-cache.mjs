// Makes dist/bundle/cli.cjs.cache: V8's compiled code for the CLI bundle, recorded after linting
// a good and a poor example, so a cold start of planlint skips compiling what such a run uses.
// Run by `npm run build` after scripts/bundle.mjs. The cache is for this Node version; another
// one rejects it and planlint compiles as it runs, as it would without a cache.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_SCRIPT, CODE_CACHE, buildId, compileCliScript } from '../bin/load-cli.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (process.argv[2] !== '--record') {
  rmSync(CODE_CACHE, { force: true });
  // Recorded in a child whose output is dropped: the runs print their reports.
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--record'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (child.status !== 0) throw new Error(`recording the code cache failed (exit ${child.status})`);
} else {
  const { exports, script } = compileCliScript();
  for (const example of ['kate-good.yaml']) await exports.main([process.execPath, 'planlint', join(root, 'examples', example)]);
  const id = buildId(readFileSync(CLI_SCRIPT, 'latin1'));
  writeFileSync(CODE_CACHE, Buffer.concat([Buffer.from(id, 'latin1'), script.createCachedData()]));
}
