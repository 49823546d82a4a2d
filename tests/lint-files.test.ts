/** lintFiles, the engine's file-level API, called in-process as a program would call it. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/core/errors.js';
import { countFindings } from '../src/core/findings.js';
import type { FileResult } from '../src/core/findings.js';
import { jsonReportItem } from '../src/core/result-json.js';
import { findFiles } from '../src/input/find-files.js';
import { createLintSetup, isReportedFile, lintFiles } from '../src/index.js';
import type { LintRun, LintedFile } from '../src/index.js';
import { PLAN_WITHOUT_VOICE, root, scratch } from './helpers/cli.js';

const VOICE = 'service-user-voice-recorded';
const examples = join(root, 'examples');

async function collect<T extends LintedFile>(run: LintRun<T>): Promise<T[]> {
  const results: T[] = [];
  for await (const result of run.results) results.push(result);
  return results;
}

describe('lintFiles', () => {
  it('lints examples/ in file order, with totals and the rules a report describes', async () => {
    const run = await lintFiles([examples], { cwd: root });
    expect(run.files).toEqual(await findFiles([examples]));
    expect(run.files.length).toBeGreaterThan(20);
    expect(run.rules.map((r) => r.id)).toContain(VOICE);
    const results = await collect(run);
    expect(results.map((r) => r.filePath)).toEqual(run.files);
    let errors = 0;
    let warnings = 0;
    for (const r of results) {
      const counts = countFindings(r.findings);
      errors += counts.errors;
      warnings += counts.warnings;
    }
    expect(run.summary).toEqual({ errors, warnings, skipped: 0, internalError: false });
    expect(errors).toBeGreaterThan(0);
    // Good examples have no errors; poor ones do.
    expect(countFindings(results.find((r) => r.filePath.endsWith('kate-good.yaml'))!.findings).errors).toBe(0);
    expect(countFindings(results.find((r) => r.filePath.endsWith('kate-poor.yaml'))!.findings).errors).toBeGreaterThan(0);
  });

  it('gives JSON report entries, the same as the formatter writes, when asked', async () => {
    const plain = await collect(await lintFiles([examples], { cwd: root }));
    const run = await lintFiles([examples], { cwd: root, jsonEntries: { cwd: root } });
    const entries = await collect(run);
    expect(entries.every(isReportedFile)).toBe(true);
    const decoder = new TextDecoder();
    expect(entries.map((e) => decoder.decode(e.item))).toEqual(plain.map((r) => jsonReportItem(r, root)));
    expect(entries.map((e) => [e.filePath, e.errors, e.warnings])).toEqual(plain.map((r) => [r.filePath, ...Object.values(countFindings(r.findings))]));
    expect(run.summary.errors).toBe(entries.reduce((n, e) => n + e.errors, 0));
  });

  it('leaves out ignored files, found by walking a folder or named, and says which', async () => {
    const dir = scratch({
      'planlint.config.yaml': 'ignores: ["archive/**"]\n',
      'a.yaml': PLAN_WITHOUT_VOICE,
      'archive/old.yaml': PLAN_WITHOUT_VOICE,
      'drafts/b.yaml': PLAN_WITHOUT_VOICE,
      '.planlintignore': 'drafts/\n',
    });
    const run = await lintFiles([dir], { cwd: dir });
    expect(run.files).toEqual([join(dir, 'a.yaml')]);
    const left: [string, string, boolean][] = [];
    const named = await lintFiles([join(dir, 'archive/old.yaml')], { cwd: dir, onIgnored: (file, why, isNamed) => left.push([file, why, isNamed]) });
    expect(named.files).toEqual([]);
    expect(left).toEqual([[join(dir, 'archive/old.yaml'), 'ignored by "archive/**" in planlint.config.yaml', true]]);
    const notIgnored = await lintFiles([join(dir, 'archive/old.yaml')], { cwd: dir, noIgnore: true });
    expect((await collect(notIgnored))[0]!.findings.map((f) => f.ruleId)).toContain(VOICE);
  });

  it('stops on a pattern that matches nothing, unless told not to', async () => {
    const dir = scratch({ 'notes.txt': 'not a plan\n' });
    await expect(lintFiles([dir])).rejects.toThrow(UsageError);
    const run = await lintFiles([dir], { errorOnUnmatchedPattern: false });
    expect(run.files).toEqual([]);
    expect(await collect(run)).toEqual([]);
  });

  it('tells the caller the files before reading any, so it can stop the run', async () => {
    const dir = scratch({ 'a.yaml': PLAN_WITHOUT_VOICE });
    const seen: string[] = [];
    await lintFiles([dir], { onFiles: (files) => void seen.push(...files) });
    expect(seen).toEqual([join(dir, 'a.yaml')]);
    await expect(
      lintFiles([dir], {
        onFiles: () => {
          throw new UsageError('no');
        },
      }),
    ).rejects.toThrow('no');
  });

  it('lints text (or a stream) as the named file, with the config that applies there', async () => {
    const dir = scratch({ 'planlint.config.yaml': `rules:\n  ${VOICE}: warn\n` });
    const filePath = join(dir, 'typed.yaml');
    const fromText = await lintFiles([], { text: PLAN_WITHOUT_VOICE, filePath });
    expect(fromText.files).toEqual([filePath]);
    const [result] = await collect(fromText);
    expect(result!.findings.find((f) => f.ruleId === VOICE)?.severity).toBe('warning');
    expect(existsSync(filePath)).toBe(false); // nothing is written

    const fromStream = await collect(await lintFiles([], { text: Readable.from([Buffer.from(PLAN_WITHOUT_VOICE)]), filePath }));
    expect(fromStream).toEqual([result]);

    const tooBig = await collect(await lintFiles([], { text: Readable.from([Buffer.from(PLAN_WITHOUT_VOICE)]), maxFileBytes: 10 }));
    expect(tooBig).toEqual([{ filePath: '<stdin>', findings: [expect.objectContaining({ ruleId: 'input', message: expect.stringMatching(/more than .* the limit/) })] }]);
    await expect(lintFiles([dir], { text: 'kind: review\n' })).rejects.toThrow(/either text or patterns/);
  });

  it('reuses cached results for unchanged files and settings', async () => {
    const dir = scratch({ 'a.yaml': PLAN_WITHOUT_VOICE, 'b.yaml': PLAN_WITHOUT_VOICE.replace('TBC', 'I want to keep my job.') });
    const cacheLocation = join(dir, '.planlintcache');
    const first = await collect(await lintFiles([dir], { cacheLocation }));
    expect(existsSync(cacheLocation)).toBe(true);
    // A result that only the cache could give back shows the second run read it.
    const cache = JSON.parse(readFileSync(cacheLocation, 'utf8')) as { entries: Record<string, { result: FileResult }> };
    cache.entries[resolve(dir, 'a.yaml')]!.result.findings[0]!.message = 'from the cache';
    writeFileSync(cacheLocation, JSON.stringify(cache));
    const second = await collect(await lintFiles([dir], { cacheLocation }));
    expect(second[0]!.findings[0]!.message).toBe('from the cache');
    expect(second[1]).toEqual(first[1]);
    // A changed rule setting is a different key: linted afresh.
    const third = await collect(await lintFiles([dir], { cacheLocation, rules: { [VOICE]: 'warning' } }));
    expect(third[0]!.findings.map((f) => f.message)).not.toContain('from the cache');
  });

  it('records a baseline, applies it, and prunes what no longer occurs', async () => {
    const dir = scratch({ 'a.yaml': PLAN_WITHOUT_VOICE, 'b.yaml': PLAN_WITHOUT_VOICE.replace('C1', 'C2') });
    const file = join(scratch({}), 'baseline.json'); // outside the folder linted
    await expect(lintFiles([dir], { baseline: { file } })).rejects.toThrow(/does not exist/); // must exist unless written

    const record = await lintFiles([dir], { baseline: { file, mode: 'update' } });
    const recorded = await collect(record);
    const before = recorded.reduce((n, r) => n + r.findings.length, 0);
    expect(record.summary.baseline).toEqual({ recorded: before });

    const applied = await lintFiles([dir], { baseline: { file } });
    const results = await collect(applied);
    expect(applied.summary).toMatchObject({ errors: 0, warnings: 0 });
    expect(results.every((r) => r.findings.length === 0 && (r.suppressedFindings ?? []).some((f) => f.suppression?.kind === 'baseline'))).toBe(true);

    writeFileSync(join(dir, 'b.yaml'), PLAN_WITHOUT_VOICE.replace('C1', 'C2').replace('personView: TBC', 'personView: I want to keep my job and see my children.'));
    const pruned = await lintFiles([dir], { baseline: { file, mode: 'prune' } });
    await collect(pruned);
    expect(pruned.summary.baseline).toMatchObject({ removed: expect.any(Number), kept: expect.any(Number) });
    const { removed, kept } = pruned.summary.baseline as { removed: number; kept: number };
    expect(removed).toBeGreaterThan(0);
    expect(removed + kept).toBe(before);
  });

  it('with quiet, leaves warnings out of results but counts them; with redact, marks every result', async () => {
    const dir = scratch({ 'a.yaml': PLAN_WITHOUT_VOICE });
    const setup = await createLintSetup({ rules: { [VOICE]: 'warning' } });
    const loud = await lintFiles([dir], { setup });
    const quiet = await lintFiles([dir], { setup, quiet: true, redact: true });
    const [loudResult] = await collect(loud);
    const [quietResult] = await collect(quiet);
    expect(loudResult!.findings.some((f) => f.severity === 'warning')).toBe(true);
    expect(quietResult!.findings.every((f) => f.severity === 'error')).toBe(true);
    expect(quietResult!.redacted).toBe(true);
    expect(quiet.summary.warnings).toBe(loud.summary.warnings);
  });
});
