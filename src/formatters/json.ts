import { resolve } from 'node:path';
import type { Formatter } from './types.js';

/** ESLint's result shape, so tools that read ESLint JSON read planlint's too. */
export const formatJson: Formatter = (results, { cwd }) => {
  const out = results.map((result) => {
    const messages = result.findings.map((f) => ({
      ruleId: f.ruleId,
      ...(f.messageId ? { messageId: f.messageId } : {}),
      severity: f.severity === 'error' ? 2 : 1,
      message: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ...(f.fatal ? { fatal: true } : {}),
    }));
    const errorCount = messages.filter((m) => m.severity === 2).length;
    return {
      filePath: resolve(cwd, result.filePath),
      messages,
      suppressedMessages: [],
      errorCount,
      fatalErrorCount: messages.filter((m) => m.fatal).length,
      warningCount: messages.length - errorCount,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    };
  });
  return `${JSON.stringify(out, null, 2)}\n`;
};
