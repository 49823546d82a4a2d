import type { ConfigResolver } from './config.js';
import type { FileResult } from '../core/findings.js';
import { ENGINE_RULE_IDS, countFindings } from '../core/findings.js';
import { jsonReportItem } from '../core/result-json.js';
import type { InputFormat } from '../hmpps/recognise-export.js';
import { lintText } from './lint.js';
import type { LintOptions } from './lint.js';
import type { AnyRule } from './load-rules.js';
import { DEFAULT_MAX_FILE_BYTES, readSource } from '../input/read-source.js';
import { SUPPRESSION_RULE_ID } from './suppressions.js';

/** One thing to lint: a file on disk, or text (from stdin, or already read for the cache). */
export interface LintInput {
  filePath: string;
  text?: string;
  /**
   * Found by walking a folder or matching a glob (not named by the user): skipped, not judged, when
   * it is neither a planlint document nor an HMPPS export.
   */
  walked?: boolean;
}

/** Settings that apply to every file of a run; plain data, so they can be sent to a worker. */
export interface RunSettings {
  maxFileBytes?: number;
  inputFormat?: InputFormat;
  /** --redact: findings quote no input and name the person only as "the person". */
  redact?: boolean;
  /** What the run's formatters need attached to each result (in this thread only: see LintOptions.attach). */
  attach?: LintOptions['attach'];
}

/**
 * A file linted and already turned into its entry in the JSON report (the jsonEntries option of
 * lintFiles), with the counts the exit code needs.
 */
export interface ReportedFile {
  filePath: string;
  /** The file's entry in the JSON report (jsonReportItem), as UTF-8: a worker hands it over rather than copying it. */
  item: Uint8Array;
  errors: number;
  warnings: number;
  internalError?: boolean;
  /** Not a planlint document (FileResult.skipped): `item` is empty and is not part of the report. */
  skipped?: true;
}

const encoder = new TextEncoder();

/** A result as its JSON report entry; file paths in it are absolute, resolved from cwd. */
export function reportedFile(result: FileResult, cwd: string): ReportedFile {
  if (result.skipped) return { filePath: result.filePath, item: new Uint8Array(0), errors: 0, warnings: 0, skipped: true };
  const item = encoder.encode(jsonReportItem(result, cwd));
  return { filePath: result.filePath, item, ...countFindings(result.findings), ...(result.internalError ? { internalError: true } : {}) };
}

/** The rule ids a suppression may name, per resolved config (one for most runs). */
const knownIdsFor = new WeakMap<object, Set<string>>();

/** Lints one input with the settings its config gives it: the unit of work, in or out of workers. */
export async function lintOneFile(input: LintInput, resolver: ConfigResolver, builtIns: AnyRule[], run: RunSettings, onRuleStart?: (ruleId: string) => void): Promise<FileResult> {
  const { rules, config } = await resolver.settingsFor(input.filePath);
  const source = input.text !== undefined ? { text: input.text } : await readSource(input.filePath, run.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  if ('problem' in source) return { filePath: input.filePath, findings: [source.problem], ...(run.redact ? { redacted: true } : {}) };
  let knownRuleIds = knownIdsFor.get(config);
  if (!knownRuleIds) {
    knownRuleIds = new Set([...builtIns, ...config.pluginRules].map((r) => r.meta.id).concat(Object.values(ENGINE_RULE_IDS), SUPPRESSION_RULE_ID));
    knownIdsFor.set(config, knownRuleIds);
  }
  return lintText(source.text, input.filePath, {
    rules,
    knownRuleIds,
    ...(run.inputFormat ? { inputFormat: run.inputFormat } : {}),
    ...(run.redact ? { redact: true } : {}),
    ...(run.attach ? { attach: run.attach } : {}),
    ...(onRuleStart ? { onRuleStart } : {}),
    ...(input.walked ? { onlyPlanlintFiles: true } : {}),
  });
}
