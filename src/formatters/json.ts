import { resolve } from 'node:path';
import type { Finding } from '../findings.js';
import type { Formatter } from './types.js';

/** ESLint's result shape, so tools that read ESLint JSON read planlint's too. */
export const formatJson: Formatter = (results, { cwd }) => {
  // ESLint uses 2 for errors and 1 for warnings; information (which never fails a run) is 0.
  const toMessage = (f: Finding) => ({
      ruleId: f.ruleId,
      ...(f.messageId ? { messageId: f.messageId } : {}),
      severity: f.severity === 'error' ? 2 : f.severity === 'warning' ? 1 : 0,
      message: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ...(f.fatal ? { fatal: true } : {}),
    });
  const out = results.map((result) => {
    const messages = result.findings.map(toMessage);
    const errorCount = messages.filter((m) => m.severity === 2).length;
    return {
      filePath: resolve(cwd, result.filePath),
      messages,
      suppressedMessages: (result.suppressedFindings ?? []).map(toMessage),
      errorCount,
      fatalErrorCount: messages.filter((m) => m.fatal).length,
      warningCount: messages.filter((m) => m.severity === 1).length,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    };
  });
  return `${JSON.stringify(out, null, 2)}\n`;
};
