import rule from '../../rules/plan-adjusted-after-concerns.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

/** Jo's case: two missed appointments with no decision (lines 5–6); the review from line 8. */
const afterTwoMissed = (review: string) => `kind: case-file
schemaVersion: 1
case: { ref: C1, person: { name: Jo } }
contacts:
  - { date: 2024-04-03, outcome: failed-to-attend }
  - { date: 2024-04-10, outcome: failed-to-attend }
reviews:
${review.trimEnd()}
`;

testRule(rule, {
  valid: [
    {
      name: 'the review changes the plan',
      yaml: afterTwoMissed(yaml`
        - date: 2024-04-24
          planChanges:
            - change: Appointments moved to Thursday afternoons, after Jo's shifts.
              rationale: Both missed appointments clashed with Jo's new shift pattern.
      `),
    },
    {
      name: 'the review changes contact',
      yaml: afterTwoMissed('  - { date: 2024-04-24, contactChange: { from: fortnightly, to: weekly, rationale: More support while things are unsettled. } }'),
    },
    {
      name: 'the review records why no change is needed',
      yaml: afterTwoMissed(yaml`
        - date: 2024-04-24
          planChanges:
            - change: No change to the plan.
              rationale: Both absences were during a bereavement that is now behind Jo; the current pattern worked well before it.
      `),
    },
    {
      name: 'a real change that mentions what stays the same',
      yaml: afterTwoMissed('  - { date: 2024-04-24, planChanges: [{ change: "Objectives unchanged; appointments moved to video on Jo\'s early-shift weeks." }] }'),
    },
    {
      name: 'no review yet (review-when-triggered judges that)',
      yaml: afterTwoMissed('  []'),
    },
    {
      name: 'a single concern does not reach the threshold',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        contacts:
          - { date: 2024-04-03, outcome: failed-to-attend }
          - { date: 2024-04-10, outcome: attended }
        reviews:
          - { date: 2024-04-24 }
      `,
    },
    {
      name: 'a higher threshold from options',
      yaml: afterTwoMissed('  - { date: 2024-04-24 }'),
      options: { concernThreshold: 3 },
    },
  ],
  invalid: [
    {
      name: 'the review after the concerns changes nothing',
      yaml: afterTwoMissed('  - { date: 2024-04-24, trigger: compliance-concern, planChanges: [] }'),
      errors: [
        {
          messageId: 'notAdjusted',
          line: 8,
          column: 67,
          message:
            'After missed appointments on 3 Apr 2024 and 10 Apr 2024, the review of 24 Apr 2024 changed nothing in the plan or in contact. Adjust the plan to what is getting in the way for Jo (appointment times, type of contact, support), or add a planChanges entry saying no change is needed, with the rationale.',
        },
      ],
    },
    {
      name: 'no planChanges at all',
      yaml: afterTwoMissed('  - { date: 2024-05-30 }'),
      errors: [{ messageId: 'notAdjusted', line: 8, column: 5, message: /the review of 30 May 2024 changed nothing/ }],
    },
    {
      name: '"no change" without a reason',
      yaml: afterTwoMissed(yaml`
        - date: 2024-04-24
          planChanges:
            - change: Plan unchanged.
      `),
      errors: [
        {
          messageId: 'noChangeUnexplained',
          line: 10,
          column: 7,
          message:
            "The review of 24 Apr 2024 keeps the plan as it is after missed appointments on 3 Apr 2024 and 10 Apr 2024, but does not say why. Record in this entry's rationale why the plan still fits Jo despite the concerns.",
        },
      ],
    },
    {
      name: 'a placeholder change is not an adjustment',
      yaml: afterTwoMissed(yaml`
        - date: 2024-04-24
          planChanges:
            - { change: TBC }
      `),
      errors: [{ messageId: 'notAdjusted', line: 10, column: 5 }],
    },
    {
      name: 'a recorded concern and a missed appointment together',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        contacts:
          - { date: 2024-04-03, outcome: failed-to-attend, enforcement: { decision: unacceptable, action: warning, rationale: No reason given. } }
        events:
          - { date: 2024-04-12, type: compliance-concern, detail: Positive test for cocaine. }
        reviews:
          - { date: 2024-04-24 }
      `,
      errors: [{ messageId: 'notAdjusted', line: 9, column: 5, message: /^After a missed appointment on 3 Apr 2024 and a recorded concern on 12 Apr 2024, the review/ }],
    },
    {
      name: 'a rationale that repeats the decision',
      yaml: afterTwoMissed(yaml`
        - date: 2024-04-24
          planChanges:
            - { change: Plan unchanged., rationale: No change needed; plan still appropriate. }
      `),
      errors: [{ messageId: 'noChangeUnexplained', line: 10, column: 45, message: /^The review of 24 Apr 2024 keeps the plan as it is/ }],
    },
    {
      name: "a team's own filler phrase (option fillerPhrases)",
      options: { fillerPhrases: ['as per supervision'] },
      yaml: afterTwoMissed(yaml`
        - date: 2024-04-24
          planChanges:
            - { change: Plan unchanged., rationale: As per supervision }
      `),
      errors: [{ messageId: 'noChangeUnexplained', line: 10, column: 45 }],
    },
  ],
});
