import rule from '../../rules/agreement-recorded.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

const plan = (body: string) => yaml`
  kind: sentence-plan
  schemaVersion: 1
  caseRef: C1
  date: 2024-03-15
${body}
`;

testRule(rule, {
  valid: [
    { name: 'agreed, with the date', yaml: plan('agreement: { status: agreed, date: 2024-03-15 }') },
    {
      name: 'did not agree, with the reason',
      yaml: plan(`agreement:
  status: did-not-agree
  reason: He does not accept the alcohol objective; we agreed to revisit it after two sessions.`),
    },
    {
      name: 'could not answer, with the reason',
      yaml: plan(`agreement:
  status: could-not-answer
  reason: Too unwell to discuss the plan; I will go through it with her at the next home visit.`),
    },
    { name: 'a short real reason', yaml: plan('agreement: { status: could-not-answer, reason: In hospital. }') },
  ],
  invalid: [
    {
      name: 'no agreement recorded',
      yaml: plan(''),
      errors: [
        {
          messageId: 'missing',
          line: 1,
          column: 1,
          message:
            'The plan of 15 Mar 2024 does not record whether the person agreed to it. After going through it with the person, add agreement with the status (agreed, did-not-agree or could-not-answer) and the date.',
        },
      ],
    },
    {
      name: 'did not agree, no reason',
      yaml: plan('agreement: { status: did-not-agree }'),
      errors: [
        {
          messageId: 'noReason',
          line: 5,
          column: 12,
          message:
            'The plan of 15 Mar 2024 records that the person did not agree to it, but not why. Say in agreement.reason what the person disagreed with or why they could not answer, and when you will go through the plan with them again.',
        },
      ],
    },
    {
      name: 'could not answer, placeholder reason',
      yaml: plan('agreement: { status: could-not-answer, reason: TBC }'),
      errors: [
        {
          messageId: 'weakReason',
          line: 5,
          column: 48,
          message: '"TBC" does not explain why the person could not answer. Say what they disagreed with or why they could not answer, and when you will go through the plan with them again.',
        },
      ],
    },
    {
      name: 'a reason too short, with a stricter option',
      yaml: plan('agreement: { status: did-not-agree, reason: Disputes the alcohol objective. }'),
      options: { minReasonWords: 6 },
      errors: [{ messageId: 'weakReason', line: 5, column: 45, message: /^"Disputes the alcohol objective\." does not explain why the person did not agree to it\./ }],
    },
    {
      name: 'uses the recorded name in a case file',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Tom } }
        plan:
          date: 2024-04-29
      `,
      errors: [{ messageId: 'missing', line: 5, column: 3, message: /whether Tom agreed to it\. After going through it with Tom,/ }],
    },
    {
      name: 'a reason that repeats the status',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        person: { name: Sam, pronouns: they/them }
        date: 2024-03-15
        agreement: { status: did-not-agree, reason: Did not agree with the plan. }
      `,
      errors: [
        {
          messageId: 'weakReason',
          line: 6,
          column: 45,
          message: '"Did not agree with the plan." does not explain why Sam did not agree to it. Say what they disagreed with or why they could not answer, and when you will go through the plan with them again.',
        },
      ],
    },
    {
      name: "a team's own filler phrase (option fillerPhrases)",
      options: { fillerPhrases: ['see contact log'] },
      yaml: plan('agreement: { status: could-not-answer, reason: See contact log }'),
      errors: [{ messageId: 'weakReason', line: 5, column: 48 }],
    },
  ],
});
