import { resolve } from 'node:path';
import type { FileResult, Finding } from './findings.js';
import { notRunSummary } from './rule-outcomes.js';

/**
 * One file's entry in the JSON report (ESLint's result shape). It sits here, below the engine,
 * because a worker thread makes the entry itself when the JSON report is a run's only output
 * (see src/engine/lint-files.ts), and the engine imports no formatter.
 */

/** ESLint uses 2 for errors and 1 for warnings; information (which never fails a run) is 0. */
function toMessage(f: Finding) {
  return {
    ruleId: f.ruleId,
    ...(f.messageId ? { messageId: f.messageId } : {}),
    severity: f.severity === 'error' ? 2 : f.severity === 'warning' ? 1 : 0,
    message: f.message,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ...(f.fatal ? { fatal: true } : {}),
    // ESLint's shape for a silenced message: how it was silenced and the reason given.
    ...(f.suppression ? { suppressions: [{ kind: f.suppression.kind === 'inline' ? 'directive' : 'baseline', justification: f.suppression.justification ?? '' }] } : {}),
  };
}

function toResult(result: FileResult, cwd: string) {
  const messages = result.findings.map(toMessage);
  return {
    filePath: resolve(cwd, result.filePath),
    messages,
    suppressedMessages: (result.suppressedFindings ?? []).map(toMessage),
    errorCount: messages.filter((m) => m.severity === 2).length,
    fatalErrorCount: messages.filter((m) => m.fatal).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
    // planlint's own: the rules that could not judge the file, so a clean result hides nothing.
    ...(result.notRun ? { notRun: { summary: notRunSummary(result.notRun), remedy: result.notRun.remedy, rules: result.notRun.rules } } : {}),
  };
}

/** One file's entry in the JSON report, exactly as it appears there (indented as a list item). */
export function jsonReportItem(result: FileResult, cwd: string): string {
  // Stringified inside a list, so it comes indented as an item: "[\n  {...}\n]" less the brackets.
  return JSON.stringify([toResult(result, cwd)], null, 2).slice(4, -2);
}
