import rule from '../../rules/review-when-triggered.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

/** Sam's case file; the body starts on line 4. */
const caseFile = (body: string) => `kind: case-file
schemaVersion: 1
case: { ref: C1, person: { name: Sam } }
${body.trimEnd()}
`;

/** Two missed appointments with no decision (lines 5 and 6), and a contact long after them. */
const twoMissed = `contacts:
  - { date: 2024-04-03, outcome: failed-to-attend }
  - { date: 2024-04-10, outcome: failed-to-attend }
  - { date: 2024-06-26, outcome: attended }
`;

testRule(rule, {
  valid: [
    { name: 'repeated concerns followed by a review', yaml: caseFile(twoMissed + 'reviews:\n  - { date: 2024-04-24, trigger: compliance-concern }') },
    {
      // Recalled to custody a week after the second missed appointment: the review could not be
      // held with Sam until his release, and one held within 28 days of that is in time.
      name: 'time in custody after the concerns restarts the window from release',
      yaml: caseFile(yaml`
        contacts:
          - { date: 2024-04-03, outcome: failed-to-attend }
          - { date: 2024-04-10, outcome: failed-to-attend }
          - { date: 2024-06-26, outcome: attended }
        unavailablePeriods:
          - { kind: custody, start: 2024-04-17, end: 2024-05-30, note: Remanded on a new charge; released on bail. }
        reviews:
          - { date: 2024-06-12, trigger: compliance-concern, participation: { person: in-person } }
      `),
    },
    {
      name: 'absences judged acceptable are not compliance concerns',
      yaml: caseFile(yaml`
        contacts:
          - { date: 2024-04-03, outcome: failed-to-attend, enforcement: { decision: acceptable, rationale: Hospital appointment; letter seen. } }
          - { date: 2024-04-10, outcome: failed-to-attend, enforcement: { decision: acceptable, rationale: Child taken ill at school. } }
          - { date: 2024-06-26, outcome: attended }
      `),
    },
    {
      name: 'a recorded judgement that the concerns do not need a review',
      yaml: caseFile(
        twoMissed +
          yaml`
            events:
              - date: 2024-04-12
                type: other
                detail: Discussed both absences with Sam and my manager.
                reviewNotNeeded: Both absences were on the days of Sam's new shift pattern, now fixed; appointments have moved to Thursdays.
          `,
      ),
    },
    {
      // Judged by what it says, not its length.
      name: 'a short real reason no review is needed',
      yaml: caseFile(yaml`
        events:
          - { date: 2024-05-01, type: change-of-circumstances, detail: Moved to his sister's., reviewNotNeeded: Hospital admission. }
        contacts:
          - { date: 2024-07-01, outcome: attended }
      `),
    },
    {
      name: 'a change of circumstances followed by a review',
      yaml: caseFile(yaml`
        events:
          - { date: 2024-05-01, type: change-of-circumstances, detail: Lost his room at the hostel. }
        reviews:
          - { date: 2024-05-20, trigger: change-of-circumstances }
      `),
    },
    {
      name: 'a change of circumstances the plan already provides for',
      yaml: caseFile(yaml`
        events:
          - date: 2024-05-01
            type: change-of-circumstances
            detail: Started his apprenticeship.
            reviewNotNeeded: The plan already moves appointments to evenings from this date, as agreed with Sam.
        contacts:
          - { date: 2024-07-01, outcome: attended }
      `),
    },
    {
      name: 'a contact change agreed at a review before it takes effect',
      yaml: caseFile(yaml`
        reviews:
          - date: 2024-08-12
            contactChange: { from: weekly, to: fortnightly, effectiveFrom: 2024-08-26, rationale: Steady progress. }
      `),
    },
    {
      name: 'a higher threshold from options',
      yaml: caseFile(twoMissed),
      options: { concernThreshold: 3 },
    },
  ],
  invalid: [
    {
      name: 'two missed appointments and no review',
      yaml: caseFile(twoMissed),
      errors: [
        {
          messageId: 'concerns',
          line: 6,
          column: 34,
          message:
            "2 compliance concerns were recorded by 10 Apr 2024 (missed appointments on 3 Apr 2024 and 10 Apr 2024), but no review followed within the 28 days set for this check. Review the plan with Sam: what is getting in the way, and what needs to change. If a review is not needed, record why in an event's reviewNotNeeded.",
        },
      ],
    },
    {
      name: 'a review held, but late',
      yaml: caseFile(twoMissed + 'reviews:\n  - { date: 2024-06-26 }'),
      errors: [{ messageId: 'concerns', line: 6, column: 34, message: /within the 28 days set for this check \(the next review was on 26 Jun 2024\)\./ }],
    },
    {
      name: 'a missed appointment and a recorded concern count together',
      yaml: caseFile(yaml`
        contacts:
          - { date: 2024-04-03, outcome: failed-to-attend, enforcement: { decision: unacceptable, action: warning, rationale: No reason given. } }
          - { date: 2024-06-26, outcome: attended }
        events:
          - { date: 2024-04-20, type: compliance-concern, detail: Police report him with former associates. }
      `),
      errors: [{ messageId: 'concerns', line: 8, column: 31, message: /^2 compliance concerns were recorded by 20 Apr 2024 \(a missed appointment on 3 Apr 2024 and a recorded concern on 20 Apr 2024\)/ }],
    },
    {
      name: 'due, not yet late: the record ends inside the window (a warning with the date it is due)',
      yaml: caseFile(yaml`
        contacts:
          - { date: 2024-04-03, outcome: failed-to-attend }
          - { date: 2024-04-10, outcome: failed-to-attend }
          - { date: 2024-04-17, outcome: attended }
          - { date: 2024-06-26, outcome: planned }
      `),
      errors: [
        {
          messageId: 'concernsDue',
          severity: 'warning',
          line: 6,
          column: 34,
          message:
            "2 compliance concerns were recorded by 10 Apr 2024 (missed appointments on 3 Apr 2024 and 10 Apr 2024). A review with Sam is due by 8 May 2024, 28 days after the concern of 10 Apr 2024 (the window set for this check): what is getting in the way, and what needs to change. If a review is not needed, record why in an event's reviewNotNeeded.",
        },
      ],
    },
    {
      name: 'a change of circumstances with the review still due',
      yaml: caseFile(yaml`
        events:
          - { date: 2024-05-01, type: change-of-circumstances, detail: Lost his room at the hostel. }
        contacts:
          - { date: 2024-05-15, outcome: attended }
      `),
      errors: [
        {
          messageId: 'circumstancesDue',
          severity: 'warning',
          line: 5,
          column: 31,
          message:
            'A change of circumstances was recorded on 1 May 2024 ("Lost his room at the hostel."). A review with Sam is due by 29 May 2024, 28 days after the change on 1 May 2024 (the window set for this check), so that contact and objectives still fit their life; or record in reviewNotNeeded why no review is needed.',
        },
      ],
    },
    {
      name: 'due after time in hospital: counted from when the person could attend again',
      yaml: caseFile(yaml`
        events:
          - { date: 2024-05-01, type: change-of-circumstances, detail: Lost his room at the hostel. }
        unavailablePeriods:
          - { kind: hospital, start: 2024-05-10, end: 2024-06-20 }
        contacts:
          - { date: 2024-07-01, outcome: attended }
      `),
      errors: [
        {
          messageId: 'circumstancesDue',
          severity: 'warning',
          line: 5,
          column: 31,
          message: /due by 19 Jul 2024, 28 days after Sam could attend again on 21 Jun 2024 \(in hospital from 10 May 2024 to 20 Jun 2024, after the change on 1 May 2024\)/,
        },
      ],
    },
    {
      name: 'a change of circumstances with no review',
      yaml: caseFile(yaml`
        events:
          - { date: 2024-05-01, type: change-of-circumstances, detail: Lost his room at the hostel. }
        contacts:
          - { date: 2024-07-01, outcome: attended }
      `),
      errors: [
        {
          messageId: 'circumstances',
          line: 5,
          column: 31,
          message:
            'A change of circumstances was recorded on 1 May 2024 ("Lost his room at the hostel."), but no review followed within the 28 days set for this check. Review the plan with Sam so that contact and objectives still fit their life, or record in reviewNotNeeded why no review is needed.',
        },
      ],
    },
    {
      name: 'a "reason" that gives none is not a reason for no review',
      yaml: caseFile(yaml`
        events:
          - { date: 2024-05-01, type: change-of-circumstances, detail: Lost his room at the hostel., reviewNotNeeded: 'Did not attend, no reason given.' }
        contacts:
          - { date: 2024-07-01, outcome: attended }
      `),
      errors: [{ messageId: 'circumstances', line: 5, column: 31 }],
    },
    {
      name: 'a placeholder is not a reason for no review, and a shorter window applies',
      yaml: caseFile(yaml`
        events:
          - { date: 2024-05-01, type: change-of-circumstances, detail: New baby., reviewNotNeeded: N/A }
        reviews:
          - { date: 2024-05-20 }
      `),
      options: { withinDays: 14 },
      errors: [{ messageId: 'circumstances', line: 5, column: 31, message: /no review followed within the 14 days set for this check \(the next review was on 20 May 2024\)/ }],
    },
    {
      name: 'contact reduced before the review that records it',
      yaml: caseFile(yaml`
        reviews:
          - date: 2024-08-12
            contactChange: { from: weekly, to: fortnightly, effectiveFrom: 2024-07-29, rationale: Steady progress. }
      `),
      errors: [
        {
          messageId: 'changedBeforeReview',
          line: 6,
          column: 68,
          message: 'Contact changed from weekly to fortnightly on 29 Jul 2024, before the review of 12 Aug 2024 that records the change. Hold the review first, so the change is agreed with Sam before it takes effect.',
        },
      ],
    },
    {
      name: 'a new plan changes the contact level with no review',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2024-01-10
        contact: { frequency: weekly }
        ---
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2024-05-10
        contact: { frequency: monthly }
      `,
      errors: [{ messageId: 'contactWithoutReview', line: 11, column: 23, message: /^The plan of 10 May 2024 changes contact from weekly to monthly, but no review before it records that change\./ }],
    },
  ],
});
