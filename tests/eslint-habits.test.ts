/**
 * Habits from ESLint: --rule in both its forms, suppression comments at the end of a line and in
 * blocks, "did you mean" wherever a rule id is typed, and what the baseline held back.
 */
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint.js';
import { loadBuiltInRules } from '../src/engine/load-rules.js';
import { activateRules } from '../src/engine/rule-settings.js';
import { PLAN_WITHOUT_VOICE, runCli as planlint, scratch } from './helpers/cli.js';

type JsonResult = { messages: { ruleId: string; severity: number; line: number; message: string }[] }[];
const messages = (stdout: string) => (JSON.parse(stdout) as JsonResult).flatMap((r) => r.messages);
const severityOf = (stdout: string, id: string) => messages(stdout).find((m) => m.ruleId === id)?.severity;

describe('--rule', () => {
  const dir = scratch({ 'plan.yaml': PLAN_WITHOUT_VOICE });
  const run = (...rule: string[]) => planlint(['plan.yaml', '-f', 'json', ...rule.flatMap((r) => ['--rule', r])], { cwd: dir });

  it.each([
    ['id:severity', 'service-user-voice-recorded:warn', 1],
    ['id: severity, as ESLint writes it', 'service-user-voice-recorded: warn', 1],
    ['a number, as ESLint allows', 'service-user-voice-recorded: 1', 1],
    ['a JSON object', '{"service-user-voice-recorded": "warn"}', 1],
    ['a JSON object with options', '{"service-user-voice-recorded": ["warn", {}]}', 1],
    ['a JSON object of several rules', '{"service-user-voice-recorded": "error", "objectives-smart": "off"}', 2],
  ])('takes %s', async (_, value, severity) => {
    const result = await run(value);
    expect(result.stderr).toBe('');
    expect(severityOf(result.stdout, 'service-user-voice-recorded')).toBe(severity);
  });

  it('passes options on to the rule, which checks them', async () => {
    const wrong = await run('{"contact-level-matches-risk": ["error", {"minimumFrequency": {"medium": "hourly"}}]}');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^planlint: .*for contact-level-matches-risk: option "minimumFrequency.medium" must be equal to one of the allowed values\.\n$/);
  });

  it.each([
    [
      'no severity',
      'service-user-voice-recorded',
      `planlint: --rule expects id:severity or a JSON object of rule settings, for example --rule 'objectives-smart: warn' or, with options, --rule '{"contact-level-matches-risk": ["error", {…}]}'; found "service-user-voice-recorded".\n`,
    ],
    [
      'an unknown severity',
      'service-user-voice-recorded: fatal',
      `planlint: --rule "service-user-voice-recorded: fatal": the severity of "service-user-voice-recorded" must be off, warn or error (or 0, 1, 2); found "fatal".\n`,
    ],
    ['broken JSON', '{"service-user-voice-recorded": error}', /^planlint: --rule '\{"service-user-voice-recorded": error\}' is not valid JSON \(.+\); write it as --rule 'objectives-smart: warn' or, with options, .*\n$/],
    ['JSON that is not an object', '["service-user-voice-recorded"]', /^planlint: --rule expects id:severity or a JSON object/],
    [
      'a setting of the wrong shape',
      '{"service-user-voice-recorded": ["warn", "x"]}',
      `planlint: --rule '{"service-user-voice-recorded": ["warn", "x"]}': the setting of "service-user-voice-recorded" must be a severity or [severity, {options}]; found ["warn","x"].\n`,
    ],
  ])('refuses %s with a usage error', async (_, value, stderr) => {
    const result = await run(value);
    expect(result.code).toBe(2);
    if (typeof stderr === 'string') expect(result.stderr).toBe(stderr);
    else expect(result.stderr).toMatch(stderr);
  });
});

