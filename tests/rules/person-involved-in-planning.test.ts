import rule from '../../rules/person-involved-in-planning.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

/** A sentence plan with the given fields after its date. */
const plan = (body: string) => yaml`
  kind: sentence-plan
  schemaVersion: 1
  caseRef: C1
  date: 2024-01-22
${body}
`;

testRule(rule, {
  valid: [
    { name: 'took part in person', yaml: plan('participation: { person: in-person }') },
    { name: 'took part in writing', yaml: plan('participation: { person: written }') },
    {
      name: 'absent, with the reason and an intention to revisit',
      yaml: plan(`participation:
  person: absent
  absenceReason: Missed three appointments through ill health; we spoke by phone twice.
revisit:
  when: after-first-attendance
  reason: Written without her to meet the timescale; to be gone through with her at induction.`),
    },
    {
      name: 'absent, with a reasoned judgement that no revisit is needed',
      yaml: plan(`participation:
  person: absent
  absenceReason: Transfer plan written from the full record; he took part in the plan it replaces.
revisit:
  when: not-needed
  reason: The content is unchanged from the plan he helped write last month.`),
    },
    {
      name: 'in a case file, a missing revisit is left to plan-revisited-after-first-attendance',
      yaml: `kind: case-file
schemaVersion: 1
case: { ref: C1 }
plan:
  date: 2024-01-22
  participation:
    person: absent
    absenceReason: Unwell for the first three appointments; we spoke twice by phone.
`,
    },
    {
      name: 'short real reasons',
      yaml: plan(`participation: { person: absent, absenceReason: Hospital admission. }
revisit: { when: after-first-attendance, reason: So she shapes her goals herself. }`),
    },
  ],
  invalid: [
    {
      name: 'participation not recorded',
      yaml: plan(''),
      errors: [
        {
          messageId: 'notRecorded',
          line: 1,
          column: 1,
          message:
            'The plan of 22 Jan 2024 does not record whether the person took part in making it. Add participation: how the person took part (in-person, phone, video, written) or, if they could not, absent with the reason.',
        },
      ],
    },
    {
      name: 'absent with no reason and no follow-up',
      yaml: plan(`participation:
  person: absent`),
      errors: [
        {
          messageId: 'noFollowUp',
          line: 1,
          column: 1,
          message:
            'The plan of 22 Jan 2024 was made without the person and records no intention to go through it with them. Add revisit (for example when: after-first-attendance, with the reason), so the person can shape the plan once they attend.',
        },
        {
          messageId: 'noReason',
          line: 6,
          column: 3,
          message: 'The plan of 22 Jan 2024 was made without the person and does not say why. Record in participation.absenceReason why the person could not take part and what was tried.',
        },
      ],
    },
    {
      name: 'absent with a reason that explains nothing, followed up',
      yaml: plan(`participation: { person: absent, absenceReason: DNA }
revisit: { when: after-first-attendance, reason: To go through it with him at his first appointment. }`),
      errors: [{ messageId: 'weakReason', line: 5, column: 49, message: /^"DNA" does not explain why the plan was made without the person\./ }],
    },
    {
      name: 'absent with a reason, follow-up reason a placeholder',
      yaml: plan(`participation: { person: absent, absenceReason: In hospital after a fall; could not be visited. }
revisit: { when: after-first-attendance, reason: TBC }`),
      errors: [{ messageId: 'weakFollowUp', line: 6, column: 50, message: /^"TBC" does not say how the plan made without the person will be followed up\./ }],
    },
    {
      name: 'uses the recorded name, and judges every plan of the case',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Lisa } }
        plan:
          date: 2024-01-22
          participation: { person: in-person }
        ---
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2024-04-22
        version: review
      `,
      errors: [{ messageId: 'notRecorded', line: 8, column: 1, message: /^The plan of 22 Apr 2024 does not record whether Lisa took part/ }],
    },
    {
      name: 'reasons that repeat the absence and the revisit, with her pronouns',
      yaml: yaml`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        person: { name: Ana, pronouns: she/her }
        date: 2024-01-22
        participation: { person: absent, absenceReason: Did not attend the planning appointment. }
        revisit: { when: after-first-attendance, reason: After first attendance. }
      `,
      errors: [
        {
          messageId: 'weakReason',
          line: 6,
          column: 49,
          message: '"Did not attend the planning appointment." does not explain why the plan was made without Ana. Say why she could not take part and what was tried (calls, letters, a home visit).',
        },
        { messageId: 'weakFollowUp', line: 7, column: 50, message: /^"After first attendance\." does not say how the plan made without Ana will be followed up\. Say when it will be revisited with her and why\./ },
      ],
    },
    {
      name: "a team's own filler phrase (option fillerPhrases)",
      options: { fillerPhrases: ['per team leader'] },
      yaml: plan(`participation: { person: absent, absenceReason: Per team leader }
revisit: { when: after-first-attendance, reason: So she shapes her goals herself. }`),
      errors: [{ messageId: 'weakReason', line: 5, column: 49 }],
    },
    {
      name: "a team's floor on length (option minReasonWords)",
      options: { minReasonWords: 3 },
      yaml: plan(`participation: { person: absent, absenceReason: Hospital. }
revisit: { when: after-first-attendance, reason: So she shapes her goals herself. }`),
      errors: [{ messageId: 'weakReason', line: 5, column: 49 }],
    },
  ],
});
