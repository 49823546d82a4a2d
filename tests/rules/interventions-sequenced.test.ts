import rule from '../../rules/interventions-sequenced.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

const objectives = (list: string) => yaml`
  kind: sentence-plan
  schemaVersion: 1
  caseRef: C1
  date: 2024-02-19
  objectives:
${list}
`;

testRule(rule, {
  valid: [
    {
      name: 'a dependency due after what it depends on',
      yaml: objectives(`  - { id: safety, title: Safety plan in place., targetDate: 2024-04-30 }
  - { id: alcohol, title: Drinking reduced., targetDate: 2024-07-31, dependsOn: [safety] }`),
    },
    {
      name: 'due on the same day',
      yaml: objectives(`  - { id: course, title: Course done., targetDate: 2024-08-31 }
  - { id: work, title: In work., targetDate: 2024-08-31, dependsOn: [course] }`),
    },
    {
      name: 'dates missing: order cannot be judged, nothing reported',
      yaml: objectives(`  - { id: course, title: Course done. }
  - { id: work, title: In work., targetDate: 2024-06-30, dependsOn: [course] }`),
    },
    {
      name: 'an achieved objective need not be dated after',
      yaml: objectives(`  - { id: id-docs, title: ID documents obtained., targetDate: 2024-09-30, status: achieved }
  - { id: bank, title: Bank account opened., targetDate: 2024-04-30, dependsOn: [id-docs] }`),
    },
    { name: 'no dependencies', yaml: objectives('  - { id: work, title: In work. }') },
  ],
  invalid: [
    {
      name: 'a dependency on an objective that does not exist',
      yaml: objectives(`  - { id: work, title: Priya is in paid work., dependsOn: [training, cv] }
  - { id: training, title: Bookkeeping course done. }`),
      errors: [
        {
          messageId: 'unknownDependency',
          line: 6,
          column: 70,
          message: 'The objective "Priya is in paid work" depends on "cv", but the plan has no objective with that id. Use the id of an objective in this plan, or remove it.',
        },
      ],
    },
    {
      name: 'due before what must come first',
      yaml: objectives(`  - { id: work, title: Priya is in paid work., targetDate: 2024-06-30, dependsOn: [training] }
  - { id: training, title: Priya completes a bookkeeping course., targetDate: 2024-08-31 }`),
      errors: [
        {
          messageId: 'beforeDependency',
          line: 6,
          column: 60,
          message:
            'The objective "Priya is in paid work" is due by 30 Jun 2024, before "Priya completes a bookkeeping course" (31 Aug 2024), which the plan says must come first. Move the target date, or remove the dependency if both can run side by side for the person.',
        },
      ],
    },
    {
      name: 'a circle of dependencies, reported once',
      yaml: objectives(`  - { id: housing, title: Housing sorted., targetDate: 2024-12-31, dependsOn: [debt] }
  - { id: debt, title: Debts managed., targetDate: 2024-09-30, dependsOn: [benefits] }
  - { id: benefits, title: Benefits in payment., targetDate: 2024-05-31, dependsOn: [housing] }`),
      errors: [
        {
          messageId: 'cycle',
          line: 6,
          column: 79,
          message:
            'The objectives "housing" → "debt" → "benefits" → "housing" each wait for another in a circle, so none of them can start. Decide with the person which comes first and remove the dependency that points back.',
        },
      ],
    },
    {
      name: 'an objective that depends on itself',
      yaml: objectives('  - { id: work, title: In work., dependsOn: [work] }'),
      errors: [{ messageId: 'selfDependency', line: 6, column: 46, message: 'The objective "In work" depends on itself, so it can never start. Remove "work" from its dependsOn.' }],
    },
  ],
});
