/**
 * `planlint convert`: an HMPPS export written as a case file to complete. The file must pass
 * schema validation, and linting it must give the same findings about the plan as the export.
 */
import { copyFileSync, linkSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.js';
import { lintText } from '../../src/engine/lint.js';
import { loadBuiltInRules } from '../../src/engine/load-rules.js';
import { activateRules } from '../../src/engine/rule-settings.js';
import { runCli as planlint, root, scratch } from '../helpers/cli.js';

const fixtures = join(root, 'tests', 'fixtures', 'hmpps');
const rules = activateRules(await loadBuiltInRules());

async function convert(name: string): Promise<string> {
  const { code, stdout, stderr } = await planlint(['convert', join(fixtures, name)]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return stdout;
}

/** What the rules say about the case (errors and warnings), in a form that ignores where. */
function planFindings(findings: Finding[]): string[] {
  return findings
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.ruleId}: ${f.message}`)
    .sort();
}

describe('planlint convert', () => {
  it('writes a case file holding what the export says, with marked places for what it lacks', async () => {
    const out = await convert('good-plan-version.json');
    expect(out).toMatch(/^# planlint case file converted from the HMPPS sentence plan export .*good-plan-version\.json\./);
    expect(out).toContain('\nkind: case-file\nschemaVersion: 1\ncase:\n  ref: X123456\n  person:\n    name: Sam\n');
    for (const part of ['# sentence:', '# assessment:', '  # contact:', '# contacts:', '# reviews:']) expect(out).toContain(part);
    expect(out).toMatch(/# TO COMPLETE: the sentence\./);
    expect(out).toContain('# Related areas of need: Finances.');
    expect(out).toContain('# - 2025-05-12, Jo Smith: Went through each goal with Sam at the office.');
    expect(out).toContain('          by: partnership-agency\n          agency: Shelter (partnership agency)\n');
    const linted = lintText(out, 'converted.yaml', { rules: [], inputFormat: 'planlint' });
    expect(linted.findings).toEqual([]);
  });

  it('writes the plan history as sentence-plan documents of the same case', async () => {
    const out = await convert('plans-by-crn.json');
    const documents = out.split(/^---$/m);
    expect(documents).toHaveLength(3);
    expect(documents[0]).toMatch(/\nplan:\n {2}date: 2025-04-02\n {2}version: review\n/);
    expect(documents[1]).toMatch(/\nkind: sentence-plan\nschemaVersion: 1\ncaseRef: X777777\ndate: 2024-10-01\nversion: initial\n/);
    expect(documents[2]).toMatch(/\ncaseRef: X777777\ndate: 2024-10-20\n/);
    expect(lintText(out, 'converted.yaml', { rules: [], inputFormat: 'planlint' }).findings).toEqual([]);
  });

  it.each([
    'good-plan-version.json',
    'poor-plan-version.json',
    'plans-by-crn.json',
    'agreement-agreed.json',
    'agreement-could-not-answer.json',
    'agreement-do-not-agree-no-reason.json',
    'agreement-updated-do-not-agree.json',
    'agreement-draft.json',
  ])('round trip: %s gives the same findings as its case file, and the same rules not run', async (name) => {
    const exported = lintText(readFileSync(join(fixtures, name), 'utf8'), name, { rules });
    const converted = lintText(await convert(name), 'converted.yaml', { rules });
    const ran = exported.rulesChecked ?? [];
    expect(ran).toContain('plan-has-active-goals');
    expect(planFindings(converted.findings)).toEqual(planFindings(exported.findings));
    // What the export lacks, the converted file lacks too (toComplete), until it is completed.
    const needing = (result: typeof exported) => (result.notRun?.rules ?? []).filter((r) => !r.needs.includes('case-file'));
    expect(needing(converted)).toEqual(needing(exported));
  });

  it.each(readdirSync(join(root, 'examples', 'hmpps')).filter((f) => f.endsWith('.json')))('examples/hmpps/%s: the export and the case file convert writes get the same findings (rule ids and counts)', async (name) => {
    const dir = scratch({});
    const exportPath = join(root, 'examples', 'hmpps', name);
    const casePath = join(dir, name.replace(/\.json$/, '.yaml'));
    const wrote = await planlint(['convert', exportPath, '-o', casePath]);
    expect(wrote.code).toBe(0);
    const counts = async (path: string) => {
      const [result] = JSON.parse((await planlint([path, '--format', 'json'])).stdout) as { messages: { ruleId: string; severity: number }[]; notRun?: { summary: string } }[];
      const byRule: Record<string, number> = {};
      for (const m of result!.messages) if (m.severity > 0) byRule[m.ruleId] = (byRule[m.ruleId] ?? 0) + 1;
      return { byRule, notRun: result!.notRun?.summary };
    };
    const fromExport = await counts(exportPath);
    const fromCaseFile = await counts(casePath);
    expect(fromCaseFile.byRule).toEqual(fromExport.byRule);
    // Both say what could not be judged, once.
    expect(fromExport.notRun).toMatch(/^\d+ rules need what this file does not hold \(the sentence, assessment, contact log or reviews, or the whole case file\) and were not run\.$/);
    expect(fromCaseFile.notRun).toMatch(/^\d+ rules need what this file does not hold \(the sentence, assessment, contact log or reviews\) and were not run\.$/);
  });

  it('a converted file lists what it lacks, and a part filled in lets its rules run', async () => {
    const out = await convert('poor-plan-version.json');
    expect(out).toContain('\ntoComplete: [sentence, assessment, contacts, reviews]\n');
    const before = lintText(out, 'converted.yaml', { rules });
    expect(before.notRun?.remedy).toBe('Complete the parts marked "TO COMPLETE" to run them.');
    expect(before.notRun?.rules.find((r) => r.ruleId === 'missed-appointment-decision')).toEqual({ ruleId: 'missed-appointment-decision', needs: ['contacts'] });
    const completed = out.replace(
      '\n# contacts:\n#   - { date: YYYY-MM-DD, time: "10:00", type: office, outcome: attended }\n',
      '\ncontacts:\n  - { date: 2025-02-03, time: "10:00", type: office, outcome: failed-to-attend }\n',
    );
    expect(completed).not.toBe(out);
    const after = lintText(completed, 'converted.yaml', { rules });
    expect(after.rulesChecked).toContain('missed-appointment-decision');
    expect(after.findings.filter((f) => f.ruleId === 'missed-appointment-decision')).toHaveLength(1);
  });

  it('the poor example keeps its findings once converted', async () => {
    const converted = lintText(await convert('poor-plan-version.json'), 'converted.yaml', { rules });
    const ids = new Set(converted.findings.map((f) => f.ruleId));
    for (const id of ['plan-has-active-goals', 'agreement-followed-up', 'overdue-goal-reviewed', 'person-acts-in-plan', 'plan-updated-since-initial']) expect(ids).toContain(id);
  });

  it('-o writes to a file and says so', async () => {
    const dir = scratch({});
    const out = join(dir, 'sam.yaml');
    const { code, stdout, stderr } = await planlint(['convert', join(fixtures, 'good-plan-version.json'), '-o', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`planlint: wrote ${out} (1 case, 1 plan version).\n`);
    expect(readFileSync(out, 'utf8')).toBe(await convert('good-plan-version.json'));
    const linted = JSON.parse((await planlint([out, '--format', 'json'])).stdout) as { messages: { ruleId: string }[] }[];
    expect(linted[0]!.messages.filter((m) => ['schema', 'syntax', 'input'].includes(m.ruleId))).toEqual([]);
  });

  it('never writes over the export it reads, however the path is written', async () => {
    const dir = scratch({});
    const input = join(dir, 'export.json');
    copyFileSync(join(fixtures, 'good-plan-version.json'), input);
    linkSync(input, join(dir, 'same.json'));
    const before = readFileSync(input, 'utf8');
    for (const target of [input, join(dir, '.', 'sub', '..', 'export.json'), join(dir, 'same.json')]) {
      const { code, stdout, stderr } = await planlint(['convert', input, '-o', target]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`planlint: -o: ${target} is the export being converted; planlint never writes over a file it reads.\n`);
    }
    expect(readFileSync(input, 'utf8')).toBe(before);
  });

  it('refuses what is not an export, with exit code 2 and no stack trace', async () => {
    const { code, stdout, stderr } = await planlint(['convert', join(fixtures, 'not-an-export.json')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^planlint: .*not-an-export\.json is not an HMPPS sentence plan export\. Expected the JSON of a plan version \(GET \/plans\/\{uuid\}\) or a list of plans \(GET \/plans\/crn\/\{crn\}\)\.\n$/);
    const broken = scratch({ 'broken.json': '{ "planType": "INITIAL", ' });
    const syntax = await planlint(['convert', join(broken, 'broken.json')]);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/^planlint: .*broken\.json cannot be read:\n.*broken\.json:1:\d+: error: /);
  });

  it('converts what it can of a malformed export and says, at file:line:col, what it left out', async () => {
    const { code, stdout, stderr } = await planlint(['convert', join(fixtures, 'malformed-plan.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain('  - title: Keep my job\n');
    expect(stderr).toContain('malformed-plan.json:35:21: error: goals[2].targetDate must be a date such as 2025-12-31 or 2025-12-09T08:58:36Z; found "31/12/2025". It is left out.\n');
    expect(stderr).toContain('malformed-plan.json:21:3: note: planlint does not read the fields "riskFlags", "colour" of this export; they are left out of the checks.\n');
  });

  it('lints examples/hmpps: the good export clean, the poor one with the new rules', async () => {
    const { code, stdout } = await planlint(['examples/hmpps/', '--format', 'json']);
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as { filePath: string; errorCount: number; warningCount: number; messages: { ruleId: string; severity: number }[] }[];
    const good = results.find((r) => r.filePath.endsWith('sam-good.json'))!;
    expect([good.errorCount, good.warningCount]).toEqual([0, 0]);
    expect(good.messages).toEqual([]);
    const poor = results.find((r) => r.filePath.endsWith('dan-poor.json'))!;
    expect(poor.messages.filter((m) => m.severity === 2).map((m) => m.ruleId)).toEqual(
      expect.arrayContaining(['plan-has-active-goals', 'agreement-followed-up', 'overdue-goal-reviewed', 'person-acts-in-plan', 'plan-updated-since-initial']),
    );
  });

  it('--input-format takes only its three values', async () => {
    const { code, stderr } = await planlint(['examples/hmpps/', '--input-format', 'csv']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/argument 'csv' is invalid\. Allowed choices are auto, planlint, hmpps-sentence-plan\./);
  });
});
