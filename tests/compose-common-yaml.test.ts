/**
 * Two fast readers stand in front of the `yaml` package's full composer: the plain-shape text
 * reader (src/input/fast-yaml/read-common-yaml.ts), which reads most case files without lexing them, and the
 * common-shape composer (src/input/fast-yaml/compose-common-yaml.ts), which reads parser tokens without building
 * node objects. Wherever either answers, it must give exactly what the full composer gives: the
 * same values, the same positions for every field and item, the same findings. Where it cannot,
 * it must step aside, never guess.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { LineCounter, Parser } from 'yaml';
import { describe, expect, it } from 'vitest';
import { composeCommonYaml } from '../src/input/fast-yaml/compose-common-yaml.js';
import { loadDocuments } from '../src/input/load-documents.js';
import { readCommonYaml } from '../src/input/fast-yaml/read-common-yaml.js';
import type { LoadedFile } from '../src/input/load-documents.js';
import { SourceMap } from '../src/input/source-map.js';
import { root } from './helpers/cli.js';
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

/** True when the text reader answers for the text. */
function readsText(text: string): boolean {
  return readCommonYaml(text, new SourceMap(new LineCounter(), text.length)) !== undefined;
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
  const full = loadDocuments(text, { reading: 'full' });
  for (const reading of ['text', 'tokens'] as const) {
    const fast = loadDocuments(text, { reading });
    expect(fast.findings).toEqual(full.findings);
    expect(fast.documents).toEqual(full.documents);
    expect(positions(fast)).toEqual(positions(full));
  }
}

/** Words for plain-shape documents: ordinary text, text that reads as another type, and text that leaves the shape. */
const WORDS = [
  'x',
  'two words',
  'RO Okafor',
  'Zoë',
  "it's",
  'a#b',
  'x,y',
  'yes',
  'No',
  '-2',
  '+1',
  '.5',
  '1e3',
  '0x1F',
  '0o7',
  '~',
  'null',
  'Null',
  'true',
  'FALSE',
  '.inf',
  '-.Inf',
  '.nan',
  '2024-03-04',
  '17:00',
  '__proto__',
  'a: b',
  'a:',
  'x # c',
  '-x',
  '- x',
  '?x',
  "'q'",
  '"d"',
  "'it''s'",
  '"a\\"b"',
  '""',
  '[a, b]',
  '{ a: b }',
  '[]',
  '{}',
  '[a:b]',
  '[17:00, x]',
  '{ t: 17:00, u: [09:30] }',
  '[a, b,]',
  '&a x',
  '*a',
  '!t x',
  '|',
  '>-',
];
const KEYS = ['a', 'b', 'kind', 'date', 'null', 'true', '1', 'x-y', '__proto__', 'constructor', 'a', 'K_9'];
type Tree = { t: 'word'; w: string } | { t: 'block'; style: string; lines: string[] } | { t: 'map'; entries: [string, Tree][] } | { t: 'seq'; items: Tree[] };
const { tree } = fc.letrec<{ tree: Tree; word: Tree; block: Tree; map: Tree; seq: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, tie('word'), tie('word'), tie('block'), tie('map'), tie('seq')),
  word: fc.oneof({ arbitrary: fc.constantFrom(...WORDS.slice(0, 26)), weight: 3 }, { arbitrary: fc.constantFrom(...WORDS), weight: 1 }).map((w) => ({ t: 'word' as const, w })),
  block: fc
    .record({ style: fc.constantFrom('|', '|-', '>', '>-'), lines: fc.array(fc.constantFrom('one', 'two words', '', '  more', 'x: y', '# text'), { minLength: 1, maxLength: 4 }) })
    .map((b) => ({ t: 'block' as const, ...b })),
  map: fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('tree')), { minLength: 1, maxLength: 4 }).map((entries) => ({ t: 'map' as const, entries })),
  seq: fc.array(tie('tree'), { minLength: 1, maxLength: 4 }).map((items) => ({ t: 'seq' as const, items })),
}));

/** Renders a tree as block YAML of the plain shape (and, through its words, just outside it). */
function render(node: Tree, indent: number): string {
  const pad = ' '.repeat(indent);
  const blockLines = (b: { lines: string[] }, at: number) => b.lines.map((l) => (l === '' ? '\n' : `${' '.repeat(at)}${l}\n`)).join('');
  const after = (value: Tree, at: number): string => {
    if (value.t === 'word') return ` ${value.w}\n`;
    if (value.t === 'block') return ` ${value.style}\n${blockLines(value, at + 2)}`;
    // A list under a key may sit at the key's own column; both are read the same.
    return `\n${render(value, value.t === 'seq' && at % 4 === 0 ? at : at + 2)}`;
  };
  if (node.t === 'map') return node.entries.map(([k, v]) => `${pad}${k}:${after(v, indent)}`).join('');
  if (node.t === 'seq') {
    return node.items
      .map((item) => {
        if (item.t === 'map') {
          const [first, ...rest] = item.entries;
          if (!first) throw new Error('the arbitraries make no empty map inside a list');
          const [k, v] = first;
          return `${pad}- ${k}:${after(v, indent + 2)}${render({ t: 'map', entries: rest }, indent + 2)}`;
        }
        return `${pad}-${after(item, indent)}`;
      })
      .join('');
  }
  return `${pad}${after(node, indent).trimStart()}`;
}
const plainShape = fc.array(fc.tuple(fc.constantFrom(...KEYS), tree), { minLength: 1, maxLength: 5 }).map((entries) => render({ t: 'map', entries }, 0));

