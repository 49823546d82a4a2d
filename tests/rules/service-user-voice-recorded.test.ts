import rule from '../../rules/service-user-voice-recorded.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

/**
 * Lisa's case as the guidance tells it: the plan completed in her absence (line 7), with why and
 * what was tried, and a revisit planned; her words recorded at the review she took part in.
 */
const absentPlan = (absenceReason: string, revisit: string, review = '') => `kind: case-file
schemaVersion: 1
case: { ref: C1, person: { name: Lisa, pronouns: she/her } }
plan:
  date: 2024-01-22
  version: initial
  participation:
    person: absent
    absenceReason: ${absenceReason}
${revisit}contacts:
  - { date: 2024-01-29, outcome: attended }
reviews:
  - date: 2024-02-02
    trigger: after-first-attendance
    participation: { person: in-person }
${review || "    personView: I want to sort my drinking out and feel safe at home. I can't do groups yet."}
`;
const lisaReason = 'Lisa missed three appointments through ill health; we spoke by phone twice.';
const lisaRevisit = '  revisit:\n    when: after-first-attendance\n    reason: Completed without Lisa to meet the timescale; to be reviewed with her once she is inducted.\n';

const planWithView = (view: string) => yaml`
  kind: sentence-plan
  schemaVersion: 1
  caseRef: C1
  date: 2024-01-10
  personView: ${view}
`;

