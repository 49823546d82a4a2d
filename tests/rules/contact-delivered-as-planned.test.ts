import rule from '../../rules/contact-delivered-as-planned.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

testRule(rule, {
  valid: [
    {
      name: 'weekly contact kept up, with a hospital stay and the Easter bank holidays left out of the count',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Ana } }
        sentence: { type: community-order, startDate: 2024-03-04, lengthMonths: 12 }
        unavailablePeriods:
          - { kind: hospital, start: 2024-03-20, end: 2024-04-12, note: Knee operation and rehabilitation ward; officer phoned the ward twice. }
        plan:
          date: 2024-03-05
          contact: { frequency: weekly, types: [office, phone] }
        contacts:
          - { date: 2024-03-05, type: office, outcome: attended }
          - { date: 2024-03-12, type: office, outcome: attended }
          - { date: 2024-03-19, type: office, outcome: attended }
          - { date: 2024-04-15, type: phone, outcome: attended }
          - { date: 2024-04-22, type: office, outcome: failed-to-attend, enforcement: { decision: acceptable, rationale: Physiotherapy appointment moved at short notice; letter seen. } }
          - { date: 2024-04-29, type: office, outcome: attended }
      `,
    },
    {
      name: 'no contact log in the file: nothing to compare, so no finding',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Ana } }
        plan:
          date: 2024-03-05
          contact: { frequency: weekly }
        reviews:
          - { date: 2024-09-01 }
      `,
    },
    {
      name: 'a longer gap explained in the rationale of the contact that ended it',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Ana } }
        plan:
          date: 2024-05-01
          contact: { frequency: fortnightly }
        contacts:
          - { date: 2024-05-01, outcome: attended }
          - date: 2024-06-12
            outcome: attended
            rationale: Working a six-week contract offshore, agreed at the last appointment; weekly texts meanwhile.
      `,
    },
    {
      name: 'contact reduced at a review, then kept at the new level, with home visits offered',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Ana } }
        plan:
          date: 2024-01-08
          contact: { frequency: fortnightly, types: [office, home-visit] }
        contacts:
          - { date: 2024-01-08, type: office, outcome: attended }
          - { date: 2024-01-22, type: home-visit, outcome: failed-to-attend, enforcement: { decision: acceptable, rationale: Nobody in; she rang back the same day and was at the hospital with her son. } }
          - { date: 2024-02-05, type: office, outcome: attended }
          - { date: 2024-02-19, type: office, outcome: attended }
          - { date: 2024-03-18, type: home-visit, outcome: attended }
          - { date: 2024-04-15, type: office, outcome: attended }
        reviews:
          - date: 2024-02-19
            contactChange: { from: fortnightly, to: four-weekly, rationale: Settled at home and in work; no concerns from children's services. }
      `,
    },
    {
      name: 'no contact after recall to prison: supervision in the community stopped',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Ana } }
        sentence: { type: licence, startDate: 2024-01-08, lengthMonths: 24 }
        plan:
          date: 2024-01-08
          contact: { frequency: weekly }
        contacts:
          - { date: 2024-01-08, outcome: attended }
          - { date: 2024-01-15, outcome: attended }
          - date: 2024-01-22
            outcome: failed-to-attend
            enforcement: { decision: unacceptable, action: recall, rationale: Arrested for a new offence against her former partner; recall to protect her. }
        reviews:
          - { date: 2024-06-03 }
      `,
    },
    {
      name: 'gaps in the log where a review records every appointment kept since release: contacts left out of the log, not missed',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Tom, pronouns: he/him } }
        sentence: { type: licence, startDate: 2024-05-06, lengthMonths: 12 }
        plan:
          date: 2024-05-06
          contact: { frequency: weekly, types: [office] }
        contacts:
          - { date: 2024-05-06, type: office, outcome: attended }
          - { date: 2024-05-13, type: office, outcome: attended }
          - { date: 2024-06-03, type: office, outcome: attended }
          - { date: 2024-07-22, type: office, outcome: attended }
          - { date: 2024-08-12, type: office, outcome: attended }
        reviews:
          - date: 2024-08-12
            considered: { compliance: Attended every appointment since release. }
      `,
    },
  ],
  invalid: [
    {
      name: 'six weeks without contact while the plan sets fortnightly contact',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Ana } }
        plan:
          date: 2024-02-19
          contact: { frequency: fortnightly }
        contacts:
          - { date: 2024-02-19, outcome: attended }
          - { date: 2024-03-04, outcome: attended }
          - { date: 2024-04-15, outcome: attended }
      `,
      errors: [
        {
          messageId: 'gap',
          line: 10,
          column: 13,
          message:
            'No contact between 4 Mar and 15 Apr 2024, six weeks, leaving out two bank holidays, while the plan sets fortnightly contact. See Ana as the plan sets, or record why not: a hospital stay, custody or an agreed holiday in unavailablePeriods, or a reason in the rationale of the contact that ended the gap.',
        },
      ],
    },
    {
      name: 'no contact since the last appointment, by a review months later',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Ana } }
        plan:
          date: 2024-06-03
          contact: { frequency: weekly }
        contacts:
          - { date: 2024-06-03, outcome: attended }
        reviews:
          - { date: 2024-07-29 }
      `,
      errors: [
        {
          messageId: 'noContactSince',
          line: 8,
          column: 13,
          message: 'No contact since 3 Jun 2024: eight weeks by the latest record (29 Jul 2024), while the plan sets weekly contact. Arrange contact with Ana, or record why it cannot happen (unavailablePeriods).',
        },
      ],
    },
    {
      name: 'home visits planned but never offered',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Ana } }
        plan:
          date: 2024-01-08
          contact: { frequency: fortnightly, types: [office, home-visit] }
        contacts:
          - { date: 2024-01-08, type: office, outcome: attended }
          - { date: 2024-01-22, type: office, outcome: attended }
          - { date: 2024-02-05, type: office, outcome: attended }
          - { date: 2024-02-19, type: office, outcome: attended }
          - { date: 2024-03-04, type: office, outcome: attended }
      `,
      errors: [
        {
          messageId: 'noHomeVisit',
          line: 6,
          column: 45,
          message: 'The plan has relied on home visits since 8 Jan 2024, but none has been offered in eight weeks. Visit Ana at home as planned, or change the contact types at a review and say why.',
        },
      ],
    },
    {
      name: 'weekly contact that became fortnightly in practice with no decision recorded',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Ana } }
        plan:
          date: 2024-09-02
          contact: { frequency: weekly }
        contacts:
          - { date: 2024-09-02, outcome: attended }
          - { date: 2024-09-16, outcome: attended }
          - { date: 2024-09-30, outcome: attended }
          - { date: 2024-10-14, outcome: attended }
          - { date: 2024-10-28, outcome: attended }
          - { date: 2024-11-11, outcome: attended }
      `,
      errors: [
        {
          messageId: 'levelInPractice',
          line: 8,
          column: 13,
          message:
            'Between 2 Sep and 27 Oct 2024 Ana was offered four contacts, about fortnightly, while the plan sets weekly contact, and no review records a change of level. Agree the change at a review with its reason (contactChange), or return to the planned level.',
        },
      ],
    },
    {
      name: 'the same gaps, with a review that says only "Good.": a bare verdict vouches for nothing',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Tom, pronouns: he/him } }
        sentence: { type: licence, startDate: 2024-05-06, lengthMonths: 12 }
        plan:
          date: 2024-05-06
          contact: { frequency: weekly, types: [office] }
        contacts:
          - { date: 2024-05-06, type: office, outcome: attended }
          - { date: 2024-05-13, type: office, outcome: attended }
          - { date: 2024-06-03, type: office, outcome: attended }
          - { date: 2024-07-22, type: office, outcome: attended }
          - { date: 2024-08-12, type: office, outcome: attended }
        reviews:
          - date: 2024-08-12
            considered: { compliance: Good. }
      `,
      errors: [
        {
          messageId: 'gap',
          line: 11,
          column: 13,
          message:
            'No contact between 13 May and 3 Jun 2024, three weeks, leaving out one bank holiday, while the plan sets weekly contact. See Tom as the plan sets, or record why not: a hospital stay, custody or an agreed holiday in unavailablePeriods, or a reason in the rationale of the contact that ended the gap.',
        },
        { messageId: 'gap', line: 12, column: 13 },
        { messageId: 'gap', line: 13, column: 13 },
      ],
    },
    {
      name: 'a review that says every appointment was kept, but the log records a missed one in its time',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Tom, pronouns: he/him } }
        sentence: { type: licence, startDate: 2024-05-06, lengthMonths: 12 }
        plan:
          date: 2024-05-06
          contact: { frequency: weekly, types: [office] }
        contacts:
          - { date: 2024-05-06, type: office, outcome: attended }
          - { date: 2024-05-13, type: office, outcome: attended }
          - { date: 2024-06-03, type: office, outcome: failed-to-attend, enforcement: { decision: acceptable, rationale: Hospital appointment; letter seen. } }
          - { date: 2024-07-22, type: office, outcome: attended }
          - { date: 2024-08-12, type: office, outcome: attended }
        reviews:
          - date: 2024-08-12
            considered: { compliance: Attended every appointment since release. }
      `,
      errors: [
        { messageId: 'gap', line: 11, column: 13 },
        { messageId: 'gap', line: 12, column: 13 },
        { messageId: 'gap', line: 13, column: 13 },
      ],
    },
    {
      name: 'a review that covers only the first part of the record: later gaps are still gaps',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Tom, pronouns: he/him } }
        sentence: { type: licence, startDate: 2024-05-06, lengthMonths: 12 }
        plan:
          date: 2024-05-06
          contact: { frequency: weekly, types: [office] }
        contacts:
          - { date: 2024-05-06, type: office, outcome: attended }
          - { date: 2024-05-13, type: office, outcome: attended }
          - { date: 2024-06-03, type: office, outcome: attended }
          - { date: 2024-07-22, type: office, outcome: attended }
          - { date: 2024-08-12, type: office, outcome: attended }
        reviews:
          - date: 2024-06-03
            considered: { compliance: Attended every appointment since release. }
      `,
      errors: [
        { messageId: 'gap', line: 12, column: 13 },
        { messageId: 'gap', line: 13, column: 13 },
      ],
    },
  ],
});
