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
      errors: [{ messageId: 'missing', line: 5, column: 13, message: /^The review of 12 Aug 2024 does not record what it found about the person on probation's compliance, engagement and barriers\./ }],
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
            "The review of 12 Aug 2024 does not record the person on probation's barriers. Add considered.barriers: what gets in the way for the person on probation and what will be done about it, or that none were found and why.",
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
        { messageId: 'placeholderPart', line: 6, column: 15, message: /^"As above" is a placeholder, not an analysis of the person on probation's compliance, in the review of 12 Aug 2024\. Write which appointments/ },
        { messageId: 'placeholderPart', line: 7, column: 15, message: /^"N\/A" is a placeholder, not an analysis of the person on probation's engagement/ },
        { messageId: 'placeholderPart', line: 8, column: 13, message: /^"None" is a placeholder, not an analysis of the person on probation's barriers/ },
      ],
    },
  ],
});
