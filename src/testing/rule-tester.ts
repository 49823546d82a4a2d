/**
 * A table-driven tester for planlint rules, in the manner of ESLint's RuleTester: each rule's
 * test file lists valid YAML (no findings) and invalid YAML with the findings expected, each with
 * its message id, message text and full location.
 *
 * It depends on no test framework: assertions are node:assert's, and `describe`/`it` are the
 * framework's globals (mocha, jest, vitest with `globals: true`) or set once on RuleTester
 * (vitest without globals, node:test), as with ESLint's `RuleTester.describe = describe`.
 */
import assert from 'node:assert/strict';
import type { Finding } from '../core/findings.js';
import { lintText } from '../engine/lint.js';
import type { AnyRule } from '../engine/load-rules.js';
import { SettingsError, activateRules } from '../engine/rule-settings.js';

export interface ExpectedFinding {
  messageId: string;
  /** The exact message, or a pattern it must match. */
  message?: string | RegExp;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The severity expected when the rule is set to error (a rule may lower one finding to a warning). */
  severity?: 'error' | 'warning';
}

export interface RuleCase {
  name: string;
  yaml: string;
  options?: Record<string, unknown>;
}

export interface InvalidRuleCase extends RuleCase {
  errors: ExpectedFinding[];
}

/** Options a team might write that the rule must refuse, with the usage error expected. */
export interface InvalidOptionsCase {
  name: string;
  options: Record<string, unknown>;
  /** The error's message, or a pattern it must match (by default any error naming the rule). */
  error?: string | RegExp;
}

export interface RuleTests {
  valid: RuleCase[];
  invalid: InvalidRuleCase[];
  /** Checked besides the wrongly typed options the tester derives from the rule's optionsSchema. */
  invalidOptions?: InvalidOptionsCase[];
}

type Block = (name: string, fn: () => void) => unknown;

/** Where the tester gets `describe` and `it` when the framework does not make them globals. */
export const RuleTester: { describe?: Block; it?: Block } = {};

function framework(): { describe: Block; it: Block } {
  const globals = globalThis as { describe?: Block; it?: Block };
  const describe = RuleTester.describe ?? globals.describe;
  const it = RuleTester.it ?? globals.it;
  if (typeof describe !== 'function' || typeof it !== 'function') {
    throw new Error(
      'planlint/testing needs describe and it: run it under a test framework that makes them globals (mocha, jest, vitest with globals: true), ' +
        "or set them first: `import { describe, it } from 'vitest'` (or 'node:test'); `RuleTester.describe = describe; RuleTester.it = it;`.",
    );
  }
  return { describe, it };
}

/**
 * Removes the common indentation of a template literal so fixtures can be indented in code.
 * The indentation is measured on the template's own lines; interpolated text is inserted as is.
 */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const ownLines = strings
    .join('')
    .split('\n')
    .filter((l) => l.trim());
  const indent = Math.min(...ownLines.map((l) => /^ */.exec(l)![0].length));
  const strip = (part: string) => part.replace(new RegExp(`\n {${indent}}`, 'g'), '\n');
  const text = strings.reduce((out, s, i) => out + strip(s) + (i < values.length ? String(values[i]) : ''), '');
  return text.replace(/^\n/, '');
}

/** The findings of one rule (with the schema and syntax checks) on one YAML text. */
export function lintWithRule(rule: AnyRule, text: string, options?: Record<string, unknown>): Finding[] {
  const rules = activateRules([rule], options ? { [rule.meta.id]: ['error', options] } : {});
  return lintText(text, 'fixture.yaml', { rules }).findings;
}

const show = (findings: Finding[]) => findings.map((f) => `  ${f.line}:${f.column} ${f.ruleId}/${f.messageId ?? '-'}: ${f.message}`).join('\n') || '  (none)';

function assertValidDocument(findings: Finding[]): void {
  const broken = findings.filter((f) => f.ruleId === 'schema' || f.ruleId === 'syntax');
  assert.ok(broken.length === 0, `the fixture must be a valid document; it has:\n${show(broken)}`);
}

