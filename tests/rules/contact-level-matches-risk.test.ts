import rule from '../../rules/contact-level-matches-risk.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

const riskAndContact = (risk: string, contact: string) => yaml`
  kind: case-file
  schemaVersion: 1
  case: { ref: C1, person: { name: Sam } }
  sentence: { type: community-order, startDate: 2024-02-12, lengthMonths: 18, riskOfSeriousHarm: ${risk} }
  plan:
    date: 2024-02-28
    contact: ${contact}
`;

testRule(rule, {
  valid: [
    { name: 'weekly at high risk', yaml: riskAndContact('high', '{ frequency: weekly }') },
    { name: 'twice-weekly at very high risk', yaml: riskAndContact('very-high', '{ frequency: twice-weekly }') },
    { name: 'fortnightly at medium risk', yaml: riskAndContact('medium', '{ frequency: fortnightly }') },
    { name: 'monthly at low risk', yaml: riskAndContact('low', '{ frequency: monthly }') },
    {
      name: 'fortnightly at high risk with a recorded rationale',
      yaml: riskAndContact('high', '{ frequency: fortnightly, rationale: "In full-time work; police and the programme see him weekly and share concerns the same day." }'),
    },
    { name: 'no risk level recorded', yaml: riskAndContact('medium', '{ frequency: weekly }').replace(', riskOfSeriousHarm: medium', '') },
    { name: 'a mapping from options: four-weekly is enough at medium risk', yaml: riskAndContact('medium', '{ frequency: four-weekly }'), options: { minimumFrequency: { medium: 'monthly' } } },
    {
      name: 'a review reducing contact with its reason',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        sentence: { type: licence, startDate: 2024-05-06, endDate: 2025-05-05, riskOfSeriousHarm: high }
        plan: { date: 2024-04-29, contact: { frequency: weekly } }
        reviews:
          - date: 2024-08-12
            contactChange: { from: weekly, to: fortnightly, rationale: Three months of full compliance; police report no concerns. }
      `,
    },
  ],
  invalid: [
    {
      name: 'fortnightly at high risk, no rationale',
      yaml: riskAndContact('high', '{ frequency: fortnightly }'),
      errors: [
        {
          messageId: 'belowRisk',
          line: 7,
          column: 25,
          message:
            'Contact is set at fortnightly, less often than the weekly contact set for high risk of serious harm in this check. See Sam more often, or record in contact.rationale why this level is right for them and how risk is managed between contacts.',
        },
      ],
    },
    {
      name: 'monthly at medium risk',
      yaml: riskAndContact('medium', '{ frequency: monthly }'),
      errors: [{ messageId: 'belowRisk', line: 7, column: 25, message: /^Contact is set at monthly, less often than the fortnightly contact set for medium risk/ }],
    },
    {
      name: 'four-weekly at very high risk with a placeholder rationale',
      yaml: riskAndContact('very-high', '{ frequency: four-weekly, rationale: TBC }'),
      errors: [
        {
          messageId: 'weakRationale',
          line: 7,
          column: 49,
          message:
            '"TBC" does not explain why four-weekly contact is right at very high risk of serious harm, where this check sets weekly contact. Say why this level suits Sam and how risk is managed between contacts.',
        },
      ],
    },
    {
      name: 'a stricter mapping from options',
      yaml: riskAndContact('medium', '{ frequency: fortnightly }'),
      options: { minimumFrequency: { medium: 'weekly' } },
      errors: [{ messageId: 'belowRisk', line: 7, column: 25, message: /^Contact is set at fortnightly, less often than the weekly contact set for medium risk/ }],
    },
    {
      name: 'a review cuts contact below the risk level with no reason',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Tom } }
        sentence: { type: licence, startDate: 2024-05-06, endDate: 2025-05-05, riskOfSeriousHarm: high }
        plan: { date: 2024-04-29, contact: { frequency: weekly } }
        reviews:
          - date: 2024-08-12
            contactChange: { from: weekly, to: four-weekly }
      `,
      errors: [
        {
          messageId: 'changeBelowRisk',
          line: 8,
          column: 40,
          message:
            'The review of 12 Aug 2024 reduces contact to four-weekly, less often than the weekly contact set for high risk of serious harm in this check, and records no reason. Record in contactChange.rationale why this level is right for Tom and how risk is managed between contacts.',
        },
      ],
    },
    {
      name: 'a rationale that only restates the level',
      yaml: riskAndContact('high', '{ frequency: fortnightly, rationale: Fortnightly contact as agreed. }'),
      errors: [
        {
          messageId: 'weakRationale',
          line: 7,
          column: 49,
          message: /^"Fortnightly contact as agreed\." does not explain why fortnightly contact is right at high risk of serious harm, where this check sets weekly contact\./,
        },
      ],
    },
    {
      name: "a team's own filler phrase (option fillerPhrases)",
      options: { fillerPhrases: ['capacity'] },
      yaml: riskAndContact('high', '{ frequency: fortnightly, rationale: Capacity }'),
      errors: [{ messageId: 'weakRationale', line: 7, column: 49 }],
    },
  ],
});
