import rule from '../../rules/enforcement-fair.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

const head = `kind: case-file
schemaVersion: 1
case: { ref: C1, person: { name: Kai } }
sentence: { type: community-order, startDate: 2024-01-08, lengthMonths: 12 }
`;

testRule(rule, {
  valid: [
    {
      name: 'a warning then a reasoned breach relying on it, each with the account, and a review after',
      yaml:
        head +
        yaml`
          plan:
            date: 2024-01-15
            contact: { frequency: weekly }
          contacts:
            - id: w1
              date: 2024-02-05
              outcome: failed-to-attend
              enforcement:
                decision: unacceptable
                action: warning
                rationale: Third late cancellation; warning explained in person.
                personAccount: { words: I went to see my brother in Leeds and forgot to ring., soughtOn: 2024-02-06 }
            - date: 2024-03-04
              outcome: failed-to-attend
              enforcement:
                decision: unacceptable
                action: breach
                rationale: Kai told me on the phone he chose to go to a party instead; second unacceptable absence within a month of the warning.
                reliesOn: [w1]
                date: 2024-03-05
                breachOutcome: { result: order-continued, date: 2024-03-20 }
          reviews:
            - { date: 2024-03-25, personView: { words: I know I messed up. Mornings are better for me. } }
        `,
    },
    {
      name: 'an absence in hospital accepted, and an unacceptable absence whose account came at the review soon after',
      yaml:
        head +
        yaml`
          unavailablePeriods:
            - { kind: hospital, start: 2024-04-01, end: 2024-04-10 }
          contacts:
            - { date: 2024-04-03, outcome: acceptable-absence, enforcement: { decision: acceptable, rationale: In hospital; the ward confirmed. } }
            - { date: 2024-05-06, outcome: failed-to-attend, enforcement: { decision: unacceptable, action: none, rationale: Second missed appointment this month. } }
          reviews:
            - { date: 2024-05-13, personView: { words: My mum was ill and I panicked. I should have rung. } }
        `,
    },
  ],
  invalid: [
    {
      name: 'a warning for an absence while in custody on remand',
      yaml:
        head +
        yaml`
          unavailablePeriods:
            - { kind: custody, start: 2024-03-01, end: 2024-03-15, note: Remanded; released on bail. }
          contacts:
            - id: w1
              date: 2024-03-11
              outcome: failed-to-attend
              enforcement: { decision: unacceptable, action: warning, rationale: Did not attend., personAccount: { notGivenReason: He was in custody and could not be asked until release. } }
        `,
      errors: [
        {
          messageId: 'duringPeriod',
          line: 11,
          column: 30,
          message:
            'The absence on 11 Mar 2024 was judged unacceptable with a warning, but Kai was in custody from 1 Mar 2024 to 15 Mar 2024 (unavailablePeriods). Reconsider the decision: an absence when the person could not attend is not a failure to comply.',
        },
      ],
    },
    {
      name: 'an unacceptable absence at a time the plan says the person cannot attend',
      yaml:
        head +
        yaml`
          plan:
            date: 2024-01-15
            contact:
              frequency: weekly
              unavailable:
                - { days: [weekdays], from: "08:30", to: "15:00", reason: School run and nursery for his daughter. }
          contacts:
            - date: 2024-02-07
              time: "10:00"
              outcome: failed-to-attend
              enforcement: { decision: unacceptable, action: none, rationale: He said he could not get childcare. }
        `,
      errors: [
        {
          messageId: 'duringWindow',
          line: 15,
          column: 30,
          message:
            "The absence on 7 Feb 2024 at 10:00 was judged unacceptable, but the plan itself says Kai cannot attend then (School run and nursery for his daughter.). Reconsider the decision, or record in the contact's rationale why this time was agreed with them.",
        },
      ],
    },
    {
      name: 'a warning after a review found a barrier and changed nothing, with no account recorded',
      yaml:
        head +
        yaml`
          contacts:
            - date: 2024-04-10
              outcome: failed-to-attend
              enforcement: { decision: unacceptable, action: warning, rationale: Second absence. }
          reviews:
            - date: 2024-03-20
              considered: { barriers: Cannot afford the bus fare until his first wage on 26 April. }
        `,
      errors: [
        {
          messageId: 'noAccount',
          line: 8,
          column: 18,
          message:
            'The absence on 10 Apr 2024 was judged unacceptable with a warning, but no account from Kai is recorded. Record what they said and when you asked (enforcement.personAccount), or why no account could be had, so the decision can be seen to be fair.',
        },
        {
          messageId: 'barrierIgnored',
          line: 8,
          column: 30,
          message:
            'The absence on 10 Apr 2024 was judged unacceptable with a warning, after the review of 20 Mar 2024 recorded a barrier ("Cannot afford the bus fare until his first wage on 26 April.") and changed nothing in the plan. Adjust the plan to the barrier first, or record at the review why no change was needed, so enforcement is fair.',
        },
      ],
    },
    {
      name: 'a breach with no earlier warning, relying on a contact that holds none, and no review after',
      yaml:
        head +
        yaml`
          contacts:
            - { date: 2024-02-05, outcome: attended }
            - date: 2024-03-04
              outcome: failed-to-attend
              enforcement:
                decision: unacceptable
                action: breach
                rationale: He told me he would not come to appointments any more.
                reliesOn: [2024-02-05]
                date: 2024-03-05
          reviews:
            - { date: 2024-06-03 }
        `,
      errors: [
        {
          messageId: 'noReviewAfterBreach',
          line: 11,
          column: 15,
          message:
            'Breach action was taken on 5 Mar 2024, but no review of the plan followed within the 28 days set for this check. Review the plan with Kai: what led to the breach, and what has to change so they can complete the order.',
        },
        {
          messageId: 'outOfSequence',
          line: 11,
          column: 15,
          message:
            "The breach on 4 Mar 2024 has no warning within the 12 months before it, where the team's sequence is 1 warning before breach. Record in enforcement.sequenceDeparture why going to breach now was proportionate for Kai.",
        },
        {
          messageId: 'reliesOnInvalid',
          line: 13,
          column: 18,
          message: 'The breach on 4 Mar 2024 relies on "2024-02-05", which matches no contact in the log. Check which warning the breach rests on, and record it in reliesOn by the warning\'s contact id or date.',
        },
      ],
    },
  ],
});
