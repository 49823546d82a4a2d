/**
 * The common-shape composer (src/compose-common-yaml.ts) reads most case files without building
 * the `yaml` package's node objects. Wherever it answers, it must give exactly what the full
 * composer gives: the same values, the same positions for every field and item, the same findings.
 * Where it cannot, it must step aside, never guess.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { LineCounter, Parser } from 'yaml';
import { describe, expect, it } from 'vitest';
import { composeCommonYaml } from '../src/compose-common-yaml.js';
import { loadDocuments } from '../src/load-documents.js';
import type { LoadedFile } from '../src/load-documents.js';
import { SourceMap } from '../src/source-map.js';
import { root } from './helpers/run-cli.js';
import { mutatedText, yamlText } from './helpers/yaml-arbitraries.js';

const SEED = Number(process.env.PLANLINT_FUZZ_SEED ?? 20_241_123);
const SCALE = Number(process.env.PLANLINT_FUZZ_RUNS ?? 1);

function filesIn(dir: string): { name: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}
const examples = filesIn(join(root, 'examples')).filter((f) => !f.name.startsWith('hmpps'));
const hostile = filesIn(join(root, 'tests', 'hostile'));

/** True when the common-shape composer answers for the text (rather than stepping aside). */
function answers(text: string): boolean {
  const lines = new LineCounter();
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  return composeCommonYaml(tokens, new SourceMap(lines, text.length)) !== undefined;
}

/** Every position the source map knows for a value, field by field, as plain data to compare. */
function positions(file: LoadedFile): unknown[] {
  const out: unknown[] = [];
  const walk = (value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object') return;
    const map = file.sourceMap;
    out.push([path, map.has(value), map.rangeOf(value)]);
    for (const [key, child] of Object.entries(value)) {
      const property = Array.isArray(value) ? Number(key) : key;
      out.push([`${path}.${key}`, map.rangeOf(value, property), map.rangeOf(value, property, 'key')]);
      walk(child, `${path}.${key}`);
    }
  };
  for (const doc of file.documents) walk(doc.value, `#${doc.index}`);
  return out;
}

function expectSameReading(text: string): void {
  const common = loadDocuments(text);
  const full = loadDocuments(text, { fullComposer: true });
  expect(common.findings).toEqual(full.findings);
  expect(common.documents).toEqual(full.documents);
  expect(positions(common)).toEqual(positions(full));
}

const SHAPES: Record<string, string> = {
  'empty values': 'kind: case-file\nperson:\nplan: # nothing yet\n  \nlist:\n  -\n  - # note\n  - x\n',
  'scalars of every core type': 'a: 1\nb: -2.50\nc: 0x1F\nd: 0o17\ne: .inf\nf: .NaN\ng: ~\nh: Null\ni: TRUE\nj: false\nk: 2024-09-03\nl: "09:30"\nm: 1e3\n',
  'keys that are not words': '1: one\ntrue: yes\nnull: none\n"quoted key": q\n\'single\': s\n1.50: f\n: empty key\n',
  'flow collections': 'a: { x: 1, y: [1, 2, { z: 3 }] }\nb: []\nc: {}\nd: [a, b,]\ne: { x: 1, }\nf: { x }\ng: { x: }\nh: [ a ] # after\n',
  'block scalars': 'a: |\n  line one\n  line two\nb: >-\n  folded\n  text\n\nc: |+\n  kept\n\nd: x\n',
  'multi-line plain and quoted text': 'a: one\n  two\n\n  three\nb: "one\n  two"\nc: \'it\'\'s\'\n',
  'comments everywhere': '# head\n---   # start\na: 1 # one\n# between\nb:\n  # inside\n  - 1 # item\n# tail\n...\n',
  'several documents': 'a: 1\n---\nb: 2\n...\n---\nc: 3\n',
  'windows line endings': 'a: 1\r\nb:\r\n  - x\r\n  - y\r\n',
  'byte order mark': '\uFEFFa: 1\n',
  'repeated keys': 'a: 1\nb: 2\na: 3\nc: { x: 1, x: 2 }\n',
  'prototype keys': '__proto__: 1\nconstructor: 2\n',
  'nested lists and maps': 'a:\n- b: 1\n  c:\n  - - d\n    - e\n- f\n',
  'long key': `${'k'.repeat(1100)}: v\n`,
  'map value on the key line': 'a: b: c\n',
  'unindented list items and odd indentation': 'a:\n- 1\n -2\nb:\n   c: 1\n  d: 2\n',
  'tabs': 'a:\t1\nb:\n\t- x\n',
  'anchors and aliases': 'a: &x 1\nb: *x\n',
  'a document that is a list': '- a\n- b\n',
  'comment without a space': 'a: 1#not a comment\nb: "x"#bad\n',
};

describe('the common-shape composer reads as the full composer does', () => {
  it.each(Object.entries(SHAPES))('%s', (_name, text) => {
    expectSameReading(text);
  });

  it.each(examples.map((f) => [f.name, f.text]))('example %s: same reading, and the fast composer is the one used', (_name, text) => {
    expectSameReading(text);
    expect(answers(text)).toBe(true);
  });

  it.each(hostile.map((f) => [f.name, f.text]))('hostile %s', (_name, text) => {
    expectSameReading(text);
  });

  it('steps aside for what it does not read itself', () => {
    expect(answers(SHAPES['anchors and aliases']!)).toBe(false);
    expect(answers(SHAPES['tabs']!)).toBe(false);
    expect(answers(SHAPES['a document that is a list']!)).toBe(false);
    expect(answers('%YAML 1.2\n---\na: 1\n')).toBe(false);
    expect(answers('a: !!str 1\n')).toBe(false);
    expect(answers('')).toBe(false);
  });

  const runs = Math.round(1000 * SCALE);
  const timeout = 60_000 * Math.max(1, SCALE);
  it(`random edits of the examples (${runs} runs), most of them read by the fast composer`, { timeout }, () => {
    let answered = 0;
    const check = (text: string) => {
      expectSameReading(text);
      if (answers(text)) answered++;
    };
    fc.assert(fc.property(mutatedText(examples.map((f) => f.text)), check), { seed: SEED, numRuns: runs });
    // Edits that keep the file well formed must go the fast way, or the comparison proves little.
    expect(answered / runs).toBeGreaterThan(0.3);
  });

  it(`arbitrary YAML-ish text (${runs} runs)`, { timeout }, () => {
    fc.assert(fc.property(yamlText, expectSameReading), { seed: SEED, numRuns: runs });
  });
});
