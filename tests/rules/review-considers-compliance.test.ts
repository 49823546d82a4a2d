import rule from '../../rules/review-considers-compliance.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

testRule(rule, {
  valid: [
    {
      name: 'compliance, engagement and barriers all considered',
      yaml: yaml`
        kind: review
        schemaVersion: 1
        caseRef: C1
        date: 2024-08-12
        considered:
          compliance: Attended every appointment since release.
          engagement: Open and positive; talks honestly about his associates.
          barriers: Evening appointments now needed because of work; moved to 17:45.
      `,
    },
    {
      name: 'a reasoned finding that there are no barriers',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        reviews:
          - date: 2024-08-12
            considered:
              compliance: All six appointments kept.
              engagement: Brings his own agenda to sessions.
              barriers: None found; we checked work hours, travel and childcare together and all fit the current pattern.
      `,
    },
    { name: 'a case file with no reviews yet', yaml: 'kind: case-file\nschemaVersion: 1\ncase: { ref: C1 }\n' },
    {
      name: 'short accounts that still say what was seen',
      yaml: yaml`
        kind: review
        schemaVersion: 1
        caseRef: C1
        date: 2024-08-12
        considered:
          compliance: Kept 5 of 6; the miss was a hospital day.
          engagement: Good; for the first time he raised his drinking himself.
          barriers: Shift work.
      `,
    },
  ],
  invalid: [
    {
      name: 'nothing recorded about what was considered',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Tom } }
        reviews:
          - date: 2024-08-12
            trigger: scheduled
      `,
      errors: [
        {
          messageId: 'missing',
          line: 5,
          column: 5,
          message:
            "The review of 12 Aug 2024 does not record what it found about Tom's compliance, engagement and barriers. Add considered with compliance (appointments kept and missed, decisions taken), engagement (how Tom is engaging) and barriers (what gets in the way, and what will be done).",
        },
      ],
    },
    {
      name: 'an empty considered is one finding',
      yaml: yaml`
        kind: review
        schemaVersion: 1
        caseRef: C1
        date: 2024-08-12
        considered: {}
      `,
      errors: [{ messageId: 'missing', line: 5, column: 13, message: /^The review of 12 Aug 2024 does not record what it found about the person's compliance, engagement and barriers\./ }],
    },
    {
      name: 'barriers left out',
      yaml: yaml`
        kind: review
        schemaVersion: 1
        caseRef: C1
        date: 2024-08-12
        considered:
          compliance: Attended every appointment since release.
          engagement: Open and positive.
      `,
      errors: [
        {
          messageId: 'missingPart',
          line: 6,
          column: 3,
          message:
            "The review of 12 Aug 2024 does not record the person's barriers. Add considered.barriers: what gets in the way for the person and what will be done about it, or that none were found and how you know.",
        },
      ],
    },
    {
      name: 'placeholders in each part',
      yaml: yaml`
        kind: review
        schemaVersion: 1
        caseRef: C1
        date: 2024-08-12
        considered:
          compliance: As above
          engagement: N/A
          barriers: None
      `,
      errors: [
        { messageId: 'placeholderPart', line: 6, column: 15, message: /^"As above" is a placeholder, not an analysis of the person's compliance, in the review of 12 Aug 2024\. Write which appointments/ },
        { messageId: 'placeholderPart', line: 7, column: 15, message: /^"N\/A" is a placeholder, not an analysis of the person's engagement/ },
        { messageId: 'placeholderPart', line: 8, column: 13, message: /^"None" is a placeholder, not an analysis of the person's barriers/ },
      ],
    },
    {
      name: 'verdicts with nothing behind them, in her pronouns',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Lisa, pronouns: she/her } }
        reviews:
          - date: 2024-08-12
            considered:
              compliance: Fully compliant.
              engagement: Engaging well, no issues.
              barriers: Fine
      `,
      errors: [
        {
          messageId: 'bareVerdict',
          line: 7,
          column: 19,
          message: '"Fully compliant." is a verdict on Lisa\'s compliance, not an account of it, in the review of 12 Aug 2024. Write which appointments Lisa kept and missed, and the decisions taken.',
        },
        { messageId: 'bareVerdict', line: 8, column: 19, message: /^"Engaging well, no issues\." is a verdict on Lisa's engagement, not an account of it/ },
        { messageId: 'bareVerdict', line: 9, column: 17, message: /"Fine" is a verdict on Lisa's barriers.*what gets in the way for Lisa/ },
      ],
    },
    {
      name: "a team's own verdict phrase (option verdictPhrases)",
      options: { verdictPhrases: ['as expected for stage of order'] },
      yaml: yaml`
        kind: review
        schemaVersion: 1
        caseRef: C1
        date: 2024-08-12
        considered:
          compliance: Kept 5 of 6; the miss was a hospital day.
          engagement: As expected for stage of order
          barriers: Shift work; appointments moved to 17:45.
      `,
      errors: [{ messageId: 'bareVerdict', line: 7, column: 15, message: /^"As expected for stage of order" is a verdict/ }],
    },
  ],
});
