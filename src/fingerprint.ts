import { createHash } from 'node:crypto';
import type { Finding } from './findings.js';

/**
 * Gives each finding a fingerprint from its rule, the text of the line it points at and how many
 * identical (rule, line text) findings came before it. Editing other lines leaves it unchanged,
 * so a baseline or a code-scanning alert follows the finding rather than its line number.
 */
export function addFingerprints(findings: Finding[], text: string): void {
  const lines = text.split(/\r?\n/);
  const seen = new Map<string, number>();
  for (const finding of findings) {
    const lineText = (lines[finding.line - 1] ?? '').replace(/\s+/g, ' ').trim();
    const base = `${finding.ruleId}\u0000${finding.messageId ?? ''}\u0000${lineText}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    finding.fingerprint = createHash('sha256').update(`${base}\u0000${occurrence}`).digest('hex').slice(0, 16);
  }
}
