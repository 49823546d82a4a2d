/**
 * Each rule page says what its code does: the options it documents are the options the rule
 * takes, with the same defaults, and the severity it states is the rule's own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../scripts/readme-sections.mjs';
import { loadBuiltInRules } from '../src/engine/load-rules.js';

const rules = await loadBuiltInRules();

/** The rows of the page's options table: option name → its documented default cell. */
function documentedOptions(page: string): Map<string, string> {
  const section = page.split('## Options')[1]?.split('\n## ')[0] ?? '';
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`([A-Za-z]+)`$/.exec(cells[1] ?? '')?.[1];
    if (name) rows.set(name, cells[3] ?? '');
  }
  return rows;
}

describe('rule pages and code agree', () => {
  it.each(rules.map((r) => [r.meta.id, r] as const))('%s: options, defaults and severity', (id, rule) => {
    const page = readFileSync(join(root, 'rules', `${id}.md`), 'utf8');
    const schema = rule.meta.optionsSchema as { properties?: Record<string, unknown> };
    const options = Object.keys(schema.properties ?? {}).sort();
    const documented = documentedOptions(page);
    expect([...documented.keys()].sort(), `${id}.md documents exactly the options the rule takes`).toEqual(options);
    if (options.length === 0) expect(page).toMatch(/## Options\n\n(This rule has no options\.|None\.)/);
    const defaults = rule.meta.defaultOptions as Record<string, unknown>;
    for (const [name, cell] of documented) {
      const value = defaults[name];
      // Numbers and switches are stated exactly; lists and mappings are described in words.
      if (typeof value === 'number' || typeof value === 'boolean') expect(cell, `${id}.md default of ${name}`).toContain(`\`${String(value)}\``);
      if (Array.isArray(value) && value.length === 0) expect(cell, `${id}.md default of ${name}`).toBe('`[]`');
    }
    const severity = rule.meta.severity === 'error' ? 'error in `recommended` and `strict`' : `${rule.meta.severity} in \`recommended\`, error in \`strict\``;
    expect(page, `${id}.md states its severity`).toContain(`| Severity | ${severity} |`);
  });
});
