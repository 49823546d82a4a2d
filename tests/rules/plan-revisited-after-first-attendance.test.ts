import rule from '../../rules/plan-revisited-after-first-attendance.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

/** A case with a plan made in the person's absence on 22 Jan; the rest is supplied per case. */
const absentPlan = (rest: string, revisit = '') => yaml`
  kind: case-file
  schemaVersion: 1
  case: { ref: C1, person: { name: Lisa } }
  plan:
    date: 2024-01-22
    participation:
      person: absent
      absenceReason: Unwell for the first three appointments.
${revisit}
${rest}
`;

const firstAttended = `contacts:
  - { date: 2024-01-29, outcome: attended }
  - { date: 2024-03-01, outcome: attended }`;

testRule(rule, {
  valid: [
    {
      name: 'a plan made with the person at their first appointment',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        plan:
          date: 2024-01-22
          participation: { person: in-person }
        contacts:
          - { date: 2024-01-22, outcome: attended }
      `,
    },
    {
      name: 'revisited in a review with the person soon after first attendance',
      yaml: absentPlan(`${firstAttended}\nreviews:\n  - date: 2024-02-02\n    participation: { person: in-person }`),
    },
    {
      name: 'no attendance yet, with a recorded intention to revisit',
      yaml: absentPlan('', '  revisit:\n    when: after-first-attendance\n    reason: Made without Lisa to meet the timescale.'),
    },
    {
      name: 'a reasoned judgement that no revisit is needed',
      yaml: absentPlan(firstAttended, '  revisit:\n    when: not-needed\n    reason: Lisa contributed fully by phone and letter; she confirmed the plan in writing.'),
    },
    {
      // Lisa's case with a twist: admitted to hospital four days after her first attendance. The
      // window runs from the day she could attend again (11 Mar), so a review on 20 Mar is in time.
      name: 'time in hospital after the first attendance does not count: revisited soon after discharge',
      yaml: absentPlan(`contacts:
  - { date: 2024-01-29, outcome: attended }
  - { date: 2024-03-14, outcome: attended }
unavailablePeriods:
  - { kind: hospital, start: 2024-02-02, end: 2024-03-10, note: Admitted after an overdose; discharged to her mother's. }
reviews:
  - date: 2024-03-20
    participation: { person: in-person }`),
    },
    {
      name: 'still in custody with no release date recorded: nothing is due yet',
      yaml: absentPlan(`contacts:
  - { date: 2024-01-29, outcome: attended }
  - { date: 2024-04-02, outcome: failed-to-attend, enforcement: { decision: acceptable, rationale: Remanded in custody on 5 Feb; trial date not set. } }
unavailablePeriods:
  - { kind: custody, start: 2024-02-05, note: Remanded at the magistrates' court. }`),
    },
    {
      // Judged by what it says, not its length: a short reason is a reason.
      name: 'no attendance yet, with a short but real reason to revisit',
      yaml: absentPlan('', '  revisit:\n    when: after-first-attendance\n    reason: Hospital admission.'),
    },
    {
      name: 'a longer window from options',
      yaml: absentPlan(`${firstAttended}\nreviews:\n  - date: 2024-02-20\n    participation: { person: phone }`),
      options: { withinDays: 30 },
    },
  ],
  invalid: [
    {
      name: 'never revisited after first attendance',
      yaml: absentPlan(firstAttended),
      errors: [
        {
          messageId: 'notRevisited',
          line: 7,
          column: 5,
          message:
            'The plan was completed on 22 Jan 2024 without Lisa taking part. Lisa first attended on 29 Jan 2024, but no review or updated plan with Lisa taking part follows. Revisit the plan with them within the 14 days after that first attendance set for this check, so it reflects their view and circumstances.',
        },
      ],
    },
    {
      name: 'a review without the person does not count',
      yaml: absentPlan(`${firstAttended}\nreviews:\n  - date: 2024-02-02\n    participation: { person: absent }`),
      errors: [{ messageId: 'notRevisited', line: 7, column: 5 }],
    },
    {
      name: 'revisited too late',
      yaml: absentPlan(`${firstAttended}\nreviews:\n  - date: 2024-03-01\n    participation: { person: in-person }`),
      errors: [
        {
          messageId: 'late',
          line: 14,
          column: 11,
          message: 'The plan was completed without Lisa taking part and revisited with Lisa on 1 Mar 2024, 32 days after the first attendance on 29 Jan 2024, later than the 14 days set for this check.',
        },
      ],
    },
    {
      name: 'due, not yet late: the record ends inside the window (a warning with the date it is due)',
      yaml: absentPlan('contacts:\n  - { date: 2024-01-29, outcome: attended }\n  - { date: 2024-02-05, outcome: attended }'),
      errors: [
        {
          messageId: 'due',
          severity: 'warning',
          line: 7,
          column: 5,
          message:
            'The plan was completed on 22 Jan 2024 without Lisa taking part. Revisiting it with Lisa is due by 12 Feb 2024, 14 days after the first attendance on 29 Jan 2024 (the window set for this check). Hold a review or update the plan with Lisa taking part by then, so it reflects their view and circumstances.',
        },
      ],
    },
    {
      // Planned appointments are intentions: one booked for March does not mean March has come.
      name: 'due, with appointments booked beyond the window: still only due',
      yaml: absentPlan('contacts:\n  - { date: 2024-01-29, outcome: attended }\n  - { date: 2024-03-11, outcome: planned }'),
      errors: [{ messageId: 'due', severity: 'warning', line: 7, column: 5, message: /is due by 12 Feb 2024,/ }],
    },
    {
      name: 'the window passed: the error, not the warning',
      yaml: absentPlan(firstAttended),
      errors: [{ messageId: 'notRevisited', severity: 'error', line: 7, column: 5 }],
    },
    {
      name: 'due after a hospital stay: counted from when the person could attend again',
      yaml: absentPlan(`contacts:
  - { date: 2024-01-29, outcome: attended }
  - { date: 2024-03-14, outcome: attended }
unavailablePeriods:
  - { kind: hospital, start: 2024-02-02, end: 2024-03-10 }`),
      errors: [
        {
          messageId: 'due',
          severity: 'warning',
          line: 7,
          column: 5,
          message: /is due by 25 Mar 2024, 14 days after Lisa could attend again on 11 Mar 2024 \(in hospital from 2 Feb 2024 to 10 Mar 2024, after the first attendance on 29 Jan 2024\)/,
        },
      ],
    },
    {
      name: 'after a hospital stay, still not revisited once the new window passed',
      yaml: absentPlan(`contacts:
  - { date: 2024-01-29, outcome: attended }
  - { date: 2024-04-15, outcome: attended }
unavailablePeriods:
  - { kind: hospital, start: 2024-02-02, end: 2024-03-10 }`),
      errors: [{ messageId: 'notRevisited', line: 7, column: 5, message: /Lisa first attended on 29 Jan 2024 and was then in hospital from 2 Feb 2024 to 10 Mar 2024, but no review/ }],
    },
    {
      name: 'after a hospital stay, revisited but later than the window from discharge',
      yaml: absentPlan(`contacts:
  - { date: 2024-01-29, outcome: attended }
unavailablePeriods:
  - { kind: hospital, start: 2024-02-02, end: 2024-03-10 }
reviews:
  - date: 2024-04-08
    participation: { person: in-person }`),
      errors: [{ messageId: 'late', line: 15, column: 11, message: /on 8 Apr 2024, 28 days after Lisa could attend again on 11 Mar 2024 \(in hospital/ }],
    },
    {
      name: 'a revisit "reason" that gives none is no intention recorded',
      yaml: absentPlan('', '  revisit:\n    when: after-first-attendance\n    reason: Did not attend, no reason given.'),
      errors: [{ messageId: 'noIntention', line: 7, column: 5 }],
    },
    {
      name: 'a judgement that no revisit is needed, with no reason, is not respected',
      yaml: absentPlan(firstAttended, '  revisit:\n    when: not-needed\n    reason: No reason.'),
      errors: [{ messageId: 'notRevisited', line: 7, column: 5 }],
    },
    {
      name: 'no attendance yet and no intention to revisit',
      yaml: absentPlan(''),
      errors: [{ messageId: 'noIntention', line: 7, column: 5, message: /^The plan was completed on 22 Jan 2024 without Lisa taking part, and Lisa has not attended yet\./ }],
    },
    {
      name: 'a plan dated before the first attendance, person recorded as taking part by phone',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        plan:
          date: 2024-01-22
          participation: { person: phone }
        contacts:
          - { date: 2024-01-29, outcome: attended }
          - { date: 2024-03-29, outcome: attended }
      `,
      errors: [{ messageId: 'notRevisited', line: 6, column: 18, message: /completed on 22 Jan 2024 before the person first attended/ }],
    },
    {
      name: 'a plan with no record of who took part',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        plan:
          date: 2024-01-22
        contacts:
          - { date: 2024-01-29, outcome: attended }
          - { date: 2024-03-29, outcome: attended }
      `,
      errors: [{ messageId: 'notRevisited', line: 5, column: 9, message: /with no record of the person taking part/ }],
    },
  ],
});
