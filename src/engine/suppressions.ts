import type { Finding } from '../core/findings.js';
import { SUPPRESSION_RULE_ID } from '../core/findings.js';
import { didYouMean, isPlaceholder } from '../core/text.js';

// Defined in core, so formatters can name it; re-exported for the engine's other users.
export { SUPPRESSION_RULE_ID };

interface Directive {
  /**
   * next-line: the next line with content; line: its own line (a comment at the end of it);
   * block: from the comment to a planlint-enable; file: a planlint-disable no planlint-enable
   * closes, which covers the whole file; enable: ends blocks and silences nothing itself;
   * misplaced: a form that must stand on a line of its own, found after a value (it does nothing).
   */
  kind: 'next-line' | 'line' | 'block' | 'file' | 'enable' | 'misplaced';
  /** The comment as written: planlint-disable-next-line, planlint-disable-line, planlint-disable or planlint-enable. */
  name: string;
  /** Rule ids it silences (or, for enable, ends); empty means every rule. */
  ruleIds: string[];
  reason?: string;
  line: number;
  column: number;
  endColumn: number;
  /** The line a next-line or line directive covers. */
  target?: number;
  /** For a block: where each rule's silence ends (the planlint-enable's line), by id; "*" for every rule. */
  ends?: Map<string, number>;
  used: boolean;
}

/** Engine findings that cannot be silenced: a file that cannot be read is never a judgement call. */
const UNSUPPRESSIBLE = new Set(['syntax', 'input']);

/** A directive on a line of its own. */
const DIRECTIVE = /^(\s*)#\s*planlint-(disable-next-line|disable-line|disable|enable)(?![\w-])(.*)$/;
/**
 * A directive after a value (a YAML comment starts at a # after a space): planlint-disable-line
 * belongs there; the other forms are reported, rather than silently doing nothing.
 */
const TRAILING = /(^|\s)#\s*planlint-(disable-next-line|disable-line|disable|enable)(?![\w-])(.*)$/;

