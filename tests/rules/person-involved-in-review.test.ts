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
    { name: 'a short real reason: a hospital admission', yaml: review('participation: { person: absent, absenceReason: Hospital admission. }') },
    { name: 'a short real reason: a bus strike', yaml: review('participation: { person: absent, absenceReason: Bus strike }') },
    { name: 'a short real reason naming who was ill', yaml: review('participation: { person: absent, absenceReason: "Son was ill, sent a text before." }') },
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
            'The review of 15 Mar 2024 was held without the person, and no reason is recorded. Involve the person in reviewing their progress (in person, by phone or video, or in writing); if that was not possible, record why in participation.absenceReason, and what was tried.',
        },
      ],
    },
    {
      name: 'held without the person, placeholder reason',
      yaml: review('participation: { person: absent, absenceReason: TBC }'),
      errors: [{ messageId: 'absentNoReason', line: 5, column: 49, message: /^The review of 15 Mar 2024 was held without the person, and no reason is recorded\./ }],
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
    {
      name: 'a reason that gives no reason, with her pronouns',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Lisa, pronouns: she/her } }
        reviews:
          - { date: 2024-06-15, participation: { person: absent, absenceReason: "Did not attend, no reason." } }
      `,
      errors: [
        {
          messageId: 'weakReason',
          line: 5,
          column: 73,
          message:
            '"Did not attend, no reason." does not say why the review of 15 Jun 2024 was held without Lisa. Say why she could not take part (for example a hospital stay, a new job\'s hours) and what was tried, so the gap is understood.',
        },
      ],
    },
    { name: 'DNA is no reason', yaml: review('participation: { person: absent, absenceReason: DNA }'), errors: [{ messageId: 'weakReason', line: 5, column: 49, message: /^"DNA" does not say why/ }] },
    { name: 'a restatement of the absence', yaml: review('participation: { person: absent, absenceReason: Absent from review. }'), errors: [{ messageId: 'weakReason', line: 5, column: 49 }] },
    { name: '"as discussed" is no reason', yaml: review('participation: { person: absent, absenceReason: As discussed }'), errors: [{ messageId: 'weakReason', line: 5, column: 49 }] },
    {
      name: "a team's own filler phrase (option fillerPhrases)",
      options: { fillerPhrases: ['per SPO'] },
      yaml: review('participation: { person: absent, absenceReason: Per SPO }'),
      errors: [{ messageId: 'weakReason', line: 5, column: 49, message: /^"Per SPO" does not say why/ }],
    },
    {
      name: "a team's floor on length (option minReasonWords)",
      options: { minReasonWords: 3 },
      yaml: review('participation: { person: absent, absenceReason: Unwell }'),
      errors: [{ messageId: 'weakReason', line: 5, column: 49, message: /^"Unwell" does not say why/ }],
    },
  ],
});
