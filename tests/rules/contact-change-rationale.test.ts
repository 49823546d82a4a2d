import rule from '../../rules/contact-change-rationale.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

/** A case at the given risk level with one review (line 6) changing contact as given (line 7). */
const withChange = (risk: string, change: string) => `kind: case-file
schemaVersion: 1
case: { ref: C1, person: { name: Mo } }
sentence: { type: licence, startDate: 2024-05-06, riskOfSeriousHarm: ${risk} }
reviews:
  - date: 2024-08-12
    contactChange: ${change}
`;

testRule(rule, {
  valid: [
    { name: 'a reduction at medium risk with its reason', yaml: withChange('medium', '{ from: weekly, to: fortnightly, rationale: Three months of full compliance and stable work. }') },
    {
      name: 'a reduction at high risk that says how risk was weighed',
      yaml: withChange('high', '{ from: weekly, to: fortnightly, rationale: Risk reviewed with police at MAPPA level 1 and unchanged; monitoring continues through his employer. }'),
    },
    { name: 'an increase at high risk with its reason', yaml: withChange('high', '{ from: fortnightly, to: weekly, rationale: More support while he looks for housing. }') },
    {
      name: 'extra risk terms from options',
      yaml: withChange('very-high', '{ from: weekly, to: fortnightly, rationale: Two years without offending; IOM scheme checks him weekly. }'),
      options: { riskTerms: ['IOM scheme'] },
    },
    {
      name: 'a high-risk reduction naming what will manage risk, without the word "risk"',
      yaml: withChange('high', '{ from: weekly, to: fortnightly, rationale: Six months in work and housed; police visit monthly under MAPPA level 2 and contact returns to weekly if he loses the job. }'),
    },
    { name: "an increase needs a reason, not a reduction's grounding", yaml: withChange('high', '{ from: fortnightly, to: weekly, rationale: Relapse. }') },
    {
      name: 'a review on its own: no risk level to compare with',
      yaml: yaml`
        kind: review
        schemaVersion: 1
        caseRef: C1
        date: 2024-08-12
        contactChange: { from: weekly, to: monthly, rationale: Completed all work; stable job and home. }
      `,
    },
  ],
  invalid: [
    {
      name: 'no rationale',
      yaml: withChange('medium', '{ from: weekly, to: fortnightly }'),
      errors: [
        {
          messageId: 'noRationale',
          line: 7,
          column: 20,
          message: 'The review of 12 Aug 2024 changes contact from weekly to fortnightly, but not why. Record in contactChange.rationale why this level is right for Mo now, with reference to their progress and risk.',
        },
      ],
    },
    {
      name: 'a reduction at high risk that does not mention risk',
      yaml: withChange('high', '{ from: weekly, to: fortnightly, rationale: Doing well at work. }'),
      errors: [
        {
          messageId: 'riskNotConsidered',
          line: 7,
          column: 64,
          message:
            'The review of 12 Aug 2024 reduces contact from weekly to fortnightly for Mo, assessed as high risk of serious harm, but the rationale does not say how risk will be managed at the lower level. Name what will: MAPPA arrangements, police or partner checks, home visits, monitoring or licence conditions, and what would bring contact back up.',
        },
      ],
    },
    {
      name: 'medium risk counts when the options say so',
      yaml: withChange('medium', '{ from: fortnightly, to: four-weekly, rationale: Doing well at work. }'),
      options: { riskLevels: ['medium', 'high', 'very-high'] },
      errors: [{ messageId: 'riskNotConsidered', line: 7, column: 69, message: /assessed as medium risk of serious harm/ }],
    },
    {
      name: 'N/A is not a rationale',
      yaml: withChange('low', '{ from: weekly, to: monthly, rationale: N/A }'),
      errors: [{ messageId: 'noRationale', line: 7, column: 60, message: /changes contact from weekly to monthly, but not why/ }],
    },
    {
      name: 'a rationale that only repeats the change',
      yaml: withChange('low', '{ from: weekly, to: fortnightly, rationale: Contact reduced to fortnightly. }'),
      errors: [
        {
          messageId: 'weakRationale',
          line: 7,
          column: 64,
          message:
            '"Contact reduced to fortnightly." does not say why contact changes from weekly to fortnightly at the review of 12 Aug 2024: it only repeats the change. Record why this level is right for Mo now: what has changed in their progress, risk or circumstances.',
        },
      ],
    },
    {
      name: '"as discussed" gives no reason',
      yaml: withChange('low', '{ from: weekly, to: fortnightly, rationale: As discussed with SPO }'),
      errors: [{ messageId: 'weakRationale', line: 7, column: 64, message: /it gives no reason/ }],
    },
    {
      name: "a team's own filler phrase (option fillerPhrases)",
      options: { fillerPhrases: ['per policy'] },
      yaml: withChange('low', '{ from: weekly, to: fortnightly, rationale: Per policy }'),
      errors: [{ messageId: 'weakRationale', line: 7, column: 64 }],
    },
    {
      name: 'a verdict is not a reason to reduce contact, in his pronouns',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Mo, pronouns: he/him } }
        sentence: { type: licence, startDate: 2024-05-06, riskOfSeriousHarm: low }
        reviews:
          - date: 2024-08-12
            contactChange: { from: weekly, to: fortnightly, rationale: Engaging well and compliant. }
      `,
      errors: [{ messageId: 'notGrounded', line: 7, column: 64, message: /^"Engaging well and compliant\." is a verdict, not a reason to reduce contact from weekly to fortnightly/ }],
    },
    {
      name: 'at high risk, the word "risk" alone is not how risk is managed',
      yaml: withChange('high', '{ from: weekly, to: fortnightly, rationale: Risk reviewed and no concerns; settled in his flat for six months. }'),
      errors: [{ messageId: 'riskNotConsidered', line: 7, column: 64, message: /does not say how risk will be managed at the lower level/ }],
    },
  ],
});
