/** The playground's help for fields: where the cursor is in a YAML document, and what the schema allows there. */
import { describe, expect, it } from 'vitest';
import { completionAt, fieldAt } from '../../src/playground/schema-help.js';
import { decodeShared, encodeShared } from '../../src/playground/share-link.js';

/** The text with "|" removed, and the offset where it was. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

const labels = (marked: string) => completionAt(...at(marked))?.options.map((o) => o.label);

describe('completion from the JSON Schemas', () => {
  it("offers a case file's sections at the root, leaving out those already written", () => {
    const offered = labels('kind: case-file\nschemaVersion: 1\n|');
    expect(offered).toEqual(expect.arrayContaining(['case', 'sentence', 'plan', 'contacts', 'reviews']));
    expect(offered).not.toContain('kind');
  });

  it('offers the fields of a list item, by indentation', () => {
    const offered = labels('kind: case-file\nplan:\n  date: 2024-01-01\n  objectives:\n    - text: Find a home\n      |');
    expect(offered).toContain('measure');
    expect(offered).not.toContain('text');
    expect(offered).not.toContain('date');
  });

  it('offers the values a field allows after "key: "', () => {
    expect(labels('kind: case-file\nsentence:\n  type: |')).toEqual(expect.arrayContaining(['community-order', 'licence']));
    expect(labels('kind: |')).toEqual(['case-file', 'sentence-plan', 'review']);
    expect(labels('kind: case-file\ncontacts:\n  - date: 2024-01-01\n    outcome: fail|')).toContain('failed-to-attend');
  });

  it("knows a sentence plan document's own fields", () => {
    expect(labels('kind: sentence-plan\n|')).toEqual(expect.arrayContaining(['caseRef', 'date', 'objectives']));
  });

  it('offers only "kind" before the document says what it is', () => {
    expect(labels('|')).toEqual(['kind']);
  });
});

describe('hover help from the JSON Schemas', () => {
  it('describes the field under the cursor, with the kind of value it takes', () => {
    const help = fieldAt(...at('kind: case-file\nsentence:\n  ty|pe: community-order\n'));
    expect(help).toMatchObject({ name: 'type' });
    expect(help?.type).toMatch(/^one of: .*community-order/);
    expect(fieldAt(...at('kind: case-file\nplan:\n  da|te: 2024-01-01\n'))).toMatchObject({ name: 'date', type: 'date (YYYY-MM-DD)' });
  });

  it('says nothing over a value, or a field the schema does not know', () => {
    expect(fieldAt(...at('kind: case-file\nplan:\n  date: 2024-0|1-01\n'))).toBeUndefined();
    expect(fieldAt(...at('kind: case-file\nplan:\n  colo|ur: red\n'))).toBeUndefined();
  });
});

describe('share links', () => {
  it('carry any text as base64url of its UTF-8, and refuse a damaged one', () => {
    const text = 'kind: case-file\n# Zoë, ✔ “quoted” 🙂\n';
    const encoded = encodeShared(text);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(encoded, 'base64url').toString('utf8')).toBe(text);
    expect(decodeShared(encoded)).toBe(text);
    expect(decodeShared('a+b/')).toBeUndefined();
    expect(decodeShared('_w')).toBeUndefined(); // 0xff: not UTF-8
  });
});
