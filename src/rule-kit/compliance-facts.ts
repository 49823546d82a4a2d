/**
 * Facts about compliance and the reach of the record, shared by the reviewing rules
 * (review-when-triggered, plan-adjusted-after-concerns) and missed-appointment-decision,
 * so that they count concerns and judge "not yet due" the same way.
 */
import type { CaseEvent, CaseModel, Contact, UnavailablePeriod } from '../model/case-model.js';
import { addDays, formatDate } from '../core/dates.js';
import { compareText } from '../core/text.js';

/**
 * "Now", as far as the record goes: the latest date on which the record shows something happened
 * (a contact held or missed, a decision, a review, a plan, its agreement or the person's view, a
 * note on an objective, an event, an officer change, the assessment, a period in hospital or
 * custody, progress recorded on a requirement). Never the clock, so a file
 * lints the same on any day. Intentions are left out: a planned contact or a target date does not
 * mean that day has come. Every rule that asks "is this overdue yet?" asks this one function.
 */
export function latestRecordedDate(model: CaseModel): string | undefined {
  let latest: string | undefined;
  const see = (date: string | undefined) => {
    if (date !== undefined && (latest === undefined || date > latest)) latest = date;
  };
  for (const contact of model.contacts) {
    if (contact.outcome !== 'planned') see(contact.date);
    see(contact.enforcement?.date);
  }
  for (const review of model.reviews) see(review.date);
  for (const plan of model.plans) {
    see(plan.date);
    see(plan.agreement?.date);
    see(plan.personView?.date);
    for (const objective of plan.objectives ?? []) for (const note of objective.notes ?? []) see(note.date);
  }
  for (const event of model.events) see(event.date);
  for (const officer of model.officers) {
    see(officer.from);
    see(officer.to);
  }
  see(model.assessment?.date);
  // A stay in hospital or custody, and progress recorded on a requirement, are things that happened too.
  for (const period of model.unavailablePeriods) {
    see(period.start);
    see(period.end);
  }
  for (const requirement of model.sentence?.requirements ?? []) {
    see(requirement.progress?.startedOn);
    see(requirement.progress?.asOf);
  }
  return latest;
}

/** One compliance concern: a missed appointment not accepted, or a recorded concern event. */
export type ComplianceConcern = { date: string; kind: 'contact'; contact: Contact } | { date: string; kind: 'event'; event: CaseEvent };

/**
 * Missed appointments judged unacceptable or with no decision recorded, and compliance-concern
 * events, in date order. An absence judged acceptable is not a concern.
 */
function complianceConcerns(model: CaseModel): ComplianceConcern[] {
  const concerns: ComplianceConcern[] = [
    ...model.contacts.filter((c) => c.outcome === 'failed-to-attend' && c.enforcement?.decision !== 'acceptable').map((contact) => ({ date: contact.date, kind: 'contact' as const, contact })),
    ...model.events.filter((e) => e.type === 'compliance-concern').map((event) => ({ date: event.date, kind: 'event' as const, event })),
  ];
  return concerns.sort((a, b) => compareText(a.date, b.date));
}

/** Concerns with no review between them (`concerns`), and the one that reached the threshold (`trigger`). */
export interface ConcernRun {
  /** Every concern of the run, including any after the trigger, until a review starts a new run. */
  concerns: ComplianceConcern[];
  trigger: ComplianceConcern;
}

/**
 * Runs of `threshold` or more concerns with no review between them. A review held on or after
 * the latest concern of a run has considered it, so concerns after that review start a new run.
 * Each run is reported once, at the concern that reached the threshold.
 */
export function concernRuns(model: CaseModel, threshold: number): ConcernRun[] {
  const runs: ConcernRun[] = [];
  let run: ComplianceConcern[] = [];
  for (const concern of complianceConcerns(model)) {
    const latest = run[run.length - 1];
    if (latest && model.reviews.some((r) => r.date >= latest.date && r.date < concern.date)) run = [];
    run.push(concern);
    if (run.length === threshold) runs.push({ concerns: run, trigger: concern }); // later concerns join the same array
  }
  return runs;
}

/** Where a finding about a concern points: the missed appointment's outcome, or the event's type. */
export function concernNode(concern: ComplianceConcern): { node: object; property: string } {
  return concern.kind === 'contact' ? { node: concern.contact, property: 'outcome' } : { node: concern.event, property: 'type' };
}

/** Names concerns for a message: "missed appointments on 3 Apr 2024 and 10 Apr 2024". */
export function describeConcerns(concerns: ComplianceConcern[]): string {
  const list = (dates: string[]) => (dates.length === 1 ? dates[0]! : `${dates.slice(0, -1).join(', ')} and ${dates[dates.length - 1]!}`);
  const missed = concerns.filter((c) => c.kind === 'contact').map((c) => formatDate(c.date));
  const events = concerns.filter((c) => c.kind === 'event').map((c) => formatDate(c.date));
  const parts: string[] = [];
  if (missed.length) parts.push(`${missed.length === 1 ? 'a missed appointment' : 'missed appointments'} on ${list(missed)}`);
  if (events.length) parts.push(`${events.length === 1 ? 'a recorded concern' : 'recorded concerns'} on ${list(events)}`);
  // "a missed appointment on 3 Apr and a recorded concern on 5 Apr"; a comma keeps a list of dates apart.
  return parts.length === 2 && parts[0]!.includes(' and ') ? parts.join(', and ') : parts.join(' and ');
}

/** A window for doing something (revisiting a plan, holding a review), as the record allows it. */
export type Window =
  /** Runs from `from` (the start, or the day after a period that interrupted it) to `due`, inclusive. */
  | { from: string; due: string; interruptedBy?: UnavailablePeriod }
  /** The person cannot attend and no end is recorded: nothing is due yet. */
  | { from?: undefined; due?: undefined; ongoing: UnavailablePeriod };

/**
 * The window of `days` after `start` within which something is due, judged from when the person
 * could attend: a recorded period in hospital, in custody or on an agreed holiday that begins while
 * the window is open restarts it from the day after the period ends. Time the person could not
 * attend is never counted against them or the practitioner.
 */
export function windowAfter(model: CaseModel, start: string, days: number): Window {
  let from = start;
  let due = addDays(start, days);
  let interruptedBy: UnavailablePeriod | undefined;
  for (const period of model.unavailablePeriods) {
    if (period.start > due) break; // sorted by start: none later can interrupt
    if (period.end !== undefined && period.end < from) continue; // over before the window ran
    if (period.end === undefined) return { ongoing: period };
    from = addDays(period.end, 1);
    due = addDays(from, days);
    interruptedBy = period;
  }
  return interruptedBy ? { from, due, interruptedBy } : { from, due };
}

const PERIOD_WORDS: Record<UnavailablePeriod['kind'], string> = {
  hospital: 'in hospital',
  custody: 'in custody',
  holiday: 'on an agreed holiday',
  other: 'unable to attend',
};

/** "in hospital from 5 Mar 2024 to 30 Mar 2024", for a message. */
export function describePeriod(period: UnavailablePeriod): string {
  return `${PERIOD_WORDS[period.kind]} from ${formatDate(period.start)}${period.end ? ` to ${formatDate(period.end)}` : ''}`;
}
