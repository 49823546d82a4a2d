/**
 * What the reports of a run are told besides the results (FormatterContext): formatters read no
 * files, so the rule pages, the version and the links to rule pages are read here, and only when
 * a format asks for them (formatterNeeds).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, ruleDocPath } from '../core/package-root.js';
import { docUrlOf } from '../engine/load-rules.js';
import { formatterNeeds } from '../formatters/index.js';
import type { FormatterContext, RuleSummary } from '../formatters/types.js';

export interface ReportContextOptions {
  cwd: string;
  color: boolean;
  /** Every rule of the run (plugins included), so reports can say what each checks. */
  rules: readonly RuleSummary[];
  /** The formats the run writes: they decide what is read for them. */
  formats: readonly string[];
  showPassed?: boolean;
  redact?: boolean;
  /** The terminal's width, when the report goes to one (terminalColumns). */
  width?: number | undefined;
}

export function reportContext({ cwd, color, rules, formats, showPassed, redact, width }: ReportContextOptions): FormatterContext {
  const needs = formatterNeeds(formats);
  return {
    cwd,
    color,
    ruleDocUrl: ruleDocUrlFor(rules),
    rules,
    ...(showPassed !== undefined ? { showPassed } : {}),
    ...(redact !== undefined ? { redact } : {}),
    ...(width !== undefined ? { width } : {}),
    ...(needs.ruleDocs ? { ruleDocs: readRuleDocs(rules.map((r) => r.id)) } : {}),
    ...(needs.version ? { version: packageVersion() } : {}),
  };
}

/**
 * Where each rule's documentation is, for links from reports: a plugin rule's own meta.docs.url,
 * else a file: link to the rule's page in the installed package.
 */
export function ruleDocUrlFor(rules: readonly RuleSummary[]): (id: string) => string | undefined {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  return (id) => docUrlOf(id, byId.get(id));
}

/** The pages (rules/<id>.md) of the rules that have one, as markdown, by rule id. */
export function readRuleDocs(ids: Iterable<string>): Map<string, string> {
  const pages = new Map<string, string>();
  for (const id of ids) {
    // Only plain kebab-case ids can name a page in rules/ (a plugin's "team/rule" never does), so no id reads outside it.
    if (pages.has(id) || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) || !existsSync(ruleDocPath(id))) continue;
    try {
      pages.set(id, readFileSync(ruleDocPath(id), 'utf8'));
    } catch {
      // a page that cannot be read is left out: reports fall back to the rule's description
    }
  }
  return pages;
}

let version: string | undefined;
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
