import rule from '../../rules/circumstances-analysed.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

const withCircumstance = (effect: string) => yaml`
  kind: case-file
  schemaVersion: 1
  case: { ref: C1, person: { name: Lisa } }
  assessment:
    date: 2024-02-02
    circumstances:
      - id: childcare
        type: childcare
        detail: Sole carer for her one-year-old son.
        ${effect}
`;

/** Lisa's anxiety and childcare in the assessment with no effectOnCompliance; the plan's arrangements follow. */
const shownInPlan = (contact: string) => yaml`
  kind: case-file
  schemaVersion: 1
  case: { ref: C1, person: { name: Lisa } }
  assessment:
    date: 2024-02-02
    circumstances:
      - { id: childcare, type: childcare, detail: Sole carer for her one-year-old son. }
      - { id: anxiety, type: mental-health, detail: Extreme anxiety; missed her first three appointments. }
  plan:
    date: 2024-02-02
    contact:
      frequency: weekly
${contact}
`;

testRule(rule, {
  valid: [
    {
      name: 'each circumstance with its effect on compliance',
      yaml: withCircumstance('effectOnCompliance: Cannot attend during nursery drop-off and pick-up.'),
    },
    {
      name: 'a recorded judgement that no circumstance affects compliance',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        assessment:
          date: 2024-02-02
          circumstances:
            - type: other
              detail: Considered health, caring, work, literacy and faith with him; none applies.
              effectOnCompliance: No effect expected; he is retired, lives near the office and reads well.
      `,
    },
    {
      name: "the plan's arrangements show each effect: an unavailable window and an adjustment naming them",
      yaml: shownInPlan(`    unavailable:
      - { days: [weekdays], from: "08:00", to: "09:30", reason: Nursery drop-off, circumstance: childcare }
    adjustments:
      - { circumstance: anxiety, how: One-to-one only for the first 12 weeks; first contacts at home to build trust. }`),
    },
    {
      name: 'no assessment: nothing to judge',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
      `,
    },
    {
      name: 'a shorter minimum set in options',
      yaml: withCircumstance('effectOnCompliance: Afternoons only.'),
      options: { minWords: 2 },
    },
    {
      // Judged by what it says, not its length: two words can say what the circumstance means.
      name: 'a short effect that says something',
      yaml: withCircumstance('effectOnCompliance: Mornings impossible.'),
    },
  ],
  invalid: [
    {
      name: "an arrangement that names one circumstance does not show another's effect, and a placeholder shows nothing",
      yaml: shownInPlan(`    unavailable:
      - { days: [weekdays], from: "08:00", to: "09:30", reason: Nursery drop-off, circumstance: childcare }
    adjustments:
      - { circumstance: anxiety, how: TBC }`),
      errors: [
        {
          messageId: 'noEffect',
          line: 8,
          column: 7,
          message:
            'The assessment records Lisa\'s mental health ("Extreme anxiety; missed her first three…") but not how it affects their ability to comply and engage, and the plan\'s contact arrangements do not show it either. Add effectOnCompliance: what it means for when, where and how Lisa can attend and take part.',
        },
      ],
    },
    {
      name: 'no circumstances recorded',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Lisa } }
        assessment:
          date: 2024-02-02
      `,
      errors: [
        {
          messageId: 'none',
          line: 5,
          column: 3,
          message:
            "The assessment records none of Lisa's diversity or personal circumstances. Record each one that may affect how Lisa can attend and engage (caring, health, work, disability, literacy, faith, experience of abuse or care …) with its effect; if you considered them and none matters, record that as a circumstance of type other.",
        },
      ],
    },
    {
      name: 'an empty list',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        assessment:
          date: 2024-02-02
          circumstances: []
      `,
      errors: [{ messageId: 'none', line: 6, column: 18, message: /^The assessment records none of the person's diversity or personal circumstances\./ }],
    },
    {
      name: 'a circumstance with no effect',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Lisa } }
        assessment:
          date: 2024-02-02
          circumstances:
            - id: anxiety
              type: mental-health
              detail: Extreme anxiety.
      `,
      errors: [
        {
          messageId: 'noEffect',
          line: 7,
          column: 7,
          message:
            'The assessment records Lisa\'s mental health ("Extreme anxiety.") but not how it affects their ability to comply and engage, and the plan\'s contact arrangements do not show it either. Add effectOnCompliance: what it means for when, where and how Lisa can attend and take part.',
        },
      ],
    },
    {
      name: 'a placeholder effect',
      yaml: withCircumstance('effectOnCompliance: N/A'),
      errors: [{ messageId: 'placeholder', line: 10, column: 27, message: /^"N\/A" is a placeholder, not an analysis of how Lisa's childcare affects/ }],
    },
    {
      name: 'an effect that says nothing',
      yaml: withCircumstance('effectOnCompliance: Noted.'),
      errors: [
        {
          messageId: 'noAnalysis',
          line: 10,
          column: 27,
          message: '"Noted." does not say how Lisa\'s childcare affects their ability to comply. Say what it means for when, where and how they can attend and take part.',
        },
      ],
    },
    {
      name: 'an effect that only repeats the circumstance',
      yaml: withCircumstance('effectOnCompliance: Sole carer.'),
      errors: [{ messageId: 'noAnalysis', line: 10, column: 27 }],
    },
    {
      name: 'an effect shorter than a floor a team sets',
      yaml: withCircumstance('effectOnCompliance: Mornings impossible.'),
      options: { minWords: 3 },
      errors: [{ messageId: 'tooShort', line: 10, column: 27, message: /\(2 words; at least 3 expected\)/ }],
    },
    {
      name: 'each circumstance is judged',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        assessment:
          date: 2024-02-02
          circumstances:
            - { type: childcare, detail: Two children at primary school., effectOnCompliance: Cannot attend at school run times. }
            - { type: literacy, detail: Reads with difficulty. }
            - { type: faith, detail: Attends Friday prayers., effectOnCompliance: TBC }
      `,
      errors: [
        { messageId: 'noEffect', line: 8, column: 7, message: /records the person's literacy \("Reads with difficulty\."\)/ },
        { messageId: 'placeholder', line: 9, column: 75, message: /^"TBC" is a placeholder, not an analysis of how the person's faith affects/ },
      ],
    },
  ],
});
