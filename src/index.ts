/**
 * planlint's public API, for custom rules, plugins and programs that lint plans themselves.
 *
 * To lint files as the command line does (config files, ignores, cache, baseline, worker threads):
 * `lintFiles(patterns, options)`. To lint one text in memory with rules you choose: `lintText`.
 *
 * A rule: `export default defineRule({ meta: { id, description, severity, standard, guidance,
 * appliesTo, messages, optionsSchema, defaultOptions }, check(model, context) { … } })`.
 */
export { defineRule, formatMessage } from './rule-kit/rule-api.js';
export type { CasePart, Guidance, GuidanceCitation, Publication, PublicationId, Rule, RuleDefinition, RuleDocs, RuleMeta, RuleContext, Report, Standard } from './rule-kit/rule-api.js';
export { PUBLICATIONS, formatCitation } from './core/guidance.js';
export type * from './model/case-model.js';
export type { Finding, FileResult, Severity, RuleSeverity, SourceRange } from './core/findings.js';
export type { DocumentKind } from './validate/schemas.js';
export { DOCUMENT_KINDS } from './validate/schemas.js';
export { personName, sentenceEndDate, firstAttendedContact, personTookPart, viewWords } from './rule-kit/case-facts.js';
export { addDays, addMonths, daysBetween, formatDate, weekdayOf } from './core/dates.js';
export { isPlaceholder, normaliseText, quote, wordCount } from './core/text.js';
export { judgeAccount, judgeMeasure, judgeOwnWords, judgeReason, judgeRiskManagement, ABSENCE_WORDS } from './rule-kit/text-judgement.js';
export type { TextVerdict, TextVerdictCode } from './rule-kit/text-judgement.js';
export { personData, pronounsOf } from './rule-kit/pronouns.js';
export type { Pronouns, PronounData } from './rule-kit/pronouns.js';
export { lintText } from './engine/lint.js';
export type { LintOptions } from './engine/lint.js';
export { createLintSetup, isReportedFile, lintFiles } from './engine/lint-files.js';
export type { BaselineOption, LintFilesOptions, LintRun, LintSetup, LintSetupOptions, LintSummary, LintedFile, ReportedFile } from './engine/lint-files.js';
export type { InputFormat } from './hmpps/recognise-export.js';
export type { PresetName } from './engine/presets.js';
export { loadBuiltInRules } from './engine/load-rules.js';
export { activateRules } from './engine/rule-settings.js';
export type { RuleSetting } from './engine/rule-settings.js';