function parseDirectives(text: string): Directive[] {
  const lines = text.split(/\r?\n/);
  const directives: Directive[] = [];
  /** planlint-disable comments not yet known to be closed, in order. */
  const open: Directive[] = [];
  lines.forEach((line, index) => {
    const own = DIRECTIVE.exec(line);
    const trailing = own ? undefined : TRAILING.exec(line);
    if (!own && !trailing) return;
    const word = own ? own[2]! : trailing![2]!;
    const column = own ? own[1]!.length + 1 : trailing!.index + trailing![1]!.length + 1;
    const [rulesPart = '', reasonPart] = (own ? own[3]! : trailing![3]!).split(/\s--\s?|\s--$/, 2) as [string?, string?];
    const ruleIds = rulesPart.split(/[\s,]+/).filter(Boolean);
    const kind: Directive['kind'] = !own && word !== 'disable-line' ? 'misplaced' : word === 'disable-next-line' ? 'next-line' : word === 'disable-line' ? 'line' : word === 'enable' ? 'enable' : 'file';
    const directive: Directive = {
      kind,
      name: `planlint-${word}`,
      ruleIds,
      line: index + 1,
      column,
      endColumn: line.length + 1,
      used: false,
      // A placeholder ("TBC …") is not a recorded judgement: it is treated as no reason.
      ...(reasonPart?.trim() && !isPlaceholder(reasonPart) ? { reason: reasonPart.trim() } : {}),
    };
    if (kind === 'next-line') {
      // The next line holding content: stacked comments and blank lines are skipped.
      let target = index + 1;
      while (target < lines.length && /^\s*(#.*)?$/.test(lines[target]!)) target++;
      directive.target = target + 1;
    } else if (kind === 'line') {
      directive.target = index + 1;
    } else if (kind === 'file') {
      directive.ends = new Map();
      open.push(directive);
    } else {
      // planlint-enable ends the named rules' silence (every rule's, when it names none) in each
      // planlint-disable above that names them and is still open; such a disable is a block.
      for (const disable of open) {
        for (const key of disable.ruleIds.length ? disable.ruleIds : ['*']) {
          if (disable.ends!.has(key) || !(ruleIds.length === 0 || ruleIds.includes(key))) continue;
          disable.ends!.set(key, index + 1);
          disable.kind = 'block';
          directive.used = true;
        }
      }
    }
    directives.push(directive);
  });
  return directives;
}

/** Whether a directive silences this rule on this line. */
function covers(d: Directive, ruleId: string, line: number): boolean {
  if (d.kind === 'enable' || d.kind === 'misplaced' || !(d.ruleIds.length === 0 || d.ruleIds.includes(ruleId))) return false;
  if (d.kind === 'file') return true;
  if (d.kind === 'block') return line > d.line && line < (d.ends!.get(d.ruleIds.length ? ruleId : '*') ?? Infinity);
  return d.target === line;
}

/** Where a directive that silenced nothing was looking, for the message. */
function scope(d: Directive): string {
  if (d.kind === 'next-line' || d.kind === 'line') return ` on line ${d.target}`;
  if (d.kind === 'block') {
    const last = Math.max(...d.ends!.values());
    return ` between lines ${d.line} and ${last}`;
  }
  return '';
}

/**
 * Applies suppression comments: `# planlint-disable-next-line <rule-id> -- <reason>`, the same
 * at the end of a line as `# planlint-disable-line`, `# planlint-disable <rule-id> -- <reason>`
 * up to a `# planlint-enable <rule-id>` (or, with none, over the whole file). Silenced findings
 * are kept (with the reason) for machine output; a suppression without a reason, for an unknown
 * rule, or that silences nothing is itself reported, because a professional judgement must be
 * recorded to count; so is a planlint-enable that ends no block, and any form but
 * planlint-disable-line written after a value, where it would do nothing.
 */
export function applySuppressions(findings: Finding[], text: string, knownRuleIds: ReadonlySet<string>): { findings: Finding[]; suppressed: Finding[] } {
  const directives = parseDirectives(text);
  if (directives.length === 0) return { findings, suppressed: [] };
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const directive = UNSUPPRESSIBLE.has(finding.ruleId) ? undefined : directives.find((d) => covers(d, finding.ruleId, finding.line));
    if (!directive) {
      kept.push(finding);
      continue;
    }
    directive.used = true;
    suppressed.push({ ...finding, suppression: { kind: 'inline', ...(directive.reason ? { justification: directive.reason } : {}) } });
  }
  for (const d of directives) {
    const at = { line: d.line, column: d.column, endLine: d.line, endColumn: d.endColumn };
    const comment = d.name;
    const report = (message: string) => kept.push({ ruleId: SUPPRESSION_RULE_ID, severity: 'warning', message, ...at });
    if (d.kind === 'misplaced') {
      const instead = d.name === 'planlint-enable' ? '' : ', or use planlint-disable-line to silence the line it ends';
      report(`This ${comment} comment follows a value, where it counts for nothing: put it on a line of its own${instead}.`);
      continue;
    }
    const unknown = d.ruleIds.filter((id) => !knownRuleIds.has(id));
    if (unknown.length > 0) {
      const suggestions = unknown.map((id) => (unknown.length === 1 ? didYouMean(id, knownRuleIds) : didYouMean(id, knownRuleIds).replace(/\?$/, ` for "${id}"?`))).join('');
      report(`This ${comment} comment names ${unknown.map((id) => `"${id}"`).join(', ')}, which ${unknown.length === 1 ? 'is not a rule' : 'are not rules'}.${suggestions} Check the id with "planlint rules".`);
    }
    if (d.kind === 'enable') {
      if (!d.used && unknown.length === 0) report(`This planlint-enable comment${d.ruleIds.length ? ` for ${d.ruleIds.join(', ')}` : ''} ends no planlint-disable block above it; remove it.`);
      continue;
    }
    if (!d.reason) {
      report(`This ${comment} comment gives no reason. Record the professional judgement after " -- ", for example: # ${comment} ${d.ruleIds[0] ?? '<rule-id>'} -- agreed at supervision on 3 May because …`);
    }
    if (!d.used && unknown.length === 0) {
      report(`This ${comment} comment${d.ruleIds.length ? ` for ${d.ruleIds.join(', ')}` : ''} silences nothing${scope(d)}; remove it.`);
    }
  }
  return { findings: kept, suppressed };
}
