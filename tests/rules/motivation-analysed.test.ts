import rule from '../../rules/motivation-analysed.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

const withMotivation = (motivation: string) => yaml`
  kind: case-file
  schemaVersion: 1
  case: { ref: C1, person: { name: Kate } }
  assessment:
    date: 2024-03-13
    motivation:
      ${motivation}
`;

testRule(rule, {
  valid: [
    {
      name: 'an analysis of what motivates the person and what gets in the way',
      yaml: withMotivation('analysis: Kate wants her own flat and a job; past supervision failed when she felt judged.'),
    },
    {
      name: 'an analysis with a stage of readiness',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        assessment:
          date: 2024-03-13
          motivation:
            analysis: Wants to keep custody of her son, which gives her a strong reason to stop drinking.
            readiness: preparation
      `,
    },
    {
      name: 'a reasoned note that motivation could not yet be analysed',
      yaml: withMotivation('analysis: Not yet analysed; he has not attended. To be completed with him at the first home visit.'),
    },
    {
      name: 'no assessment in the case: nothing to judge',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
      `,
    },
    {
      name: 'a short analysis that says something needs no word count',
      yaml: withMotivation('analysis: Wants work; fears groups.'),
    },
  ],
  invalid: [
    {
      name: 'no motivation at all',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Kate } }
        assessment:
          date: 2024-03-13
      `,
      errors: [
        {
          messageId: 'missing',
          line: 5,
          column: 3,
          message:
            "The assessment does not analyse Kate's motivation and readiness to change. In motivation.analysis, say what matters to Kate, what gets in the way and how ready they are to engage, so the plan can build on it.",
        },
      ],
    },
    {
      name: 'a stage of readiness with no analysis behind it',
      yaml: withMotivation('readiness: pre-contemplation'),
      errors: [{ messageId: 'stageOnly', line: 7, column: 16, message: /^The assessment gives a stage of readiness \(pre contemplation\) but no analysis behind it\./ }],
    },
    {
      name: 'a placeholder',
      yaml: withMotivation('analysis: TBC'),
      errors: [{ messageId: 'placeholder', line: 7, column: 15, message: /^"TBC" is a placeholder, not an analysis of Kate's motivation\./ }],
    },
    {
      name: 'a label, not an analysis',
      yaml: withMotivation('analysis: Seems motivated.'),
      errors: [{ messageId: 'label', line: 7, column: 15, message: /^"Seems motivated\." labels Kate's motivation but does not analyse it\. .*how ready they are to change\.$/ }],
    },
    {
      name: 'a stage named as if it were the analysis',
      yaml: withMotivation('analysis: Low motivation, pre-contemplative stage.'),
      errors: [{ messageId: 'label', line: 7, column: 15 }],
    },
    {
      name: "a team's floor on length (option minWords)",
      options: { minWords: 8 },
      yaml: withMotivation('analysis: Wants work; fears groups.'),
      errors: [{ messageId: 'tooShort', line: 7, column: 15, message: /\(4 words; at least 8 expected\)/ }],
    },
    {
      name: "a team's own label (option verdictPhrases)",
      options: { verdictPhrases: ['as per OASys'] },
      yaml: withMotivation('analysis: Motivated as per OASys'),
      errors: [{ messageId: 'label', line: 7, column: 15 }],
    },
    {
      name: 'motivation written with neither field',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        assessment:
          date: 2024-03-13
          motivation: {}
      `,
      errors: [{ messageId: 'missing', line: 6, column: 15, message: /the person's motivation/ }],
    },
  ],
});
