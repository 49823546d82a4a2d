import rule from '../../rules/officer-continuity.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

/** Ana's case: officers from line 7, two lines each unless they add more; the sentence comes first so lines stay put. */
const withOfficers = (officers: string) => `kind: case-file
schemaVersion: 1
sentence: { type: community-order, startDate: 2024-01-08, lengthMonths: 12 }
case:
  ref: C1
  person: { name: Ana }
  officers:
${officers.trimEnd()}
`;

const handedOver = (name: string, from: string) => `    - { name: ${name}, from: ${from}, handover: { how: Three-way meeting with Ana and both officers. } }\n`;

testRule(rule, {
  valid: [
    { name: 'one officer throughout', yaml: withOfficers('    - { name: RO Ames, from: 2024-01-08 }') },
    {
      name: 'two changes, each with a handover',
      yaml: withOfficers('    - { name: RO Ames, from: 2024-01-08 }\n' + handedOver('RO Bell', '2024-04-01') + handedOver('RO Cole', '2024-08-01')),
    },
    {
      name: 'a third change with a recorded reason and handover',
      yaml: withOfficers(
        '    - { name: RO Ames, from: 2024-01-08 }\n' +
          handedOver('RO Bell', '2024-03-01') +
          handedOver('RO Cole', '2024-06-01') +
          yaml`
            - name: RO Dunn (domestic abuse specialist)
              from: 2024-09-01
              reason: Transferred to the specialist team after Ana disclosed abuse; RO Cole stays on as co-worker until the handover is complete.
              handover: { how: Joint home visit with Ana and both officers. }
          `.replace(/^/gm, '    '),
      ),
    },
    {
      name: 'a change before the sentence does not count towards the limit',
      yaml: withOfficers('    - { name: Report writer, from: 2023-11-01 }\n' + handedOver('Court duty officer', '2023-12-01') + handedOver('RO Ames', '2024-01-08') + handedOver('RO Bell', '2024-04-01')),
    },
    {
      name: 'a higher limit from options',
      yaml: withOfficers('    - { name: RO Ames, from: 2024-01-08 }\n' + handedOver('RO Bell', '2024-03-01') + handedOver('RO Cole', '2024-06-01') + handedOver('RO Dunn', '2024-09-01')),
      options: { maxChanges: 3 },
    },
  ],
  invalid: [
    {
      name: 'a change with no handover',
      yaml: withOfficers('    - { name: RO Ames, from: 2024-01-08 }\n    - { name: RO Bell, from: 2024-04-01 }'),
      errors: [
        {
          messageId: 'noHandover',
          line: 9,
          column: 7,
          message:
            'The case moved to RO Bell on 1 Apr 2024 with no recorded handover. Record in handover how the case was passed on (ideally a three-way meeting with Ana, or at least a written summary), so Ana does not have to tell their story again to a stranger.',
        },
      ],
    },
    {
      name: 'a placeholder handover',
      yaml: withOfficers('    - { name: RO Ames, from: 2024-01-08 }\n    - { name: RO Bell, from: 2024-04-01, handover: { how: TBC } }'),
      errors: [{ messageId: 'noHandover', line: 9, column: 59, message: /^The case moved to RO Bell on 1 Apr 2024 with no recorded handover\./ }],
    },
    {
      name: 'a third change during the sentence, with no reason',
      yaml: withOfficers('    - { name: RO Ames, from: 2024-01-08 }\n' + handedOver('RO Bell', '2024-03-01') + handedOver('RO Cole', '2024-06-01') + handedOver('RO Dunn', '2024-09-01')),
      errors: [
        {
          messageId: 'tooMany',
          line: 11,
          column: 30,
          message:
            'The case moved to RO Dunn on 1 Sep 2024: change 3 of responsible officer during the sentence, more than the 2 set for this check, with no reason recorded. Each change asks Ana to build trust again with someone new. Keep the case with one officer where possible; where a change cannot be avoided, record in reason why, and how continuity was protected.',
        },
      ],
    },
    {
      name: 'every change beyond a stricter limit, and a missing handover, are each reported',
      yaml: withOfficers('    - { name: RO Ames, from: 2024-01-08 }\n    - { name: RO Bell, from: 2024-03-01 }\n' + handedOver('RO Cole', '2024-06-01')),
      options: { maxChanges: 0 },
      errors: [
        { messageId: 'noHandover', line: 9, column: 7 },
        { messageId: 'tooMany', line: 9, column: 30, message: /change 1 of responsible officer during the sentence, more than the 0 set for this check/ },
        { messageId: 'tooMany', line: 10, column: 30, message: /^The case moved to RO Cole on 1 Jun 2024: change 2/ },
      ],
    },
    {
      name: 'a handover that only says it happened',
      yaml: withOfficers('    - { name: RO Ames, from: 2024-01-08 }\n    - { name: RO Bell, from: 2024-04-01, handover: { how: Handover completed. } }'),
      errors: [{ messageId: 'noHandover', line: 9, column: 59, message: /^The case moved to RO Bell on 1 Apr 2024 with no recorded handover\./ }],
    },
    {
      name: 'a reason that only repeats the change, beyond the limit, with her pronouns',
      options: { maxChanges: 0 },
      yaml: `kind: case-file
schemaVersion: 1
sentence: { type: community-order, startDate: 2024-01-08, lengthMonths: 12 }
case:
  ref: C1
  person: { name: Ana, pronouns: she/her }
  officers:
    - { name: RO Ames, from: 2024-01-08 }
    - { name: RO Bell, from: 2024-04-01, reason: Case reallocated., handover: { how: Three-way meeting with Ana and both officers. } }
`,
      errors: [{ messageId: 'tooMany', line: 9, column: 30, message: /more than the 0 set for this check, with no reason recorded\. Each change asks Ana to build trust again/ }],
    },
    {
      name: "a team's own filler phrase (option fillerPhrases)",
      options: { fillerPhrases: ['workload'] },
      yaml: withOfficers('    - { name: RO Ames, from: 2024-01-08 }\n    - { name: RO Bell, from: 2024-04-01, handover: { how: Workload } }'),
      errors: [{ messageId: 'noHandover', line: 9, column: 59 }],
    },
  ],
});
