/** SARIF 2.1.0: rules described from their pages, results with stable fingerprints and suppressions. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { addFingerprints } from '../../src/core/fingerprint.js';
import type { FileResult, Finding } from '../../src/core/findings.js';
import { pathToFileURL } from 'node:url';
import { ruleDocUrlFor } from '../../src/cli/report-context.js';
import { formatGuidance } from '../../src/core/guidance.js';
import { loadBuiltInRules } from '../../src/engine/load-rules.js';
import { formatSarif } from '../../src/formatters/sarif.js';
import { context, cwd, results, TRICKY } from './fixtures.js';

const root = join(import.meta.dirname, '..', '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const sarif = (input: FileResult[], dir = cwd) => JSON.parse(formatSarif(input, { ...context, cwd: dir })) as Log;
const hash = expect.stringMatching(/^[0-9a-f]{32}$/);
const engine = (id: string, name: string, text: string) => ({
  id,
  name,
  shortDescription: { text },
  fullDescription: { text },
  help: { text },
  properties: { tags: ['planlint', 'input'] },
});
const location = (uri: string, index: number, region: object) => [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%', index }, region } }];

describe('sarif format', () => {
  it('describes the run, its rules and every finding, suppressed ones included', () => {
    expect(sarif(results)).toEqual({
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'planlint',
              version,
              semanticVersion: version,
              rules: [
                engine('input', 'ReadableInput', 'The file can be linted: it can be read, it is UTF-8 or UTF-16 text and it is not too large.'),
                engine('syntax', 'WellFormedYaml', 'The file is well-formed YAML or JSON, with no duplicate keys.'),
                engine('schema', 'MatchesSchema', 'Each document says its kind and schemaVersion and matches that JSON Schema: no wrong, missing or unknown fields.'),
                engine('suppression', 'ValidSuppressionComment', 'Each planlint-disable comment names known rules, gives its reason after "--" and silences something.'),
                {
                  id: 'demo-rule',
                  name: 'DemoRule',
                  shortDescription: { text: 'A demonstration rule.' },
                  fullDescription: { text: 'A demonstration rule.' },
                  help: { text: 'A demonstration rule.' },
                  properties: { tags: ['planlint', 'planning'] },
                },
                {
                  id: 'team/home-visit',
                  name: 'TeamHomeVisit',
                  shortDescription: { text: 'A home visit is recorded.' },
                  fullDescription: { text: 'A home visit is recorded.' },
                  help: { text: 'A home visit is recorded.' },
                  properties: { tags: ['planlint', 'implementation-and-delivery'] },
                },
              ],
            },
          },
          originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///srv/team/' } },
          artifacts: [
            { location: { uri: 'cases/sam%20plan.yaml', uriBaseId: '%SRCROOT%' }, roles: ['analysisTarget'], sourceLanguage: 'yaml' },
            { location: { uri: 'cases/clean.yaml', uriBaseId: '%SRCROOT%' }, roles: ['analysisTarget'], sourceLanguage: 'yaml' },
            { location: { uri: 'broken.yaml', uriBaseId: '%SRCROOT%' }, roles: ['analysisTarget'], sourceLanguage: 'yaml' },
          ],
          results: [
            {
              ruleId: 'demo-rule',
              ruleIndex: 4,
              level: 'error',
              message: { text: TRICKY },
              locations: location('cases/sam%20plan.yaml', 0, { startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 }),
              partialFingerprints: { 'planlintFindingHash/v1': hash },
            },
            {
              ruleId: 'demo-rule',
              ruleIndex: 4,
              level: 'error',
              message: { text: 'Suppressed one.' },
              locations: location('cases/sam%20plan.yaml', 0, { startLine: 5, startColumn: 1, endLine: 5, endColumn: 4 }),
              partialFingerprints: { 'planlintFindingHash/v1': hash },
              suppressions: [{ kind: 'inSource', justification: 'Agreed with the SPO, 3 May.' }],
            },
            {
              ruleId: 'team/home-visit',
              ruleIndex: 5,
              level: 'warning',
              message: { text: 'No home visit is recorded.' },
              locations: location('cases/sam%20plan.yaml', 0, { startLine: 7, startColumn: 1, endLine: 9, endColumn: 2 }),
              partialFingerprints: { 'planlintFindingHash/v1': hash },
            },
            {
              ruleId: 'demo-rule',
              ruleIndex: 4,
              level: 'note',
              message: { text: 'Could not judge the review.' },
              locations: location('cases/sam%20plan.yaml', 0, { startLine: 12, startColumn: 3, endLine: 12, endColumn: 3 }),
              partialFingerprints: { 'planlintFindingHash/v1': hash },
            },
            {
              ruleId: 'syntax',
              ruleIndex: 1,
              level: 'error',
              message: { text: 'Duplicate key "kind".' },
              locations: location('broken.yaml', 2, { startLine: 2, startColumn: 1, endLine: 2, endColumn: 5 }),
              partialFingerprints: { 'planlintFindingHash/v1': hash },
            },
          ],
          columnKind: 'utf16CodeUnits',
        },
      ],
    });
  });

  it('takes a rule’s help from the "Why it matters" section of its page and cites its guidance; helpUri is the page in the package', async () => {
    const page = readFileSync(join(root, 'rules', 'service-user-voice-recorded.md'), 'utf8');
    const why = /## Why it matters\n([\s\S]*?)\n## /.exec(page)![1]!.trim();
    const metas = (await loadBuiltInRules()).map((r) => r.meta);
    const meta = metas.find((m) => m.id === 'service-user-voice-recorded')!;
    const log = JSON.parse(formatSarif([{ filePath: join(cwd, 'p.yaml'), rulesChecked: ['service-user-voice-recorded'], findings: [] }], { ...context, rules: metas, ruleDocUrl: ruleDocUrlFor(metas) })) as Log;
    const rule = log.runs[0]!.tool.driver.rules!.find((r) => r.id === 'service-user-voice-recorded')!;
    expect(rule.help!.markdown).toBe(`${why}\n\nGuidance: ${formatGuidance(meta.guidance, { markdown: true })}`);
    expect(rule.help!.markdown).toContain('Guidance: HM Inspectorate of Probation, *Planning for engagement* (effective practice guide): ');
    // The text form is the same prose with the markdown marks gone and wrapped lines joined.
    expect(rule.help!.text).not.toMatch(/`|\*\*|\]\(|[^\n]\n[^\n-]/);
    expect(rule.help!.text.replace(/\s+/g, ' ').slice(0, 40)).toBe(why.replace(/\s+/g, ' ').slice(0, 40));
    expect(rule.helpUri).toBe(pathToFileURL(join(root, 'rules', 'service-user-voice-recorded.md')).href);
    expect(rule.fullDescription!.markdown).toMatch(/^For every plan and every review:/);
  });

  it('links a plugin rule to its own meta.docs.url and cites its guidance', () => {
    const plugin = {
      id: 'team/home-visit',
      description: 'A home visit is recorded.',
      standard: 'planning',
      guidance: { publication: { title: 'Local contact standard', publisher: 'Probation Service, Wales' }, section: 'part 2' },
      docs: { url: 'https://example.org/rules/home-visit' },
    };
    const log = JSON.parse(formatSarif([{ filePath: join(cwd, 'p.yaml'), rulesChecked: ['team/home-visit'], findings: [] }], { ...context, rules: [plugin], ruleDocUrl: ruleDocUrlFor([plugin]) })) as Log;
    const rule = log.runs[0]!.tool.driver.rules!.find((r) => r.id === 'team/home-visit')!;
    expect(rule.helpUri).toBe('https://example.org/rules/home-visit');
    expect(rule.help!.markdown).toBe('A home visit is recorded.\n\nGuidance: Probation Service, Wales, *Local contact standard*: part 2');
  });

  it('marks a baseline entry as an external suppression', () => {
    const finding: Finding = {
      ruleId: 'demo-rule',
      severity: 'error',
      message: 'm',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      fingerprint: 'x',
      suppression: { kind: 'baseline', justification: 'recorded in the baseline' },
    };
    const log = sarif([{ filePath: join(cwd, 'p.yaml'), findings: [], suppressedFindings: [finding] }]);
    expect(log.runs[0]!.results![0]!.suppressions).toEqual([{ kind: 'external', justification: 'recorded in the baseline' }]);
  });

  it('gives a file outside the working directory an absolute file: URI', () => {
    const log = sarif([{ filePath: '/elsewhere/a#b.yaml', findings: [{ ruleId: 'schema', severity: 'error', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1 }] }]);
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'file:///elsewhere/a%23b.yaml', index: 0 });
  });
});

describe('sarif partialFingerprints', () => {
  // The file is never read (it does not exist): the fingerprints come with the findings.
  const file = join(cwd, 'plan.yaml');
  const finding = (ruleId: string, line: number): Finding => ({ ruleId, severity: 'error', message: `Message on line ${line}.`, line, column: 3, endLine: line, endColumn: 6 });
  /** Findings fingerprinted from the text as the engine does it (lintText), then written as SARIF. */
  const prints = (text: string, findings: Finding[]) => {
    addFingerprints(findings, text);
    const log = sarif([{ filePath: file, findings }]);
    return log.runs[0]!.results!.map((r) => r.partialFingerprints!['planlintFindingHash/v1']);
  };
  const text = ['kind: sentence-plan', 'personView: TBC', 'objectives:', '  - title: TBC', '  - title: TBC', ''].join('\n');

  it('survive edits elsewhere in the file and a change of wording', () => {
    const first = prints(text, [finding('a', 2), finding('a', 4), finding('a', 5)]);
    const edited = `# a comment\n\n${text.replace('sentence-plan', 'review')}`;
    const second = prints(edited, [finding('a', 4), finding('a', 6), { ...finding('a', 7), message: 'Reworded.' }]);
    expect(second).toEqual(first);
  });

  it('tell apart identical lines by occurrence, different rules, and different line text', () => {
    const [voice, firstTbc, secondTbc] = prints(text, [finding('a', 2), finding('a', 4), finding('a', 5)]);
    expect(new Set([voice, firstTbc, secondTbc]).size).toBe(3);
    const [otherRule] = prints(text, [finding('b', 4)]);
    expect(otherRule).not.toBe(firstTbc);
    const [changedLine] = prints(text.replace('  - title: TBC', '  - title: Housing'), [finding('a', 4)]);
    expect(changedLine).not.toBe(firstTbc);
  });

  it('come from the engine’s fingerprint when the finding has one, and include the file', () => {
    const withPrint = { ...finding('a', 1), fingerprint: 'abc' };
    const [here] = sarif([{ filePath: join(cwd, 'one.yaml'), findings: [withPrint] }]).runs[0]!.results!.map((r) => r.partialFingerprints!['planlintFindingHash/v1']);
    const [there] = sarif([{ filePath: join(cwd, 'two.yaml'), findings: [withPrint] }]).runs[0]!.results!.map((r) => r.partialFingerprints!['planlintFindingHash/v1']);
    expect(here).not.toBe(there);
    const [again] = sarif([{ filePath: join(cwd, 'one.yaml'), findings: [{ ...withPrint, line: 40, message: 'other' }] }]).runs[0]!.results!.map((r) => r.partialFingerprints!['planlintFindingHash/v1']);
    expect(again).toBe(here);
  });

  it('are given to a finding that has none (a file that could not be read) from its rule and occurrence', () => {
    const unread = { filePath: join(cwd, 'missing.yaml'), findings: [finding('input', 1), finding('input', 1)] };
    const [first, second] = sarif([unread]).runs[0]!.results!.map((r) => r.partialFingerprints!['planlintFindingHash/v1']);
    expect(first).toEqual(hash);
    expect(second).not.toBe(first);
    expect(unread.findings.every((f) => f.fingerprint === undefined)).toBe(true); // the result is left as it was
  });
});
