import { describe, expect, it } from 'vitest';
import type { CaseModel, UnavailablePeriod } from '../src/model/case-model.js';
import { latestRecordedDate, windowAfter } from '../src/rule-kit/index.js';

/** A case with nothing but the periods the person could not attend. */
const caseWith = (unavailablePeriods: UnavailablePeriod[]): CaseModel => ({
  ref: 'C1',
  kinds: new Set(['case-file']),
  root: {},
  officers: [],
  agencies: [],
  plans: [],
  contacts: [],
  reviews: [],
  events: [],
  unavailablePeriods,
});

describe('windowAfter: a window judged from when the person could attend', () => {
  it('runs the given days from the start when nothing interrupts it', () => {
    expect(windowAfter(caseWith([]), '2024-01-29', 14)).toEqual({ from: '2024-01-29', due: '2024-02-12' });
  });

  it('restarts from the day after a stay that begins inside the window', () => {
    const stay: UnavailablePeriod = { kind: 'hospital', start: '2024-02-02', end: '2024-03-10' };
    expect(windowAfter(caseWith([stay]), '2024-01-29', 14)).toEqual({ from: '2024-03-11', due: '2024-03-25', interruptedBy: stay });
  });

  it('ignores a stay over before the window and one starting after it closes', () => {
    const before: UnavailablePeriod = { kind: 'custody', start: '2023-11-01', end: '2024-01-10' };
    const after: UnavailablePeriod = { kind: 'holiday', start: '2024-03-01', end: '2024-03-08' };
    expect(windowAfter(caseWith([before, after]), '2024-01-29', 14)).toEqual({ from: '2024-01-29', due: '2024-02-12' });
  });

  it('follows one stay into the next when the restarted window is interrupted again', () => {
    const first: UnavailablePeriod = { kind: 'hospital', start: '2024-02-02', end: '2024-02-20' };
    const second: UnavailablePeriod = { kind: 'custody', start: '2024-03-01', end: '2024-03-31' };
    expect(windowAfter(caseWith([first, second]), '2024-01-29', 14)).toEqual({ from: '2024-04-01', due: '2024-04-15', interruptedBy: second });
  });

  it('is not due at all while a stay has no recorded end', () => {
    const open: UnavailablePeriod = { kind: 'custody', start: '2024-02-05' };
    expect(windowAfter(caseWith([open]), '2024-01-29', 14)).toEqual({ ongoing: open });
  });

  it('counts the dates of a stay as things the record shows happened', () => {
    expect(latestRecordedDate(caseWith([{ kind: 'hospital', start: '2024-02-02', end: '2024-03-10' }]))).toBe('2024-03-10');
  });
});
