import { describe, expect, it } from 'vitest';
import { addDays } from '../src/core/dates.js';
import { addWorkingDays, bankHolidaysOf, easterSunday, isBankHoliday, isWorkingDay, workingDaysBetween } from '../src/rule-kit/bank-holidays.js';

/** England and Wales bank holidays as published on GOV.UK (gov.uk/bank-holidays). */
const PUBLISHED: Record<number, string[]> = {
  2011: ['2011-01-03', '2011-04-22', '2011-04-25', '2011-04-29', '2011-05-02', '2011-05-30', '2011-08-29', '2011-12-26', '2011-12-27'],
  2012: ['2012-01-02', '2012-04-06', '2012-04-09', '2012-05-07', '2012-06-04', '2012-06-05', '2012-08-27', '2012-12-25', '2012-12-26'],
  2018: ['2018-01-01', '2018-03-30', '2018-04-02', '2018-05-07', '2018-05-28', '2018-08-27', '2018-12-25', '2018-12-26'],
  2019: ['2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26'],
  2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
  2022: ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
  2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};

describe('bankHolidaysOf', () => {
  for (const [year, dates] of Object.entries(PUBLISHED)) {
    it(`matches the published dates for ${year}`, () => {
      expect(bankHolidaysOf(Number(year)).map((h) => h.date)).toEqual(dates);
    });
  }

  it('names substitute and one-off days', () => {
    expect(bankHolidaysOf(2021).map((h) => h.name)).toContain('Christmas Day');
    expect(bankHolidaysOf(2022).find((h) => h.date === '2022-06-03')?.name).toBe('Platinum Jubilee bank holiday');
    expect(bankHolidaysOf(2022).find((h) => h.date === '2022-06-02')?.name).toBe('Spring bank holiday');
    expect(bankHolidaysOf(2020).find((h) => h.date === '2020-05-08')?.name).toBe('Early May bank holiday');
  });
});

describe('easterSunday', () => {
  it('finds Easter in known years', () => {
    expect(['2019', '2024', '2025', '2038', '2285'].map((y) => easterSunday(Number(y)))).toEqual(['2019-04-21', '2024-03-31', '2025-04-20', '2038-04-25', '2285-03-22']);
  });
});

describe('working days', () => {
  it('excludes weekends and bank holidays', () => {
    expect(isWorkingDay('2024-03-28')).toBe(true); // Maundy Thursday
    expect(isWorkingDay('2024-03-29')).toBe(false); // Good Friday
    expect(isWorkingDay('2024-03-30')).toBe(false); // Saturday
    expect(isBankHoliday('2023-05-08')).toBe(true); // coronation
    expect(isBankHoliday('2020-05-04')).toBe(false); // early May moved to the 8th that year
  });

  it('counts working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2024-01-08', '2024-01-08')).toBe(0);
    expect(workingDaysBetween('2024-01-08', '2024-01-09')).toBe(1);
    expect(workingDaysBetween('2024-01-08', '2024-01-22')).toBe(10);
    expect(workingDaysBetween('2024-01-22', '2024-01-08')).toBe(0);
    // Over Easter 2024: Good Friday and Easter Monday are not counted.
    expect(workingDaysBetween('2024-03-25', '2024-04-05')).toBe(7);
    // Over Christmas 2022, when Christmas Day was kept on Tuesday 27th.
    expect(workingDaysBetween('2022-12-23', '2022-12-30')).toBe(3);
  });

  it('adds working days', () => {
    expect(addWorkingDays('2024-01-08', 15)).toBe('2024-01-29');
    expect(addWorkingDays('2024-03-25', 5)).toBe('2024-04-03');
    expect(addWorkingDays('2022-05-30', 5)).toBe('2022-06-08');
    expect(workingDaysBetween('2024-03-25', addWorkingDays('2024-03-25', 30))).toBe(30);
  });

  it('agrees with counting day by day, across weekends, years and one-off holidays', () => {
    const naive = (from: string, to: string) => {
      let count = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
      return count;
    };
    for (const [from, to] of [
      ['2019-12-20', '2023-01-10'],
      ['2022-05-28', '2022-06-06'],
      ['2024-03-29', '2024-04-01'],
      ['2024-01-06', '2024-01-07'],
      ['1969-12-25', '1970-01-12'],
    ] as const) {
      expect(workingDaysBetween(from, to), `${from} to ${to}`).toBe(naive(from, to));
    }
  });

  it('stays quick over distant dates', () => {
    expect(workingDaysBetween('2024-01-01', '9999-12-31')).toBeGreaterThan(2_000_000);
  });
});
