import { describe, expect, it } from 'vitest';
import { contactLevels, dateRange, durationWords, excusedDays, excusedDaysBetween } from '../src/rule-kit/index.js';
import type { CaseModel, UnavailablePeriod } from '../src/rule-kit/index.js';

function model(unavailablePeriods: UnavailablePeriod[], extra: Partial<CaseModel> = {}): CaseModel {
  return { ref: 'C1', kinds: new Set(['case-file']), root: {}, officers: [], agencies: [], plans: [], contacts: [], reviews: [], events: [], unavailablePeriods, ...extra };
}

describe('excusedDays', () => {
  it('counts days strictly between two dates in unavailable periods, each once, and other bank holidays', () => {
    const m = model([
      { kind: 'hospital', start: '2024-03-20', end: '2024-03-31' },
      { kind: 'holiday', start: '2024-03-25', end: '2024-04-03' }, // overlaps the stay, and takes in Easter Monday
    ]);
    // 20 Mar to 3 Apr is 15 days; Good Friday (29 Mar) and Easter Monday (1 Apr) fall inside them.
    expect(excusedDays(m, '2024-03-01', '2024-04-30')).toEqual({ unavailable: 15, bankHolidays: 0 });
    // The early May bank holiday (6 May) lies outside both periods.
    expect(excusedDaysBetween(m, '2024-03-01', '2024-05-10')).toBe(16);
  });
  it('counts a period with no end up to the later date, and nothing for adjacent dates', () => {
    const m = model([{ kind: 'custody', start: '2024-06-10' }]);
    expect(excusedDaysBetween(m, '2024-06-01', '2024-06-20')).toBe(10); // 10th to 19th
    expect(excusedDaysBetween(m, '2024-06-10', '2024-06-11')).toBe(0);
  });
});

describe('contactLevels', () => {
  it("orders the plan's level and reviews' changes by when they took effect", () => {
    const plan = { date: '2024-01-08', contact: { frequency: 'weekly' as const } };
    const change = { from: 'weekly' as const, to: 'fortnightly' as const, effectiveFrom: '2024-03-04' };
    const levels = contactLevels(model([], { plans: [plan], reviews: [{ date: '2024-02-26', contactChange: change }] }));
    expect(levels.map((l) => [l.from, l.frequency])).toEqual([
      ['2024-01-08', 'weekly'],
      ['2024-03-04', 'fortnightly'],
    ]);
  });
});

describe('words for dates and lengths', () => {
  it('writes ranges and lengths as an officer would', () => {
    expect(dateRange('2024-03-03', '2024-04-14')).toBe('3 Mar and 14 Apr 2024');
    expect(dateRange('2023-12-18', '2024-01-15')).toBe('18 Dec 2023 and 15 Jan 2024');
    expect(durationWords(42)).toBe('six weeks');
    expect(durationWords(38)).toBe('over five weeks');
    expect(durationWords(10)).toBe('ten days');
    expect(durationWords(1)).toBe('one day');
  });
});
