/** Calendar arithmetic on YYYY-MM-DD dates, in whole days, free of time zones. */

const MS_PER_DAY = 86_400_000;

/**
 * Remembers recent answers. Rules turn the same dates into day numbers and back many times per
 * case (every contact against every week of an order), and a caseload spans a few thousand days,
 * so a small table saves most of the Date parsing; it starts afresh when full.
 */
function remembered<K, V>(compute: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined && !known.has(key)) {
      if (known.size >= 8192) known.clear();
      value = compute(key);
      known.set(key, value);
    }
    return value as V;
  };
}

/** Days since 1970-01-01 for a YYYY-MM-DD date. */
export const dayNumber: (date: string) => number = remembered((date: string) => Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / MS_PER_DAY));

export const fromDayNumber: (day: number) => string = remembered((day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10));

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = (y * 12 + (m - 1)) + months;
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
export const formatDate: (date: string) => string = remembered((date: string) => {
  const [y, m, d] = date.slice(0, 10).split('-');
  const month = MONTHS[Number(m) - 1];
  return month && d && y ? `${Number(d)} ${month} ${y}` : date;
});
