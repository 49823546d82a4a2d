import type { CaseModel } from './case-model.js';
import type { Finding, RuleSeverity } from './findings.js';
import type { AnyRule } from './load-rules.js';
import { formatMessage } from './rule-api.js';
import type { Report } from './rule-api.js';
import type { SourceMap } from './source-map.js';

/** A rule switched on for a run, with its severity and resolved options. */
export interface ActiveRule {
  rule: AnyRule;
  severity: RuleSeverity;
  options: unknown;
}

/**
 * Runs every active rule on every case it applies to. A rule that throws does not stop the
 * others: its failure becomes a finding naming the rule, and the run is marked as internally failed.
 */
export function runRules(
  cases: CaseModel[],
  rules: ActiveRule[],
  sourceMap: SourceMap,
  filePath: string,
): { findings: Finding[]; internalError: boolean; rulesChecked: string[] } {
  const findings: Finding[] = [];
  const checked = new Set<string>();
  let internalError = false;
  for (const model of cases) {
    for (const { rule, severity, options } of rules) {
      if (!rule.meta.appliesTo.some((kind) => model.kinds.has(kind))) continue;
      checked.add(rule.meta.id);
      const report = (r: Report) => {
        const template = rule.meta.messages[r.messageId];
        if (template === undefined) throw new Error(`reported unknown messageId "${r.messageId}"`);
        findings.push({ ruleId: rule.meta.id, messageId: r.messageId, severity, message: formatMessage(template, r.data), ...sourceMap.headOf(r.node, r.property) });
      };
      try {
        rule.check(model, { options, filePath, report });
      } catch (error) {
        internalError = true;
        const reason = error instanceof Error ? error.message : String(error);
        findings.push({
          ruleId: rule.meta.id,
          severity: 'error',
          message: `Rule "${rule.meta.id}" failed while checking this file and was skipped (${reason}). This is a fault in the rule, not in the plan; please report it.`,
          ...sourceMap.headOf(model.root),
        });
      }
    }
  }
  return { findings, internalError, rulesChecked: rules.map((r) => r.rule.meta.id).filter((id) => checked.has(id)) };
}
