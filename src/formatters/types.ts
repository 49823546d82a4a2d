import type { FileResult } from '../findings.js';

export interface FormatterContext {
  cwd: string;
  /** Whether to colour the output (terminal, no NO_COLOR, no --no-color). */
  color: boolean;
  /** Where a rule's documentation is, for links from the output. */
  ruleDocUrl?: (ruleId: string) => string | undefined;
}

export type Formatter = (results: FileResult[], context: FormatterContext) => string;
