import type { Finding } from '../core/findings.js';
import { SUPPRESSION_RULE_ID } from '../core/findings.js';
import { isPlaceholder } from '../core/text.js';

// Defined in core, so formatters can name it; re-exported for the engine's other users.
export { SUPPRESSION_RULE_ID };

interface Directive {
  kind: 'next-line' | 'file';
  /** Rule ids it silences; empty means every rule. */
  ruleIds: string[];
  reason?: string;
  line: number;
  column: number;
  endColumn: number;
  /** The line a next-line directive covers. */
  target?: number;
  used: boolean;
}

/** Engine findings that cannot be silenced: a file that cannot be read is never a judgement call. */
const UNSUPPRESSIBLE = new Set(['syntax', 'input']);

const DIRECTIVE = /^(\s*)#\s*planlint-disable(-next-line)?\b(.*)$/;

function parseDirectives(text: string): Directive[] {
  const lines = text.split(/\r?\n/);
  const directives: Directive[] = [];
  lines.forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    const [rulesPart = '', reasonPart] = match[3]!.split(/\s--\s?|\s--$/, 2) as [string?, string?];
    const ruleIds = rulesPart.split(/[\s,]+/).filter(Boolean);
    const directive: Directive = {
      kind: match[2] ? 'next-line' : 'file',
      ruleIds,
      line: index + 1,
      column: match[1]!.length + 1,
      endColumn: line.length + 1,
      used: false,
      // A placeholder ("TBC …") is not a recorded judgement: it is treated as no reason.
      ...(reasonPart?.trim() && !isPlaceholder(reasonPart) ? { reason: reasonPart.trim() } : {}),
    };
    if (directive.kind === 'next-line') {
      // The next line holding content: stacked comments and blank lines are skipped.
      let target = index + 1;
      while (target < lines.length && /^\s*(#.*)?$/.test(lines[target]!)) target++;
      directive.target = target + 1;
    }
    directives.push(directive);
  });
  return directives;
}

/**
 * Applies `# planlint-disable-next-line <rule-id> -- <reason>` and file-level
 * `# planlint-disable <rule-id> -- <reason>` comments. Silenced findings are kept (with the reason)
 * for machine output; a suppression without a reason, for an unknown rule, or that silences
 * nothing is itself reported, because a professional judgement must be recorded to count.
 */
export function applySuppressions(findings: Finding[], text: string, knownRuleIds: ReadonlySet<string>): { findings: Finding[]; suppressed: Finding[] } {
  const directives = parseDirectives(text);
  if (directives.length === 0) return { findings, suppressed: [] };
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const directive = UNSUPPRESSIBLE.has(finding.ruleId) ? undefined : directives.find((d) => (d.ruleIds.length === 0 || d.ruleIds.includes(finding.ruleId)) && (d.kind === 'file' || d.target === finding.line));
    if (!directive) {
      kept.push(finding);
      continue;
    }
    directive.used = true;
    suppressed.push({ ...finding, suppression: { kind: 'inline', ...(directive.reason ? { justification: directive.reason } : {}) } });
  }
  for (const d of directives) {
    const at = { line: d.line, column: d.column, endLine: d.line, endColumn: d.endColumn };
    const comment = d.kind === 'file' ? 'planlint-disable' : 'planlint-disable-next-line';
    const report = (message: string) => kept.push({ ruleId: SUPPRESSION_RULE_ID, severity: 'warning', message, ...at });
    const unknown = d.ruleIds.filter((id) => !knownRuleIds.has(id));
    if (unknown.length > 0) report(`This ${comment} comment names ${unknown.map((id) => `"${id}"`).join(', ')}, which is not a rule. Check the id with "planlint rules".`);
    if (!d.reason) {
      report(`This ${comment} comment gives no reason. Record the professional judgement after " -- ", for example: # ${comment} ${d.ruleIds[0] ?? '<rule-id>'} -- agreed at supervision on 3 May because …`);
    }
    if (!d.used && unknown.length === 0) {
      report(`This ${comment} comment${d.ruleIds.length ? ` for ${d.ruleIds.join(', ')}` : ''} silences nothing${d.kind === 'next-line' ? ` on line ${d.target}` : ''}; remove it.`);
    }
  }
  return { findings: kept, suppressed };
}
