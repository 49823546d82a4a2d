import rule from '../../rules/objectives-smart.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

/** A 12-month order from 4 Mar 2024 (ending 3 Mar 2025) with one objective. */
const withObjective = (objective: string) => yaml`
  kind: case-file
  schemaVersion: 1
  case: { ref: C1, person: { name: Kate } }
  sentence: { type: community-order, startDate: 2024-03-04, lengthMonths: 12 }
  plan:
    date: 2024-03-15
    objectives:
      - title: Kate moves into her own tenancy.
${objective}
`;

const owner = '      actions: [{ description: Apply for a leaving-care tenancy., by: partnership-agency, agency: Social care }]';

testRule(rule, {
  valid: [
    {
      name: "a team's own result word (option resultWords)",
      options: { resultWords: ['AIM'] },
      yaml: withObjective(`      measure: Attend sessions until the AIM assessment
      targetDate: 2024-12-31
${owner}`),
    },
    {
      name: 'a measure with a result: Negative drug tests at each monthly review',
      yaml: withObjective(`      measure: Negative drug tests at each monthly review
      targetDate: 2024-12-31
${owner}`),
    },
    {
      name: 'a measure with a result: Attends 10 of 12 sessions and completes the workbook',
      yaml: withObjective(`      measure: Attends 10 of 12 sessions and completes the workbook
      targetDate: 2024-12-31
${owner}`),
    },
    {
      name: 'a measure with a result: Has a tenancy by June',
      yaml: withObjective(`      measure: Has a tenancy by June
      targetDate: 2024-12-31
${owner}`),
    },
    {
      name: 'a measure with a result: Engage with CGL until drug tests come back negative',
      yaml: withObjective(`      measure: Engage with CGL until drug tests come back negative
      targetDate: 2024-12-31
${owner}`),
    },
    {
      name: 'a measure with a result: Completes the Building Better Relationships programme',
      yaml: withObjective(`      measure: Completes the Building Better Relationships programme
      targetDate: 2024-12-31
${owner}`),
    },
    {
      name: 'measure, date inside the order and an owner',
      yaml: withObjective(`      measure: Tenancy signed.
      targetDate: 2024-12-31
${owner}`),
    },
    {
      name: 'achieved and removed objectives are not judged',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2024-03-15
        objectives:
          - { title: Stop drinking., status: achieved }
          - { title: Attend a group., status: removed }
      `,
    },
    {
      name: 'a future objective needs a measure but not yet a date or owner',
      yaml: withObjective(`      status: future
      measure: Enrolled on a college course for September.`),
    },
    {
      name: 'a measure that records why a precise one would not help yet',
      yaml: withObjective(`      measure: Not set yet; Kate wants to settle first. We will agree what success looks like at the first review.
      targetDate: 2024-12-31
${owner}`),
    },
    {
      name: 'on licence, a pre-release objective may fall due before release',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        sentence: { type: licence, startDate: 2024-05-06, endDate: 2025-05-05 }
        plan:
          date: 2024-04-15
          objectives:
            - title: Somewhere to live on release.
              measure: Approved address confirmed.
              targetDate: 2024-05-01
              actions: [{ description: Housing referral from custody., by: probation-practitioner }]
      `,
    },
  ],
  invalid: [
    {
      name: 'an activity, not a result: Engage with CGL',
      yaml: withObjective(`      measure: Engage with CGL
      targetDate: 2024-12-31
${owner}`),
      errors: [
        {
          messageId: 'activityMeasure',
          line: 9,
          column: 16,
          message:
            '"Engage with CGL" names an activity, not a result, so it cannot show progress on "Kate moves into her own tenancy". Say what Kate and you will see when it is achieved: a count, a date, a test, a tenancy (for example "Negative drug tests at each monthly review", "Attends 10 of 12 sessions and completes the workbook").',
        },
      ],
    },
    {
      name: 'an activity, not a result: attend sessions',
      yaml: withObjective(`      measure: attend sessions
      targetDate: 2024-12-31
${owner}`),
      errors: [{ messageId: 'activityMeasure', line: 9, column: 16 }],
    },
    {
      name: 'an activity, not a result: Comply with the order.',
      yaml: withObjective(`      measure: Comply with the order.
      targetDate: 2024-12-31
${owner}`),
      errors: [{ messageId: 'activityMeasure', line: 9, column: 16 }],
    },
    {
      name: 'an activity, not a result: Work with services to address drug use',
      yaml: withObjective(`      measure: Work with services to address drug use
      targetDate: 2024-12-31
${owner}`),
      errors: [{ messageId: 'activityMeasure', line: 9, column: 16 }],
    },
    {
      name: "a team's own activity verb (option activityVerbs)",
      options: { activityVerbs: ['signpost'] },
      yaml: withObjective(`      measure: Signpost to Shelter
      targetDate: 2024-12-31
${owner}`),
      errors: [{ messageId: 'activityMeasure', line: 9, column: 16 }],
    },
    {
      name: 'one finding per missing element',
      yaml: withObjective(''),
      errors: [
        {
          messageId: 'noMeasure',
          line: 8,
          column: 7,
          message:
            'The objective "Kate moves into her own tenancy" does not say how progress will be measured. Add a measure: what Kate and you will see when it is achieved (for example "tenancy signed", "eight weeks with no binge days in the drinking diary").',
        },
        {
          messageId: 'noTargetDate',
          line: 8,
          column: 7,
          message: 'The objective "Kate moves into her own tenancy" has no target date. Set one before the order ends on 3 Mar 2025, so Kate knows when it should be achieved and progress can be reviewed against it.',
        },
      ],
    },
    {
      name: 'a placeholder measure',
      yaml: withObjective(`      measure: TBC
      targetDate: 2024-12-31
${owner}`),
      errors: [{ messageId: 'placeholderMeasure', line: 9, column: 16, message: '"TBC" is a placeholder, not a measure for "Kate moves into her own tenancy". Say what Kate and you will see when it is achieved.' }],
    },
    {
      name: 'a target date after the order ends',
      yaml: withObjective(`      measure: Tenancy signed.
      targetDate: 2025-06-30
${owner}`),
      errors: [
        {
          messageId: 'targetAfterEnd',
          line: 10,
          column: 19,
          message:
            'The objective "Kate moves into her own tenancy" has a target date of 30 Jun 2025, after the order ends on 3 Mar 2025. Set a date Kate can reach before then, or break the objective into steps that fit.',
        },
      ],
    },
    {
      name: 'a target date before the order starts',
      yaml: withObjective(`      measure: Tenancy signed.
      targetDate: 2024-02-01
${owner}`),
      errors: [{ messageId: 'targetBeforeStart', line: 10, column: 19, message: /has a target date of 1 Feb 2024, before the order starts on 4 Mar 2024\./ }],
    },
    {
      name: 'actions that name no one',
      yaml: withObjective(`      measure: Tenancy signed.
      targetDate: 2024-12-31
      actions: [{ description: Look into housing. }]`),
      errors: [{ messageId: 'noOwner', line: 11, column: 16, message: /^The objective "Kate moves into her own tenancy" has steps, but none says who does it\./ }],
    },
  ],
});
