import type { CaseModel } from '../model/case-model.js';
import type { Finding, RuleSeverity, RulesNotRun } from '../core/findings.js';
import type { AnyRule } from './load-rules.js';
import { formatMessage } from '../rule-kit/rule-api.js';
import type { CasePart, Report } from '../rule-kit/rule-api.js';
import type { SourceMap } from '../input/source-map.js';
import { printable, quote } from '../core/text.js';
import { personName } from '../rule-kit/case-facts.js';
import { redactData, sentenceCase } from './redaction.js';
import { partsLacking } from '../hmpps/export-shape.js';

/** A rule switched on for a run, with its severity and resolved options. */
export interface ActiveRule {
  rule: AnyRule;
  severity: RuleSeverity;
  options: unknown;
}

/** What rules found on one file: their findings, whether one failed, and which ran. */
export interface RuleOutcome {
  findings: Finding[];
  internalError: boolean;
  rulesChecked: string[];
  notRun?: RulesNotRun;
}

/** How a caller watches rules run: told as each starts, and wrapping each check (a worker runs it in the rule's async context). */
export interface RuleHooks {
  onRuleStart?: (ruleId: string) => void;
  /** Calls `check` for the rule; whatever the rule leaves behind (timers, promises) can then be traced to it. */
  contain?: (ruleId: string, check: () => unknown) => unknown;
}

/**
 * Runs every active rule on every case it applies to. A rule that throws does not stop the
 * others: its failure becomes a finding naming the rule, and the run is marked as internally failed.
 */
export function runRules(cases: CaseModel[], rules: ActiveRule[], sourceMap: SourceMap, filePath: string, hooks: RuleHooks = {}, redact = false): RuleOutcome {
  const findings: Finding[] = [];
  const checked = new Set<string>();
  let internalError = false;
  // Each rule that could not judge a case, with what it needed: the first case's reason is kept.
  const couldNotRun = new Map<string, string[]>();
  let source: 'export' | 'to-complete' | 'standalone' | undefined;
  for (const model of cases) {
    // Only an export, or a case file converted from one and not yet completed, is judged on what
    // it lacks: a planlint case file otherwise records what it chooses to.
    const fromExport = model.kinds.has('hmpps-sentence-plan');
    const lacking = fromExport ? partsLacking(model) : partsToComplete(model);
    for (const { rule, severity, options } of rules) {
      const unmet = lacking && rule.meta.needs ? rule.meta.needs.filter((part) => lacking.has(part)) : NONE;
      if (unmet.length > 0 || !appliesTo(rule, model)) {
        if (!couldNotRun.has(rule.meta.id)) couldNotRun.set(rule.meta.id, unmet.length > 0 ? [...unmet] : ['case-file']);
        const why = fromExport ? 'export' : unmet.length > 0 ? 'to-complete' : 'standalone';
        if (source === undefined || REMEDY_ORDER.indexOf(why) < REMEDY_ORDER.indexOf(source)) source = why;
        continue;
      }
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
        hooks.onRuleStart?.(rule.meta.id);
        const check = () => rule.check(model, { options, filePath, report, redact });
        if (hooks.contain) hooks.contain(rule.meta.id, check);
        else check();
      } catch (error) {
        internalError = true;
        // The error's own words may quote the case file: a shared report leaves them out.
        const reason = redact ? 'details left out of a redacted report' : quote(describeThrown(error), 200);
        findings.push({
          ruleId: rule.meta.id,
          severity: 'error',
          message: `Rule "${rule.meta.id}" failed while checking this file and was skipped (${reason}). This is a fault in the rule, not in the plan; please report it.`,
          ...sourceMap.headOf(model.root),
        });
      }
    }
  }
  const notRun = rules.map((r) => r.rule.meta.id).filter((id) => couldNotRun.has(id) && !checked.has(id));
  return {
    findings,
    internalError,
    rulesChecked: rules.map((r) => r.rule.meta.id).filter((id) => checked.has(id)),
    ...(notRun.length > 0 && source ? { notRun: { rules: notRun.map((ruleId) => ({ ruleId, needs: couldNotRun.get(ruleId)! })), remedy: REMEDY[source] } } : {}),
  };
}

/** What would let rules that could not run on a file run, by where its case came from. */
const REMEDY = {
  export: 'Convert the export with "planlint convert" and complete what it lacks to run them.',
  'to-complete': 'Complete the parts marked "TO COMPLETE" to run them.',
  standalone: 'They run on a case file, which holds the sentence, assessment and contact log as well as the plan.',
} as const;
/** The remedy a file with cases of several sources gets: the most specific first. */
const REMEDY_ORDER: readonly (keyof typeof REMEDY)[] = ['export', 'to-complete', 'standalone'];

const NONE: readonly CasePart[] = [];

/**
 * What a rule threw, in words, whatever it was: a rule may throw a string, undefined, a symbol, an
 * object whose toString or message getter throws, or a revoked proxy. Never throws itself.
 */
export function describeThrown(value: unknown): string {
  try {
    const said: unknown = value instanceof Error ? value.message : value;
    return typeof said === 'string' ? said : String(said);
  } catch {
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return 'a value that cannot be described';
    }
  }
}

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

/**
 * The parts a case file converted from an export says it does not hold yet (`toComplete`, written
 * by "planlint convert"), less any the officer has since filled in: an absent contact log there
 * means one not yet copied in, not a person who never attended.
 */
function partsToComplete(model: CaseModel): Set<CasePart> | undefined {
  const root = model.root as { kind?: unknown; toComplete?: unknown } & Record<string, unknown>;
  if (root.kind !== 'case-file' || !Array.isArray(root.toComplete)) return undefined;
  const lacking = new Set<CasePart>();
  for (const part of root.toComplete as CasePart[]) if (root[part] === undefined) lacking.add(part);
  return lacking;
}
