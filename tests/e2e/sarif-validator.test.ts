/** SARIF from the built CLI, and from the formatter, checked by Microsoft's SARIF validator (a separate program). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/formatters/sarif.js';
import { PLAN_WITHOUT_VOICE, runBuiltCli as planlint, scratch } from '../helpers/cli.js';
import { context, results } from '../formatters/fixtures.js';

const temp = () => mkdtempSync(join(tmpdir(), 'planlint-formats-'));
const readSarif = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Log;

/** The SARIF Multitool's native binary, from @microsoft/sarif-multitool's package for this platform. */
const multitool = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;

/** Runs `Sarif.Multitool validate` and returns the problems it found at error level. */
function sarifErrors(file: string): string[] {
  const out = join(temp(), 'validation.sarif');
  const run = spawnSync(multitool, ['validate', file, '--output', out], { encoding: 'utf8', timeout: 120_000 });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  const log = readSarif(out);
  expect(log.runs[0]!.invocations?.[0]?.executionSuccessful).toBe(true);
  const rules = log.runs[0]!.tool.driver.rules ?? [];
  const level = (r: Result) => r.level ?? rules[r.ruleIndex ?? -1]?.defaultConfiguration?.level ?? 'warning';
  return (log.runs[0]!.results ?? []).filter((r) => level(r) === 'error').map((r) => `${r.ruleId}: ${r.message.text ?? `${r.message.id} ${JSON.stringify(r.message.arguments)}`}`);
}

// The validator is a .NET program that takes a few seconds to start.
describe('SARIF passes the SARIF Multitool validator with no errors', () => {
  it('for the examples', () => {
    const file = join(temp(), 'examples.sarif');
    planlint(['examples/', '-f', `sarif:${file}`]);
    expect(sarifErrors(file)).toEqual([]);
  });

  it('for a run with an inline suppression and a file outside the working directory', () => {
    const dir = scratch({ 'cases/plan.yaml': PLAN_WITHOUT_VOICE.replace('personView: TBC', '# planlint-disable-next-line service-user-voice-recorded -- Sam declined; I will ask again on 17 Jan.\npersonView: TBC') });
    const outside = scratch({ 'other.yaml': PLAN_WITHOUT_VOICE });
    const file = join(dir, 'out.sarif');
    planlint(['cases/', join(outside, 'other.yaml'), '-f', 'sarif:out.sarif'], { cwd: dir });
    const log = readSarif(file);
    expect(log.runs[0]!.results).toContainEqual(expect.objectContaining({ suppressions: [{ kind: 'inSource', justification: 'Sam declined; I will ask again on 17 Jan.' }] }));
    expect(sarifErrors(file)).toEqual([]);
  });

  it('for the hand-made results with every character that needs escaping', () => {
    const file = join(temp(), 'fixtures.sarif');
    writeFileSync(file, formatSarif(results, context));
    expect(sarifErrors(file)).toEqual([]);
  });
});
