/**
 * Runs planlint's composite GitHub Action (action.yml) the way a runner does, for the tests that
 * check it from this checkout (tests/e2e/integrations.test.ts), from the packed package installed in
 * an empty project (tests/e2e/package.test.ts) and from a plain copy of the sources
 * (tests/e2e/install-from-source.test.ts).
 *
 * Each `run:` step runs in `bash --noprofile --norc -eo pipefail`, as `shell: bash` does, with
 * `${{ inputs.* }}` and `${{ steps.lint.outputs.* }}` substituted into its env, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, and GITHUB_ACTION_PATH the folder the action was "checked out" to. An
 * `npx` on PATH records its arguments and fails: the action never looks planlint up by name.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { root } from './cli.js';

export interface ActionStep {
  name: string;
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

export interface Action {
  name: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as Action;

/** The action's step whose name matches. */
export const actionStep = (name: RegExp): ActionStep => action.runs.steps.find((s) => name.test(s.name))!;

/** A folder on PATH holding executables that stand in for what the host would install. */
export function fakeBin(scripts: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-bin-'));
  for (const [name, body] of Object.entries(scripts)) {
    writeFileSync(join(dir, name), `#!/usr/bin/env bash\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

/** This test's environment less what a runner would not have set for a step (colour off). */
export const cleanEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.GITHUB_ACTIONS;
  delete env.GITHUB_OUTPUT;
  delete env.GITHUB_STEP_SUMMARY;
  delete env.GITHUB_ACTION_PATH;
  return env;
};

export interface ActionRunOptions {
  /** The repository being linted: each step's working folder. */
  workspace: string;
  /** Where the action was checked out (GITHUB_ACTION_PATH). */
  actionPath: string;
  /** The `with:` inputs; the others take their defaults. */
  inputs?: Record<string, string>;
  /** Extra environment for every step (npm settings, say). */
  env?: Record<string, string>;
  /** How long one step may take, in milliseconds. */
  timeout?: number;
}

export interface StepRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the action's lint step on a workspace; gives its result and what it left for the later steps. */
export function runAction(options: ActionRunOptions) {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, options.inputs?.[name] ?? input.default ?? '']));
  const runner = mkdtempSync(join(tmpdir(), 'planlint-runner-'));
  const outputFile = join(runner, 'output');
  const summaryFile = join(runner, 'summary.md');
  const npxLog = join(runner, 'npx-args');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  // Were the action to fetch planlint by name, this npx would say so and fail.
  const path = fakeBin({ npx: `printf '%s\\n' "$@" > "${npxLog}"\necho "npx called: the action looked planlint up by name" >&2\nexit 99` });
  const outputs: Record<string, string> = {};
  const substitute = (text: string) => text.replace(/\$\{\{\s*(inputs|steps\.lint\.outputs)\.([\w-]+)\s*\}\}/g, (_, scope: string, name: string) => (scope === 'inputs' ? inputs[name] : outputs[name]) ?? '');

  const runStep = (s: ActionStep): StepRun => {
    if (s.shell !== 'bash' || s.run === undefined) throw new Error(`step "${s.name}" is not a bash step`);
    const script = join(runner, `${s.id ?? 'step'}.sh`);
    writeFileSync(script, s.run);
    const env = Object.fromEntries(Object.entries(s.env ?? {}).map(([k, v]) => [k, substitute(v)]));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: options.workspace,
      encoding: 'utf8',
      env: {
        ...cleanEnv(),
        ...options.env,
        ...env,
        PATH: `${path}${delimiter}${process.env.PATH}`,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: runner,
        GITHUB_WORKSPACE: options.workspace,
        GITHUB_ACTION_PATH: options.actionPath,
      },
      timeout: options.timeout ?? 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    for (const line of readFileSync(outputFile, 'utf8').split('\n')) {
      const at = line.indexOf('=');
      if (at > 0) outputs[line.slice(0, at)] = line.slice(at + 1);
    }
    const failed = result.error ? `\n[runAction: ${result.error.message}]\n` : '';
    return { code: result.status, stdout: result.stdout, stderr: result.stderr + failed };
  };

  const lint = runStep(actionStep(/^Run planlint$/));
  return { lint, outputs, inputs, runStep, substitute, summary: readFileSync(summaryFile, 'utf8'), npxArgs: existsSync(npxLog) ? readFileSync(npxLog, 'utf8').trim().split('\n') : [] };
}
