/** Calendar arithmetic on YYYY-MM-DD dates, in whole days, free of time zones. */

const MS_PER_DAY = 86_400_000;

const digit = (text: string, at: number): number => {
  const c = text.charCodeAt(at) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};

/** Days since 1970-01-01 of a year, month (1-12) and day, by the proleptic Gregorian calendar. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Days since 1970-01-01 for a YYYY-MM-DD date. Rules call this for every contact against every
 * week of an order, so an ordinary date is worked out directly; anything unusual (a day past the
 * 28th, odd characters) is left to Date.parse, which decides what is valid.
 */
export function dayNumber(date: string): number {
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const month = digit(date, 5) * 10 + digit(date, 6);
  const day = digit(date, 8) * 10 + digit(date, 9);
  if (date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45 && month >= 1 && month <= 12 && day >= 1 && day <= 28) return daysFromCivil(year, month, day);
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / MS_PER_DAY);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The YYYY-MM-DD date of a day number (the inverse of dayNumber), worked out directly for years 1000 to 9999. */
export function fromDayNumber(day: number): string {
  if (!Number.isInteger(day)) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 1000 || y > 9999) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

export function weekdayOf(date: string): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[new Date(dayNumber(date) * MS_PER_DAY).getUTCDay()]!;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Formats a date the way an officer writes it: 3 Jan 2024. (Intl is far too slow to call per contact.) */
export function formatDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  const month = MONTHS[Number(m) - 1];
  return month && d && y ? `${Number(d)} ${month} ${y}` : date;
}
