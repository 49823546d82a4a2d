/** Which rules each file passed and failed: what teaching mode, the HTML report and compare show. */
import type { FileResult, Finding, RulesNotRun } from './findings.js';
import { ENGINE_RULE_IDS } from './findings.js';
import { listWords } from './text.js';

export interface RuleOutcome {
  id: string;
  /**
   * Failed when the rule reported an error or a warning. A rule that reported only notes (info)
   * is noted, not passed. Not run when it could not judge the file at all (FileResult.notRun).
   */
  status: 'passed' | 'failed' | 'noted' | 'not-run';
  /** For a rule not run: what it needs that the file does not hold (see RulesNotRun). */
  needs?: string[];
  errors: number;
  warnings: number;
  notes: number;
  /** Findings silenced by a suppression comment: the rule is shown as passed, with a mention. */
  suppressed: number;
}

const ENGINE_IDS = new Set<string>(Object.values(ENGINE_RULE_IDS));

/**
 * One outcome per rule that checked the file, in the order the rules ran, plus any other rule
 * that reported on it, then the rules that could not run on it. Engine findings (input, syntax,
 * schema) belong to no rule and are left out.
 */
function ruleOutcomes(result: FileResult): RuleOutcome[] {
  const ids = [...(result.rulesChecked ?? [])];
  for (const f of result.findings) if (!ENGINE_IDS.has(f.ruleId) && !ids.includes(f.ruleId)) ids.push(f.ruleId);
  const count = (findings: Finding[] | undefined, id: string, severity?: Finding['severity']) => (findings ?? []).filter((f) => f.ruleId === id && (severity === undefined || f.severity === severity)).length;
  return ids.map((id) => {
    const errors = count(result.findings, id, 'error');
    const warnings = count(result.findings, id, 'warning');
    const notes = count(result.findings, id, 'info');
    return {
      id,
      status: errors + warnings > 0 ? 'failed' : notes > 0 ? 'noted' : 'passed',
      errors,
      warnings,
      notes,
      suppressed: count(result.suppressedFindings, id),
    };
  });
}

/** ruleOutcomes, then one outcome (status not-run) for each rule that could not judge the file. */
export function allRuleOutcomes(result: FileResult): RuleOutcome[] {
  const outcomes = ruleOutcomes(result);
  const judged = new Set(outcomes.map((o) => o.id));
  for (const { ruleId, needs } of result.notRun?.rules ?? []) {
    if (!judged.has(ruleId)) outcomes.push({ id: ruleId, status: 'not-run', needs, errors: 0, warnings: 0, notes: 0, suppressed: 0 });
  }
  return outcomes;
}

/** How reports name what a rule needs (RulesNotRun.needs). */
const NEED_WORDS: Record<string, string> = {
  'case-file': 'the whole case file',
  sentence: 'sentence',
  assessment: 'assessment',
  contacts: 'contact log',
  reviews: 'reviews',
  plan: 'plan version',
};

/** "the whole case file", or "the sentence and contact log": what one rule not run needs. */
export function describeNeeds(needs: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  // In the order a case file holds them, whatever order the rules came in.
  const known = Object.keys(NEED_WORDS);
  const ordered = [...known.filter((n) => needs.includes(n)), ...needs.filter((n) => !known.includes(n))];
  const parts = ordered.filter((n) => n !== 'case-file').map((n) => NEED_WORDS[n] ?? n);
  const whole = needs.includes('case-file');
  if (parts.length === 0) return NEED_WORDS['case-file']!;
  return `the ${listWords(parts, conjunction)}${whole ? `, ${conjunction} the whole case file` : ''}`;
}

/**
 * The sentence every report gives, once per file, for the rules that could not run on it:
 * "15 rules need the whole case file and were not run." (the rules and the remedy follow it).
 */
export function notRunSummary(notRun: RulesNotRun): string {
  const n = notRun.rules.length;
  const needs = [...new Set(notRun.rules.flatMap((r) => r.needs))];
  const onlyWhole = needs.every((need) => need === 'case-file');
  const what = onlyWhole ? 'the whole case file' : `what this file does not hold (${describeNeeds(needs, 'or')})`;
  return `${n} rule${n === 1 ? ' needs' : 's need'} ${what} and ${n === 1 ? 'was' : 'were'} not run.`;
}

/** "2 errors, 1 warning" for a rule's findings; empty when it found nothing. */
export function describeCounts(outcome: Pick<RuleOutcome, 'errors' | 'warnings' | 'notes' | 'suppressed'>): string {
  const parts: string[] = [];
  const add = (n: number, word: string) => {
    if (n > 0) parts.push(`${n} ${word}${n === 1 ? '' : 's'}`);
  };
  add(outcome.errors, 'error');
  add(outcome.warnings, 'warning');
  add(outcome.notes, 'note');
  if (outcome.suppressed > 0) parts.push(`${outcome.suppressed} suppressed`);
  return parts.join(', ');
}
