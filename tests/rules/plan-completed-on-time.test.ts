import rule from '../../rules/plan-completed-on-time.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

const caseWith = (sentence: string, plan: string) => yaml`
  kind: case-file
  schemaVersion: 1
  case: { ref: C1, person: { name: Lisa } }
  sentence: ${sentence}
  plan:
${plan}
`;

const order = '{ type: community-order, startDate: 2024-01-08, lengthMonths: 12 }';

testRule(rule, {
  valid: [
    { name: 'completed ten working days after sentence', yaml: caseWith(order, '  date: 2024-01-22') },
    { name: 'completed on the fifteenth working day', yaml: caseWith(order, '  date: 2024-01-29') },
    {
      name: 'bank holidays are not counted: 15 working days over Easter 2024',
      yaml: caseWith('{ type: community-order, startDate: 2024-03-25, lengthMonths: 12 }', '  date: 2024-04-16'),
    },
    {
      name: 'on licence, completed before release',
      yaml: caseWith('{ type: licence, startDate: 2024-05-06, endDate: 2025-05-05 }', '  date: 2024-04-29'),
    },
    {
      name: 'late, with a recorded reason',
      yaml: caseWith(
        order,
        `  date: 2024-02-12
  lateReason: Held back a week so Lisa could take part once her anxiety settled; phone contact kept up meanwhile.`,
      ),
    },
    {
      name: 'a longer timescale set in options',
      yaml: caseWith(order, '  date: 2024-02-12'),
      options: { workingDays: 25 },
    },
    {
      name: 'no plan yet: only a plan that exists is judged',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        sentence: { type: community-order, startDate: 2024-01-08 }
      `,
    },
    {
      name: 'a later review plan is not the initial plan',
      yaml: caseWith(
        order,
        `  date: 2024-01-22
  version: initial
---
kind: sentence-plan
schemaVersion: 1
caseRef: C1
date: 2024-06-03
version: review`,
      ),
    },
  ],
  invalid: [
    {
      name: 'completed the sixteenth working day after sentence',
      yaml: caseWith(order, '  date: 2024-01-30'),
      errors: [
        {
          messageId: 'late',
          line: 6,
          column: 9,
          message:
            'The initial plan was completed on 30 Jan 2024, 16 working days after sentence on 8 Jan 2024, later than the 15 working days set for this check (by 29 Jan 2024). Plan promptly with Lisa, or record in lateReason why it took longer (for example, waiting so Lisa could take part).',
        },
      ],
    },
    {
      name: 'Christmas 2023 bank holidays push the deadline but not far enough',
      yaml: caseWith('{ type: suspended-sentence-order, startDate: 2023-12-18, lengthMonths: 18 }', '  date: 2024-01-12'),
      errors: [{ messageId: 'late', line: 6, column: 9, message: /^The initial plan was completed on 12 Jan 2024, 16 working days after sentence on 18 Dec 2023, .*\(by 11 Jan 2024\)/ }],
    },
    {
      name: 'on licence, the count starts from release',
      yaml: caseWith('{ type: licence, startDate: 2024-05-06, endDate: 2025-05-05 }', '  date: 2024-06-10'),
      errors: [{ messageId: 'late', line: 6, column: 9, message: /, 24 working days after release on 6 May 2024,/ }],
    },
    {
      name: 'a placeholder reason for lateness',
      yaml: caseWith(
        order,
        `  date: 2024-02-12
  lateReason: see notes`,
      ),
      errors: [
        {
          messageId: 'weakReason',
          line: 7,
          column: 15,
          message: '"see notes" does not explain why the initial plan took 25 working days after sentence (this check sets 15). Say why it took longer and what was done with Lisa meanwhile.',
        },
      ],
    },
    {
      name: 'a shorter timescale set in options',
      yaml: caseWith(order, '  date: 2024-01-22'),
      options: { workingDays: 5 },
      errors: [{ messageId: 'late', line: 6, column: 9, message: /the 5 working days set for this check \(by 15 Jan 2024\)/ }],
    },
    {
      name: 'a reason that only repeats the lateness',
      yaml: caseWith(
        order,
        `  date: 2024-02-12
  lateReason: Plan completed late.`,
      ),
      errors: [{ messageId: 'weakReason', line: 7, column: 15, message: /^"Plan completed late\." does not explain why/ }],
    },
    {
      name: "a team's own filler phrase (option fillerPhrases)",
      options: { fillerPhrases: ['workload'] },
      yaml: caseWith(
        order,
        `  date: 2024-02-12
  lateReason: Workload`,
      ),
      errors: [{ messageId: 'weakReason', line: 7, column: 15 }],
    },
  ],
});
