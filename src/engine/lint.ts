import { buildCases } from '../model/case-model.js';
import type { ValidDocument } from '../model/case-model.js';
import type { FileResult, Finding } from '../core/findings.js';
import { ENGINE_RULE_IDS, compareFindings } from '../core/findings.js';
import { addFingerprints } from '../core/fingerprint.js';
import { applySuppressions } from './suppressions.js';
import { loadDocuments } from '../input/load-documents.js';
import { readSource, DEFAULT_MAX_FILE_BYTES } from '../input/read-source.js';
import { runRules } from './run-rules.js';
import type { ActiveRule, RuleHooks, RuleOutcome } from './run-rules.js';
import type { SourceMap } from '../input/source-map.js';
import { validateDocument } from '../validate/validate-document.js';
import { readExport } from '../hmpps/recognise-export.js';
import type { InputFormat } from '../hmpps/recognise-export.js';
import type { CaseModel } from '../model/case-model.js';
import { caseTimeline } from '../model/case-timeline.js';
import { isPlanlintFile } from './planlint-document.js';

export interface LintOptions {
  rules: ActiveRule[];
  maxFileBytes?: number;
  /** Every rule id a suppression comment may name (defaults to the active rules). */
  knownRuleIds?: ReadonlySet<string>;
  /** auto (the default) recognises HMPPS sentence plan exports by their shape; the others force one reading. */
  inputFormat?: InputFormat;
  /** Called as each rule starts on a case, so a worker can tell which rule is running too long. */
  onRuleStart?: (ruleId: string) => void;
  /**
   * The report will be shared (--redact): findings quote no input text and name the person only
   * as "the person"; the result is marked `redacted` for formatters.
   */
  redact?: boolean;
  /**
   * Attach to the result what a formatter asked for (formatterNeeds in src/formatters/index.ts):
   * the decoded source, and the case models with their timelines. Nothing is attached to a redacted run.
   */
  attach?: { source?: boolean; cases?: boolean };
  /**
   * Judge the text only if it is a planlint document or an HMPPS export (isPlanlintFile); otherwise
   * the result is marked `skipped`, with no findings. For files found by walking a folder, and editors.
   */
  onlyPlanlintFiles?: boolean;
}

/**
 * Lints one file's text: load (YAML with positions) → validate (schema) → typed model → rules.
 * Documents that fail to parse or validate are reported and left out of the rules' model.
 */
export function lintText(text: string, filePath: string, options: LintOptions): FileResult {
  return lintTextWith(text, filePath, options);
}

/** What lintText reads of a text before the rules: its findings so far and the cases to judge. */
interface Prepared {
  findings: Finding[];
  cases: CaseModel[];
  sourceMap: SourceMap;
}

function prepare(text: string, filePath: string, options: LintOptions): Prepared | undefined {
  const redact = options.redact ?? false;
  const loaded = loadDocuments(text, { redact });
  if (options.onlyPlanlintFiles && !isPlanlintFile(loaded.documents, text, loaded.findings.length > 0)) return undefined;
  const findings: Finding[] = [...loaded.findings];
  const valid: ValidDocument[] = [];
  const exported: CaseModel[] = [];
  for (const doc of loaded.documents) {
    if (doc.broken) continue;
    // An HMPPS export is checked and mapped onto the model as it is read; it has no JSON Schema.
    const fromExport = readExport(doc, loaded.sourceMap, options.inputFormat ?? 'auto', filePath, { redact });
    if (fromExport) {
      append(findings, fromExport.findings);
      append(exported, fromExport.cases);
      continue;
    }
    const { kind, findings: problems } = validateDocument(doc, loaded.sourceMap, { redact });
    append(findings, problems);
    if (kind && problems.length === 0) valid.push({ kind, value: doc.value as Record<string, unknown> });
  }
  return { findings, cases: [...buildCases(valid, loaded.sourceMap), ...exported], sourceMap: loaded.sourceMap };
}

/**
 * Only the rules' part of lintText: their findings on the text's cases, unsorted, nothing about the
 * text itself. A worker thread runs plugin rules this way, and lintTextWith merges what they found.
 * Undefined when the text is skipped (onlyPlanlintFiles).
 */
export function runRulesOnText(text: string, filePath: string, options: LintOptions, hooks: RuleHooks = {}): RuleOutcome | undefined {
  const prepared = prepare(text, filePath, options);
  if (!prepared) return undefined;
  return runRules(prepared.cases, options.rules, prepared.sourceMap, filePath, { ...hooks, ...(options.onRuleStart ? { onRuleStart: options.onRuleStart } : {}) }, options.redact ?? false);
}

/**
 * lintText, with what rules run elsewhere found (`elsewhere`: plugin rules in a worker thread, and
 * the failures of rules stopped there) merged into the file's findings as if run here, before
 * sorting, fingerprints and suppression comments.
 */
export function lintTextWith(text: string, filePath: string, options: LintOptions, elsewhere?: RuleOutcome, hooks: RuleHooks = {}): FileResult {
  const redact = options.redact ?? false;
  const prepared = prepare(text, filePath, options);
  if (!prepared) return { filePath, findings: [], skipped: true };
  const { findings, cases, sourceMap } = prepared;
  const ran = runRules(cases, options.rules, sourceMap, filePath, { ...hooks, ...(options.onRuleStart ? { onRuleStart: options.onRuleStart } : {}) }, redact);
  append(findings, ran.findings);
  if (elsewhere) append(findings, elsewhere.findings);
  findings.sort(compareFindings);
  addFingerprints(findings, text);
  const known = options.knownRuleIds ?? new Set([...options.rules.map((r) => r.rule.meta.id), ...Object.values(ENGINE_RULE_IDS)]);
  const { findings: kept, suppressed } = applySuppressions(findings, text, known);
  kept.sort(compareFindings);
  // A suppression's reason is the officer's own free text.
  if (redact) for (const f of suppressed) if (f.suppression?.justification) f.suppression = { ...f.suppression, justification: '[redacted]' };
  const attach = redact ? undefined : options.attach;
  const rulesChecked = elsewhere ? [...ran.rulesChecked, ...elsewhere.rulesChecked] : ran.rulesChecked;
  // Rules run elsewhere (plugin rules in a worker) that could not run join the built-in ones.
  const notRun = ran.notRun && elsewhere?.notRun ? { ...ran.notRun, rules: [...ran.notRun.rules, ...elsewhere.notRun.rules] } : (ran.notRun ?? elsewhere?.notRun);
  return {
    filePath,
    findings: kept,
    rulesChecked,
    ...(notRun ? { notRun } : {}),
    ...(suppressed.length ? { suppressedFindings: suppressed } : {}),
    ...(ran.internalError || elsewhere?.internalError ? { internalError: true } : {}),
    ...(redact ? { redacted: true } : {}),
    ...(attach?.source || attach?.cases
      ? {
          attachments: {
            ...(attach.source ? { source: text } : {}),
            ...(attach.cases ? { cases: cases.map((model) => ({ model, timeline: caseTimeline(model, sourceMap) })) } : {}),
          },
        }
      : {}),
  };
}

/** push(...items) overflows the stack for very long lists (a hostile file's findings). */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

export async function lintFile(filePath: string, options: LintOptions): Promise<FileResult> {
  const source = await readSource(filePath, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  if ('problem' in source) return { filePath, findings: [source.problem], ...(options.redact ? { redacted: true } : {}) };
  return lintText(source.text, filePath, options);
}
