import rule from '../../rules/requirements-started.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

testRule(rule, {
  valid: [
    {
      name: 'unpaid work started in the second week and on pace, counted from hours in the log',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Jo } }
        sentence:
          type: community-order
          startDate: 2024-01-08
          lengthMonths: 12
          requirements:
            - { id: upw, type: unpaid-work, hours: 60 }
        contacts:
          - { date: 2024-01-13, purpose: unpaid-work, requirement: upw, outcome: attended, hours: 7 }
          - { date: 2024-01-20, purpose: unpaid-work, requirement: upw, outcome: attended, hours: 7 }
          - { date: 2024-02-03, purpose: unpaid-work, requirement: upw, outcome: attended, hours: 7 }
          - { date: 2024-03-02, purpose: unpaid-work, requirement: upw, outcome: attended, hours: 7 }
          - { date: 2024-04-06, purpose: unpaid-work, requirement: upw, outcome: attended, hours: 6 }
      `,
    },
    {
      name: 'a programme not started, with the waiting list recorded as the reason',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Jo } }
        sentence:
          type: community-order
          startDate: 2024-01-08
          lengthMonths: 24
          requirements:
            - id: bbr
              type: accredited-programme
              sessions: 24
              progress: { notStartedReason: "Next Building Better Relationships group starts 3 June; one-to-one preparatory sessions meanwhile." }
        contacts:
          - { date: 2024-05-20, outcome: attended }
      `,
    },
    {
      name: 'RAR slowed by a hospital stay, with the review recording why and the court extending the time',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Jo } }
        sentence:
          type: community-order
          startDate: 2024-01-08
          lengthMonths: 12
          requirements:
            - { id: rar, type: rehabilitation-activity, days: 20, progress: { startedOn: 2024-01-15, delivered: 4, asOf: 2024-08-01, extendedTo: 2025-06-30 } }
        unavailablePeriods:
          - { kind: hospital, start: 2024-02-20, end: 2024-06-30 }
        contacts:
          - { date: 2024-08-01, outcome: attended }
        reviews:
          - date: 2024-07-15
            requirementProgress:
              - { requirement: rar, delivered: 4, note: Four months in hospital after the accident; sessions restart in July at two a month. }
      `,
    },
    {
      name: 'the record does not yet reach the date a start is due: nothing to judge',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Jo } }
        sentence:
          type: community-order
          startDate: 2024-01-08
          requirements:
            - { id: rar, type: rehabilitation-activity, days: 10 }
        contacts:
          - { date: 2024-01-10, purpose: induction, outcome: attended }
      `,
    },
    {
      name: 'a programme the plan sequences after the RAR work, with how and by when but no start date (joel-good)',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Joel, pronouns: he/him } }
        sentence:
          type: community-order
          startDate: 2024-01-15
          lengthMonths: 12
          requirements:
            - { id: programme, type: accredited-programme, sessions: 19 }
        plan:
          date: 2024-01-25
          requirementDelivery:
            - { requirement: programme, how: "Building Choices group on Wednesday afternoons from January, once the RAR work is done.", completeBy: 2025-01-14 }
        reviews:
          - { date: 2024-07-22 }
      `,
    },
  ],
  invalid: [
    {
      name: 'RAR with no session months after sentence',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Jo } }
        sentence:
          type: community-order
          startDate: 2024-01-08
          lengthMonths: 12
          requirements:
            - { id: rar, type: rehabilitation-activity, days: 15 }
        contacts:
          - { date: 2024-01-10, purpose: induction, outcome: attended }
          - { date: 2024-03-20, purpose: supervision, outcome: attended }
      `,
      errors: [
        {
          messageId: 'notStarted',
          line: 9,
          column: 24,
          message:
            'The rehabilitation activity requirement was due to start by 5 Feb 2024 (28 days from sentence, the time set for this check), but by 20 Mar 2024 the record shows no start: no session attended and no progress.startedOn. Start it, or record in progress.notStartedReason why it has not started and what is being done, so Jo is not left unable to complete it.',
        },
      ],
    },
    {
      name: 'unpaid work started two months late with no reason',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Jo } }
        sentence:
          type: community-order
          startDate: 2024-01-08
          lengthMonths: 12
          requirements:
            - { id: upw, type: unpaid-work, hours: 40, progress: { startedOn: 2024-03-16 } }
        contacts:
          - { date: 2024-03-16, purpose: unpaid-work, requirement: upw, outcome: attended, hours: 7 }
      `,
      errors: [
        {
          messageId: 'startedLate',
          line: 9,
          column: 71,
          message:
            "The unpaid work requirement started on 16 Mar 2024, 7 weeks after it was due (22 Jan 2024), and the record does not say why. Record in progress.notStartedReason what held it up, so the delay is seen as the service's or explained.",
        },
      ],
    },
    {
      name: 'unpaid work far behind the pace that finishes it within twelve months',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Jo } }
        sentence:
          type: community-order
          startDate: 2024-01-08
          lengthMonths: 18
          requirements:
            - { id: upw, type: unpaid-work, hours: 150, progress: { startedOn: 2024-01-13, delivered: 21, asOf: 2024-08-01 } }
        contacts:
          - { date: 2024-08-01, outcome: attended }
      `,
      errors: [
        {
          messageId: 'behind',
          line: 9,
          column: 24,
          message:
            'By 1 Aug 2024, 21 of the 150 hours of the unpaid work requirement are done, with 56% of the time to 7 Jan 2025 gone. At this pace Jo will not finish in time: plan how to catch up, and record at a review (requirementProgress.note) what is holding it back.',
        },
      ],
    },
  ],
});
