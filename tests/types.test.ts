/**
 * The type-level tests in tests/types/ (rule API typing: message ids inferred from meta.messages)
 * are never run, only type-checked: this runs tsc over them, so `npm test` fails when a
 * `@ts-expect-error` there stops being an error or the rest stops compiling.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { root } from './helpers/cli.js';

it('tests/types type-checks (tsc -p tests/types)', () => {
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tests', 'types')], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.status).toBe(0);
}, 120_000);
