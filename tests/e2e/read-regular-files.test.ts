/**
 * Issue 18, item 4, as a user meets it: a repository that commits its baseline or config as a link
 * to /dev/zero, or a named pipe, ends the real process at once, within a small heap (the version
 * before read these until it ran out of memory, or waited for ever).
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PLAN_WITHOUT_VOICE, runBuiltCli, scratch } from '../helpers/cli.js';

// A heap this small would be exhausted by reading a device at once: the run must not try.
const SMALL_HEAP = ['--max-old-space-size=64'];

it('a baseline linked to /dev/zero and a named-pipe ignore file are each one line and exit 2', () => {
  const dir = scratch({ 'plans/a.yaml': PLAN_WITHOUT_VOICE });
  symlinkSync('/dev/zero', join(dir, 'baseline.json'));
  execFileSync('mkfifo', [join(dir, '.planlintignore')]);
  const ignore = runBuiltCli(['plans', '--baseline', 'baseline.json'], { cwd: dir, nodeArgs: SMALL_HEAP });
  expect(ignore.stderr).toBe('planlint: the ignore file .planlintignore is a named pipe, not a regular file; planlint reads only regular files, so it was not read.\n');
  expect(ignore.code).toBe(2);

  const baseline = runBuiltCli(['plans', '--baseline', 'baseline.json', '--no-ignore'], { cwd: dir, nodeArgs: SMALL_HEAP });
  expect(baseline.stderr).toBe('planlint: --baseline baseline.json is a device, not a regular file; planlint reads only regular files, so it was not read.\n');
  expect(baseline.code).toBe(2);
});
