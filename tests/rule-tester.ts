/**
 * A table-driven tester for planlint rules, in the manner of ESLint's RuleTester: each rule's
 * test file lists valid YAML (no findings) and invalid YAML with the findings expected, each with
 * its message id, message text and full location.
 */
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint.js';
import type { AnyRule } from '../src/engine/load-rules.js';
import { activateRules } from '../src/engine/rule-settings.js';

export interface ExpectedFinding {
  messageId: string;
  /** The exact message, or a pattern it must match. */
  message?: string | RegExp;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface RuleCase {
  name: string;
  yaml: string;
  options?: Record<string, unknown>;
}

export interface InvalidRuleCase extends RuleCase {
  errors: ExpectedFinding[];
}

/**
 * Removes the common indentation of a template literal so fixtures can be indented in code.
 * The indentation is measured on the template's own lines; interpolated text is inserted as is.
 */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const ownLines = strings.join('').split('\n').filter((l) => l.trim());
  const indent = Math.min(...ownLines.map((l) => /^ */.exec(l)![0].length));
  const strip = (part: string) => part.replace(new RegExp(`\n {${indent}}`, 'g'), '\n');
  const text = strings.reduce((out, s, i) => out + strip(s) + (i < values.length ? String(values[i]) : ''), '');
  return text.replace(/^\n/, '');
}

export function lintWithRule(rule: AnyRule, text: string, options?: Record<string, unknown>) {
  const others = {} as Record<string, 'off'>;
  const rules = activateRules([rule], options ? { [rule.meta.id]: ['error', options] } : others);
  return lintText(text, 'fixture.yaml', { rules }).findings;
}

export function testRule(rule: AnyRule, cases: { valid: RuleCase[]; invalid: InvalidRuleCase[] }): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`accepts: ${c.name}`, () => {
        const findings = lintWithRule(rule, c.yaml, c.options);
        expect(findings.filter((f) => f.ruleId === 'schema' || f.ruleId === 'syntax'), 'fixture must be a valid document').toEqual([]);
        expect(findings).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`reports: ${c.name}`, () => {
        const findings = lintWithRule(rule, c.yaml, c.options);
        expect(findings.filter((f) => f.ruleId === 'schema' || f.ruleId === 'syntax'), 'fixture must be a valid document').toEqual([]);
        expect(findings).toHaveLength(c.errors.length);
        c.errors.forEach((expected, i) => {
          const actual = findings[i]!;
          expect(actual.ruleId).toBe(rule.meta.id);
          expect(actual.messageId).toBe(expected.messageId);
          expect({ line: actual.line, column: actual.column }).toEqual({ line: expected.line, column: expected.column });
          if (expected.endLine !== undefined) expect(actual.endLine).toBe(expected.endLine);
          if (expected.endColumn !== undefined) expect(actual.endColumn).toBe(expected.endColumn);
          if (typeof expected.message === 'string') expect(actual.message).toBe(expected.message);
          else if (expected.message) expect(actual.message).toMatch(expected.message);
        });
      });
    }
  });
}
