import type { CaseModel } from '../model/case-model.js';
import type { Finding, RuleSeverity } from '../core/findings.js';
import type { AnyRule } from './load-rules.js';
import { formatMessage } from '../rule-kit/rule-api.js';
import type { CasePart, Report } from '../rule-kit/rule-api.js';
import type { SourceMap } from '../input/source-map.js';
import { listWords, printable, quote } from '../core/text.js';
import { personName } from '../rule-kit/case-facts.js';
import { redactData, sentenceCase } from './redaction.js';

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
  onRuleStart?: (ruleId: string) => void,
  redact = false,
): { findings: Finding[]; internalError: boolean; rulesChecked: string[] } {
  const findings: Finding[] = [];
  const checked = new Set<string>();
  let internalError = false;
  const couldNotRun = new Set<string>();
  for (const model of cases) {
    // Only an export is judged on what it lacks: a planlint case file records what it chooses to.
    const lacking = model.kinds.has('hmpps-sentence-plan') ? partsLacking(model) : undefined;
    for (const { rule, severity, options } of rules) {
      const unmet = lacking && rule.meta.needs ? rule.meta.needs.filter((part) => lacking.has(part)) : NONE;
      if (unmet.length > 0) {
        if (!couldNotRun.has(rule.meta.id)) {
          couldNotRun.add(rule.meta.id);
          const words = unmet.map((part) => PART_WORDS[part]);
          findings.push({
            ruleId: rule.meta.id,
            messageId: 'couldNotRun',
            severity: 'info',
            message: `Could not run: the HMPPS export holds no ${listWords(words, 'or')}. Convert it with "planlint convert" and complete the ${listWords(words, 'and')} to run this rule.`,
            ...sourceMap.headOf(model.root),
          });
        }
        continue;
      }
      if (!appliesTo(rule, model)) continue;
      checked.add(rule.meta.id);
      const report = (r: Report) => {
        const template = rule.meta.messages[r.messageId];
        if (template === undefined) throw new Error(`reported unknown messageId "${r.messageId}"`);
        const message = formatMessage(template, redact ? redactData(r.data, personName(model)) : printableData(r.data));
        // A report may lower its own severity (what is coming due), never raise it above the rule's.
        const level = r.severity === 'warning' ? 'warning' : severity;
        findings.push({ ruleId: rule.meta.id, messageId: r.messageId, severity: level, message: redact ? sentenceCase(message) : message, ...sourceMap.headOf(r.node, r.property) });
      };
      try {
        onRuleStart?.(rule.meta.id);
        rule.check(model, { options, filePath, report, redact });
      } catch (error) {
        internalError = true;
        // The error's own words may quote the case file: a shared report leaves them out.
        const reason = redact ? 'details left out of a redacted report' : quote(error instanceof Error ? error.message : String(error), 200);
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

const NONE: readonly CasePart[] = [];

function appliesTo(rule: AnyRule, model: CaseModel): boolean {
  for (const kind of rule.meta.appliesTo) if (model.kinds.has(kind)) return true;
  return false;
}

/** Report data with any text made printable on one line: a rule may pass input it did not quote(). */
function printableData(data: Report['data']): Report['data'] {
  if (!data) return data;
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(data)) out[key] = typeof value === 'string' ? printable(value.replace(/[\r\n\t]+/g, ' ')) : value;
  return out;
}

/** How a finding names each part of a case a rule may need. */
const PART_WORDS: Record<CasePart, string> = {
  sentence: 'sentence',
  assessment: 'assessment',
  contacts: 'contact log',
  reviews: 'reviews',
  plan: 'plan version',
};

function partsLacking(model: CaseModel): Set<CasePart> {
  const lacking = new Set<CasePart>();
  if (!model.sentence) lacking.add('sentence');
  if (!model.assessment) lacking.add('assessment');
  if (model.contacts.length === 0) lacking.add('contacts');
  if (model.reviews.length === 0) lacking.add('reviews');
  if (model.plans.length === 0) lacking.add('plan');
  return lacking;
}
