import { UsageError } from '../../core/errors.js';
import type { AnyRule } from '../../engine/load-rules.js';
import { PRESET_NAMES, isPresetName, presetSettings } from '../../engine/presets.js';
import type { RuleSetting } from '../../engine/rule-settings.js';

const EXAMPLES = `for example --rule 'objectives-smart: warn' or, with options, --rule '{"contact-level-matches-risk": ["error", {…}]}'`;

/** ESLint's severities: the words, and 0, 1 and 2 for off, warn and error. */
const SEVERITY: Readonly<Record<string, 'off' | 'warning' | 'error'>> = { off: 'off', warn: 'warning', warning: 'warning', error: 'error', 0: 'off', 1: 'warning', 2: 'error' };

function severityOf(value: unknown, id: string, flag: string): 'off' | 'warning' | 'error' {
  const severity = typeof value === 'string' || typeof value === 'number' ? SEVERITY[String(value).trim()] : undefined;
  if (!severity) throw new UsageError(`--rule ${flag}: the severity of "${id}" must be off, warn or error (or 0, 1, 2); found ${JSON.stringify(value)}.`);
  return severity;
}

/**
 * Reads --rule values as ESLint does: `id:severity` (spaces allowed, `id: error`), or a JSON
 * object of settings, `{"id": "error"}` or with options `{"id": ["error", {...}]}`. Unknown ids
 * are reported once the rules are loaded (with a "did you mean").
 */
export function parseRuleFlags(values: string[]): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  for (const value of values) {
    const text = value.trim();
    if (text.startsWith('{')) {
      Object.assign(settings, parseJsonRules(text, value));
      continue;
    }
    const match = /^([\w@/.-]+)\s*:\s*(\S+)$/.exec(text);
    if (!match) throw new UsageError(`--rule expects id:severity or a JSON object of rule settings, ${EXAMPLES}; found "${value}".`);
    settings[match[1]!] = severityOf(match[2], match[1]!, `"${value}"`);
  }
  return settings;
}

function parseJsonRules(text: string, value: string): Record<string, RuleSetting> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`--rule '${value}' is not valid JSON (${reason}); write it as ${EXAMPLES.replace('for example ', '')}.`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(`--rule '${value}': expected a JSON object of rule ids and settings, ${EXAMPLES}.`);
  const settings: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(parsed)) {
    if (Array.isArray(setting)) {
      const [severity, options, ...extra] = setting as unknown[];
      const optionsOk = options === undefined || (options !== null && typeof options === 'object' && !Array.isArray(options));
      if (setting.length === 0 || extra.length > 0 || !optionsOk) throw new UsageError(`--rule '${value}': the setting of "${id}" must be a severity or [severity, {options}]; found ${JSON.stringify(setting)}.`);
      const level = severityOf(severity, id, `'${value}'`);
      settings[id] = options === undefined ? [level] : [level, options as Record<string, unknown>];
    } else {
      settings[id] = severityOf(setting, id, `'${value}'`);
    }
  }
  return settings;
}

/** The rule settings for a run: the preset, then any --rule flags over it. */
export function ruleSettings(rules: AnyRule[], preset: string, flags: string[] = []): Record<string, RuleSetting> {
  if (!isPresetName(preset)) throw new UsageError(`Unknown preset "${preset}". Available presets: ${PRESET_NAMES.join(', ')}.`);
  return { ...presetSettings(preset, rules), ...parseRuleFlags(flags) };
}
