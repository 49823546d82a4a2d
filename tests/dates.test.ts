import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, formatDate, fromDayNumber } from '../src/core/dates.js';

const MS_PER_DAY = 86_400_000;
/** What the direct arithmetic replaced: Date does the calendar, and says what is valid. */
const referenceDay = (date: string) => Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / MS_PER_DAY);
const referenceDate = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

const dateLike = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 33 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.string({ maxLength: 12 }),
);

describe('calendar arithmetic', () => {
  it('dayNumber agrees with Date for any date-like text, valid or not (20,000 runs)', () => {
    fc.assert(
      fc.property(dateLike, (text) => {
        expect(dayNumber(text)).toBe(referenceDay(text));
      }),
      { seed: 20_241_123, numRuns: 20_000 },
    );
  });

  it('fromDayNumber agrees with Date from the year 0 to 9999 and beyond (20,000 runs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 3_000_000 }), (day) => {
        expect(fromDayNumber(day)).toBe(referenceDate(day));
      }),
      { seed: 20_241_123, numRuns: 20_000 },
    );
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(formatDate('2024-09-03')).toBe('3 Sep 2024');
  });
});
