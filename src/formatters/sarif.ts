import { sha256 } from '../core/hash.js';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReportingDescriptor, Result } from 'sarif';
import type { Finding, Severity } from '../core/findings.js';
import { ENGINE_RULE_IDS, SUPPRESSION_RULE_ID, compareFindings } from '../core/findings.js';
import { addFingerprints } from '../core/fingerprint.js';
import { markdownToText, ruleDoc } from './rule-docs.js';
import { formatGuidance } from '../core/guidance.js';
import { batchOfTwoPass } from './streaming.js';
import type { TwoPassFormatter } from './streaming.js';
import type { Formatter, FormatterContext, RuleSummary } from './types.js';

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

/** Stands for the results in the log as first serialised, so the text around them can be cut out. */
const RESULTS_MARK = '\u0000planlint-results\u0000';
/** Results sit at this depth in the log: runs[0].results[i], indented as JSON.stringify(log, null, 2) does. */
const RESULT_INDENT = ' '.repeat(8);

/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. Paths are relative to the working
 * directory (%SRCROOT%), so alerts match the repository's files; suppressed findings are kept
 * as suppressed results, so a viewer can show what was silenced and why.
 *
 * Written in two passes (TwoPassFormatter): the rules and artifacts come before the results in
 * the log, and each result gives its rule's index in that list, so the first pass collects the
 * rule ids and artifacts (small), and the results are written one file at a time after them. The
 * text is the same as JSON.stringify of the whole log with two-space indents.
 */
export const twoPassSarif: TwoPassFormatter = {
  open({ cwd, rules, redact, ruleDocs, ruleDocUrl, version }) {
    const ruleIds = new Set<string>();
    const artifacts: { location: { uri: string; uriBaseId?: string }; roles: string[]; sourceLanguage: string }[] = [];
    let index = new Map<string, number>();
    let written = 0;
    let results = 0;
    // Set by header(), which always comes before the entries and the footer.
    let footerText = '';
    let firstResult = true;
    return {
      scan(result) {
        for (const id of result.rulesChecked ?? []) ruleIds.add(id);
        for (const f of result.findings) ruleIds.add(f.ruleId);
        for (const f of result.suppressedFindings ?? []) ruleIds.add(f.ruleId);
        results += result.findings.length + (result.suppressedFindings?.length ?? 0);
        // Every file linted, so a viewer knows what was checked, not only where problems were found.
        artifacts.push({ location: artifactLocation(result.filePath, cwd), roles: ['analysisTarget'], sourceLanguage: /\.json$/i.test(result.filePath) ? 'json' : 'yaml' });
      },
      header() {
        const summaries = new Map((rules ?? []).map((r) => [r.id, r]));
        const ids = new Set(Object.keys(ENGINE_CHECKS));
        for (const id of [...ruleIds].filter((id) => !ids.has(id)).sort()) ids.add(id);
        const order = [...ids];
        index = new Map(order.map((id, i) => [id, i]));
        const descriptors = order.map((id) => descriptorOf(id, summaries.get(id), ruleDocs, ruleDocUrl));
        const log = {
          $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
          version: '2.1.0',
          runs: [
            {
              tool: { driver: { name: 'planlint', ...(version ? { version, semanticVersion: version } : {}), rules: descriptors } },
              originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
              artifacts,
              results: RESULTS_MARK,
              // Columns come from JavaScript string offsets.
              columnKind: 'utf16CodeUnits',
            },
          ],
        };
        const text = `${JSON.stringify(log, null, 2)}\n`;
        const mark = JSON.stringify(RESULTS_MARK);
        const at = text.indexOf(mark);
        footerText = (results > 0 ? `\n${RESULT_INDENT.slice(2)}]` : ']') + text.slice(at + mark.length);
        return `${text.slice(0, at)}[`;
      },
      entry(result) {
        const artifactIndex = written++;
        const location = artifacts[artifactIndex]?.location ?? artifactLocation(result.filePath, cwd);
        const all = [...result.findings, ...(result.suppressedFindings ?? [])].sort(compareFindings);
        const fingerprints = fingerprintsFor(all);
        let text = '';
        for (const finding of all) {
          const suppressed = !result.findings.includes(finding);
          const entry: Result = {
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
          };
          text += `${firstResult ? '' : ','}\n${RESULT_INDENT}${JSON.stringify(entry, null, 2).replace(/\n/g, `\n${RESULT_INDENT}`)}`;
          firstResult = false;
        }
        return text;
      },
      footer: () => footerText,
    };
  },
};

export const formatSarif: Formatter = batchOfTwoPass(twoPassSarif);

function descriptorOf(id: string, summary: RuleSummary | undefined, ruleDocs: FormatterContext['ruleDocs'], ruleDocUrl: FormatterContext['ruleDocUrl']): ReportingDescriptor {
  const engine = ENGINE_CHECKS[id];
  const description = engine?.description ?? summary?.description ?? `The ${id} rule.`;
  const doc = engine === undefined ? ruleDoc(id, ruleDocs) : undefined;
  const why = doc?.sections.get('Why it matters');
  const checks = doc?.sections.get('What it checks');
  const standard = summary?.standard;
  // The publication the rule comes from, after why it matters: code scanning shows help in full.
  const guidance = engine === undefined ? formatGuidance(summary?.guidance, { markdown: true }) : '';
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
}

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
