import rule from '../../rules/agreement-followed-up.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

testRule(rule, {
  valid: [
    {
      name: 'a later plan records the answer',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-01-20
        agreement: { status: could-not-answer, reason: Too unwell to go through it; to revisit next week. }
        ---
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-02-03
        agreement: { status: did-not-agree, reason: Does not want the alcohol referral yet. }
      `,
    },
    {
      name: 'an HMPPS export: "could not answer", then agreed in the same version',
      yaml: yaml`
        { "planType": "INITIAL", "agreementStatus": "UPDATED_AGREED", "createdDate": "2025-01-20T09:00:00Z",
          "agreementNotes": [
            { "agreementStatus": "COULD_NOT_ANSWER", "agreementStatusNote": "Too unwell.", "createdDate": "2025-01-20T09:30:00Z" },
            { "agreementStatus": "UPDATED_AGREED", "createdDate": "2025-03-01T10:00:00Z" }],
          "goals": [{ "title": "Keep my tenancy", "notes": [{ "note": "On track.", "createdDate": "2025-09-01T10:00:00Z" }] }] }
      `,
    },
    {
      name: 'a larger withinDays from options: an answer 49 days later is in time',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-01-20
        agreement: { status: could-not-answer, reason: Too unwell to go through it; to revisit next week. }
        ---
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-03-10
        agreement: { status: agreed }
      `,
      options: { withinDays: 60 },
    },
    {
      // Admitted to hospital the day after the plan was put to him: the answer is judged from the
      // day he could be asked again (15 Mar), so one recorded on 1 Apr is in time.
      name: 'time in hospital does not count: answered soon after discharge',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Dan } }
        plan:
          date: 2025-01-20
          agreement: { status: could-not-answer, reason: Too unwell to go through it; to revisit next week. }
        unavailablePeriods:
          - { kind: hospital, start: 2025-01-21, end: 2025-03-14, note: Sectioned under the Mental Health Act. }
        ---
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-04-01
        agreement: { status: agreed }
      `,
    },
  ],
  invalid: [
    {
      name: 'due, not yet late: the record ends inside the window (a warning with the date it is due)',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Dan } }
        plan:
          date: 2025-01-20
          agreement: { status: could-not-answer, reason: Too unwell to go through it; to revisit next week. }
        contacts:
          - { date: 2025-02-10, outcome: attended }
      `,
      errors: [
        {
          messageId: 'due',
          severity: 'warning',
          line: 6,
          column: 24,
          message:
            'Dan could not answer whether they agree to the plan of 20 Jan 2025. Their answer is due by 17 Feb 2025, 28 days after they could not answer on 20 Jan 2025 (the window set for this check): go through the plan with Dan when you next meet, and record whether they agree and, if not, why.',
        },
      ],
    },
    {
      name: 'a larger withinDays from options: still due',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        plan:
          date: 2025-01-20
          agreement: { status: could-not-answer, reason: Too unwell to go through it; to revisit next week. }
        contacts:
          - { date: 2025-03-10, outcome: attended }
      `,
      options: { withinDays: 60 },
      errors: [{ messageId: 'due', severity: 'warning', line: 6, column: 24, message: /due by 21 Mar 2025, 60 days after/ }],
    },
    {
      // The page promised this all along; the rule used to go quiet once any later answer existed.
      name: 'an answer recorded, but later than the window',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-01-20
        agreement: { status: could-not-answer, reason: Too unwell to go through it; to revisit next week. }
        ---
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-04-07
        version: review
        agreement: { status: agreed, date: 2025-04-07 }
      `,
      errors: [
        {
          messageId: 'late',
          severity: 'error',
          line: 12,
          column: 22,
          message:
            'The answer the person gave on the plan of 20 Jan 2025 was recorded on 7 Apr 2025, 77 days after they could not answer on 20 Jan 2025, beyond the 28 days set for this check. Go through a plan with the person soon after they could not answer, so it is not carried out for weeks without them knowing or agreeing to it.',
        },
      ],
    },
    {
      name: 'a late answer after a hospital stay is counted from discharge',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Dan } }
        plan:
          date: 2025-01-20
          agreement: { status: could-not-answer, reason: Too unwell to go through it; to revisit next week. }
        unavailablePeriods:
          - { kind: hospital, start: 2025-01-21, end: 2025-02-14 }
        ---
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-04-01
        agreement: { status: did-not-agree, reason: Dan does not want the alcohol referral yet. }
      `,
      errors: [
        {
          messageId: 'late',
          line: 14,
          column: 22,
          message: /recorded on 1 Apr 2025, 45 days after Dan could attend again on 15 Feb 2025 \(in hospital from 21 Jan 2025 to 14 Feb 2025, after they could not answer on 20 Jan 2025\)/,
        },
      ],
    },
    {
      name: 'never followed up while the case went on',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Dan } }
        plan:
          date: 2025-01-20
          agreement:
            status: could-not-answer
            reason: Too unwell to go through it; to revisit next week.
        contacts:
          - { date: 2025-03-10, outcome: attended }
      `,
      errors: [
        {
          messageId: 'notFollowedUp',
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 29,
          message:
            'Dan could not answer whether they agree to the plan of 20 Jan 2025, and no later version records their answer, though the record runs to 10 Mar 2025. Go through the plan with Dan when you next meet, and record whether they agree and, if not, why.',
        },
      ],
    },
    {
      name: 'answered once, then "could not answer" at a later review with no answer since',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-01-20
        agreement: { status: agreed }
        ---
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-06-02
        version: review
        agreement: { status: could-not-answer, date: 2025-06-02, reason: In hospital; I will share the plan on the ward. }
        objectives:
          - title: Keep my tenancy
            notes: [{ date: 2025-08-01, note: Back home and paying rent. }]
      `,
      errors: [{ messageId: 'notFollowedUp', line: 12, column: 22, message: /plan of 2 Jun 2025, .* runs to 1 Aug 2025\./ }],
    },
    {
      name: "an HMPPS export: located at the version's agreementStatus",
      yaml: yaml`
        { "planType": "INITIAL", "agreementStatus": "COULD_NOT_ANSWER", "createdDate": "2025-01-20T09:00:00Z",
          "agreementDate": "2025-01-20T09:40:00Z",
          "goals": [{ "title": "Sort out housing", "status": "REMOVED",
                      "notes": [{ "type": "REMOVED", "note": "Moved area.", "createdDate": "2025-09-15T16:20:00Z" }] }] }
      `,
      errors: [{ messageId: 'notFollowedUp', line: 1, column: 45, endLine: 1, endColumn: 63, message: /runs to 15 Sep 2025\./ }],
    },
  ],
});
