/** Inline suppression comments: a recorded judgement silences a finding; a bare one is reported. */
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint.js';
import { loadBuiltInRules } from '../src/engine/load-rules.js';
import { activateRules } from '../src/engine/rule-settings.js';

const voice = (await loadBuiltInRules()).filter((r) => r.meta.id === 'service-user-voice-recorded');
const lint = (text: string) => lintText(text, 'plan.yaml', { rules: activateRules(voice) });

const plan = (comment: string) => `kind: sentence-plan
schemaVersion: 1
caseRef: C1
date: 2024-01-10
${comment}
personView: TBC
`;

describe('planlint-disable-next-line', () => {
  it('silences the named rule on the next line and keeps the finding with its reason', () => {
    const result = lint(plan('# planlint-disable-next-line service-user-voice-recorded -- Sam declined to comment; I will ask again on 17 Jan.'));
    expect(result.findings).toEqual([]);
    expect(result.suppressedFindings).toEqual([
      expect.objectContaining({
        ruleId: 'service-user-voice-recorded',
        line: 6,
        suppression: { kind: 'inline', justification: 'Sam declined to comment; I will ask again on 17 Jan.' },
      }),
    ]);
  });

  it('reports a suppression that gives no reason, while still silencing', () => {
    const result = lint(plan('# planlint-disable-next-line service-user-voice-recorded'));
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'suppression',
        severity: 'warning',
        line: 5,
        column: 1,
        message: expect.stringMatching(/^This planlint-disable-next-line comment gives no reason\. Record the professional judgement after " -- "/),
      }),
    ]);
    expect(result.suppressedFindings).toHaveLength(1);
  });

  it('reports an unused suppression', () => {
    const result = lint(plan('# planlint-disable-next-line agreement-recorded -- not needed here').replace('personView: TBC', 'personView: I want to keep my job and my flat.'));
    expect(result.findings.map((f) => f.message)).toEqual(['This planlint-disable-next-line comment names "agreement-recorded", which is not a rule. Check the id with "planlint rules".']);
    const unused = lint(plan('# planlint-disable-next-line service-user-voice-recorded -- she declined').replace('personView: TBC', 'personView: I want to keep my job and my flat.'));
    expect(unused.findings.map((f) => f.message)).toEqual(['This planlint-disable-next-line comment for service-user-voice-recorded silences nothing on line 6; remove it.']);
  });

  it('does not reach past the next line', () => {
    const text = plan('# planlint-disable-next-line service-user-voice-recorded -- reason given').replace('personView: TBC', 'version: initial\npersonView: TBC');
    const result = lint(text);
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual(['service-user-voice-recorded', 'suppression']);
  });
});

describe('file-level planlint-disable', () => {
  it('silences the rule anywhere in the file', () => {
    const result = lint(`# planlint-disable service-user-voice-recorded -- training file: the weak view is the point\n${plan('')}`);
    expect(result.findings).toEqual([]);
    expect(result.suppressedFindings?.[0]?.suppression?.justification).toBe('training file: the weak view is the point');
  });

  it('cannot silence a syntax error', () => {
    const result = lint('# planlint-disable -- everything\nkind: [\n');
    expect(result.findings.some((f) => f.ruleId === 'syntax')).toBe(true);
  });
});