const SHAPES: Record<string, string> = {
  'empty values': 'kind: case-file\nperson:\nplan: # nothing yet\n  \nlist:\n  -\n  - # note\n  - x\n',
  'scalars of every core type': 'a: 1\nb: -2.50\nc: 0x1F\nd: 0o17\ne: .inf\nf: .NaN\ng: ~\nh: Null\ni: TRUE\nj: false\nk: 2024-09-03\nl: "09:30"\nm: 1e3\n',
  'keys that are not words': '1: one\ntrue: yes\nnull: none\n"quoted key": q\n\'single\': s\n1.50: f\n: empty key\n',
  'flow collections': 'a: { x: 1, y: [1, 2, { z: 3 }] }\nb: []\nc: {}\nd: [a, b,]\ne: { x: 1, }\nf: { x }\ng: { x: }\nh: [ a ] # after\n',
  'block scalars': 'a: |\n  line one\n  line two\nb: >-\n  folded\n  text\n\nc: |+\n  kept\n\nd: x\n',
  'multi-line plain and quoted text': "a: one\n  two\n\n  three\nb: \"one\n  two\"\nc: 'it''s'\n",
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
  tabs: 'a:\t1\nb:\n\t- x\n',
  'anchors and aliases': 'a: &x 1\nb: *x\n',
  'a document that is a list': '- a\n- b\n',
  'comment without a space': 'a: 1#not a comment\nb: "x"#bad\n',
  'folded and literal blocks': 'a: >\n  one\n  two\n\n  three\n\n\n  four\nb: |-\n  lit\n    more\n\n  end\n\nc:\n  - >-\n    in a list\n    folded\n  - |\n    x\n',
  'blocks that leave the plain shape': 'a: |2\n   x\nb: >\n  one\n    more\n  two\nc: |\n  x\n   \n  y\n',
  'flow mappings in lists': 'log:\n  - { date: 2024-01-02, time: "11:00", outcome: ok, e: { d: a b, x: [] } }\n  - {}\n  - { a: [1, "two", { b: c }], c: \'it\'\'s\' }\ne: [ a , b ]\n',
  "lists at the key's column and compact mappings": 'a:\n- x: 1\n  y:\n  - 2\n  - 3\n-   z: 4\nb:\n  -\n    c: 5\n',
  'words that are other types': 'a: yes\nb: no\nc: -2\nd: .5\ne: +1\nf: 0x0G\ng: null\nh: 2024-13-45\ni: 1_000\nnull: n\ntrue: t\n1: one\n',
  'quotes and spaces': "a:  'two  spaces'  \nb: \"q\"   \nc: '' \nd: \"\"\ne: it's\nf: a#b\ng: x,y\n",
  'values that leave the plain shape': 'a: "esc\\"aped"\nb: [a, b,]\nc: {a: 1}\nd: [a:b]\ne: x # note\nf: &a 1\n',
  'text after a flow collection': 'a: [x] y\nb: {c: d}}\n',
  'no newline at the end': 'a: 1\nb: 2',
};

describe('the common-shape composer reads as the full composer does', () => {
  it.each(Object.entries(SHAPES))('%s', (_name, text) => {
    expectSameReading(text);
  });

  it.each(examples.map((f) => [f.name, f.text]))('example %s: same reading, and the fast readers are the ones used', (_name, text) => {
    expectSameReading(text);
    expect(answers(text)).toBe(true);
    // Every single-document example is read from its text alone.
    expect(readsText(text)).toBe(!/^---/m.test(text));
  });

  it.each(hostile.map((f) => [f.name, f.text]))('hostile %s', (_name, text) => {
    expectSameReading(text);
  });

  it('steps aside for what it does not read itself', () => {
    expect(answers(SHAPES['anchors and aliases']!)).toBe(false);
    expect(answers(SHAPES.tabs!)).toBe(false);
    expect(answers(SHAPES['a document that is a list']!)).toBe(false);
    expect(answers('%YAML 1.2\n---\na: 1\n')).toBe(false);
    expect(answers('a: !!str 1\n')).toBe(false);
    expect(answers('')).toBe(false);
  });

  const runs = Math.round(1000 * SCALE);
  // Thousands of runs of synchronous work: a timeout cannot stop them, only fail them for a busy
  // machine's slowness, so it is far above their time (seconds) however loaded the machine.
  const timeout = 600_000 * Math.max(1, SCALE);
  it(`random edits of the examples (${runs} runs), most of them read by the fast composer`, { timeout }, () => {
    let answered = 0;
    let read = 0;
    const check = (text: string) => {
      expectSameReading(text);
      if (answers(text)) answered++;
      if (readsText(text)) read++;
    };
    fc.assert(fc.property(mutatedText(examples.map((f) => f.text)), check), { seed: SEED, numRuns: runs });
    // Edits that keep the file well formed must go the fast ways, or the comparison proves little.
    expect(answered / runs).toBeGreaterThan(0.3);
    expect(read / runs).toBeGreaterThan(0.05);
  });

  it(`generated documents of the plain shape (${2 * runs} runs), most of them read from the text`, { timeout }, () => {
    let read = 0;
    const check = (text: string) => {
      expectSameReading(text);
      if (readsText(text)) read++;
    };
    fc.assert(fc.property(plainShape, check), { seed: SEED, numRuns: 2 * runs });
    expect(read / (2 * runs)).toBeGreaterThan(0.2);
  });

  it(`arbitrary YAML-ish text (${runs} runs)`, { timeout }, () => {
    fc.assert(fc.property(yamlText, expectSameReading), { seed: SEED, numRuns: runs });
  });
});
