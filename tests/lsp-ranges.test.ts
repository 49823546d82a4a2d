/**
 * What the language server underlines (src/lsp/ranges.ts): the engine locates a finding about a
 * node over several lines at its first character; the editor gets the key or value it is about.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/index.js';
import type { Finding, SourceRange } from '../src/index.js';
import { diagnosticRanges } from '../src/lsp/ranges.js';
import { root } from './helpers/cli.js';

/** The text an LSP range covers. */
function underlined(text: string, range: ReturnType<typeof diagnosticRanges>[number]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).join('\n').length + (p.line > 0 ? 1 : 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

const at = (line: number, column: number, endLine = line, endColumn = column + 1): SourceRange => ({ line, column, endLine, endColumn });

async function findingsOf(file: string): Promise<Finding[]> {
  const run = await lintFiles([file], { cwd: root });
  const findings: Finding[] = [];
  for await (const result of run.results) findings.push(...result.findings);
  return findings;
}

describe('diagnostic ranges', () => {
  const text = [
    'kind: case-file', // 1
    'assessment:', // 2
    '  date: 2024-03-13', // 3
    '  participation:', // 4
    '    person: absent', // 5
    '  circumstances:', // 6
    '    - id: childcare # school runs', // 7
    '      type: childcare', // 8
    '  notes: |', // 9
    '    Two lines', // 10
    '    of text.', // 11
    'hours: 3', // 12
  ].join('\n');

  it('a mapping or list over several lines: its key', () => {
    const [assessment, circumstances] = diagnosticRanges(text, [at(3, 3), at(7, 5)]);
    expect(underlined(text, assessment!)).toBe('assessment');
    expect(assessment).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 10 } });
    expect(underlined(text, circumstances!)).toBe('circumstances');
  });

  it('a value on one line: all of it', () => {
    const [participation, hours] = diagnosticRanges(text, [at(5, 5), at(12, 8)]);
    expect(underlined(text, participation!)).toBe('person: absent');
    expect(underlined(text, hours!)).toBe('3');
  });

  it('a list item over several lines: its first line, without the comment; a block of text: its key', () => {
    const [item, notes] = diagnosticRanges(text, [at(7, 7), at(9, 10)]);
    expect(underlined(text, item!)).toBe('id: childcare');
    expect(underlined(text, notes!)).toBe('notes');
  });

  it('keeps ranges that already cover a value, and positions that start no node', () => {
    const given = [at(3, 9, 3, 19), at(1, 1, 1, 1), at(3, 5)];
    expect(diagnosticRanges(text, given).map((r) => underlined(text, r))).toEqual(['2024-03-13', '', 't']);
  });

  it('a JSON object over several lines in a list: up to its first key', () => {
    const json = '{\n  "goals": [\n    {\n      "title": "Housing",\n      "steps": []\n    }\n  ]\n}\n';
    const [goal, goals] = diagnosticRanges(json, [at(3, 5), at(2, 12)]);
    expect(underlined(json, goal!)).toBe('{\n      "title"');
    expect(underlined(json, goals!)).toBe('"goals"');
  });

  it('reads half-typed YAML without throwing', () => {
    const broken = 'plan:\n  objectives:\n    - title: "unfinished\n  date: [';
    expect(() => diagnosticRanges(broken, [at(2, 3), at(3, 7)])).not.toThrow();
  });

  it('covers the key or value of every example finding: none is a single character unless its value is', async () => {
    const file = join(root, 'examples', 'kate-poor.yaml');
    const source = readFileSync(file, 'utf8');
    const findings = await findingsOf(file);
    const shown = diagnosticRanges(source, findings).map((r, i) => `${findings[i]!.ruleId} ${underlined(source, r)}`);
    expect(shown).toContain('assessment-involves-person assessment');
    expect(shown).toContain('objectives-smart title: Attend appointments.');
    expect(shown).toContain('service-user-voice-recorded TBC');
    expect(shown.filter((s) => / .$/.test(s))).toEqual([]);
  });
});