testRule(rule, {
  valid: [
    { name: 'own words, shorthand', yaml: planWithView('"I want to get back to work and stop drinking."') },
    {
      name: 'own words with date',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2024-01-10
        personView:
          words: My kids come first, so I need appointments after school.
          date: 2024-01-10
      `,
    },
    {
      name: 'a recorded reason no view could be given',
      yaml: yaml`
        kind: review
        schemaVersion: 1
        caseRef: C1
        date: 2024-03-01
        personView:
          reasonNotRecorded: Declined to comment after the purpose of the review was explained; to revisit next week.
      `,
    },
    {
      name: 'a plan completed without the person, with the reason and a revisit, and their words at the review they took part in',
      yaml: absentPlan(lisaReason, lisaRevisit),
    },
    {
      name: 'a plan completed without the person awaiting its revisit: the absence reason is not asked for again',
      yaml: absentPlan(lisaReason, lisaRevisit).replace(/contacts:[\s\S]*/, ''),
    },
    {
      // Judged by what it says, not its length.
      name: 'a plan completed without the person, with a short real reason for the revisit',
      yaml: absentPlan(lisaReason, '  revisit:\n    when: after-first-attendance\n    reason: Hospital admission.\n').replace(/contacts:[\s\S]*/, ''),
    },
    {
      name: 'a shorter minimum set in options',
      yaml: planWithView('"I want work."'),
      options: { minWords: 3 },
    },
    {
      name: 'a short real reason no view could be given',
      yaml: yaml`
        kind: review
        schemaVersion: 1
        caseRef: C1
        date: 2024-03-01
        personView: { reasonNotRecorded: In crisis; will ask next week. }
      `,
    },
    { name: 'short own words need no word count', yaml: planWithView('"I\'m scared of going back."') },
    { name: 'first person without quotation marks', yaml: planWithView('I want to keep my flat') },
    { name: 'a direct quotation inside a note', yaml: planWithView(`'Asked what would help, he said "Stay off the gear and see the girls."'`) },
    {
      name: 'a standalone review naming the person, in her own words',
      yaml: yaml`
        kind: review
        schemaVersion: 1
        caseRef: C1
        person: { name: Lisa, pronouns: she/her }
        date: 2024-03-01
        personView: '"I just want my kids back."'
      `,
    },
  ],
  invalid: [
    {
      name: 'a plan without the person and a filler reason ("Did not attend.") still needs the view or why there is none',
      yaml: absentPlan('Did not attend.', lisaRevisit),
      errors: [{ messageId: 'missing', line: 5, column: 3, message: /^The plan does not record Lisa's view\./ }],
    },
    {
      name: 'a plan without the person and a revisit "reason" that gives none still needs the view',
      yaml: absentPlan(lisaReason, "  revisit:\n    when: after-first-attendance\n    reason: 'Did not attend, no reason given.'\n").replace(/contacts:[\s\S]*/, ''),
      errors: [{ messageId: 'missing', line: 5, column: 3 }],
    },
    {
      name: 'a plan without the person and no revisit planned still needs the view or why there is none',
      yaml: absentPlan(lisaReason, ''),
      errors: [{ messageId: 'missing', line: 5, column: 3 }],
    },
    {
      name: 'the review the person took part in must then hold their words',
      yaml: absentPlan(lisaReason, lisaRevisit, '    considered: { engagement: Engaged well at the first home visit. }'),
      errors: [{ messageId: 'missing', line: 16, column: 5, message: /^The review of 2 Feb 2024 does not record Lisa's view\./ }],
    },
    {
      name: 'no view at all',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2024-01-10
      `,
      errors: [
        {
          messageId: 'missing',
          line: 1,
          column: 1,
          message: "The plan does not record the person's view. Quote what the person said about it in personView.words, in their own words, or record in personView.reasonNotRecorded why no view could be given.",
        },
      ],
    },
    {
      name: '"agrees with plan" is a tick, not a view',
      yaml: planWithView('Agrees with plan.'),
      errors: [{ messageId: 'generic', line: 5, column: 13, endLine: 5, endColumn: 30, message: /^"Agrees with plan\." records agreement/ }],
    },
    {
      name: 'a name followed by a stock phrase',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case:
          ref: C1
          person: { name: Sam }
        plan:
          date: 2024-01-10
          personView:
            words: Sam is happy with the plan
      `,
      errors: [{ messageId: 'generic', line: 9, column: 12, message: /not Sam's view/ }],
    },
    {
      name: 'placeholder text',
      yaml: planWithView('TBC'),
      errors: [{ messageId: 'placeholder', line: 5, column: 13, message: /^"TBC" is a placeholder/ }],
    },
    {
      name: "a team's floor on length (option minWords)",
      options: { minWords: 4 },
      yaml: planWithView('"I\'m scared."'),
      errors: [{ messageId: 'tooShort', line: 5, column: 13, message: /\(2 words; at least 4 expected\)/ }],
    },
    {
      name: 'agreement in the first person is still a tick',
      yaml: planWithView('"Fine by me"'),
      errors: [{ messageId: 'generic', line: 5, column: 13, message: /^"Fine by me" records agreement, not the person's view\./ }],
    },
    {
      name: 'a summary with the subject left out',
      yaml: planWithView('Wants to stay out of trouble.'),
      errors: [{ messageId: 'thirdPerson', line: 5, column: 13, message: /reads as a summary about the person/ }],
    },
    {
      name: 'a summary about a named person in a standalone plan, with her pronouns',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        person: { name: Lisa, pronouns: she/her }
        date: 2024-01-10
        personView: Lisa reports she is ok
      `,
      errors: [
        {
          messageId: 'thirdPerson',
          line: 6,
          column: 13,
          message: 'This reads as a summary about Lisa, not her own words. Quote Lisa directly ("I want …"), so the plan shows her voice.',
        },
      ],
    },
    {
      name: 'a summary using the pronouns recorded for the person',
      yaml: yaml`
        kind: review
        schemaVersion: 1
        caseRef: C1
        person: { pronouns: xe/xem }
        date: 2024-03-01
        personView: Xe says the appointments clash with college.
      `,
      errors: [
        { messageId: 'thirdPerson', line: 6, column: 13, message: 'This reads as a summary about the person, not xyr own words. Quote the person directly ("I want …"), so the review of 1 Mar 2024 shows xyr voice.' },
      ],
    },
    {
      name: '"He says he is fine"',
      yaml: planWithView('He says he is fine'),
      errors: [{ messageId: 'thirdPerson', line: 5, column: 13 }],
    },
    {
      name: 'a summary written about the person',
      yaml: planWithView('She says she wants to find work and get her own flat.'),
      errors: [{ messageId: 'thirdPerson', line: 5, column: 13, message: /reads as a summary about the person/ }],
    },
    {
      name: 'each review is checked as well as the plan',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        plan:
          date: 2024-01-10
          personView: I want to keep my job and stay off drink.
        reviews:
          - date: 2024-04-10
            participation: { person: in-person }
      `,
      errors: [{ messageId: 'missing', line: 8, column: 5, message: /^The review of 10 Apr 2024 does not record/ }],
    },
    {
      name: 'a placeholder reason does not excuse a missing view',
      yaml: yaml`
        kind: review
        schemaVersion: 1
        caseRef: C1
        date: 2024-03-01
        personView:
          reasonNotRecorded: N/A
      `,
      errors: [{ messageId: 'missing', line: 6, column: 3 }],
    },
    {
      name: 'a reason for no view that gives no reason',
      yaml: yaml`
        kind: review
        schemaVersion: 1
        caseRef: C1
        date: 2024-03-01
        personView:
          reasonNotRecorded: Not recorded, no reason.
      `,
      errors: [{ messageId: 'missing', line: 6, column: 3 }],
    },
    {
      name: 'extra stock phrases from options',
      yaml: planWithView('"Went through the plan together"'),
      options: { genericPhrases: ['went through the plan together'] },
      errors: [{ messageId: 'generic', line: 5, column: 13 }],
    },
  ],
});
