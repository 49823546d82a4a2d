import rule from '../../rules/person-acts-in-plan.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

testRule(rule, {
  valid: [
    {
      name: 'a step the person takes',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-01-20
        objectives:
          - title: Move into a flat of my own
            actions:
              - { description: Apply to the housing register, by: person }
              - { description: Refer to tenancy support, by: probation-practitioner }
      `,
    },
    {
      name: 'no owners recorded: nothing to judge',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2025-01-20
        objectives:
          - title: Move into a flat of my own
            actions:
              - { description: Apply to the housing register }
      `,
    },
    {
      name: 'an HMPPS export: the person is the actor by first name',
      yaml: yaml`
        { "planType": "INITIAL", "agreementStatus": "AGREED", "createdDate": "2025-01-20T09:00:00Z",
          "agreementNotes": [{ "agreementStatus": "AGREED", "personName": "Sam Taylor" }],
          "goals": [{ "title": "Keep my tenancy", "steps": [
            { "description": "Pay the arrears plan each month", "actor": "Sam" },
            { "description": "Ask the landlord for a repayment plan", "actor": "Probation practitioner" }] }] }
      `,
    },
    {
      name: 'an HMPPS draft that does not name the person: their steps are not judged',
      yaml: yaml`
        { "planType": "INITIAL", "agreementStatus": "DRAFT", "createdDate": "2025-01-20T09:00:00Z",
          "goals": [{ "title": "Keep my tenancy", "steps": [{ "description": "Pay the arrears plan", "actor": "Sam" }] }] }
      `,
    },
  ],
  invalid: [
    {
      name: 'every step is for others',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Dan } }
        plan:
          date: 2025-01-20
          objectives:
            - title: Sort out housing
              actions:
                - { description: Make a referral to housing options, by: probation-practitioner }
                - { description: Run the tenancy course, by: partnership-agency, agency: Shelter }
            - title: Get into work
              status: removed
              actions:
                - { description: Book the employment adviser, by: person }
      `,
      errors: [
        {
          messageId: 'noOwnSteps',
          line: 7,
          column: 5,
          message:
            'None of the 2 steps in the plan of 20 Jan 2025 is for Dan to take: they are for the probation practitioner and a partnership agency. Agree with Dan at least one step they will take themselves, so the plan is made with them, not done to them.',
        },
      ],
    },
    {
      name: 'an HMPPS export: actors mapped from free text, located at "goals"',
      yaml: yaml`
        { "planType": "INITIAL", "agreementStatus": "AGREED", "createdDate": "2025-01-20T09:00:00Z",
          "agreementNotes": [{ "agreementStatus": "AGREED", "personName": "Dan Evans" }],
          "goals": [{ "title": "Sort out housing", "steps": [
            { "description": "Make a referral to housing options", "actor": "Probation practitioner" },
            { "description": "Chase the council", "actor": "probation_practitioner" }] }] }
      `,
      errors: [{ messageId: 'noOwnSteps', line: 3, column: 12, message: /^None of the 2 steps in the plan of 20 Jan 2025 is for Dan to take: all are for the probation practitioner\./ }],
    },
  ],
});
