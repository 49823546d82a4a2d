import rule from '../../rules/requirements-deliverable.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

/** A 12-month community order from 8 Jan 2024 (ending 7 Jan 2025) with a plan of 22 Jan 2024. */
const order = (requirements: string, delivery: string, contacts = '') => yaml`
  kind: case-file
  schemaVersion: 1
  case: { ref: C1, person: { name: Lisa } }
  sentence:
    type: community-order
    startDate: 2024-01-08
    lengthMonths: 12
    requirements: ${requirements}
  plan:
    date: 2024-01-22
    requirementDelivery:
${delivery}
  contacts: ${contacts || '[]'}
`;

const rar15 = '[{ id: rar, type: rehabilitation-activity, days: 15 }]';

/**
 * Back from seven weeks in hospital with 12 of 20 RAR days left: the plan in force (1 Jul 2024)
 * sets the pace for the days still to do. Order of 8 Jan 2024 to 7 Jan 2025.
 */
const afterHospital = (progress: string, rate: number, contacts = '') => yaml`
  kind: case-file
  schemaVersion: 1
  case: { ref: C1, person: { name: Lisa } }
  sentence:
    type: community-order
    startDate: 2024-01-08
    lengthMonths: 12
    requirements:
      - id: rar
        type: rehabilitation-activity
        days: 20
${progress}
  unavailablePeriods:
    - { kind: hospital, start: 2024-05-12, end: 2024-06-28 }
  plan:
    date: 2024-07-01
    version: review
    requirementDelivery:
      - { requirement: rar, how: Weekly one-to-one sessions at first; fewer once Lisa starts work., startBy: 2024-07-08, daysPerMonth: ${rate} }
  contacts: ${contacts || '[]'}
`;
const recordedEight = '      progress: { startedOn: 2024-02-05, delivered: 8, asOf: 2024-05-10 }';
const eightAttended = `[${['02-05', '02-19', '03-04', '03-18', '04-01', '04-15', '04-29', '05-10'].map((d) => `{ date: 2024-${d}, requirement: rar, outcome: attended }`).join(', ')}]`;
const upw120 = '[{ id: upw, type: unpaid-work, hours: 120 }]';

