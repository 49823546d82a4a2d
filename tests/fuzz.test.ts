/**
 * Property-based fuzzing (README, "Guarantees on bad input"): arbitrary YAML-ish text and random
 * mutations of the worked examples never crash planlint, never hang, and always give JSON output
 * whose positions lie inside the file. The seed is fixed so a failure reproduces; fast-check
 * prints it with the failing case. Set PLANLINT_FUZZ_SEED to explore others.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../src/formatters/json.js';
import { lintText } from '../src/engine/lint.js';
import { loadBuiltInRules } from '../src/engine/load-rules.js';
import { activateRules } from '../src/engine/rule-settings.js';
import { runCli as planlint, root } from './helpers/cli.js';
import { expectNoStackTrace, expectValidPositions } from './helpers/positions.js';
import type { JsonResult } from './helpers/positions.js';
import { mutatedText, yamlText } from './helpers/yaml-arbitraries.js';

const SEED = Number(process.env.PLANLINT_FUZZ_SEED ?? 20_241_123);
/** Runs per property, sized to keep this file under about 20 seconds; PLANLINT_FUZZ_RUNS scales them. */
const SCALE = Number(process.env.PLANLINT_FUZZ_RUNS ?? 1);
const TEXT_RUNS = Math.round(1500 * SCALE);
const MUTATION_RUNS = Math.round(1000 * SCALE);
/** Far above a normal lint (about 10 ms): a run that takes this long has effectively hung. */
const MAX_MS_PER_LINT = 3_000;
/**
 * The properties run synchronously for seconds: a timeout cannot stop them, only fail them for a
 * busy machine's slowness, so it is far above their time however loaded the machine.
 */
const PROPERTY_TIMEOUT = 600_000;
console.info(`fuzz seed ${SEED}: ${TEXT_RUNS} texts, ${MUTATION_RUNS} mutated examples (set PLANLINT_FUZZ_SEED, PLANLINT_FUZZ_RUNS to change)`);

const rules = activateRules(await loadBuiltInRules(), {});
const examplesDir = join(root, 'examples');
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('-good.yaml'))
  .sort()
  .map((f) => readFileSync(join(examplesDir, f), 'utf8'));

/** Lints text in-process and checks everything the guarantee promises about the result. */
function lintsCleanly(text: string): void {
  // Processor time, not the clock: on a busy machine the clock runs on while this process waits.
  const started = process.cpuUsage();
  const result = lintText(text, 'fuzzed.yaml', { rules });
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  expect(ms, `one lint took ${Math.round(ms)} ms of processor time`).toBeLessThan(MAX_MS_PER_LINT);
  expect(result.internalError, 'a rule crashed').toBeUndefined();
  const [json] = JSON.parse(formatJson([result], { cwd: '/', color: false })) as JsonResult;
  expectValidPositions(json!.messages, text);
  expectValidPositions(json!.suppressedMessages, text);
}

const mutatedExample = mutatedText(examples);

describe('Every bad input gets a clear finding, never a crash or a stack trace (fuzzed)', () => {
  it(`arbitrary YAML text (${TEXT_RUNS} runs)`, { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(fc.property(yamlText, lintsCleanly), { seed: SEED, numRuns: TEXT_RUNS });
  });

  it(`random mutations of the worked examples (${MUTATION_RUNS} runs)`, { timeout: PROPERTY_TIMEOUT }, () => {
    fc.assert(fc.property(mutatedExample, lintsCleanly), { seed: SEED, numRuns: MUTATION_RUNS });
  });

  it('nesting is measured closely: 190 levels are read, 210 are refused, however written (100 runs)', { timeout: PROPERTY_TIMEOUT }, () => {
    const nesting = fc.record({
      depth: fc.integer({ min: 1, max: 400 }),
      lists: fc.array(fc.boolean(), { minLength: 400, maxLength: 400 }),
      style: fc.constantFrom('block', 'flow', 'json'),
    });
    fc.assert(
      fc.property(nesting, ({ depth, lists, style }) => {
        let value: unknown = 'x';
        for (let level = depth - 1; level >= 0; level--) value = lists[level] ? [value] : { [`k${level}`]: value };
        const text = style === 'json' ? JSON.stringify(value) : stringify(value, style === 'flow' ? { collectionStyle: 'flow' } : {});
        const findings = lintText(text, 'nested.yaml', { rules }).findings;
        const refused = findings.some((f) => f.message.includes('nested more than 200 levels deep'));
        if (depth <= 190) expect(refused, `${depth} levels (${style}) refused`).toBe(false);
        if (depth >= 210) expect(refused, `${depth} levels (${style}) read`).toBe(true);
        expectValidPositions(findings, text);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('a handful through the CLI: JSON that parses, positions inside each file, exit 0 or 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-fuzz-'));
    const samples = [...fc.sample(mutatedExample, { seed: SEED, numRuns: 6 }), ...fc.sample(yamlText, { seed: SEED, numRuns: 6 })];
    const texts: Record<string, string> = {};
    samples.forEach((text, i) => {
      const path = join(dir, `sample-${String(i).padStart(2, '0')}.yaml`);
      writeFileSync(path, text);
      texts[path] = text;
    });
    // Named, so each is judged (found by walking, those with no planlint kind would be skipped).
    const { code, stdout, stderr } = await planlint([...Object.keys(texts), '-f', 'json']);
    expectNoStackTrace(stderr);
    expect(stderr).toBe('');
    expect([0, 1]).toContain(code);
    const results = JSON.parse(stdout) as JsonResult;
    expect(results.map((r) => r.filePath).sort()).toEqual(Object.keys(texts).sort());
    for (const r of results) expectValidPositions(r.messages, texts[r.filePath]!, r.filePath);
  });
});
