/** Which rules each file passed and failed: what teaching mode, the HTML report and compare show. */
import type { FileResult, Finding } from './findings.js';
import { ENGINE_RULE_IDS } from './findings.js';

export interface RuleOutcome {
  id: string;
  /**
   * Failed when the rule reported an error or a warning. A rule that reported only notes (info,
   * such as "could not run: the export holds no assessment") did not judge the file: it is noted,
   * not passed.
   */
  status: 'passed' | 'failed' | 'noted';
  errors: number;
  warnings: number;
  notes: number;
  /** Findings silenced by a suppression comment: the rule is shown as passed, with a mention. */
  suppressed: number;
}

const ENGINE_IDS = new Set<string>(Object.values(ENGINE_RULE_IDS));

/**
 * One outcome per rule that checked the file, in the order the rules ran, plus any other rule
 * that reported on it. Engine findings (input, syntax, schema) belong to no rule and are left out.
 */
export function ruleOutcomes(result: FileResult): RuleOutcome[] {
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
