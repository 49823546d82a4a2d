import rule from '../../rules/plan-has-active-goals.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

testRule(rule, {
  valid: [
    {
      name: 'an active goal with steps',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-01-20
        objectives:
          - title: Stay alcohol-free on weekends I have my daughter
            status: active
            actions:
              - { description: Go to the Tuesday group, by: person }
      `,
    },
    {
      name: 'a goal with no status counts as active; a future goal needs no steps yet',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-01-20
        objectives:
          - title: Keep my tenancy
            actions:
              - { description: Pay the arrears plan each month, by: person }
          - title: Find work
            status: future
      `,
    },
    {
      name: 'an earlier plan the person did not agree to is history, not judged',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-01-20
        agreement: { status: could-not-answer, reason: Too unwell to go through it; to revisit next week. }
        ---
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-02-03
        agreement: { status: agreed }
        objectives:
          - title: Keep my tenancy
            actions:
              - { description: Pay the arrears plan each month, by: person }
      `,
    },
    {
      name: 'an HMPPS export with an active goal and its steps',
      yaml: yaml`
        { "planType": "INITIAL", "agreementStatus": "AGREED", "createdDate": "2025-01-20T09:00:00Z",
          "goals": [{ "title": "Keep my tenancy", "status": "ACTIVE", "targetDate": "2025-06-30",
                      "steps": [{ "description": "Pay the arrears plan each month", "actor": "Probation practitioner" }] }] }
      `,
    },
  ],
  invalid: [
    {
      name: 'a plan with no goals',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-01-20
      `,
      errors: [
        {
          messageId: 'noGoals',
          line: 1,
          column: 1,
          message:
            'The plan of 20 Jan 2025 is the current plan, but it holds no goals. Agree with the person at least one goal to work on now, with its area of need and a target date, so supervision has a purpose you share.',
        },
      ],
    },
    {
      name: 'an agreed plan whose goals are all future or achieved',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Sam } }
        plan:
          date: 2025-01-20
          agreement: { status: agreed }
          objectives:
            - { title: Find work, status: future }
            - { title: Register with a GP, status: achieved }
      `,
      errors: [
        {
          messageId: 'noActiveGoal',
          line: 8,
          column: 5,
          message:
            'The plan of 20 Jan 2025 was agreed with Sam, but none of its goals is active (1 future and 1 achieved). Agree with Sam a goal to work on now, or make a future goal active with a target date, so the plan says what happens next.',
        },
      ],
    },
    {
      name: 'an active goal with no steps',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-01-20
        objectives:
          - title: Address alcohol use
            status: active
            actions: []
      `,
      errors: [{ messageId: 'noSteps', line: 8, column: 14, endLine: 8, endColumn: 16, message: /^The goal "Address alcohol use" is active but has no steps\./ }],
    },
    {
      name: 'an HMPPS export: a goal with an empty list of steps, located at "steps"',
      yaml: yaml`
        { "planType": "INITIAL", "agreementStatus": "AGREED", "createdDate": "2025-01-20T09:00:00Z",
          "agreementNotes": [{ "agreementStatus": "AGREED", "personName": "Dan Evans" }],
          "goals": [{ "title": "Address alcohol use", "status": "ACTIVE", "targetDate": "2025-12-31",
                      "steps": [] }] }
      `,
      errors: [
        {
          messageId: 'noSteps',
          line: 4,
          column: 24,
          message: 'The goal "Address alcohol use" is active but has no steps. Agree with Dan what will be done towards it and who does each step: Dan, you, or a named agency.',
        },
      ],
    },
    {
      name: 'an HMPPS export: an agreed version whose goals were all removed, located at "goals"',
      yaml: yaml`
        { "planType": "INITIAL", "agreementStatus": "AGREED", "createdDate": "2025-01-20T09:00:00Z",
          "goals": [{ "title": "Get into work", "status": "REMOVED", "steps": [] }] }
      `,
      errors: [{ messageId: 'noActiveGoal', line: 2, column: 12, message: /none of its goals is active \(1 removed\)/ }],
    },
  ],
});
