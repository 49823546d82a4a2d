import { sha256 } from '../core/hash.js';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, Severity } from '../core/findings.js';
import { ENGINE_RULE_IDS, SUPPRESSION_RULE_ID, compareFindings } from '../core/findings.js';
import { addFingerprints } from '../core/fingerprint.js';
import { markdownToText, ruleDoc } from './rule-docs.js';
import { formatGuidance } from '../core/guidance.js';
import type { Formatter } from './types.js';

const SRCROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'planlintFindingHash/v1';

/** The checks the engine makes itself; they are not rules, but code scanning needs them described. */
const ENGINE_CHECKS: Record<string, { name: string; description: string }> = {
  [ENGINE_RULE_IDS.input]: { name: 'ReadableInput', description: 'The file can be linted: it can be read, it is UTF-8 or UTF-16 text and it is not too large.' },
  [ENGINE_RULE_IDS.syntax]: { name: 'WellFormedYaml', description: 'The file is well-formed YAML or JSON, with no duplicate keys.' },
  [ENGINE_RULE_IDS.schema]: { name: 'MatchesSchema', description: 'Each document says its kind and schemaVersion and matches that JSON Schema: no wrong, missing or unknown fields.' },
  [SUPPRESSION_RULE_ID]: { name: 'ValidSuppressionComment', description: 'Each planlint-disable comment names known rules, gives its reason after "--" and silences something.' },
};

const LEVELS: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. Paths are relative to the working
 * directory (%SRCROOT%), so alerts match the repository's files; suppressed findings are kept
 * as suppressed results, so a viewer can show what was silenced and why.
 */
export const formatSarif: Formatter = (results, { cwd, rules, redact, ruleDocs, ruleDocUrl, version }) => {
  const summaries = new Map((rules ?? []).map((r) => [r.id, r]));
  const ids = new Set(Object.keys(ENGINE_CHECKS));
  const ruleIds: string[] = [];
  for (const result of results) {
    for (const id of result.rulesChecked ?? []) ruleIds.push(id);
    for (const f of [...result.findings, ...(result.suppressedFindings ?? [])]) ruleIds.push(f.ruleId);
  }
  for (const id of [...new Set(ruleIds)].filter((id) => !ids.has(id)).sort()) ids.add(id);
  const order = [...ids];
  const index = new Map(order.map((id, i) => [id, i]));

  const descriptors = order.map((id): ReportingDescriptor => {
    const engine = ENGINE_CHECKS[id];
    const description = engine?.description ?? summaries.get(id)?.description ?? `The ${id} rule.`;
    const doc = engine === undefined ? ruleDoc(id, ruleDocs) : undefined;
    const why = doc?.sections.get('Why it matters');
    const checks = doc?.sections.get('What it checks');
    const standard = summaries.get(id)?.standard;
    // The publication the rule comes from, after why it matters: code scanning shows help in full.
    const guidance = engine === undefined ? formatGuidance(summaries.get(id)?.guidance, { markdown: true }) : '';
    const helpMarkdown = why || guidance ? [why ?? description, guidance ? `Guidance: ${guidance}` : ''].filter(Boolean).join('\n\n') : '';
    // The rule's page shipped in the package (a file: URL, readable offline), or a plugin's own page.
    const helpUri = engine === undefined ? ruleDocUrl?.(id) : undefined;
    return {
      id,
      name: engine?.name ?? ruleName(id),
      shortDescription: { text: description },
      fullDescription: checks ? { text: markdownToText(checks), markdown: checks } : { text: description },
      help: helpMarkdown ? { text: markdownToText(helpMarkdown), markdown: helpMarkdown } : { text: description },
      ...(helpUri ? { helpUri } : {}),
      properties: { tags: engine === undefined ? ['planlint', ...(standard ? [standard] : [])] : ['planlint', 'input'] },
    };
  });

  const sarifResults: Result[] = [];
  const artifacts = results.map((result) => artifactLocation(result.filePath, cwd));
  results.forEach((result, artifactIndex) => {
    const location = artifacts[artifactIndex]!;
    const all = [...result.findings, ...(result.suppressedFindings ?? [])].sort(compareFindings);
    const fingerprints = fingerprintsFor(all);
    for (const finding of all) {
      const suppressed = !result.findings.includes(finding);
      sarifResults.push({
        ruleId: finding.ruleId,
        ruleIndex: index.get(finding.ruleId)!,
        level: LEVELS[finding.severity],
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: { ...location, index: artifactIndex }, region: regionOf(finding) } }],
        // Fingerprints hash the text of the line; a short line (a name) could be guessed back from
        // one, so a report redacted for sharing leaves them out.
        ...(redact
          ? {}
          : {
              partialFingerprints: {
                [FINGERPRINT_KEY]: sha256()
                  .update(`${finding.ruleId}\u0000${location.uri}\u0000${fingerprints.get(finding)}`)
                  .digest('hex')
                  .slice(0, 32),
              },
            }),
        ...(suppressed ? { suppressions: [suppressionOf(finding)] } : {}),
      });
    }
  });

  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'planlint', ...(version ? { version, semanticVersion: version } : {}), rules: descriptors } },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
        // Every file linted, so a viewer knows what was checked, not only where problems were found.
        artifacts: results.map((result, i) => ({ location: artifacts[i]!, roles: ['analysisTarget'], sourceLanguage: /\.json$/i.test(result.filePath) ? 'json' : 'yaml' })),
        results: sarifResults,
        // Columns come from JavaScript string offsets.
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** A readable name that differs from the id, as SARIF asks: service-user-voice-recorded → ServiceUserVoiceRecorded. */
function ruleName(id: string): string {
  const name = id.replace(/(^|[-/])([a-z0-9])/g, (_, __: string, c: string) => c.toUpperCase());
  return name.toLowerCase() === id.toLowerCase() ? `${name}Rule` : name;
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(resolve(dir)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** Relative to %SRCROOT% when the file is inside the working directory, else an absolute file: URI. */
function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = resolve(cwd, filePath);
  const rel = relative(resolve(cwd), absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
  // Each segment is percent-encoded, so a space, '#' or a first segment with ':' stays a relative path.
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function regionOf(f: Finding): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  const startLine = Math.max(1, f.line);
  const startColumn = Math.max(1, f.column);
  const endLine = Math.max(startLine, f.endLine);
  const endColumn = endLine === startLine ? Math.max(startColumn, f.endColumn) : Math.max(1, f.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

function suppressionOf(f: Finding): { kind: 'inSource' | 'external'; justification?: string } {
  const kind = f.suppression?.kind === 'baseline' ? 'external' : 'inSource';
  return { kind, ...(f.suppression?.justification ? { justification: f.suppression.justification } : {}) };
}

/**
 * The engine fingerprints every finding it makes from the text it linted. A finding without one
 * (a file that could not be read, a result built by a program calling the formatter) is
 * fingerprinted from its rule and its occurrence alone: a formatter reads no files.
 */
function fingerprintsFor(findings: Finding[]): Map<Finding, string> {
  const map = new Map<Finding, string>();
  if (findings.every((f) => f.fingerprint)) {
    for (const f of findings) map.set(f, f.fingerprint!);
    return map;
  }
  const copies = findings.map((f) => ({ ...f }));
  addFingerprints(copies, '');
  findings.forEach((f, i) => map.set(f, f.fingerprint ?? copies[i]!.fingerprint!));
  return map;
}
