import rule from '../../rules/overdue-goal-reviewed.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

/** A plan whose housing goal was due on 30 Apr 2025, in a record that runs to `latest`. */
const housingGoal = (extra: string, latest = '2025-09-15') => yaml`
  kind: case-file
  schemaVersion: 1
  case: { ref: C1, person: { name: Dan } }
  plan:
    date: 2025-01-20
    objectives:
      - id: housing
        title: Sort out housing
        targetDate: 2025-04-30
        status: active
${extra}
  contacts:
    - { date: ${latest}, outcome: attended }
`;

testRule(rule, {
  valid: [
    { name: 'a note on the goal since its target date', yaml: housingGoal('      notes: [{ date: 2025-05-06, type: progress, note: On the register; new target July. }]') },
    { name: 'within graceDays of the target date', yaml: housingGoal('', '2025-05-10') },
    { name: 'an achieved goal', yaml: housingGoal('').replace('status: active', 'status: achieved') },
    {
      name: 'a review records progress on it by id',
      yaml: `${housingGoal('')}reviews:\n  - date: 2025-06-01\n    progress: [{ objective: housing, note: Offer of a room in June. }]\n`,
    },
    {
      name: 'an HMPPS export with a progress note after the target date',
      yaml: yaml`
        { "planType": "INITIAL", "agreementStatus": "AGREED", "createdDate": "2025-01-20T09:00:00Z",
          "goals": [{ "title": "Sort out housing", "status": "ACTIVE", "targetDate": "2025-04-30",
                      "notes": [{ "type": "PROGRESS", "note": "Still bidding.", "createdDate": "2025-09-15T16:20:00Z" }] }] }
      `,
    },
    { name: 'a longer graceDays from options', yaml: housingGoal('', '2025-06-10'), options: { graceDays: 60 } },
  ],
  invalid: [
    {
      name: 'still active months after the target date, with nothing since',
      yaml: housingGoal('      notes: [{ date: 2025-03-01, note: Referral made to the housing options team. }]'),
      errors: [
        {
          messageId: 'overdue',
          line: 9,
          column: 19,
          endLine: 9,
          endColumn: 29,
          message:
            'The goal "Sort out housing" was due by 30 Apr 2025 and is still active, with no note on it since (the last was on 1 Mar 2025); the record runs to 15 Sep 2025. Review it with Dan: record the progress made, mark it achieved, or agree a new target date and why.',
        },
      ],
    },
    {
      name: 'an HMPPS export: located at the goal\'s targetDate; "now" is the latest date in the file',
      yaml: yaml`
        { "planType": "INITIAL", "agreementStatus": "AGREED", "createdDate": "2025-01-20T09:00:00Z",
          "goals": [
            { "title": "Sort out housing", "status": "ACTIVE", "targetDate": "2025-04-30", "notes": [] },
            { "title": "Get into work", "status": "REMOVED", "targetDate": "2025-06-30",
              "notes": [{ "type": "REMOVED", "note": "Moved area.", "createdDate": "2025-09-15T16:20:00Z" }] }] }
      `,
      errors: [{ messageId: 'overdue', line: 3, column: 70, message: /^The goal "Sort out housing" was due by 30 Apr 2025 .* with no note on it since; the record runs to 15 Sep 2025\./ }],
    },
  ],
});
