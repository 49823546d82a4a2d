import type { FileResult } from '../core/findings.js';

/** What a report needs to say about a rule: its id and, in plain words, what it checks. */
export interface RuleSummary {
  id: string;
  description: string;
  standard: string;
  /** Where the rule comes from (its meta.guidance): cite it with formatGuidance. */
  guidance?: unknown;
}

export interface FormatterContext {
  cwd: string;
  /** Whether to colour the output (terminal, no NO_COLOR, no --no-color). */
  color: boolean;
  /** Where a rule's documentation is, for links from the output. */
  ruleDocUrl?: (ruleId: string) => string | undefined;
  /** Each rule's documentation page (rules/<id>.md) as markdown, by rule id; rules without one are absent. */
  ruleDocs?: ReadonlyMap<string, string>;
  /** planlint's version, for reports that name the tool that made them (SARIF). */
  version?: string;
  /** The rules of the run, so a report can say what each rule checks, passed or failed. */
  rules?: readonly RuleSummary[];
  /** Teaching mode (--show-passed): list every rule checked for each file, passed as well as failed. */
  showPassed?: boolean;
  /**
   * The report is to be shared (--redact): messages are already redacted, and a formatter must
   * not show anything else read from the files (source lines, case details, timelines).
   */
  redact?: boolean;
  /**
   * The terminal's width in columns, when the report goes to a terminal: stylish wraps a long
   * finding to it. Absent (a pipe or a file): one finding per line, for grep.
   */
  width?: number;
}

export type Formatter = (results: FileResult[], context: FormatterContext) => string;

/**
 * What a formatter needs beyond the results and the usual context, so the CLI reads or attaches
 * only that: the source and case models on each result (LintOptions.attach), the rule pages, the version.
 */
export interface FormatterNeeds {
  source?: boolean;
  cases?: boolean;
  ruleDocs?: boolean;
  version?: boolean;
}
