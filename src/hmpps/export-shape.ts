/**
 * The shapes of an HMPPS sentence plan export, told apart by their fields. Both the recogniser and
 * the mapper need them; they live here so neither imports the other.
 */
import type { CaseModel } from '../model/case-model.js';
import type { Finding } from '../core/findings.js';
import type { CasePart } from '../rule-kit/rule-api.js';

/**
 * What an export holds: one plan version (GET /plans/{uuid}), one plan with its current version
 * and history, or a list of plans (GET /plans/crn/{crn}).
 */
export type ExportShape = 'plan-version' | 'plan' | 'plan-list';

type Raw = Record<string, unknown>;

/** Fields only a plan version has; two of them together are not found in a planlint document. */
const VERSION_FIELDS = ['planType', 'agreementStatus', 'goals', 'planProgressNotes', 'agreementNotes', 'planId'];

export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function looksLikePlanVersion(value: unknown): value is Raw {
  return isRecord(value) && !('kind' in value) && VERSION_FIELDS.filter((field) => field in value).length >= 2;
}

export function looksLikePlan(value: unknown): value is Raw {
  if (!isRecord(value) || 'kind' in value) return false;
  // `versions` alone is too common a name to go by; with the plan's own fields it is not.
  return 'currentVersion' in value || (Array.isArray(value.versions) && ('publishedState' in value || 'crn' in value || 'uuid' in value));
}

export interface ReadExport {
  cases: CaseModel[];
  findings: Finding[];
  /** The export object each mapped plan and objective came from. */
  sources?: WeakMap<object, Record<string, unknown>>;
}

/**
 * The parts of a case an export does not hold (it holds no sentence, assessment, contact log or
 * reviews): rules that need them cannot judge it. "planlint convert" lists the same parts in the
 * case file it writes (`toComplete`), so the two get the same verdict until the officer completes it.
 */
export function partsLacking(model: CaseModel): Set<CasePart> {
  const lacking = new Set<CasePart>();
  if (!model.sentence) lacking.add('sentence');
  if (!model.assessment) lacking.add('assessment');
  if (model.contacts.length === 0) lacking.add('contacts');
  if (model.reviews.length === 0) lacking.add('reviews');
  if (model.plans.length === 0) lacking.add('plan');
  return lacking;
}
