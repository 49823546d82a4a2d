/** Worker threads: the same output as one thread, byte for byte; a runaway rule is stopped. */
import { mkdirSync, symlinkSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/engine/lint-files.js';
import type { LintFilesOptions } from '../../src/engine/lint-files.js';
import { writeCorpus } from '../../scripts/bench-corpus.mjs';
import { PLAN_WITHOUT_VOICE, runBuiltCli as planlint, root, scratch } from '../helpers/cli.js';

describe('--concurrency', () => {
  it('gives byte-identical JSON and stylish output in parallel and single-threaded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-parallel-'));
    writeCorpus(dir, 240, { seed: 7, examplesDir: join(root, 'examples') });
    const single = planlint([dir, '-f', 'json', '--concurrency', 'off']);
    const parallel = planlint([dir, '-f', 'json', '--concurrency', '2']);
    expect(single.code).toBe(1);
    expect(parallel.code).toBe(single.code);
    expect(parallel.stdout).toBe(single.stdout);
    expect((JSON.parse(single.stdout) as unknown[]).length).toBe(240);
    expect(planlint([dir, '--concurrency', '2']).stdout).toBe(planlint([dir, '--concurrency', 'off']).stdout);
    // With --quiet the main thread filters each result, so the workers do not write the JSON entries.
    expect(planlint([dir, '-f', 'json', '--quiet', '--concurrency', '2']).stdout).toBe(planlint([dir, '-f', 'json', '--quiet', '--concurrency', 'off']).stdout);
  });

  it('gives the same output when each worker is replaced after a few files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-recycle-'));
    writeCorpus(dir, 240, { seed: 11, examplesDir: join(root, 'examples') });
    // The engine is called directly: once in this thread, and once on two workers replaced every 25
    // files (about nine fresh workers, in turns), with the built worker (the tests' code is TypeScript).
    const entries = async (options: Omit<LintFilesOptions, 'jsonEntries'>) => {
      const run = await lintFiles([dir], { cwd: root, jsonEntries: { cwd: root }, ...options });
      const decoder = new TextDecoder();
      const items: string[] = [];
      for await (const entry of run.results) items.push(decoder.decode(entry.item));
      return { items, summary: run.summary };
    };
    const single = await entries({ concurrency: 1 });
    const recycled = await entries({ concurrency: 2, filesPerWorker: 25, workerUrl: pathToFileURL(join(root, 'dist/src/engine/parallel/lint-worker.js')) });
    expect(single.items).toHaveLength(240);
    expect(recycled.items).toEqual(single.items);
    expect(recycled.summary).toEqual(single.summary);
  }, 60_000);

  it('skips other YAML and JSON files in workers as in one thread, and leaves them out of the JSON report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-parallel-mixed-'));
    writeCorpus(join(dir, 'plans'), 220, { seed: 5, examplesDir: join(root, 'examples') });
    const others = scratch(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`compose-${i}.yml`, `services:\n  web${i}:\n    image: nginx\n`])));
    const run = (threads: string, format: string[]) => planlint([join(dir, 'plans'), others, ...format, '--concurrency', threads]);
    const single = run('off', ['-f', 'json']);
    const parallel = run('2', ['-f', 'json']);
    expect(parallel.stdout).toBe(single.stdout);
    expect(parallel.code).toBe(single.code);
    expect((JSON.parse(parallel.stdout) as unknown[]).length).toBe(220);
    expect(run('2', []).stdout).toBe(run('off', []).stdout);
    expect(run('2', []).stdout).toMatch(/ 30 other YAML\/JSON files skipped /);
  });

  it('rejects a bad setting with a usage error', () => {
    expect(planlint(['examples/', '--concurrency', 'lots'])).toMatchObject({ code: 2, stderr: 'planlint: --concurrency expects a number from 1 to 64, auto or off; found "lots".\n' });
  });
});

describe('a rule that never finishes', () => {
  // The watchdog goes by the clock from the rule's start (a worker's start and the plugin's import
  // are not counted), so a small limit holds on a busy machine. tests/e2e/plugin-containment.test.ts
  // tries every other way a rule can fail.
  const RULE_TIMEOUT_MS = 2_000;
  it('is stopped in a worker, reported against the file, and the other files are still linted; exit 2', () => {
    const loop = `export default {
  meta: { id: 'team/never-ends', description: 'Loops for ever on plans dated 2024-01-10.', severity: 'error', standard: 'planning',
    guidance: { publication: 'hmip-planning-for-engagement', section: 'practitioners should "meaningfully involve the service user"' }, appliesTo: ['sentence-plan'], messages: {}, optionsSchema: { type: 'object' }, defaultOptions: {} },
  check(model) { if (model.plans.some((p) => p.date === '2024-01-10')) for (;;) {} },
};
`;
    const dir = scratch({
      'never-ends.mjs': loop,
      'planlint.config.yaml': 'plugins: [./never-ends.mjs]\n',
      'a.yaml': PLAN_WITHOUT_VOICE,
      'b.yaml': PLAN_WITHOUT_VOICE.replace('2024-01-10', '2024-02-10'),
      'c.yaml': PLAN_WITHOUT_VOICE.replace('2024-01-10', '2024-03-10'),
    });
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules', 'planlint'));
    const { code, stdout, stderr } = planlint(['.', '-f', 'json', '--concurrency', '2', '--rule-timeout', String(RULE_TIMEOUT_MS)], { cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(2);
    const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
    const byFile = Object.fromEntries(results.map((r) => [r.filePath.slice(dir.length + 1), r.messages]));
    // The file is linted again without the stopped rule: the other rules' findings on it are there.
    const stoppedOn = byFile['a.yaml']!.filter((m) => m.ruleId === 'team/never-ends');
    expect(byFile['a.yaml']!.filter((m) => m.ruleId !== 'team/never-ends').map((m) => m.ruleId)).toEqual(byFile['b.yaml']!.map((m) => m.ruleId));
    expect(stoppedOn).toHaveLength(1);
    expect(stoppedOn[0]!.message).toMatch(new RegExp(`^Rule "team/never-ends" did not finish within ${RULE_TIMEOUT_MS} ms on this file and was stopped\\.`));
    expect(byFile['b.yaml']!.map((m) => m.ruleId)).toContain('service-user-voice-recorded');
    expect(byFile['c.yaml']!.map((m) => m.ruleId)).toContain('service-user-voice-recorded');
  });
});
