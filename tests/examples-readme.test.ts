/**
 * examples/README.md tells trainers what each worked example teaches and which rules it triggers.
 * It is generated from a real run of the built CLI; these fail when it no longer tells the truth.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesDir, examplesReadme, examplesTable, renderExamplesReadme } from '../scripts/examples-readme.mjs';

const REFRESH = 'examples/README.md is out of date: run `npm run docs:examples` and commit the result';

const committed = readFileSync(examplesReadme, 'utf8');
const generated = examplesTable();
const section = (text: string) => /<!-- begin:examples-table -->([\s\S]*?)<!-- end:examples-table -->/.exec(text)?.[1] ?? '';

/** The rows of a generated table as { file, rules }. */
function rows(table: string) {
  return table
    .split('\n')
    .filter((line) => line.startsWith('| [`'))
    .map((line) => {
      const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
      const file = /\]\(([^)]+)\)/.exec(cells[1] ?? '')?.[1] ?? '';
      const rules = [...(cells[4] ?? '').matchAll(/\[`([a-z0-9-]+)`\]/g)].map((m) => m[1]);
      return { file, rules };
    });
}

const exampleFiles = readdirSync(examplesDir, { recursive: true, encoding: 'utf8' })
  .map((f) => f.split('\\').join('/'))
  .filter((f) => /\.(ya?ml|json)$/i.test(f))
  .sort();

describe('examples/README.md lists every example truthfully', () => {
  it('lists every example file in examples/', () => {
    const listed = rows(section(committed)).map((r) => r.file);
    for (const file of exampleFiles) expect(listed, `${file} is not in the table. ${REFRESH}`).toContain(file);
  });

  it('lists no file that does not exist', () => {
    for (const { file } of rows(section(committed))) expect(existsSync(join(examplesDir, file)), `${file} is listed but missing. ${REFRESH}`).toBe(true);
  });

  it('names the rules each example really triggers', () => {
    const actual = new Map(rows(generated).map((r) => [r.file, r.rules]));
    for (const { file, rules } of rows(section(committed))) expect(rules, `${file}: wrong rules. ${REFRESH}`).toEqual(actual.get(file));
  });

  it('matches a fresh run of `npm run docs:examples` exactly', () => {
    expect(committed, REFRESH).toBe((renderExamplesReadme as (text: string, table: string) => string)(committed, generated));
  });

  it('every rule is triggered by at least one poor example', async () => {
    const { loadBuiltInRules } = await import('../src/engine/load-rules.js');
    const triggered = new Set(
      rows(generated)
        .filter((r) => !r.file.includes('-good.'))
        .flatMap((r) => r.rules),
    );
    for (const rule of await loadBuiltInRules()) expect(triggered, `no poor example triggers ${rule.meta.id}`).toContain(rule.meta.id);
  });

  it('lists a rule only for an error or warning, not for a note that it could not run', () => {
    // The good export gives most rules nothing to judge: that is said in the result, not listed as rules triggered.
    const line = generated.split('\n').find((l) => l.startsWith('| [`hmpps/sam-good.json`]'));
    expect(line).toMatch(/\| ✔ clean; \d+ rules could not run \| none \|$/);
  });

  it('gives each example person one name', () => {
    // The first word of each description is whose case it is: one person per name.
    const owners = new Map<string, string>();
    for (const file of exampleFiles) {
      const name = /^\| \[`[^`]+`\]\([^)]+\) \| (\w+)/m.exec(
        section(committed)
          .split('\n')
          .find((l) => l.includes(`(${file})`)) ?? '',
      )?.[1];
      if (!name) continue;
      const key = name.toLowerCase();
      // The good and poor versions of one case share a name (kate-good, kate-poor); anything else is two people.
      const stem = /(?:^|\/)([a-z]+)-(?:good|poor)\.\w+$/.exec(file)?.[1] ?? file;
      expect(owners.get(key) ?? stem, `${name} names both ${owners.get(key)} and ${file}`).toBe(stem);
      owners.set(key, stem);
    }
  });

  it('every good example is clean under every rule', () => {
    const good = rows(generated).filter((r) => /-good\.(ya?ml|json)$/.test(r.file));
    expect(good.length).toBeGreaterThanOrEqual(7);
    for (const { file, rules } of good) expect(rules, `${file} should lint clean; fix the example, not the rule`).toEqual([]);
  });
});
