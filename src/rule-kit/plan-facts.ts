/**
 * Facts about a case's plans and their history, shared by the rules that judge plans as the HMPPS
 * sentence plan service records them (goals, steps, agreement, versions) and as case files do.
 */
import type { Action, CaseModel, Objective, Plan } from '../model/case-model.js';
import { lastRecordedDate } from './compliance-facts.js';

/** The plan in force: the latest in date order. Earlier plans are its history. */
export function currentPlan(model: CaseModel): Plan | undefined {
  return model.plans[model.plans.length - 1];
}

/** An objective being worked on now. One with no status recorded is taken to be. */
export function isActive(objective: Objective): boolean {
  return objective.status === undefined || objective.status === 'active';
}

/**
 * "Now", as far as the record goes: the latest date anything is recorded as having happened,
 * including agreements and notes on objectives. Never the clock, so a file lints the same on any
 * day; target dates and planned contacts are intentions, not events, and are left out.
 */
export function latestRecordedDate(model: CaseModel): string | undefined {
  const dates: string[] = [];
  const recorded = lastRecordedDate(model);
  if (recorded) dates.push(recorded);
  for (const plan of model.plans) {
    if (plan.agreement?.date) dates.push(plan.agreement.date);
    if (plan.personView?.date) dates.push(plan.personView.date);
    for (const objective of plan.objectives ?? []) for (const note of objective.notes ?? []) dates.push(note.date);
  }
  return dates.sort().pop();
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