export function testRule(rule: AnyRule, cases: RuleTests): void {
  const { describe, it } = framework();
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`accepts: ${c.name}`, () => {
        const findings = lintWithRule(rule, c.yaml, c.options);
        assertValidDocument(findings);
        assert.ok(findings.length === 0, `expected no findings; found:\n${show(findings)}`);
      });
    }
    for (const c of cases.invalid) {
      it(`reports: ${c.name}`, () => {
        const findings = lintWithRule(rule, c.yaml, c.options);
        assertValidDocument(findings);
        assert.ok(findings.length === c.errors.length, `expected ${c.errors.length} finding(s); found ${findings.length}:\n${show(findings)}`);
        c.errors.forEach((expected, i) => {
          const actual = findings[i]!;
          const which = `finding ${i + 1} (${expected.messageId})`;
          assert.ok(expected.messageId in rule.meta.messages, `${which}: "${expected.messageId}" is not a message id of ${rule.meta.id}`);
          assert.equal(actual.ruleId, rule.meta.id, `${which}: reported by ${actual.ruleId}, not ${rule.meta.id}`);
          assert.equal(actual.messageId, expected.messageId, `${which}: found message id "${actual.messageId}"`);
          const at = (line?: number, column?: number) => `${line}:${column}`;
          assert.equal(at(actual.line, actual.column), at(expected.line, expected.column), `${which}: expected at ${at(expected.line, expected.column)}, found at ${at(actual.line, actual.column)}`);
          if (expected.endLine !== undefined) assert.equal(actual.endLine, expected.endLine, `${which}: expected endLine ${expected.endLine}, found ${actual.endLine}`);
          if (expected.endColumn !== undefined) assert.equal(actual.endColumn, expected.endColumn, `${which}: expected endColumn ${expected.endColumn}, found ${actual.endColumn}`);
          if (expected.severity !== undefined) assert.equal(actual.severity, expected.severity, `${which}: expected severity ${expected.severity}, found ${actual.severity}`);
          if (typeof expected.message === 'string') assert.equal(actual.message, expected.message);
          else if (expected.message) assert.match(actual.message, expected.message);
        });
      });
    }

    it('has an invalid case for every message', () => {
      const exercised = new Set(cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
      const missing = Object.keys(rule.meta.messages).filter((id) => !exercised.has(id));
      assert.ok(missing.length === 0, `${rule.meta.id}: no invalid case reports ${missing.map((id) => `"${id}"`).join(', ')}. Add an invalid case for each message, so every message is seen in a test.`);
    });

    it('rejects invalid options', () => {
      const attempts = [...wrongOptions(rule), ...(cases.invalidOptions ?? [])];
      assert.ok(attempts.length > 0, `${rule.meta.id}: nothing shows that wrong options are refused. Type each option in optionsSchema.properties and set additionalProperties: false, or list invalidOptions cases.`);
      for (const attempt of attempts) {
        let thrown: unknown;
        try {
          activateRules([rule], { [rule.meta.id]: ['error', attempt.options] });
        } catch (error) {
          thrown = error;
        }
        assert.ok(thrown instanceof SettingsError, `${rule.meta.id}: ${attempt.name}: ${JSON.stringify(attempt.options)} was accepted; its optionsSchema must refuse it`);
        const expected = attempt.error ?? rule.meta.id;
        if (typeof expected === 'string') assert.ok(thrown.message.includes(expected), `${attempt.name}: expected the error to say "${expected}"; it says "${thrown.message}"`);
        else assert.match(thrown.message, expected, attempt.name);
      }
    });
  });
}

/** A JSON value of each type, to find one an option's `type` does not allow. */
const WRONG_VALUES: [type: string, value: unknown][] = [
  ['string', 'not-an-option-value'],
  ['number', 2.5],
  ['boolean', true],
  ['object', { notAnOption: true }],
  ['array', ['not-an-option-value']],
];

/**
 * Options the rule's schema must refuse, derived from it: an unknown option (when the schema
 * forbids them) and, for each typed option, a value of another type.
 */
function wrongOptions(rule: AnyRule): InvalidOptionsCase[] {
  const schema = rule.meta.optionsSchema as { properties?: Record<string, { type?: string | string[]; enum?: unknown[] }>; additionalProperties?: unknown };
  const out: InvalidOptionsCase[] = [];
  if (schema.additionalProperties === false) out.push({ name: 'an unknown option', options: { notAnOption: true }, error: 'option "notAnOption"' });
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    const allowed = property.type === undefined ? undefined : ([] as string[]).concat(property.type);
    const wrong = allowed
      ? WRONG_VALUES.find(([type]) => !allowed.includes(type)) // 2.5 is no integer
      : property.enum
        ? WRONG_VALUES.find(([, value]) => !property.enum!.includes(value))
        : undefined;
    if (wrong) out.push({ name: `option ${field} of the wrong type`, options: { [field]: wrong[1] }, error: `option "${field}"` });
  }
  return out;
}
