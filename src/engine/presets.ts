import type { AnyRule } from './load-rules.js';
import type { RuleSetting } from './rule-settings.js';

/**
 * Built-in presets. `recommended` (the default) uses each rule's declared severity; `strict`
 * makes every rule an error, for teams that want a clean bill before a plan is submitted.
 */
export const PRESET_NAMES = ['recommended', 'strict'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export function isPresetName(value: string): value is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(value);
}

export function presetSettings(name: PresetName, rules: AnyRule[]): Record<string, RuleSetting> {
  return Object.fromEntries(rules.map((rule) => [rule.meta.id, name === 'strict' ? 'error' : rule.meta.severity]));
}
