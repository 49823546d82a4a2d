import type { ConfigResolver, ResolvedConfig } from './config.js';
import type { FileResult, Finding } from '../core/findings.js';
import type { ActiveRule, RuleHooks, RuleOutcome } from './run-rules.js';
import { ENGINE_RULE_IDS, countFindings } from '../core/findings.js';
import { jsonReportItem } from '../core/result-json.js';
import type { InputFormat } from '../hmpps/recognise-export.js';
import { lintTextWith, runRulesOnText } from './lint.js';
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

/** How one file is linted beyond its settings: hooks on the rules, and rules stopped or run elsewhere. */
export interface OneFileOptions extends RuleHooks {
  /** Rules stopped on this file before (too slow, ended their thread …): not run again. */
  skip?: readonly string[];
  /** The findings that say so, merged into the file's findings. */
  faults?: readonly Finding[];
  /** Run only the built-in rules here: the plugin rules' outcome, from a worker thread, is `elsewhere`. */
  builtInOnly?: boolean;
  elsewhere?: RuleOutcome;
}

const builtInSets = new WeakMap<AnyRule[], Set<AnyRule>>();
function builtInSet(builtIns: AnyRule[]): Set<AnyRule> {
  let set = builtInSets.get(builtIns);
  if (!set) builtInSets.set(builtIns, (set = new Set(builtIns)));
  return set;
}

/** Whether a file's active rules include any that is not planlint's own (a plugin's), which run contained. */
export function hasPluginRules(rules: readonly ActiveRule[], builtIns: AnyRule[]): boolean {
  const own = builtInSet(builtIns);
  return rules.some((r) => !own.has(r.rule));
}

function knownIdsOf(config: ResolvedConfig, builtIns: AnyRule[]): Set<string> {
  let knownRuleIds = knownIdsFor.get(config);
  if (!knownRuleIds) {
    knownRuleIds = new Set([...builtIns, ...config.pluginRules].map((r) => r.meta.id).concat(Object.values(ENGINE_RULE_IDS), SUPPRESSION_RULE_ID));
    knownIdsFor.set(config, knownRuleIds);
  }
  return knownRuleIds;
}

/** Lints one input with the settings its config gives it: the unit of work, in or out of workers. */
export async function lintOneFile(input: LintInput, resolver: ConfigResolver, builtIns: AnyRule[], run: RunSettings, options: OneFileOptions = {}): Promise<FileResult> {
  const { rules, config } = await resolver.settingsFor(input.filePath);
  const source = input.text !== undefined ? { text: input.text } : await readSource(input.filePath, run.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  if ('problem' in source) return { filePath: input.filePath, findings: [source.problem], ...(run.redact ? { redacted: true } : {}) };
  const own = builtInSet(builtIns);
  const skip = options.skip;
  const active = options.builtInOnly ? rules.filter((r) => own.has(r.rule)) : skip?.length ? rules.filter((r) => !skip.includes(r.rule.meta.id)) : rules;
  const faults = options.faults?.length ? { findings: [...options.faults], internalError: true, rulesChecked: [] } : undefined;
  const elsewhere = options.elsewhere && faults ? mergeOutcomes(options.elsewhere, faults) : (options.elsewhere ?? faults);
  return lintTextWith(
    source.text,
    input.filePath,
    {
      rules: active,
      knownRuleIds: knownIdsOf(config, builtIns),
      ...(run.inputFormat ? { inputFormat: run.inputFormat } : {}),
      ...(run.redact ? { redact: true } : {}),
      ...(run.attach ? { attach: run.attach } : {}),
      ...(input.walked ? { onlyPlanlintFiles: true } : {}),
    },
    elsewhere,
    { ...(options.onRuleStart ? { onRuleStart: options.onRuleStart } : {}), ...(options.contain ? { contain: options.contain } : {}) },
  );
}

/**
 * Runs only a file's plugin rules (not those in `skip`), for a worker thread: their findings and the
 * `faults` given, to be merged with the built-in rules' findings by lintOneFile in the main thread.
 * A file that cannot be read or is skipped gives an empty outcome: the main thread reports it.
 */
export async function checkPluginRules(input: LintInput, resolver: ConfigResolver, builtIns: AnyRule[], run: RunSettings, options: OneFileOptions = {}): Promise<RuleOutcome> {
  const { rules } = await resolver.settingsFor(input.filePath);
  const own = builtInSet(builtIns);
  const skip = options.skip ?? [];
  const active = rules.filter((r) => !own.has(r.rule) && !skip.includes(r.rule.meta.id));
  const faults: RuleOutcome = { findings: [...(options.faults ?? [])], internalError: (options.faults?.length ?? 0) > 0, rulesChecked: [] };
  if (active.length === 0) return faults;
  const source = input.text !== undefined ? { text: input.text } : await readSource(input.filePath, run.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  if ('problem' in source) return faults;
  const ran = runRulesOnText(
    source.text,
    input.filePath,
    { rules: active, ...(run.inputFormat ? { inputFormat: run.inputFormat } : {}), ...(run.redact ? { redact: true } : {}), ...(input.walked ? { onlyPlanlintFiles: true } : {}) },
    { ...(options.onRuleStart ? { onRuleStart: options.onRuleStart } : {}), ...(options.contain ? { contain: options.contain } : {}) },
  );
  return ran ? mergeOutcomes(ran, faults) : faults;
}

function mergeOutcomes(a: RuleOutcome, b: RuleOutcome): RuleOutcome {
  return { findings: [...a.findings, ...b.findings], internalError: a.internalError || b.internalError, rulesChecked: [...a.rulesChecked, ...b.rulesChecked] };
}
