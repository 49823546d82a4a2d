/** Checks shared by the hostile-input, fuzz and privacy tests. */
import { expect } from 'vitest';

export interface Positioned {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** Lines as YAML counts them: a line break is LF, CRLF or a lone CR. */
function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

/** Every finding points inside the file: 1 ≤ line ≤ lines, endLine ≥ line, columns ≥ 1. */
export function expectValidPositions(findings: readonly Positioned[], text: string, label = ''): void {
  const lines = lineCount(text);
  for (const f of findings) {
    const where = `${label} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message.slice(0, 80)}`;
    for (const n of [f.line, f.column, f.endLine, f.endColumn]) expect(Number.isInteger(n), where).toBe(true);
    expect(f.line, where).toBeGreaterThanOrEqual(1);
    expect(f.line, where).toBeLessThanOrEqual(lines);
    expect(f.endLine, where).toBeGreaterThanOrEqual(f.line);
    expect(f.endLine, where).toBeLessThanOrEqual(lines);
    expect(f.column, where).toBeGreaterThanOrEqual(1);
    expect(f.endColumn, where).toBeGreaterThanOrEqual(1);
    if (f.endLine === f.line) expect(f.endColumn, where).toBeGreaterThanOrEqual(f.column);
    expect(f.message.trim(), where).not.toBe('');
  }
}

/** A stack trace's frames ("    at fn (file:1:2)"), or planlint's own report of an internal fault. */
export function expectNoStackTrace(output: string): void {
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain('internal error');
}

/** ESLint-shaped JSON output, as planlint -f json prints it. */
export type JsonResult = {
  filePath: string;
  messages: (Positioned & { ruleId: string; severity: number; fatal?: boolean })[];
  suppressedMessages: (Positioned & { ruleId: string })[];
}[];
