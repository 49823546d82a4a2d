/**
 * Bank holidays in England and Wales, and working-day arithmetic built on them. Computed from the
 * rules that set them (fixed dates with substitute days, Easter, Mondays in May and August) plus
 * the one-off changes made by proclamation, so no network or yearly data file is needed.
 * Accurate from 1978, when the early May bank holiday began.
 */
import { addDays, dayNumber, fromDayNumber, weekdayOf } from '../core/dates.js';
import { compareText } from '../core/text.js';

export interface BankHoliday {
  date: string;
  name: string;
}

/** One-off changes by proclamation: holidays moved (by name) and extra days added. */
interface YearChanges {
  moved?: Record<string, string>;
  added?: BankHoliday[];
}

const ONE_OFF_CHANGES: Record<number, YearChanges> = {
  1981: { added: [{ date: '1981-07-29', name: 'Royal wedding bank holiday' }] },
  1995: { moved: { 'Early May bank holiday': '1995-05-08' } },
  1999: { added: [{ date: '1999-12-31', name: 'Millennium bank holiday' }] },
  2002: { moved: { 'Spring bank holiday': '2002-06-04' }, added: [{ date: '2002-06-03', name: 'Golden Jubilee bank holiday' }] },
  2011: { added: [{ date: '2011-04-29', name: 'Royal wedding bank holiday' }] },
  2012: { moved: { 'Spring bank holiday': '2012-06-04' }, added: [{ date: '2012-06-05', name: 'Diamond Jubilee bank holiday' }] },
  2020: { moved: { 'Early May bank holiday': '2020-05-08' } },
  2022: {
    moved: { 'Spring bank holiday': '2022-06-02' },
    added: [
      { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
      { date: '2022-09-19', name: 'Bank holiday for the State Funeral of Queen Elizabeth II' },
    ],
  },
  2023: { added: [{ date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' }] },
};

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

function isWeekend(date: string): boolean {
  const day = weekdayOf(date);
  return day === 'saturday' || day === 'sunday';
}

function firstMonday(year: number, month: number): string {
  let date = isoDate(year, month, 1);
  while (weekdayOf(date) !== 'monday') date = addDays(date, 1);
  return date;
}

function lastMonday(year: number, month: number): string {
  let date = addDays(isoDate(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  while (weekdayOf(date) !== 'monday') date = addDays(date, -1);
  return date;
}

/** The England and Wales bank holidays of a year, in date order. */
export function bankHolidaysOf(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const holidays: BankHoliday[] = [
    { date: isoDate(year, 1, 1), name: 'New Year’s Day' },
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8), name: 'Summer bank holiday' },
    { date: isoDate(year, 12, 25), name: 'Christmas Day' },
    { date: isoDate(year, 12, 26), name: 'Boxing Day' },
  ];

  const changes = ONE_OFF_CHANGES[year];
  for (const holiday of holidays) holiday.date = changes?.moved?.[holiday.name] ?? holiday.date;

  // A fixed-date holiday on a weekend moves to the next weekday that is not already a holiday:
  // so Christmas on a Saturday is kept on Monday 27th and Boxing Day on Tuesday 28th.
  const taken = new Set(holidays.filter((h) => !isWeekend(h.date)).map((h) => h.date));
  for (const holiday of holidays) {
    if (!isWeekend(holiday.date)) continue;
    let substitute = holiday.date;
    while (isWeekend(substitute) || taken.has(substitute)) substitute = addDays(substitute, 1);
    holiday.date = substitute;
    taken.add(substitute);
  }

  return [...holidays, ...(changes?.added ?? [])].sort((a, b) => compareText(a.date, b.date));
}

const cache = new Map<number, Set<string>>();

export function isBankHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let dates = cache.get(year);
  if (!dates) {
    dates = new Set(bankHolidaysOf(year).map((h) => h.date));
    cache.set(year, dates);
  }
  return dates.has(date.slice(0, 10));
}

/** A weekday that is not a bank holiday. */
export function isWorkingDay(date: string): boolean {
  return !isWeekend(date) && !isBankHoliday(date);
}

/** Weekdays among the day numbers before `day`, counted from a Monday (day -3, 29 Dec 1969). */
function weekdaysBefore(day: number): number {
  const shifted = day + 3;
  const weeks = Math.floor(shifted / 7);
  return weeks * 5 + Math.min(shifted - weeks * 7, 5);
}

/**
 * Working days after `from` up to and including `to`: the day of sentence itself is day 0, so a
 * plan completed the next working day was completed 1 working day later. Zero if `to` is not later.
 * Weekdays are counted by arithmetic and bank holidays subtracted, so distant dates stay cheap.
 */
export function workingDaysBetween(from: string, to: string): number {
  const first = dayNumber(from) + 1;
  const last = dayNumber(to);
  if (last < first) return 0;
  let count = weekdaysBefore(last + 1) - weekdaysBefore(first);
  const start = fromDayNumber(first);
  const end = fromDayNumber(last);
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) {
    for (const { date } of bankHolidaysOf(year)) if (date >= start && date <= end && !isWeekend(date)) count--;
  }
  return count;
}

/** The date `days` working days after `date`. */
export function addWorkingDays(date: string, days: number): string {
  let current = date;
  for (let added = 0; added < days;) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) added++;
  }
  return current;
}
