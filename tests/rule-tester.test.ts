/** planlint/testing's own checks, run through a stand-in framework that records each test's outcome. */
import { describe, expect, it } from 'vitest';
import { defineRule } from '../src/rule-kit/index.js';
import { RuleTester, testRule, yaml } from '../src/testing/index.js';
import type { RuleTests } from '../src/testing/index.js';

const rule = defineRule({
  meta: {
    id: 'team/plan-has-objectives',
    description: 'Every plan sets at least one objective.',
    severity: 'warning',
    standard: 'planning',
    guidance: 'local.md',
    appliesTo: ['sentence-plan'],
    messages: { none: 'The plan dated {{date}} sets no objectives.', unused: 'Never reported.' },
    optionsSchema: { type: 'object', properties: { strict: { type: 'boolean' } }, additionalProperties: false },
    defaultOptions: { strict: false },
  },
  check(model, context) {
    for (const plan of model.plans) if (!plan.objectives?.length) context.report({ node: plan, property: 'objectives', messageId: 'none', data: { date: plan.date } });
  },
});

const plan = yaml`
  kind: sentence-plan
  schemaVersion: 1
  caseRef: C1
  date: 2024-01-10
`;

/** Runs the tester with a framework that records each `it` and whether it threw. */
function outcomes(tests: RuleTests, testedRule = rule): Map<string, string | undefined> {
  const results = new Map<string, string | undefined>();
  RuleTester.describe = (_name, fn) => fn();
  RuleTester.it = (name, fn) => {
    try {
      fn();
      results.set(name, undefined);
    } catch (error) {
      results.set(name, error instanceof Error ? error.message : String(error));
    }
  };
  try {
    testRule(testedRule, tests);
  } finally {
    RuleTester.describe = undefined;
    RuleTester.it = undefined;
  }
  return results;
}

describe('planlint/testing', () => {
  it('passes a correct case and fails a wrong location with the findings shown', () => {
    const results = outcomes({
      valid: [],
      invalid: [
        { name: 'right', yaml: plan, errors: [{ messageId: 'none', line: 1, column: 1, message: 'The plan dated 2024-01-10 sets no objectives.' }] },
        { name: 'wrong column', yaml: plan, errors: [{ messageId: 'none', line: 4, column: 9 }] },
      ],
    });
    expect(results.get('reports: right')).toBeUndefined();
    expect(results.get('reports: wrong column')).toMatch(/^finding 1 \(none\): expected at 4:9, found at 1:1/);
  });

  it('fails when a message id is never exercised by an invalid case', () => {
    const results = outcomes({ valid: [], invalid: [{ name: 'right', yaml: plan, errors: [{ messageId: 'none', line: 1, column: 1 }] }] });
    expect(results.get('has an invalid case for every message')).toBe('team/plan-has-objectives: no invalid case reports "unused". Add an invalid case for each message, so every message is seen in a test.');
  });

  it('tries wrongly typed and unknown options, and fails when the schema accepts them', () => {
    expect(outcomes({ valid: [], invalid: [] }).get('rejects invalid options')).toBeUndefined();
    const loose = { ...rule, meta: { ...rule.meta, optionsSchema: { type: 'object' } } };
    expect(outcomes({ valid: [], invalid: [] }, loose).get('rejects invalid options')).toMatch(/nothing shows that wrong options are refused/);
    const accepted = outcomes({ valid: [], invalid: [], invalidOptions: [{ name: 'a string', options: { strict: 'yes' } }] }, loose).get('rejects invalid options');
    expect(accepted).toBe('team/plan-has-objectives: a string: {"strict":"yes"} was accepted; its optionsSchema must refuse it');
  });

  it('says how to give it describe and it when the framework has no globals', () => {
    expect(() => testRule(rule, { valid: [], invalid: [] })).toThrow(/RuleTester\.describe = describe/);
  });
});
