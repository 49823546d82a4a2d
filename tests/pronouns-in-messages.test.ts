/**
 * Every message about the person uses the pronouns recorded for them: linting the poor examples
 * with each person's pronouns set to xe/xem leaves no "they", "them" or "their" that means them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../scripts/readme-sections.mjs';
import { lintText } from '../src/engine/lint.js';
import { loadBuiltInRules } from '../src/engine/load-rules.js';
import { activateRules } from '../src/engine/rule-settings.js';

const rules = activateRules(await loadBuiltInRules());

/** Messages where "they" or "them" is about something else: agencies, dates, objectives, hours. */
const NOT_ABOUT_THE_PERSON = new Set([
  'other-agencies-consulted',
  'contact-pattern-fits-circumstances:notAddressed',
  'dates-consistent:endBeforeStart',
  'interventions-sequenced:cycle',
  'no-placeholder-text:duplicateTitle',
  'requirements-deliverable:rarNoPace',
  'requirements-deliverable:unpaidWorkNoPace',
  'person-acts-in-plan:noOwnSteps', // "they are for …" names the owners of the steps
]);

const examples = readdirSync(join(root, 'examples')).filter((f) => /poor.*\.yaml$/.test(f));

describe('messages use the recorded pronouns', () => {
  it.each(examples)('%s with pronouns xe/xem', (file) => {
    const text = readFileSync(join(root, 'examples', file), 'utf8').replace(/^( {2}person:\n)( {4}name: .*\n)/m, '$1$2    pronouns: xe/xem\n');
    expect(text).toContain('pronouns: xe/xem');
    const findings = lintText(text, file, { rules }).findings.filter((f) => f.ruleId !== undefined && f.severity !== 'info');
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      if (NOT_ABOUT_THE_PERSON.has(f.ruleId) || NOT_ABOUT_THE_PERSON.has(`${f.ruleId}:${f.messageId ?? ''}`)) continue;
      expect(f.message, `${f.ruleId}:${f.messageId ?? ''}`).not.toMatch(/\b(they|them|their|themselves)\b/i);
    }
  });
});
