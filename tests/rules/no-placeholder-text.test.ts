import rule from '../../rules/no-placeholder-text.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

const plan = (body: string) => `kind: sentence-plan
schemaVersion: 1
caseRef: C1
date: 2024-01-10
${body.trimEnd()}
`;

testRule(rule, {
  valid: [
    {
      name: 'objectives written out, each different',
      yaml: plan(yaml`
        objectives:
          - title: Kate has ways other than cannabis to manage her emotions.
            measure: Mood diary shows fewer crisis days.
            actions:
              - { description: Six one-to-one sessions on managing emotions., by: probation-practitioner }
          - title: Kate moves into her own tenancy.
            measure: Tenancy signed.
      `),
    },
    {
      name: 'fixed values such as action none are not placeholders',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        contacts:
          - { date: 2024-01-10, outcome: acceptable-absence, enforcement: { decision: acceptable, action: none, rationale: GP letter. } }
      `,
    },
    {
      name: 'fields judged by more specific rules are left to them',
      yaml: yaml`
        kind: review
        schemaVersion: 1
        caseRef: C1
        date: 2024-03-01
        personView: TBC
        considered: { compliance: N/A }
        participation: { person: absent, absenceReason: TBC }
      `,
    },
    {
      name: 'an ignore list from options',
      yaml: plan('contact: { frequency: weekly, pattern: TBC }'),
      options: { ignore: ['plan.contact'] },
    },
  ],
  invalid: [
    {
      name: 'a placeholder action and pattern',
      yaml: plan(yaml`
        objectives:
          - title: Lisa reduces her drinking.
            actions:
              - { description: TBC, by: person }
        contact: { frequency: weekly, pattern: see above }
      `),
      errors: [
        {
          messageId: 'placeholder',
          line: 8,
          column: 24,
          message:
            '"TBC" is a placeholder in the plan of 10 Jan 2024 (objectives[0].actions[0].description), not a record. Write out what it stands for, so that anyone picking up the person\'s case can follow it; if the field does not apply, leave it out.',
        },
        { messageId: 'placeholder', line: 9, column: 40, message: /^"see above" is a placeholder in the plan of 10 Jan 2024 \(contact\.pattern\)/ },
      ],
    },
    {
      name: 'placeholders in a case file, wherever they are',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case:
          ref: C1
          person: { name: Ravi }
          officers:
            - { name: RO Shah, from: 2024-01-08, reason: N/A }
        assessment:
          date: 2024-01-10
          strengths: [Supportive family., As above]
        contacts:
          - { date: 2024-01-17, outcome: attended, note: xx }
        reviews:
          - date: 2024-03-01
            planChanges: [{ change: As per OASys }]
      `,
      errors: [
        { messageId: 'placeholder', line: 7, column: 50, message: /^"N\/A" is a placeholder in the allocation to RO Shah \(reason\)/ },
        { messageId: 'placeholder', line: 10, column: 35, message: /^"As above" is a placeholder in the assessment \(strengths\[1\]\), not a record\. .* Ravi's case/ },
        { messageId: 'placeholder', line: 12, column: 50, message: /^"xx" is a placeholder in the contact on 17 Jan 2024 \(note\)/ },
        { messageId: 'placeholder', line: 15, column: 29, message: /^"As per OASys" is a placeholder in the review of 1 Mar 2024 \(planChanges\[0\]\.change\)/ },
      ],
    },
    {
      name: 'objectives copied from one another',
      yaml: plan(yaml`
        objectives:
          - title: Address offending behaviour.
            measure: Engages with supervision.
          - title: Address offending behaviour
            measure: Attends a programme.
          - title: Find work.
            measure: engages with supervision
      `),
      errors: [
        {
          messageId: 'duplicateTitle',
          line: 8,
          column: 12,
          message:
            'Objective 2 has the same title as objective 1 ("Address offending behaviour"). Copied objectives suggest the plan was not written with the person; say what the person will achieve in each, or merge them.',
        },
        {
          messageId: 'duplicateMeasure',
          line: 11,
          column: 14,
          message: 'Objective 3 is measured exactly as objective 1 is ("engages with supervision"). Say how progress on this objective in particular will be seen.',
        },
      ],
    },
    {
      name: 'extra placeholders from options',
      yaml: plan('contact: { frequency: weekly, pattern: As usual }'),
      options: { extraPlaceholders: ['as usual'] },
      errors: [{ messageId: 'placeholder', line: 5, column: 40, message: /^"As usual" is a placeholder/ }],
    },
    {
      name: 'an empty ignore list checks every field',
      yaml: yaml`
        kind: review
        schemaVersion: 1
        caseRef: C1
        date: 2024-03-01
        considered: { compliance: N/A }
      `,
      options: { ignore: [] },
      errors: [{ messageId: 'placeholder', line: 5, column: 27, message: /^"N\/A" is a placeholder in the review of 1 Mar 2024 \(considered\.compliance\)/ }],
    },
  ],
});
