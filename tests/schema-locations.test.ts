/** Schema and syntax problems are reported in plain words at the exact node, never as raw ajv output. */
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint.js';
import { yaml } from '../src/testing/index.js';

const lint = (text: string) => lintText(text, 'test.yaml', { rules: [] }).findings;

const plan = (body: string) => yaml`
  kind: sentence-plan
  schemaVersion: 1
  caseRef: C1
  date: 2024-01-10
${body}
`;

describe('schema findings', () => {
  it('names the allowed values of an enum and what was found, at the value', () => {
    const findings = lint(plan('contact:\n  frequency: sometimes'));
    expect(findings).toHaveLength(1);
    expect(findings).toMatchObject([
      {
        ruleId: 'schema',
        severity: 'error',
        message: 'contact.frequency must be one of twice-weekly, weekly, fortnightly, four-weekly, monthly; found "sometimes".',
        line: 6,
        column: 14,
        endLine: 6,
        endColumn: 23,
      },
    ]);
  });

  it('suggests the closest value for a misspelt enum', () => {
    const [finding] = lint(plan('contact:\n  frequency: fortnighly'));
    expect(finding?.message).toBe('contact.frequency must be one of twice-weekly, weekly, fortnightly, four-weekly, monthly; found "fortnighly" (did you mean "fortnightly"?).');
  });

  it('reports an unknown field at its key with a suggestion', () => {
    const findings = lint(plan('personVeiw: I want a job near home.'));
    expect(findings).toEqual([expect.objectContaining({ message: 'Unknown field "personVeiw" in a sentence-plan document; did you mean "personView"?', line: 5, column: 1, endLine: 5, endColumn: 11 })]);
  });

  it('a misspelt required field is one finding, not also a missing one', () => {
    const findings = lint(plan('contact:\n  frequncy: weekly'));
    expect(findings.map((f) => f.message)).toEqual(['Unknown field "frequncy" in contact; did you mean "frequency"?']);
  });

  it('reports an unknown field deep in the document', () => {
    const findings = lint(plan('objectives:\n  - title: Find work\n    mesure: A job offer'));
    expect(findings).toEqual([expect.objectContaining({ message: 'Unknown field "mesure" in objectives[0]; did you mean "measure"?', line: 7, column: 5 })]);
  });

  it('reports a missing required field at the key of the section missing it', () => {
    const findings = lint(plan('contact:\n  types: [office]'));
    expect(findings).toEqual([expect.objectContaining({ message: 'contact is missing "frequency" (contact frequency).', line: 5, column: 1, endColumn: 8 })]);
  });

  it('collapses an anyOf failure to the branch the data was meant for', () => {
    const findings = lint(plan('personView:\n  wrds: I want my own flat.'));
    expect(findings.map((f) => f.message)).toEqual(['Unknown field "wrds" in personView; did you mean "words"?']);
    expect(findings[0]).toMatchObject({ line: 6, column: 3 });
  });

  it('names the accepted forms when no anyOf branch fits the type', () => {
    const findings = lint(plan('personView: 42'));
    expect(findings.map((f) => f.message)).toEqual(['personView must be text or a set of fields; found 42.']);
    expect(findings[0]).toMatchObject({ line: 5, column: 13, endColumn: 15 });
  });

  it('explains date and time formats', () => {
    const findings = lint(plan('contact:\n  frequency: weekly\n  unavailable:\n    - { days: [monday], from: "9am", reason: Work, startDate: 01/02/2024 }'));
    expect(findings.map((f) => f.message)).toEqual([
      'contact.unavailable[0].from must be a time on the 24-hour clock written HH:MM, such as 09:30; found "9am".',
      'contact.unavailable[0].startDate must be a real date written YYYY-MM-DD, such as 2024-03-01; found "01/02/2024".',
    ]);
  });

  it('rejects impossible dates', () => {
    const findings = lint(yaml`
      kind: review
      schemaVersion: 1
      caseRef: C1
      date: 2024-02-30
    `);
    expect(findings).toEqual([expect.objectContaining({ message: 'date must be a real date written YYYY-MM-DD, such as 2024-03-01; found "2024-02-30".', line: 4, column: 7 })]);
  });

  it('says which type was expected and found', () => {
    const findings = lint(plan('objectives: Find work'));
    expect(findings).toEqual([expect.objectContaining({ message: 'objectives must be a list; found "Find work".', line: 5, column: 13 })]);
  });

  it('reports an unknown kind with a suggestion', () => {
    const findings = lint('kind: sentence-plna\nschemaVersion: 1\n');
    expect(findings).toEqual([expect.objectContaining({ message: 'kind must be one of case-file, sentence-plan, review; found "sentence-plna" (did you mean "sentence-plan"?).', line: 1, column: 7 })]);
  });

  it('reports a document with no kind', () => {
    const findings = lint('caseRef: C1\ndate: 2024-01-01\n');
    expect(findings).toEqual([expect.objectContaining({ message: 'The document does not say what it is: add "kind:" with one of case-file, sentence-plan, review.', line: 1, column: 1 })]);
  });

  it('reports a wrong schema version', () => {
    const findings = lint('kind: review\nschemaVersion: 2\ncaseRef: C1\ndate: 2024-01-01\n');
    expect(findings).toEqual([expect.objectContaining({ message: 'schemaVersion must be 1; found 2.', line: 2, column: 16 })]);
  });

  it('checks every document of a multi-document file', () => {
    const findings = lint('kind: review\nschemaVersion: 1\ncaseRef: C1\ndate: 2024-01-01\n---\nkind: review\nschemaVersion: 1\ncaseRef: C1\n');
    expect(findings).toEqual([expect.objectContaining({ message: 'The document is missing "date" (date held).', line: 6, column: 1 })]);
  });
});

describe('syntax findings', () => {
  it('reports a duplicate key at the second occurrence', () => {
    const findings = lint('kind: review\nschemaVersion: 1\ncaseRef: C1\ndate: 2024-01-01\ndate: 2024-02-01\n');
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'syntax',
        fatal: true,
        message: 'This field is given twice in the same section; keep one (the second would silently replace the first).',
        line: 5,
        column: 1,
      }),
    ]);
  });

  it('reports broken YAML at the line where it breaks', () => {
    const findings = lint('kind: review\nschemaVersion: 1\ncaseRef: [C1\ndate: 2024-01-01\n');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.ruleId === 'syntax' && f.severity === 'error')).toBe(true);
    expect(findings[0]!.line).toBeGreaterThanOrEqual(3);
    expect(findings[0]!.message).toMatch(/^The YAML cannot be read here/);
  });

  it('reports an empty file', () => {
    expect(lint('')).toEqual([expect.objectContaining({ message: expect.stringMatching(/^The document is empty/), line: 1, column: 1 })]);
  });

  it('reports a file of comments only as empty', () => {
    expect(lint('# just a note\n# nothing else\n')).toEqual([expect.objectContaining({ message: expect.stringMatching(/^The document is empty/) })]);
  });

  it('locates problems in JSON files too', () => {
    const findings = lint('{\n  "kind": "review",\n  "schemaVersion": 1,\n  "caseRef": "C1",\n  "date": "2024-01-01",\n  "trigger": "whenever"\n}\n');
    expect(findings).toEqual([expect.objectContaining({ message: expect.stringMatching(/^trigger must be one of scheduled/), line: 6, column: 14 })]);
  });

  it('treats __proto__ keys as data, not as a way to change objects', () => {
    const findings = lint(plan('__proto__:\n  polluted: true'));
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/^Unknown field "__proto__"/)]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
