import rule from '../../rules/risk-reassessed-after-change.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

testRule(rule, {
  valid: [
    {
      name: 'a new relationship followed by a review that reassessed risk',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Rae } }
        events:
          - { date: 2024-05-02, type: change-of-circumstances, change: relationship, detail: New partner with two young children; checks requested from police and social care. }
        reviews:
          - date: 2024-05-20
            riskReassessment: { summary: Police and social care checks back; no concerns about the partner. Risk to children stays low; a home visit added., riskOfSeriousHarm: medium }
          - { date: 2024-08-01 }
      `,
    },
    {
      name: 'a move judged not to need a reassessment, with the reason',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Rae } }
        events:
          - date: 2024-05-02
            type: change-of-circumstances
            change: address
            detail: Moved two doors down into a council flat.
            reassessmentNotNeeded: Same street, same household, no new people; the move was planned in the last review.
        reviews:
          - { date: 2024-08-01 }
      `,
    },
    {
      name: 'a new job, which the team does not count as calling for reassessment',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Rae } }
        events:
          - { date: 2024-05-02, type: change-of-circumstances, change: employment, detail: Started work at the depot. }
        reviews:
          - { date: 2024-08-01 }
      `,
    },
  ],
  invalid: [
    {
      name: 'an arrest for a new offence with no reassessment in the months after',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Rae } }
        events:
          - { date: 2024-05-02, type: change-of-circumstances, change: new-offence, detail: Arrested for assault on his brother; released under investigation. }
        reviews:
          - { date: 2024-05-10, considered: { compliance: Attending. } }
          - { date: 2024-08-01 }
      `,
      errors: [
        {
          messageId: 'notReassessed',
          line: 5,
          column: 64,
          message:
            'A new offence was recorded on 2 May 2024 ("Arrested for assault on his brother; released und…"), but no review within the 28 days set for this check records a reassessment of risk. Reassess with Rae what the change means for risk and for the plan, and record it in the review\'s riskReassessment, or record in reassessmentNotNeeded why it is not needed.',
        },
      ],
    },
  ],
});
