import rule from '../../rules/pre-release-planning.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

/** A licence from release on 6 May 2024, with the given plan and contacts. */
const licence = (rest: string) => yaml`
  kind: case-file
  schemaVersion: 1
  case: { ref: C1, person: { name: Tom } }
  sentence: { type: licence, startDate: 2024-05-06, endDate: 2025-05-05 }
${rest}
`;

testRule(rule, {
  valid: [
    {
      name: 'planned and met before release',
      yaml: licence(`plan: { date: 2024-04-29 }
contacts:
  - { date: 2024-04-22, type: prison-visit, purpose: pre-release, outcome: attended }
  - { date: 2024-05-06, type: office, outcome: attended }`),
    },
    {
      name: 'planned on the day of release, after a video call',
      yaml: licence(`plan: { date: 2024-05-06 }
contacts:
  - { date: 2024-04-30, type: video, outcome: attended }
  - { date: 2024-05-06, type: office, outcome: attended }`),
    },
    {
      name: 'late plan and no meeting, each with a recorded reason',
      yaml: licence(`plan:
  date: 2024-05-13
  lateReason: Released from court with time served; the case was allocated the day after.
contacts:
  - { date: 2024-05-03, type: video, outcome: cancelled-by-service, rationale: Court release came without notice; no time to arrange a visit. }
  - { date: 2024-05-07, type: office, outcome: attended }`),
    },
    {
      name: 'a community order is not judged',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        sentence: { type: community-order, startDate: 2024-05-06 }
        contacts: [{ date: 2024-05-10, outcome: attended }]
      `,
    },
    {
      name: 'the record stops before release: too early to judge',
      yaml: licence(`contacts:
  - { date: 2024-05-08, type: office, outcome: planned }`),
    },
  ],
  invalid: [
    {
      name: 'no plan and no contact before release',
      yaml: licence(`contacts:
  - { date: 2024-05-06, type: office, outcome: attended }`),
      errors: [
        {
          messageId: 'noContact',
          line: 4,
          column: 39,
          message:
            'No contact with Tom before release on 6 May 2024 is recorded. Meet them before release (a prison visit, video or phone call), so the working relationship starts before the first day out; if it could not happen, record the attempt in the contact log with the reason.',
        },
        {
          messageId: 'noPlan',
          line: 4,
          column: 39,
          message: 'No plan is recorded for Tom, who was released on 6 May 2024. Complete the plan before release, with Tom and the prison, so the first days out follow a plan they already know.',
        },
      ],
    },
    {
      name: 'planned after release, met before',
      yaml: licence(`plan: { date: 2024-05-20 }
contacts:
  - { date: 2024-04-22, type: prison-visit, outcome: attended }`),
      errors: [
        {
          messageId: 'planAfterRelease',
          line: 5,
          column: 15,
          message:
            'The first plan was completed on 20 May 2024, 14 days after Tom was released on 6 May 2024. Plan before release, with Tom and the prison, so the first days out follow a plan they already know; or record in lateReason why that was not possible.',
        },
      ],
    },
    {
      name: 'planned before release, but the only pre-release contact was missed with no note',
      yaml: licence(`plan: { date: 2024-04-29 }
contacts:
  - { date: 2024-04-22, type: prison-visit, outcome: cancelled-by-service }
  - { date: 2024-05-06, type: office, outcome: attended }`),
      errors: [{ messageId: 'noContact', line: 4, column: 39, message: /^No contact with Tom before release on 6 May 2024 is recorded\./ }],
    },
    {
      name: 'post-sentence supervision is judged the same way, with a placeholder late reason',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        sentence: { type: post-sentence-supervision, startDate: 2024-05-06, lengthMonths: 12 }
        plan: { date: 2024-05-08, lateReason: TBC }
        contacts: [{ date: 2024-05-01, type: phone, outcome: attended }]
      `,
      errors: [{ messageId: 'planAfterRelease', line: 5, column: 15, message: /^The first plan was completed on 8 May 2024, 2 days after the person was released/ }],
    },
    {
      name: "a team's own filler phrase (option fillerPhrases)",
      options: { fillerPhrases: ['allocated late'] },
      yaml: licence(`plan: { date: 2024-05-20, lateReason: Allocated late }
contacts:
  - { date: 2024-04-22, type: prison-visit, purpose: pre-release, outcome: attended }
  - { date: 2024-05-20, type: office, outcome: attended }`),
      errors: [{ messageId: 'planAfterRelease', line: 5, column: 15 }],
    },
  ],
});
