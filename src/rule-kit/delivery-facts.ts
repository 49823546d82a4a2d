/**
 * Facts about contact and delivery over time, shared by the rules that compare what the plan set
 * with what the record shows (contact-delivered-as-planned, requirements-started, enforcement-fair):
 * the contact level in force on each day, and the days when contact could not happen.
 */
import type { CaseModel, Contact, Frequency, Plan, Unavailability, UnavailablePeriod } from '../model/case-model.js';
import { dayNumber, formatDate, fromDayNumber, weekdayOf } from '../core/dates.js';
import { compareText } from '../core/text.js';
import { bankHolidaysOf } from './bank-holidays.js';

/** Days between contacts at each level. Twice weekly is every three or four days. */
export const FREQUENCY_DAYS: Record<Frequency, number> = { 'twice-weekly': 3.5, weekly: 7, fortnightly: 14, 'four-weekly': 28, monthly: 30.4 };

/** One step of the contact level over time: from a plan, or from a review that changed it. */
export interface ContactLevel {
  from: string;
  frequency: Frequency;
  /** The object that set it: a plan's contact arrangements or a review's contactChange. */
  node: object;
}

/**
 * The contact level over time, in date order: each plan's frequency from its date, and each
 * review's contactChange from when it took effect. A later step replaces an earlier one.
 */
export function contactLevels(model: CaseModel): ContactLevel[] {
  const levels: ContactLevel[] = [];
  for (const plan of model.plans) if (plan.contact) levels.push({ from: plan.date, frequency: plan.contact.frequency, node: plan.contact });
  for (const review of model.reviews) {
    const change = review.contactChange;
    if (change) levels.push({ from: change.effectiveFrom ?? review.date, frequency: change.to, node: change });
  }
  return levels.sort((a, b) => compareText(a.from, b.from));
}

/**
 * Days strictly between two dates on which contact could not be expected: recorded unavailable
 * periods and bank holidays, each day counted once. Counted by arithmetic, so long gaps stay cheap.
 */
export function excusedDaysBetween(model: CaseModel, from: string, to: string): number {
  const { unavailable, bankHolidays } = excusedDays(model, from, to);
  return unavailable + bankHolidays;
}

/** The days excusedDaysBetween counts, by kind: in recorded unavailable periods, and other bank holidays. */
export function excusedDays(model: CaseModel, from: string, to: string): { unavailable: number; bankHolidays: number } {
  const first = dayNumber(from) + 1;
  const last = dayNumber(to) - 1;
  if (last < first) return { unavailable: 0, bankHolidays: 0 };
  const spans = model.unavailablePeriods
    .map((p) => [Math.max(first, dayNumber(p.start)), Math.min(last, p.end === undefined ? last : dayNumber(p.end))] as const)
    .filter(([start, end]) => start <= end)
    .sort((a, b) => a[0] - b[0]);
  let unavailable = 0;
  let bankHolidays = 0;
  let reach = first - 1; // the last day already counted
  for (const [start, end] of spans) {
    if (end <= reach) continue;
    unavailable += end - Math.max(start, reach + 1) + 1;
    reach = end;
  }
  const inSpan = (day: number) => spans.some(([start, end]) => start <= day && day <= end);
  for (let year = Number(fromDayNumber(first).slice(0, 4)); year <= Number(fromDayNumber(last).slice(0, 4)); year++) {
    for (const { date } of bankHolidaysOf(year)) {
      const day = dayNumber(date);
      if (day >= first && day <= last && !inSpan(day)) bankHolidays++;
    }
  }
  return { unavailable, bankHolidays };
}

/** A contact at which the service offered the person an appointment, whether they came or not. */
export function wasOffered(contact: Contact): boolean {
  return contact.outcome === 'attended' || contact.outcome === 'failed-to-attend' || contact.outcome === 'acceptable-absence';
}

/** A date range as an officer writes it: "3 Mar and 14 Apr 2024", or with both years when they differ. */
export function dateRange(from: string, to: string): string {
  const first = formatDate(from);
  return from.slice(0, 4) === to.slice(0, 4) ? `${first.replace(/ \d{4}$/, '')} and ${formatDate(to)}` : `${first} and ${formatDate(to)}`;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** A small count in words ("six"); larger ones in figures. */
export function countWords(count: number): string {
  return NUMBER_WORDS[count] ?? String(count);
}

/** A length of time in words: "ten days", "six weeks", "over five weeks". */
export function durationWords(days: number): string {
  if (days < 14) return `${countWords(days)} day${days === 1 ? '' : 's'}`;
  const weeks = Math.floor(days / 7);
  return `${days % 7 === 0 ? '' : 'over '}${countWords(weeks)} weeks`;
}

/** The recorded period, if any, during which contact could not happen on this day. */
export function unavailablePeriodOn(model: CaseModel, date: string): UnavailablePeriod | undefined {
  return model.unavailablePeriods.find((p) => p.start <= date && (p.end === undefined || date <= p.end));
}

/** The plan in force on a date: the latest one completed on or before it. */
export function planInForce(plans: readonly Plan[], date: string): Plan | undefined {
  let current: Plan | undefined;
  for (const plan of plans) if (plan.date <= date) current = plan;
  return current;
}

const WORKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']);

/**
 * Whether a contact falls inside a window the plan says the person cannot attend. (The same test
 * as contact-pattern-fits-circumstances makes, which keeps its own copy for now.)
 */
export function inUnavailableWindow(window: Unavailability, contact: Contact): boolean {
  if (window.startDate && contact.date < window.startDate) return false;
  if (window.endDate && contact.date > window.endDate) return false;
  const day = weekdayOf(contact.date);
  const coversDay = window.days.some((d) => d === day || d === 'every-day' || (d === 'weekdays' && WORKDAYS.has(day)) || (d === 'weekends' && !WORKDAYS.has(day)));
  if (!coversDay) return false;
  if (!window.from && !window.to) return true; // the whole day
  if (!contact.time) return false; // no time recorded: cannot tell
  return contact.time >= (window.from ?? '00:00') && contact.time < (window.to ?? '24:00');
}
