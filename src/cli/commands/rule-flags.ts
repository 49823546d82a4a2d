import { UsageError } from '../../core/errors.js';
import type { AnyRule } from '../../engine/load-rules.js';
import { PRESET_NAMES, isPresetName, presetSettings } from '../../engine/presets.js';
import type { RuleSetting } from '../../engine/rule-settings.js';

export function parseRuleFlags(values: string[]): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  for (const value of values) {
    const match = /^([a-z0-9-]+):(off|warn|warning|error)$/.exec(value.trim());
    if (!match) throw new UsageError(`--rule expects id:severity (severity off, warn or error); found "${value}".`);
    settings[match[1]!] = match[2] as RuleSetting;
  }
  return settings;
}

/** The rule settings for a run: the preset, then any --rule flags over it. */
export function ruleSettings(rules: AnyRule[], preset: string, flags: string[] = []): Record<string, RuleSetting> {
  if (!isPresetName(preset)) throw new UsageError(`Unknown preset "${preset}". Available presets: ${PRESET_NAMES.join(', ')}.`);
  return { ...presetSettings(preset, rules), ...parseRuleFlags(flags) };
}
