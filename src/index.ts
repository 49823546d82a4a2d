/**
 * planlint's public API, for custom rules, plugins and programs that lint plans themselves.
 *
 * A rule: `export default defineRule({ meta: { id, description, severity, standard, guidance,
 * appliesTo, messages, optionsSchema, defaultOptions }, check(model, context) { … } })`.
 */
export { defineRule, formatMessage } from './rule-api.js';
export type { CasePart, Rule, RuleMeta, RuleContext, Report, Standard } from './rule-api.js';
export type * from './case-model.js';
export type { Finding, FileResult, Severity, RuleSeverity, SourceRange } from './findings.js';
export type { DocumentKind } from './schemas.js';
export { DOCUMENT_KINDS } from './schemas.js';
export { personName, sentenceEndDate, firstAttendedContact, personTookPart, viewWords } from './case-facts.js';
export { addDays, addMonths, daysBetween, formatDate, weekdayOf } from './dates.js';
export { isPlaceholder, normaliseText, quote, wordCount } from './text.js';
export { lintText } from './lint.js';
export type { LintOptions } from './lint.js';
export { loadBuiltInRules } from './load-rules.js';
export { activateRules } from './rule-settings.js';
export type { RuleSetting } from './rule-settings.js';
