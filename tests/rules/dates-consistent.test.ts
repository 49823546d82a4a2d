import rule from '../../rules/dates-consistent.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

/** A 12-month community order from 8 Jan 2024 (ending 7 Jan 2025); the body starts on line 5. */
const order = (body: string, sentence = '{ type: community-order, startDate: 2024-01-08, lengthMonths: 12 }') => `kind: case-file
schemaVersion: 1
case: { ref: C1, person: { name: Lee } }
sentence: ${sentence}
${body.trimEnd()}
`;

testRule(rule, {
  valid: [
    {
      name: 'everything within the order, the assessment before it for the court report',
      yaml: order(yaml`
        assessment: { date: 2023-12-10 }
        plan:
          date: 2024-01-20
          objectives: [{ title: Lee finds work., targetDate: 2024-12-31 }]
          contact:
            frequency: weekly
            unavailable: [{ days: [weekdays], startDate: 2024-04-01, endDate: 2024-09-30, reason: College course. }]
        contacts:
          - { date: 2024-01-10, outcome: failed-to-attend, enforcement: { decision: acceptable, date: 2024-01-11 } }
        reviews:
          - { date: 2024-04-10, nextReview: 2024-07-10 }
          - { date: 2025-01-14, trigger: end-of-order }
      `),
    },
    {
      // Good practice the guidance encourages: Lee rang the week before to say the hospital had
      // moved his scan, and the officer agreed the absence then.
      name: 'an absence agreed in advance: the acceptable decision is recorded before the appointment',
      yaml: order(yaml`
        contacts:
          - date: 2024-03-12
            outcome: acceptable-absence
            enforcement:
              decision: acceptable
              action: none
              date: 2024-03-05
              rationale: Lee rang on 5 Mar to say his hospital scan had been moved to this morning; letter seen.
      `),
    },
    {
      name: 'licence: planning, contact and a pre-release review before release',
      yaml: order(
        yaml`
          plan: { date: 2024-04-29 }
          contacts:
            - { date: 2024-04-22, type: prison-visit, outcome: attended }
          reviews:
            - { date: 2024-04-30, trigger: pre-release }
        `,
        '{ type: licence, startDate: 2024-05-06, endDate: 2025-05-05 }',
      ),
    },
    {
      name: 'plan targets after the end are left to objectives-smart and requirements-deliverable by default',
      yaml: order(
        'plan:\n  date: 2024-01-20\n  objectives: [{ title: Lee moves into his own flat., targetDate: 2025-06-30 }]\n  requirementDelivery: [{ requirement: rar, how: Weekly sessions., completeBy: 2025-03-01 }]',
      ),
    },
    {
      name: 'a contact before the order with its reason recorded',
      yaml: order('contacts:\n  - { date: 2024-01-02, outcome: attended, rationale: Pre-sentence report interview at court. }'),
    },
    {
      // Judged by what it says, not its length.
      name: 'a contact before the order with a short real reason',
      yaml: order('contacts:\n  - { date: 2024-01-02, outcome: attended, rationale: Hospital admission. }'),
    },
    {
      name: 'officers in order, and a review document alone',
      yaml: yaml`
        kind: review
        schemaVersion: 1
        caseRef: C1
        date: 2024-03-01
        nextReview: 2024-06-01
      `,
    },
  ],
  invalid: [
    {
      name: 'a plan and a review before the order started',
      yaml: order('plan: { date: 2024-01-02 }\nreviews:\n  - { date: 2024-01-05 }'),
      errors: [
        {
          messageId: 'beforeStart',
          line: 5,
          column: 15,
          message: 'The plan is dated 2 Jan 2024, before the order started on 8 Jan 2024. Correct the date.',
        },
        { messageId: 'beforeStart', line: 7, column: 13, message: 'The review is dated 5 Jan 2024, before the order started on 8 Jan 2024. Correct the date.' },
      ],
    },
    {
      name: 'a contact before the order, with no reason',
      yaml: order('contacts:\n  - { date: 2024-01-02, outcome: attended }'),
      errors: [{ messageId: 'beforeStart', line: 6, column: 13, message: /^The contact is dated 2 Jan 2024, before the order started on 8 Jan 2024\. Correct the date, or record in its rationale/ }],
    },
    {
      name: 'a contact before the order, with a "reason" that gives none',
      yaml: order("contacts:\n  - { date: 2024-01-02, outcome: attended, rationale: 'Did not attend, no reason given.' }"),
      errors: [{ messageId: 'beforeStart', line: 6, column: 13, message: /^The contact is dated 2 Jan 2024, before the order started on 8 Jan 2024\. Correct the date, or record in its rationale/ }],
    },
    {
      name: 'a review before release that is not pre-release',
      yaml: order('reviews:\n  - { date: 2024-05-01, trigger: scheduled }', '{ type: licence, startDate: 2024-05-06, endDate: 2025-05-05 }'),
      errors: [{ messageId: 'beforeStart', line: 6, column: 13, message: /before the licence started on 6 May 2024\. Correct the date, or set its trigger to pre-release/ }],
    },
    {
      name: 'a target date after the order ends, when asked to judge plan targets',
      yaml: order('plan:\n  date: 2024-01-20\n  objectives:\n    - { title: Lee moves into his own flat., targetDate: 2025-06-30 }'),
      options: { planTargets: true },
      errors: [
        {
          messageId: 'targetAfterEnd',
          line: 8,
          column: 58,
          message: 'The target date 30 Jun 2025 for "Lee moves into his own flat." is after the order ends on 7 Jan 2025. Set a target Lee can reach while supervised, or split the objective into steps that fit.',
        },
      ],
    },
    {
      name: 'contacts and reviews after the order ends, other than the end-of-order review',
      yaml: order(yaml`
        contacts:
          - { date: 2025-01-14, outcome: attended }
          - { date: 2025-02-03, outcome: planned }
        reviews:
          - { date: 2025-01-14, trigger: end-of-order }
          - { date: 2025-02-03, trigger: scheduled }
      `),
      errors: [
        {
          messageId: 'afterEnd',
          line: 7,
          column: 13,
          message: 'The contact (planned) is dated 3 Feb 2025, after the order ends on 7 Jan 2025. Correct the date: work and contact need to fall within the order.',
        },
        { messageId: 'afterEnd', line: 10, column: 13, message: /^The review is dated 3 Feb 2025, after the order ends on 7 Jan 2025\./ },
      ],
    },
    {
      name: 'dates that contradict each other',
      yaml: order(yaml`
        plan:
          date: 2024-01-20
          contact:
            frequency: weekly
            unavailable: [{ days: [monday], startDate: 2024-06-01, endDate: 2024-03-01, reason: Hospital clinic. }]
        contacts:
          - { date: 2024-02-05, outcome: failed-to-attend, enforcement: { decision: unacceptable, date: 2024-02-01 } }
        reviews:
          - { date: 2024-04-10, nextReview: 2024-03-10 }
      `),
      errors: [
        {
          messageId: 'windowEndsBeforeStart',
          line: 9,
          column: 69,
          message: 'The time Lee cannot attend ("Hospital clinic.") stops applying on 1 Mar 2024, before it starts on 1 Jun 2024. Correct one of the dates so appointments are booked around it.',
        },
        { messageId: 'decisionBeforeAbsence', line: 11, column: 97, message: 'The decision on the absence is dated 1 Feb 2024, before the missed appointment on 5 Feb 2024. Correct one of the dates.' },
        { messageId: 'nextReviewBeforeReview', line: 13, column: 37, message: 'The next review is set for 10 Mar 2024, before this review was held on 10 Apr 2024. Correct the date of the next review.' },
      ],
    },
    {
      name: 'requirement delivery planned to finish before it starts',
      yaml: order(
        yaml`
          plan:
            date: 2024-01-20
            requirementDelivery:
              - requirement: rar
                how: Fortnightly one-to-one sessions at the office, then group work at the women's centre.
                startBy: 2024-06-01
                completeBy: 2024-03-01
                daysPerMonth: 2
        `,
        '{ type: community-order, startDate: 2024-01-08, lengthMonths: 12, requirements: [{ id: rar, type: rehabilitation-activity, days: 15 }] }',
      ),
      errors: [{ messageId: 'completeBeforeStart', line: 11, column: 19, message: 'Delivery of requirement rar is to complete by 1 Mar 2024, before it starts on 1 Jun 2024. Correct one of the dates.' }],
    },
    {
      name: 'an officer handing on before taking on',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case:
          ref: C1
          officers:
            - { name: RO Shah, from: 2024-03-01, to: 2024-02-01 }
      `,
      errors: [{ messageId: 'toBeforeFrom', line: 6, column: 46, message: 'RO Shah is recorded as handing the case on (1 Feb 2024) before taking it on (1 Mar 2024). Correct one of the dates.' }],
    },
    {
      name: 'a sentence that ends before it starts',
      yaml: order('plan: { date: 2030-01-01 }', '{ type: community-order, startDate: 2024-01-08, endDate: 2023-01-07 }'),
      errors: [
        {
          messageId: 'endBeforeStart',
          line: 4,
          column: 68,
          message: 'The sentence ends on 7 Jan 2023, before it starts on 8 Jan 2024. Correct one of the dates: every other date in the case is judged against them.',
        },
      ],
    },
  ],
});