describe('did you mean', () => {
  it('explain', async () => {
    expect(await planlint(['explain', 'objectives-smat'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'planlint: There is no rule "objectives-smat". Did you mean "objectives-smart"? Run "planlint rules" to list them.\n',
    });
  });

  it('--rule, in both forms', async () => {
    const dir = scratch({ 'plan.yaml': PLAN_WITHOUT_VOICE });
    const expected = 'planlint: --rule: there is no rule "service-user-voice-record". Did you mean "service-user-voice-recorded"? Run "planlint rules" to list them.\n';
    expect(await planlint(['plan.yaml', '--rule', 'service-user-voice-record: off'], { cwd: dir })).toMatchObject({ code: 2, stderr: expected });
    expect(await planlint(['plan.yaml', '--rule', '{"service-user-voice-record": "off"}'], { cwd: dir })).toMatchObject({ code: 2, stderr: expected });
  });

  it("a config file's rules", async () => {
    const dir = scratch({ 'planlint.config.yaml': 'rules:\n  objective-smart: warn\n', 'plan.yaml': PLAN_WITHOUT_VOICE });
    const result = await planlint(['plan.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/planlint\.config\.yaml: there is no rule "objective-smart"\. Did you mean "objectives-smart"\? Run "planlint rules" to list them\.\n$/);
  });

  it('not when nothing is close', async () => {
    expect((await planlint(['explain', 'zzz'])).stderr).toBe('planlint: There is no rule "zzz". Run "planlint rules" to list them.\n');
  });
});

const voice = (await loadBuiltInRules()).filter((r) => r.meta.id === 'service-user-voice-recorded');

describe('suppression comments', () => {
  const lint = (text: string) => lintText(text, 'plan.yaml', { rules: activateRules(voice) });
  const said = (text: string) => lint(text).findings.map((f) => `${f.line}:${f.column} ${f.ruleId}: ${f.message}`);
  const PLAN = (personView: string, before = '', after = '') => `kind: sentence-plan\nschemaVersion: 1\ncaseRef: C1\ndate: 2024-01-10\n${before}personView: ${personView}\n${after}`;

  describe('planlint-disable-line', () => {
    it('silences the rule on its own line and keeps the reason', () => {
      const result = lint(PLAN('TBC  # planlint-disable-line service-user-voice-recorded -- she declined; asking again on 17 Jan'));
      expect(result.findings).toEqual([]);
      expect(result.suppressedFindings).toEqual([expect.objectContaining({ ruleId: 'service-user-voice-recorded', line: 5, suppression: { kind: 'inline', justification: 'she declined; asking again on 17 Jan' } })]);
    });

    it('does not reach the next line', () => {
      expect(said(PLAN('TBC', 'version: initial  # planlint-disable-line service-user-voice-recorded -- declined\n'))).toEqual([
        '5:19 suppression: This planlint-disable-line comment for service-user-voice-recorded silences nothing on line 5; remove it.',
        '6:13 service-user-voice-recorded: "TBC" is a placeholder, not the person\'s view. Quote what the person said about the plan, in their own words.',
      ]);
    });

    it('needs a reason, a known rule id (with a suggestion), and something to silence', () => {
      expect(said(PLAN('TBC  # planlint-disable-line service-user-voice-recorded'))).toEqual([
        '5:18 suppression: This planlint-disable-line comment gives no reason. Record the professional judgement after " -- ", for example: # planlint-disable-line service-user-voice-recorded -- agreed at supervision on 3 May because …',
      ]);
      expect(said(PLAN('TBC  # planlint-disable-line service-user-voice-recoded -- declined'))).toEqual([
        '5:13 service-user-voice-recorded: "TBC" is a placeholder, not the person\'s view. Quote what the person said about the plan, in their own words.',
        '5:18 suppression: This planlint-disable-line comment names "service-user-voice-recoded", which is not a rule. Did you mean "service-user-voice-recorded"? Check the id with "planlint rules".',
      ]);
    });

    it('reports the other forms after a value, where they would do nothing', () => {
      expect(said(PLAN('I want to keep my job.  # planlint-disable-next-line service-user-voice-recorded -- declined'))).toEqual([
        '5:37 suppression: This planlint-disable-next-line comment follows a value, where it counts for nothing: put it on a line of its own, or use planlint-disable-line to silence the line it ends.',
      ]);
      expect(said(PLAN('I want to keep my job.  # planlint-enable'))).toEqual(['5:37 suppression: This planlint-enable comment follows a value, where it counts for nothing: put it on a line of its own.']);
    });

    it('is not read inside a word or a value without a space before #', () => {
      expect(lint(PLAN('TBC#planlint-disable-line service-user-voice-recorded -- declined')).suppressedFindings ?? []).toEqual([]);
    });
  });

  describe('planlint-disable and planlint-enable blocks', () => {
    it('silences the rule between the two comments, and not after', () => {
      const text = PLAN('TBC', '# planlint-disable service-user-voice-recorded -- training file: the weak view is the point\n', '# planlint-enable service-user-voice-recorded\n');
      expect(lint(text).findings).toEqual([]);
      expect(lint(text).suppressedFindings?.[0]?.suppression).toEqual({ kind: 'inline', justification: 'training file: the weak view is the point' });
      const before = PLAN('TBC', '# planlint-disable service-user-voice-recorded -- training file\n# planlint-enable service-user-voice-recorded\n');
      expect(said(before)).toEqual([
        '5:1 suppression: This planlint-disable comment for service-user-voice-recorded silences nothing between lines 5 and 6; remove it.',
        '7:13 service-user-voice-recorded: "TBC" is a placeholder, not the person\'s view. Quote what the person said about the plan, in their own words.',
      ]);
    });

    it('a bare planlint-enable ends every open block', () => {
      const text = PLAN('TBC', '# planlint-disable -- training file\n', '# planlint-enable\n');
      expect(lint(text).findings).toEqual([]);
    });

    it('without a planlint-enable, covers the whole file as before', () => {
      expect(lint(`${PLAN('TBC')}# planlint-disable service-user-voice-recorded -- training file\n`).findings).toEqual([]);
    });

    it('reports a block without a reason, and a planlint-enable that ends nothing', () => {
      const text = PLAN('TBC', '# planlint-disable service-user-voice-recorded\n', '# planlint-enable service-user-voice-recorded\n# planlint-enable\n');
      expect(said(text)).toEqual([
        '5:1 suppression: This planlint-disable comment gives no reason. Record the professional judgement after " -- ", for example: # planlint-disable service-user-voice-recorded -- agreed at supervision on 3 May because …',
        '8:1 suppression: This planlint-enable comment ends no planlint-disable block above it; remove it.',
      ]);
    });

    it('names an unknown rule in planlint-enable too', () => {
      expect(said(PLAN('I want to keep my job.', '', '# planlint-enable service-user-voise-recorded\n'))).toEqual([
        '6:1 suppression: This planlint-enable comment names "service-user-voise-recorded", which is not a rule. Did you mean "service-user-voice-recorded"? Check the id with "planlint rules".',
      ]);
    });
  });
});

describe('the summary counts what the baseline held back', () => {
  it('on a clean run and on a failing one', async () => {
    const dir = scratch({ 'plans/a.yaml': PLAN_WITHOUT_VOICE });
    expect((await planlint(['plans', '--baseline', 'baseline.json', '--update-baseline'], { cwd: dir })).stderr).toBe('planlint: recorded 3 findings in baseline.json.\n');
    const clean = await planlint(['plans', '--baseline', 'baseline.json'], { cwd: dir });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/\n✔ No problems found \(1 file checked\)\. 3 known findings held back by the baseline\.\n$/);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${dir}/plans/b.yaml`, PLAN_WITHOUT_VOICE);
    const failing = await planlint(['plans', '--baseline', 'baseline.json'], { cwd: dir });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/\n✖ 3 problems \(3 errors, 0 warnings\) in 2 files checked\. 3 known findings held back by the baseline\.\n\n$/);
  });

  it('says nothing of a baseline when there is none', async () => {
    const dir = scratch({ 'plans/a.yaml': PLAN_WITHOUT_VOICE });
    expect((await planlint(['plans'], { cwd: dir })).stdout).toMatch(/\n✖ 3 problems \(3 errors, 0 warnings\) in 1 file checked\.\n\n$/);
  });
});
