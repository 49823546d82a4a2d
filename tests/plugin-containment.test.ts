/**
 * In this thread, a rule's failure is a finding whatever it throws (issue 18, item 5). The worker
 * containment of plugin rules is tried with the built CLI in tests/e2e/plugin-containment.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { defineRule } from '../src/rule-kit/rule-api.js';
import { lintText } from '../src/engine/lint.js';
import { activateRules } from '../src/engine/rule-settings.js';
import { describeThrown } from '../src/engine/run-rules.js';
import { PLAN_WITHOUT_VOICE } from './helpers/cli.js';

/** A rule that throws `value` on every plan. */
const throwing = (value: () => unknown) =>
  defineRule({
    meta: {
      id: 'acme/throws',
      description: 'Throws.',
      severity: 'error',
      standard: 'planning',
      guidance: 'Team practice note',
      appliesTo: ['sentence-plan'],
      messages: {},
      optionsSchema: { type: 'object' },
      defaultOptions: {},
    },
    check() {
      throw value();
    },
  });

/** A rule that reports once on every plan: it must still report beside the failing one. */
const reporting = defineRule({
  meta: { ...throwing(() => 0).meta, id: 'acme/reports', messages: { seen: 'Seen.' } },
  check(model, context) {
    context.report({ node: model, messageId: 'seen' });
  },
});

const revoked = Proxy.revocable({}, {});
revoked.revoke();

describe('a rule that throws anything', () => {
  it.each<[string, () => unknown, string]>([
    ['an Error', () => new Error('bad\nthing'), 'bad thing'],
    ['a string', () => 'just words', 'just words'],
    ['undefined', () => undefined, 'undefined'],
    ['a symbol', () => Symbol('odd'), 'Symbol(odd)'],
    [
      'an object whose toString throws',
      () => ({
        toString: () => {
          throw new Error('no');
        },
      }),
      '[object Object]',
    ],
    ['an object with no prototype', () => Object.create(null) as object, '[object Object]'],
    [
      'an Error whose message getter throws',
      () =>
        Object.defineProperty(new Error(), 'message', {
          get: () => {
            throw new Error('no');
          },
        }),
      '[object Error]',
    ],
    ['a revoked proxy', () => revoked.proxy, 'a value that cannot be described'],
  ])('%s: a finding naming the rule, the other rules still run', (_, value, said) => {
    const result = lintText(PLAN_WITHOUT_VOICE, 'plan.yaml', { rules: activateRules([throwing(value), reporting]) });
    expect(result.internalError).toBe(true);
    expect(result.findings.filter((f) => f.ruleId === 'acme/reports').map((f) => f.message)).toEqual(['Seen.']);
    expect(result.findings.filter((f) => f.ruleId === 'acme/throws').map((f) => f.message)).toEqual([
      `Rule "acme/throws" failed while checking this file and was skipped (${said}). This is a fault in the rule, not in the plan; please report it.`,
    ]);
  });

  it('describeThrown never throws', () => {
    expect(describeThrown(revoked.proxy)).toBe('a value that cannot be described');
    expect(describeThrown(42)).toBe('42');
  });
});
