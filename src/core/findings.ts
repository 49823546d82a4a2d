/** What planlint reports, in the shape every formatter reads. */
import { compareText } from './text.js';

/** How serious a finding is. `info` never affects the exit code (a field of an export planlint does not read, say). */
export type Severity = 'error' | 'warning' | 'info';
/** The severities a rule can be set to. */
export type RuleSeverity = 'error' | 'warning';

/** A 1-based position range in a file; the end is exclusive, as in ESLint. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding extends SourceRange {
  /** The rule that found it, or `syntax` / `schema` / `input` for problems the engine finds itself. */
  ruleId: string;
  /** The rule's message id, for tools that match on it rather than on wording. */
  messageId?: string;
  severity: Severity;
  message: string;
  /** Set when the file (or document) could not be read at all, so no rules ran on it. */
  fatal?: boolean;
  /**
   * A stable identity for the finding that survives edits elsewhere in the file: the rule, the
   * text of the line it points at, and its occurrence among identical ones. Used by baselines,
   * caches and SARIF partialFingerprints.
   */
  fingerprint?: string;
  /** Why a finding was silenced: an inline comment (with its stated reason) or a baseline entry. */
  suppression?: { kind: 'inline' | 'baseline'; justification?: string };
}

export interface FileResult {
  filePath: string;
  findings: Finding[];
  /** Findings silenced by an inline suppression comment, kept for machine output. */
  suppressedFindings?: Finding[];
  /** Ids of the rules that judged this file (they applied to one of its document kinds). */
  rulesChecked?: string[];
  /**
   * Rules switched on that judged none of this file's cases, and why, so no report passes over
   * them in silence: a plan or review on its own has no sentence, assessment or contact log; an
   * HMPPS export (and a case file converted from one, until it is completed) lacks parts of a case.
   */
  notRun?: RulesNotRun;
  /**
   * Not linted: found by walking a folder or matching a glob, but neither a planlint document nor an
   * HMPPS export (a compose file, a tsconfig). Reports leave it out; the stylish summary counts it.
   */
  skipped?: true;
  /** A rule crashed while checking this file: the run ends with exit code 2. */
  internalError?: boolean;
  /**
   * The report is to be shared (--redact): messages quote no input and name the person only as
   * "the person". Formatters that show source text or case details must leave them out.
   */
  redacted?: boolean;
  /**
   * What the engine attached because a formatter asked for it (LintOptions.attach): the HTML
   * report's source lines and timelines. Not report data: the JSON report and the cache leave it
   * out, and it is never attached to a redacted result or to a file that was not linted.
   */
  attachments?: FileAttachments;
}

/** The rules that could not judge a file (FileResult.notRun). */
export interface RulesNotRun {
  /**
   * Each rule with what it needs that the file does not hold: `case-file` (the whole case: the
   * file holds only plans or reviews), or the parts of a case it lacks (`sentence`, `assessment`,
   * `contacts`, `reviews`, `plan`).
   */
  rules: { ruleId: string; needs: string[] }[];
  /** What would let them run, in a sentence. */
  remedy: string;
}

/**
 * What lintText can attach to a result. src/model/case-timeline.ts adds `cases` (the case models
 * and their timelines) to this interface: core cannot name the model's types.
 * @public (augmented by the model; knip does not see that use)
 */
export interface FileAttachments {
  /** The decoded text that was linted. */
  source?: string;
}

/** Ids for the findings the engine itself produces, so machine consumers can filter them. */
export const ENGINE_RULE_IDS = {
  input: 'input',
  syntax: 'syntax',
  schema: 'schema',
} as const;

/** The id of findings about suppression comments themselves (not a rule, nor one of the engine's checks above). */
export const SUPPRESSION_RULE_ID = 'suppression';

export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message);
}

/** How many findings are errors and how many warnings (information counts as neither). */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}
