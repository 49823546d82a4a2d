/**
 * The engine as the page runs it: the CLI's own lintText, with the built-in rules and presets the
 * bundle carries, and the CLI's HTML report. Nothing here judges a plan: it only chooses options.
 */
import { ENGINE_RULE_IDS, SUPPRESSION_RULE_ID } from '../core/findings.js';
import type { FileResult } from '../core/findings.js';
import { lintText } from '../engine/lint.js';
import { loadBuiltInRules } from '../engine/load-rules.js';
import type { AnyRule } from '../engine/load-rules.js';
import { presetSettings } from '../engine/presets.js';
import type { PresetName } from '../engine/presets.js';
import { activateRules } from '../engine/rule-settings.js';
import type { ActiveRule } from '../engine/run-rules.js';
import { formatHtml } from '../formatters/html.js';
import type { RuleSummary } from '../formatters/types.js';
import { prepareValidators } from '../validate/validate-document.js';
import { pageData, PAGE_PACKAGE_ROOT } from './page-data.js';

/** The folder the page's files are shown relative to, as the CLI shows paths relative to where it ran. */
const PAGE_CWD = '/playground';

export interface PageLinter {
  rules: readonly AnyRule[];
  lint(text: string, fileName: string, options: { preset: PresetName; redact: boolean }): FileResult;
  /** The `--format html` report of these results, as the CLI writes it. */
  report(results: FileResult[], options: { redact: boolean }): string;
  /** A rule's page (rules/<id>.md) as markdown, if it has one. */
  rulePage(id: string): string | undefined;
}

export async function createPageLinter(): Promise<PageLinter> {
  // The validators precompiled at build time, as the CLI's bundle uses them (the page has no ajv compiler).
  await prepareValidators();
  const builtIns = await loadBuiltInRules();
  const active = new Map<PresetName, ActiveRule[]>();
  const activeFor = (preset: PresetName) => {
    let rules = active.get(preset);
    if (!rules) active.set(preset, (rules = activateRules(builtIns, presetSettings(preset, builtIns), `the ${preset} preset`)));
    return rules;
  };
  const knownRuleIds = new Set([...builtIns.map((r) => r.meta.id), ...Object.values(ENGINE_RULE_IDS), SUPPRESSION_RULE_ID]);
  const summaries: RuleSummary[] = builtIns.map((r) => ({ id: r.meta.id, description: r.meta.description, standard: r.meta.standard }));
  const rulePage = (id: string) => pageData.files[`${PAGE_PACKAGE_ROOT}/rules/${id}.md`];
  return {
    rules: builtIns,
    lint: (text, fileName, { preset, redact }) => lintText(text, `${PAGE_CWD}/${fileName}`, { rules: activeFor(preset), knownRuleIds, ...(redact ? { redact: true } : {}), attach: { source: true, cases: true } }),
    report: (results, { redact }) => {
      const ruleDocs = new Map(builtIns.flatMap((r) => (rulePage(r.meta.id) !== undefined ? [[r.meta.id, rulePage(r.meta.id)!] as const] : [])));
      return formatHtml(results, { cwd: PAGE_CWD, color: false, rules: summaries, ruleDocs, ...(redact ? { redact: true } : {}) });
    },
    rulePage,
  };
}
