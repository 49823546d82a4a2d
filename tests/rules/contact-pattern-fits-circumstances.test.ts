import rule from '../../rules/contact-pattern-fits-circumstances.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

/** A case whose assessment records childcare, with the plan's contact block and log supplied. */
const withChildcare = (contact: string, contacts = '') => yaml`
  kind: case-file
  schemaVersion: 1
  case: { ref: C1, person: { name: Ana } }
  assessment:
    date: 2024-01-10
    circumstances:
      - id: childcare
        type: childcare
        detail: Takes her daughter to nursery on weekdays.
  plan:
    date: 2024-01-12
${contact}
${contacts}
`;

const window = `  contact:
    frequency: weekly
    unavailable:
      - days: [weekdays]
        from: "08:30"
        to: "09:30"
        reason: Nursery drop-off
        circumstance: childcare`;

testRule(rule, {
  valid: [
    { name: 'a window addresses the circumstance and appointments avoid it', yaml: withChildcare(window, `contacts:\n  - { date: 2024-01-15, time: "10:00", outcome: attended }`) },
    {
      name: 'an adjustment records why no change is needed',
      yaml: withChildcare(`  contact:
    frequency: weekly
    adjustments:
      - circumstance: childcare
        how: Her mother does the nursery run, so no change is needed.`),
    },
    { name: 'a clash with a recorded reason', yaml: withChildcare(window, `contacts:\n  - { date: 2024-01-15, time: "09:00", outcome: attended, rationale: Ana asked for 9am as nursery was shut. }`) },
    { name: 'a contact on a weekend is outside a weekday window', yaml: withChildcare(window, `contacts:\n  - { date: 2024-01-13, time: "09:00", outcome: attended }`) },
    { name: 'a cancelled appointment is not a clash', yaml: withChildcare(window, `contacts:\n  - { date: 2024-01-15, time: "09:00", outcome: cancelled-by-service }`) },
    {
      name: 'a window that has not started yet',
      yaml: withChildcare(`${window}\n        startDate: 2024-02-01`, `contacts:\n  - { date: 2024-01-15, time: "09:00", outcome: attended }`),
    },
    {
      name: 'circumstances outside the configured types',
      yaml: withChildcare('', ''),
      options: { circumstanceTypes: ['employment'] },
    },
  ],
  invalid: [
    {
      name: 'no contact arrangements at all',
      yaml: withChildcare(''),
      errors: [
        {
          messageId: 'noArrangements',
          line: 11,
          column: 3,
          message:
            'The plan sets no contact arrangements, yet the assessment records circumstances that affect when and how Ana can attend (childcare). Add plan.contact with the frequency, pattern and the times Ana cannot attend.',
        },
      ],
    },
    {
      name: 'arrangements that do not address the circumstance',
      yaml: withChildcare('  contact:\n    frequency: weekly'),
      errors: [
        {
          messageId: 'notAddressed',
          line: 13,
          column: 16,
          endLine: 13,
          endColumn: 22,
          message:
            'The contact arrangements do not say how they fit Ana\'s childcare ("Takes her daughter to nursery on weekda…"), recorded in the assessment. Add an unavailable window or an adjustment for "childcare", or record under adjustments why no change is needed.',
        },
      ],
    },
    {
      name: 'an appointment inside the window',
      yaml: withChildcare(window, `contacts:\n  - { date: 2024-01-15, time: "09:00", outcome: failed-to-attend }`),
      errors: [
        {
          messageId: 'clash',
          line: 21,
          column: 31,
          endColumn: 38,
          message:
            "The appointment on 15 Jan 2024 at 09:00 (failed to attend) falls in a time the plan says Ana cannot attend (weekdays 08:30–09:30: Nursery drop-off). Book outside it, or record in the contact's rationale why this time was agreed.",
        },
      ],
    },
    {
      name: 'an all-day window catches an appointment with no time',
      yaml: withChildcare(
        `  contact:
    frequency: weekly
    unavailable:
      - days: [tuesday]
        reason: Works Tuesdays
        circumstance: childcare`,
        `contacts:\n  - { date: 2024-01-16, outcome: planned }`,
      ),
      errors: [{ messageId: 'clash', line: 19, column: 13, message: /16 Jan 2024 at any time \(planned\).*tuesday \(all day\): Works Tuesdays/ }],
    },
  ],
});
