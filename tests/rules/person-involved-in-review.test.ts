import rule from '../../rules/person-involved-in-review.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

const review = (participation: string) => yaml`
  kind: review
  schemaVersion: 1
  caseRef: C1
  date: 2024-03-15
  ${participation}
`;

testRule(rule, {
  valid: [
    { name: 'taking part in person', yaml: review('participation: { person: in-person }') },
    { name: 'taking part by phone', yaml: review('participation: { person: phone }') },
    { name: 'taking part in writing', yaml: review('participation: { person: written }') },
    {
      name: 'absent, with the reason and what was tried',
      yaml: review('participation: { person: absent, absenceReason: In hospital after surgery; I sent the draft and will go through it at the home visit next week. }'),
    },
  ],
  invalid: [
    {
      name: 'no record of who took part',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Lisa } }
        reviews:
          - date: 2024-03-15
            trigger: scheduled
      `,
      errors: [
        {
          messageId: 'noRecord',
          line: 5,
          column: 5,
          message:
            'The review of 15 Mar 2024 does not record whether Lisa took part. Record participation.person (in-person, phone, video, written or absent): a review is stronger when Lisa helps judge their own progress.',
        },
      ],
    },
    {
      name: 'held without the person, no reason',
      yaml: review('participation: { person: absent }'),
      errors: [
        {
          messageId: 'absentNoReason',
          line: 5,
          column: 16,
          message:
            'The review of 15 Mar 2024 was held without the person on probation, and no reason is recorded. Involve the person on probation in reviewing their progress (in person, by phone or video, or in writing); if that was not possible, record why in participation.absenceReason, and what was tried.',
        },
      ],
    },
    {
      name: 'held without the person, placeholder reason',
      yaml: review('participation: { person: absent, absenceReason: TBC }'),
      errors: [{ messageId: 'absentNoReason', line: 5, column: 49, message: /^The review of 15 Mar 2024 was held without the person on probation, and no reason is recorded\./ }],
    },
    {
      name: 'each review is judged',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Lisa } }
        reviews:
          - { date: 2024-03-15, participation: { person: in-person } }
          - { date: 2024-06-15, participation: { person: absent } }
      `,
      errors: [{ messageId: 'absentNoReason', line: 6, column: 40, message: /^The review of 15 Jun 2024 was held without Lisa/ }],
    },
  ],
});
