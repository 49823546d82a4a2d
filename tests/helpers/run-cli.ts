/** Runs the built CLI as a user would, and makes scratch folders of files for it to lint. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..', '..');
export const bin = join(root, 'bin', 'planlint.js');

export function planlint(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    timeout: 60_000,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-test-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** A sentence plan that breaks service-user-voice-recorded (and little else) on line 6. */
export const PLAN_WITHOUT_VOICE = `kind: sentence-plan
schemaVersion: 1
caseRef: C1
date: 2024-01-10
participation: { person: in-person }
personView: TBC
`;
