/**
 * Nothing silently unchecked: when rules cannot run on a file (a plan or review on its own holds no
 * sentence, assessment or contact log; an HMPPS export lacks parts of a case), every report says so
 * once for the file, and --show-passed never counts what was checked as if it were every rule.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli as planlint, scratch } from './helpers/cli.js';

/** A standalone plan done well: every rule that can judge it passes. */
const GOOD_PLAN = `kind: sentence-plan
schemaVersion: 1
caseRef: C1
date: 2024-01-10
participation: { person: in-person }
personView:
  words: "I want to keep my flat and get back to work at the garage."
agreement: { status: agreed, date: 2024-01-10 }
objectives:
  - title: Ana keeps her tenancy
    areaOfNeed: accommodation
    targetDate: 2024-06-30
    measure: Rent paid on time each month, confirmed by the housing officer.
    status: active
    actions:
      - { description: Pay the rent on the first of each month, by: person, status: in-progress }
      - { description: Refer Ana to the tenancy support service, by: probation-practitioner, status: completed }
`;

function folder() {
  return scratch({ 'plan.yaml': GOOD_PLAN });
}

describe('rules not run on a standalone plan', () => {
  it('stylish says so once for the file, after its findings, even when the file is clean', async () => {
    const cwd = folder();
    const { code, stdout } = await planlint(['plan.yaml'], { cwd });
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('');
    expect(lines[1]).toBe('plan.yaml');
    expect(lines[2]).toMatch(
      /^ {2}ℹ 20 rules need the whole case file and were not run: assessment-involves-person, circumstances-analysed, contact-change-rationale and 17 more \(--show-passed lists them\)\. They run on a case file, which holds the sentence, assessment and contact log as well as the plan\.$/,
    );
    expect(stdout.match(/were not run/g)).toHaveLength(1);
    expect(stdout).toMatch(/✔ No problems found \(1 file checked\)\.\n$/);
  });

  it('--show-passed counts the rules checked apart from those not run, and lists every one not run', async () => {
    const cwd = folder();
    const { stdout } = await planlint(['plan.yaml', '--show-passed'], { cwd });
    expect(stdout).toContain('\n  15 rules checked: 15 passed, 0 failed\n  20 rules need the whole case file and were not run. They run on a case file');
    expect(stdout).not.toMatch(/15 rules checked: 15 passed, 0 failed\n {4}/);
    const notRun = stdout.split('\n').filter((l) => l.startsWith('    – not run  '));
    expect(notRun).toHaveLength(20);
    expect(notRun.find((l) => l.includes('officer-continuity'))).toMatch(/^ {4}– not run {2}officer-continuity {2,}The person keeps .*\(needs the whole case file\)$/);
    // The marks line up: "✔ passed" takes the width of "– not run".
    expect(stdout).toMatch(/\n {4}✔ passed {3}agreement-followed-up {2}/);
  });

  it('JSON gives each result a notRun field: the sentence, the remedy, and each rule with what it needs', async () => {
    const cwd = folder();
    const [result] = JSON.parse((await planlint(['plan.yaml', '--format', 'json'], { cwd })).stdout) as {
      messages: unknown[];
      notRun: { summary: string; remedy: string; rules: { ruleId: string; needs: string[] }[] };
    }[];
    expect(result!.messages).toEqual([]);
    expect(result!.notRun.summary).toBe('20 rules need the whole case file and were not run.');
    expect(result!.notRun.remedy).toBe('They run on a case file, which holds the sentence, assessment and contact log as well as the plan.');
    expect(result!.notRun.rules).toHaveLength(20);
    expect(result!.notRun.rules[0]).toEqual({ ruleId: 'assessment-involves-person', needs: ['case-file'] });
  });

  it('a whole case file has no notRun field', async () => {
    const [result] = JSON.parse((await planlint(['examples/kate-good.yaml', '--format', 'json'])).stdout) as Record<string, unknown>[];
    expect(result).not.toHaveProperty('notRun');
  });

  it('the HTML report says so under the verdict, and lists the rules not run among those checked', async () => {
    const cwd = folder();
    const { stdout } = await planlint(['plan.yaml', '--format', 'html'], { cwd });
    expect(stdout).toContain(
      'No problems found · 15 of 15 rules passed · 20 not run</p><p class="not-run-note"><span aria-hidden="true">ℹ</span> 20 rules need the whole case file and were not run. They run on a case file',
    );
    expect(stdout.match(/<li class="rule-row not-run">/g)).toHaveLength(20);
    expect(stdout).toContain(
      '<li class="rule-row not-run"><span class="pill not-run"><span aria-hidden="true">–</span> not run</span><span class="rule-id">assessment-involves-person <span class="muted nowrap">(needs the whole case file)</span>',
    );
  });

  it('compare shows each rule not run as such, and counts them apart', async () => {
    const cwd = folder();
    const { code, stdout } = await planlint(['compare', 'plan.yaml', join(root, 'examples', 'kate-good.yaml')], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('✔ no problems · 15 of 15 rules passed · 20 not run\n     ℹ 20 rules need the whole case file and were not run.');
    expect(stdout).toMatch(/\n► officer-continuity +– not run +✔ passed\n/);
    expect(stdout).toMatch(/\n +15\/15 passed, 20 not run +35\/35 passed\n/);
    const html = (await planlint(['compare', 'plan.yaml', join(root, 'examples', 'kate-good.yaml'), '--format', 'html'], { cwd })).stdout;
    expect(html).toContain('<span class="pill not-run">– not run</span>');
    expect(html).toContain('<p class="not-run-note">');
  });
});

describe('rules not run on an HMPPS export', () => {
  it('one line per file after the real findings, naming what the export lacks', async () => {
    const { stdout } = await planlint(['examples/hmpps/dan-poor.json']);
    const lines = stdout.split('\n');
    const firstFinding = lines.findIndex((l) => /^ {2}\d+:\d+ /.test(l));
    const note = lines.findIndex((l) => l.startsWith('  ℹ '));
    expect(firstFinding).toBeGreaterThan(0);
    expect(note).toBeGreaterThan(firstFinding);
    expect(lines[note]).toMatch(
      /^ {2}ℹ 26 rules need what this file does not hold \(the sentence, assessment, contact log or reviews, or the whole case file\) and were not run: .* Convert the export with "planlint convert" and complete what it lacks to run them\.$/,
    );
    expect(stdout).not.toMatch(/\binfo\b/);
    expect(stdout).not.toContain('notes for information');
  });
});
