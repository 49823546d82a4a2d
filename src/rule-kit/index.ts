/**
 * Everything a rule may use, in one place: rules import from here and nowhere else (checked in
 * CI), so the engine can change behind this surface without touching a rule.
 */
export * from './rule-api.js';
export * from './case-facts.js';
export * from './plan-facts.js';
export * from './compliance-facts.js';
export * from './bank-holidays.js';
export * from './text-judgement.js';
export * from './pronouns.js';
export * from '../core/dates.js';
export * from '../core/text.js';
export type * from '../model/case-model.js';
export { allowedProperties, loadSchema, resolveRef } from '../validate/schemas.js';
export type { JsonSchema } from '../validate/schemas.js';