testRule(rule, {
  valid: [
    {
      name: 'RAR days at a pace that fits',
      yaml: order(rar15, '      - { requirement: rar, how: Fortnightly one-to-one sessions., daysPerMonth: 2, completeBy: 2024-11-30 }'),
    },
    {
      name: 'RAR sessions booked in the log, with no pace given',
      yaml: order(
        '[{ id: rar, type: rehabilitation-activity, days: 3 }]',
        '      - { requirement: rar, how: Three sessions on managing conflict. }',
        '[{ date: 2024-02-01, requirement: rar, outcome: attended }, { date: 2024-02-15, requirement: rar, outcome: planned }, { date: 2024-03-01, requirement: rar, outcome: planned }]',
      ),
    },
    {
      name: 'RAR as a number of sessions to be done by a date inside the order: a stated pace',
      yaml: order(rar15, '      - { requirement: rar, how: Twelve weekly one-to-one sessions on drink and conflict from March., startBy: 2024-03-04, completeBy: 2024-06-28 }'),
    },
    {
      name: 'back from hospital with 12 of 20 days left, a recorded count, at a pace that fits the time remaining',
      yaml: afterHospital(recordedEight, 3),
    },
    {
      name: 'back from hospital with 12 of 20 days left, counted from attended RAR sessions in the log',
      yaml: afterHospital('', 3, eightAttended),
    },
    {
      name: 'unpaid work at a pace that fits within 12 months',
      yaml: order(upw120, '      - { requirement: upw, how: Saturday placement., startBy: 2024-02-03, hoursPerWeek: 6 }'),
    },
    {
      name: 'a condition with no amount needs only to say how',
      yaml: order('[{ id: curfew, type: curfew }]', '      - { requirement: curfew, how: Electronic monitoring; breaches reported by the provider. }'),
    },
    {
      name: 'a requirement without an id matched by its type',
      yaml: order('[{ type: alcohol-treatment }]', '      - { requirement: alcohol-treatment, how: Referral to the community alcohol team. }'),
    },
    {
      name: 'no requirements',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        sentence: { type: community-order, startDate: 2024-01-08, lengthMonths: 12 }
        plan: { date: 2024-01-22 }
      `,
    },
    {
      name: 'no plan yet: nothing to judge',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        sentence: { type: community-order, startDate: 2024-01-08, requirements: [{ type: curfew }] }
      `,
    },
  ],
  invalid: [
    {
      name: 'a requirement with no delivery entry',
      yaml: order(rar15, '      - { requirement: other, how: Something else. }'),
      errors: [
        {
          messageId: 'noDelivery',
          line: 12,
          column: 7,
          message:
            'The plan does not say how the rehabilitation activity requirement (up to 15 days) will be delivered. Add a requirementDelivery entry (requirement: rar) saying how, from when and at what pace, so Lisa can have the days they need by 7 Jan 2025.',
        },
      ],
    },
    {
      name: 'RAR days too slow to fit: the worked example',
      yaml: order(rar15, '      - { requirement: rar, how: Monthly sessions., startBy: 2024-03-01, daysPerMonth: 1 }'),
      errors: [
        {
          messageId: 'rarTooSlow',
          line: 12,
          column: 88,
          message:
            'The sentence allows up to 15 RAR days; all 15 at 1 a month from 1 Mar 2024 would take 15 months, and the order ends 7 Jan 2025. Raise the pace, set a completeBy date inside the order, or book the sessions, so Lisa can have the days they need in time.',
        },
      ],
    },
    {
      name: 'back from hospital with 12 of 20 days left, at a pace too slow for the time remaining',
      yaml: afterHospital(recordedEight, 1.5),
      errors: [
        {
          messageId: 'rarTooSlow',
          line: 19,
          column: 134,
          message:
            'The sentence allows up to 20 RAR days; the 12 still to do (8 delivered by 10 May 2024) at 1.5 a month from 8 Jul 2024 would take 8 months, and the order ends 7 Jan 2025. Raise the pace, set a completeBy date inside the order, or book the sessions, so Lisa can have the days they need in time.',
        },
      ],
    },
    {
      name: 'without the days already delivered, the same pace cannot fit',
      yaml: afterHospital('', 3),
      errors: [{ messageId: 'rarTooSlow', line: 19, column: 134, message: /^The sentence allows up to 20 RAR days; all 20 at 3 a month from 8 Jul 2024 would take 6\.7 months/ }],
    },
    {
      name: 'RAR days with no pace and too few sessions booked',
      yaml: order(rar15, '      - { requirement: rar, how: One-to-one sessions. }', '[{ date: 2024-02-01, requirement: rar, outcome: attended }, { date: 2024-02-08, requirement: rar, outcome: failed-to-attend }]'),
      errors: [
        {
          messageId: 'rarNoPace',
          line: 12,
          column: 9,
          message:
            'The plan gives no pace for the RAR days (up to 15), and only 1 of them is delivered or booked before the order ends on 7 Jan 2025. Set daysPerMonth or a completeBy date inside the order in requirementDelivery, or book the sessions, so Lisa can have the days they need in time.',
        },
      ],
    },
    {
      name: 'completion planned after the order ends',
      yaml: order(rar15, '      - { requirement: rar, how: Fortnightly., daysPerMonth: 2, completeBy: 2025-03-31 }'),
      errors: [
        {
          messageId: 'completeAfterEnd',
          line: 12,
          column: 77,
          message:
            'The plan completes the rehabilitation activity requirement (up to 15 days) by 31 Mar 2025, but the order ends on 7 Jan 2025. Plan to finish it in time, so Lisa is not left in breach through no fault of their own.',
        },
      ],
    },
    {
      name: 'unpaid work too slow for the 12 months allowed',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Dan } }
        sentence:
          type: suspended-sentence-order
          startDate: 2024-01-08
          lengthMonths: 24
          requirements: [{ id: upw, type: unpaid-work, hours: 200 }]
        plan:
          date: 2024-01-22
          requirementDelivery:
            - { requirement: upw, how: Saturday half-shift., hoursPerWeek: 3 }
      `,
      errors: [
        {
          messageId: 'unpaidWorkTooSlow',
          line: 12,
          column: 68,
          message:
            "200 hours of unpaid work at 3 hours a week from 22 Jan 2024 need 67 weeks, but unpaid work must be finished within 12 months, by 7 Jan 2025, which leaves 50 weeks. Plan more hours a week, fitted around Dan's work and other commitments, so all the hours fit.",
        },
      ],
    },
    {
      name: 'unpaid work with no weekly hours',
      yaml: order(upw120, '      - { requirement: upw, how: Group placement. }'),
      errors: [
        { messageId: 'unpaidWorkNoPace', line: 12, column: 9, message: /^The plan gives no weekly hours for the 120 hours of unpaid work, so it cannot show they will be done in time \(the order ends on 7 Jan 2025\)\./ },
      ],
    },
    {
      name: 'on licence, a condition with no delivery',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Tom } }
        sentence:
          type: licence
          startDate: 2024-05-06
          endDate: 2025-05-05
          requirements: [{ id: residence, type: residence }]
        plan:
          date: 2024-04-29
      `,
      errors: [
        {
          messageId: 'noDelivery',
          line: 10,
          column: 3,
          message: 'The plan does not say how the residence condition will be delivered. Add a requirementDelivery entry (requirement: residence) saying how it will be delivered and checked while the licence runs.',
        },
      ],
    },
  ],
});
