import { sha256 } from './hash.js';
import type { Finding } from './findings.js';

/**
 * Gives each finding a fingerprint from its rule, the text of the line it points at and how many
 * identical (rule, line text) findings came before it. Editing other lines leaves it unchanged,
 * so a baseline or a code-scanning alert follows the finding rather than its line number.
 */
export function addFingerprints(findings: Finding[], text: string): void {
  const lineOf = lineReader(text);
  const seen = new Map<string, number>();
  for (const finding of findings) {
    const lineText = lineOf(finding.line).replace(/\s+/g, ' ').trim();
    const base = `${finding.ruleId}\u0000${finding.messageId ?? ''}\u0000${lineText}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    finding.fingerprint = sha256().update(`${base}\u0000${occurrence}`).digest('hex').slice(0, 16);
  }
}

/**
 * The text of line n (1-based; lines end at \n or \r\n), found by walking forward from the last
 * line asked for: findings come sorted by line, and splitting every file into lines would cost
 * more than the few lines that have findings.
 */
function lineReader(text: string): (line: number) => string {
  let current = 1;
  let start = 0;
  return (line) => {
    if (line < current) {
      current = 1;
      start = 0;
    }
    while (current < line) {
      const newline = text.indexOf('\n', start);
      if (newline === -1) return '';
      start = newline + 1;
      current++;
    }
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    return text.slice(start, end);
  };
}
