import rule from '../../rules/plan-builds-on-strengths.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

testRule(rule, {
  valid: [
    {
      name: 'an objective linked to a protective factor by its id',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Nia } }
        assessment:
          date: 2024-01-10
          strengths:
            - { id: choir, strength: Sings in the chapel choir every Thursday; the choir leader is a steady adult in her life., kind: protective-factor }
        plan:
          date: 2024-01-17
          objectives:
            - { id: evenings, title: Nia has somewhere to be on the evenings she used to drink., buildsOn: [choir] }
      `,
    },
    {
      name: 'a plan whose steps take up the strength in their own words',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Nia } }
        assessment:
          date: 2024-01-10
          strengths:
            - Qualified forklift driver; wants to get back into warehouse work.
        plan:
          date: 2024-01-17
          objectives:
            - title: Nia is in paid work by the autumn.
              actions:
                - { description: Renew her forklift licence with the employment adviser., by: person }
      `,
    },
    {
      name: 'no strengths recorded: nothing for the plan to build on, so the rule is silent',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Nia } }
        assessment: { date: 2024-01-10 }
        plan:
          date: 2024-01-17
          objectives:
            - { title: Nia is in paid work by the autumn. }
      `,
    },
    {
      name: 'a plain strength without an id, taken up by contact arranged around childcare (lisa-good)',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Lisa, pronouns: she/her } }
        assessment:
          date: 2024-01-10
          strengths:
            - Close to her mother, who helps with childcare.
        plan:
          date: 2024-01-17
          objectives:
            - { title: Lisa is safe at home., actions: [{ description: Safety planning at the women's centre., by: partnership-agency }] }
          contact:
            frequency: weekly
            unavailable:
              - { days: [weekdays], from: "08:00", to: "09:30", reason: Nursery drop-off, circumstance: childcare }
      `,
    },
  ],
  invalid: [
    {
      name: 'strengths recorded, and a plan that never mentions them',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Nia } }
        assessment:
          date: 2024-01-10
          strengths:
            - Sings in the chapel choir every Thursday.
        plan:
          date: 2024-01-17
          objectives:
            - { title: Nia stops drinking., actions: [{ description: Attend alcohol group., by: person }] }
      `,
      errors: [
        {
          messageId: 'notBuiltOn',
          line: 11,
          column: 5,
          message:
            'The plan builds on none of the strengths the assessment records (such as "Sings in the chapel choir every Thursday."). Link an objective to one with buildsOn, or say in an objective or step how the plan uses it.',
        },
      ],
    },
    {
      name: 'buildsOn naming a strength that is not recorded',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Nia } }
        assessment:
          date: 2024-01-10
          strengths:
            - { id: choir, strength: Sings in the chapel choir every Thursday. }
        plan:
          date: 2024-01-17
          objectives:
            - { title: Nia sings with the choir on the evenings she used to drink., buildsOn: [church] }
      `,
      errors: [{ messageId: 'unknownStrength', line: 11, column: 88, message: 'The objective builds on "church", but no strength in assessment.strengths has that id. Use the id of a recorded strength.' }],
    },
    {
      name: 'the same strength, and contact arranged around nothing it speaks to',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Lisa, pronouns: she/her } }
        assessment:
          date: 2024-01-10
          strengths:
            - Close to her mother, who helps with childcare.
        plan:
          date: 2024-01-17
          objectives:
            - { title: Lisa is safe at home., actions: [{ description: Safety planning at the women's centre., by: partnership-agency }] }
          contact:
            frequency: weekly
            unavailable:
              - { days: [weekdays], from: "08:00", to: "09:30", reason: College course }
      `,
      errors: [
        {
          messageId: 'notBuiltOn',
          line: 11,
          column: 5,
          message:
            'The plan builds on none of the strengths the assessment records (such as "Close to her mother, who helps with childcare."). Link an objective to one with buildsOn, or say in an objective or step how the plan uses it.',
        },
      ],
    },
  ],
});
