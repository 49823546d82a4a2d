/**
 * Facts about a case's plans and their history, shared by the rules that judge plans as the HMPPS
 * sentence plan service records them (goals, steps, agreement, versions) and as case files do.
 */
import type { Action, CaseModel, Objective, Plan } from '../model/case-model.js';

/** The plan in force: the latest in date order. Earlier plans are its history. */
export function currentPlan(model: CaseModel): Plan | undefined {
  return model.plans[model.plans.length - 1];
}

/** An objective being worked on now. One with no status recorded is taken to be. */
export function isActive(objective: Objective): boolean {
  return objective.status === undefined || objective.status === 'active';
}

/** How findings name who does a step. */
export const OWNER_WORDS: Record<NonNullable<Action['by']>, string> = {
  person: 'the person on probation',
  'probation-practitioner': 'the probation practitioner',
  'programme-staff': 'programme staff',
  'partnership-agency': 'a partnership agency',
  'crs-provider': 'a commissioned rehabilitative services provider',
  other: 'someone else',
};
