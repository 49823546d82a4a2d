/** The documentation is generated from, and checked against, the code: these fail when they drift. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guidanceRow, renderReadme, root, schemaReference } from '../scripts/readme-sections.mjs';
import { PUBLICATIONS, citationsOf, formatGuidance } from '../src/core/guidance.js';
import { loadBuiltInRules } from '../src/engine/load-rules.js';
import Ajv2020Module from 'ajv/dist/2020.js';

const Ajv2020 = (Ajv2020Module as unknown as { default: typeof Ajv2020Module.default }).default;

const rules = await loadBuiltInRules();

describe('generated documentation is current (run `npm run docs` to refresh)', () => {
  it('README rule table and example output match the rules and a real run', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toBe(await (renderReadme as (t: string) => Promise<string>)(readme));
  });

  it('docs/schema.md matches the schemas', () => {
    expect(readFileSync(join(root, 'docs', 'schema.md'), 'utf8')).toBe(schemaReference());
  });
});

describe('every rule is self-describing', () => {
  it.each(rules.map((r) => [r.meta.id, r] as const))('%s has metadata, a doc page and a test file', (id, rule) => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rule.meta.description.length).toBeGreaterThan(20);
    expect(['assessment', 'planning', 'implementation-and-delivery', 'reviewing', 'hygiene']).toContain(rule.meta.standard);
    // Cited as publications (with the section drawn on), never as plain text or a file name.
    expect(typeof rule.meta.guidance).not.toBe('string');
    const citations = citationsOf(rule.meta.guidance);
    expect(citations.length).toBe(Array.isArray(rule.meta.guidance) ? rule.meta.guidance.length : 1);
    for (const c of citations) {
      expect(Object.keys(PUBLICATIONS)).toContain(c.publication);
      expect(c.section.length).toBeGreaterThan(10);
    }
    expect(rule.meta.appliesTo.length).toBeGreaterThan(0);
    expect(rule.meta.optionsSchema).toMatchObject({ type: 'object', additionalProperties: false });

    const doc = readFileSync(join(root, 'rules', `${id}.md`), 'utf8');
    expect(doc.startsWith(`# ${id}\n`)).toBe(true);
    expect(doc).toContain(`> ${rule.meta.description}`);
    expect(doc, `${id}.md cites its guidance (npm run docs)`).toContain(`\n${(guidanceRow as (text: string) => string)(formatGuidance(rule.meta.guidance, { markdown: true }))}\n`);
    for (const heading of ['## Why it matters', '## What it checks', '## Poor', '## Good', '## Options', '## Recording a professional judgement']) {
      expect(doc, `${id}.md needs "${heading}"`).toContain(heading);
    }
    for (const option of Object.keys(rule.meta.defaultOptions as object)) expect(doc, `${id}.md documents option ${option}`).toContain(`\`${option}\``);
    // The engine trusts defaults without checking them at every start, so check them here.
    const validate = new Ajv2020({ strict: false }).compile(rule.meta.optionsSchema);
    expect(validate(structuredClone(rule.meta.defaultOptions)), `${id} defaults fit its options schema`).toBe(true);
    expect(existsSync(join(root, 'tests', 'rules', `${id}.test.ts`))).toBe(true);
  });

  it('every page in rules/ belongs to a rule', () => {
    const pages = readdirSync(join(root, 'rules'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3));
    expect(pages.sort()).toEqual(rules.map((r) => r.meta.id).sort());
  });
});

describe('every schema field is documented', () => {
  const missing: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node !== 'object' || node === null) return;
    const schema = node as Record<string, unknown>;
    const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
    for (const [key, value] of Object.entries(properties ?? {})) {
      const documented = (typeof value.title === 'string' && typeof value.description === 'string') || typeof value.$ref === 'string';
      if (!documented) missing.push(`${path}.${key}`);
    }
    for (const [key, value] of Object.entries(schema)) {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}.${key}[${i}]`));
      else walk(value, `${path}.${key}`);
    }
  };
  it.each(['case-file', 'sentence-plan', 'review'])('%s', (kind) => {
    const schema = JSON.parse(readFileSync(join(root, 'schemas', `${kind}.schema.json`), 'utf8')) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(new RegExp(`/${kind}\\.schema\\.json$`));
    missing.length = 0;
    walk(schema, kind);
    expect(missing).toEqual([]);
  });
});
