import type { RuleSeverity } from '../core/findings.js';
import { didYouMean, quote } from '../core/text.js';
import { loadAjv } from '../validate/lazy-ajv.js';
import type { Ajv } from '../validate/lazy-ajv.js';
import type { AnyRule } from './load-rules.js';
import type { ActiveRule } from './run-rules.js';

type SeveritySetting = RuleSeverity | 'off';
/** How a rule is set: a severity, or a severity with options, as in ESLint. */
export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>?];

export class SettingsError extends Error {}

const SEVERITIES: readonly string[] = ['off', 'warning', 'warn', 'error'];

function normaliseSeverity(value: string, where: string): SeveritySetting {
  if (!SEVERITIES.includes(value)) throw new SettingsError(`${where}: severity must be one of off, warn, error; found "${value}".`);
  return value === 'warn' ? 'warning' : (value as SeveritySetting);
}

/**
 * Turns the rule list and any settings into the rules to run, each with its severity and options
 * merged over the rule's defaults and checked against its options schema.
 */
export function activateRules(rules: AnyRule[], settings: Record<string, RuleSetting> = {}, where = 'settings'): ActiveRule[] {
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  for (const id of Object.keys(settings)) {
    // The id is a key someone wrote in a file: quoted short, as any excerpt of a file is.
    if (!byId.has(id)) throw new SettingsError(`${where}: there is no rule "${quote(id, 60)}".${didYouMean(id, byId.keys())} Run "planlint rules" to list them.`);
  }
  let ajv: Ajv | undefined;
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    const setting = settings[rule.meta.id];
    const [rawSeverity, rawOptions] = setting === undefined ? [rule.meta.severity, undefined] : Array.isArray(setting) ? setting : [setting, undefined];
    const severity = normaliseSeverity(String(rawSeverity), `${where} for ${rule.meta.id}`);
    if (severity === 'off') continue;
    const options = { ...structuredClone(rule.meta.defaultOptions as Record<string, unknown>), ...(rawOptions ?? {}) };
    // A rule's defaults are its own; only options someone wrote need checking (and compiling a
    // schema per rule at every start-up would cost more than the linting of a small run).
    if (rawOptions === undefined) {
      active.push({ rule, severity, options });
      continue;
    }
    ajv ??= new (loadAjv().Ajv2020)({ allErrors: true, strict: false, useDefaults: true });
    const validate = ajv.compile(rule.meta.optionsSchema);
    if (!validate(options)) {
      const problem = validate.errors?.[0];
      const field = problem?.instancePath.replace(/^\//, '').replace(/\//g, '.') || String((problem?.params as { additionalProperty?: string })?.additionalProperty ?? '');
      throw new SettingsError(`${where} for ${rule.meta.id}: option ${field ? `"${field}" ` : ''}${problem?.message ?? 'is not valid'}.`);
    }
    active.push({ rule, severity, options });
  }
  return active;
}
