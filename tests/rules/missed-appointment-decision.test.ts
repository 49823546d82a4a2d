import rule from '../../rules/missed-appointment-decision.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

/** A case file for Dev; the contact log starts on line 5, its items at column 1. */
const withContacts = (...contacts: string[]) => `kind: case-file
schemaVersion: 1
case: { ref: C1, person: { name: Dev } }
contacts:
${contacts.map((c) => `${c.trimEnd()}\n`).join('')}`;

const later = '- { date: 2024-03-01, outcome: attended }\n';

testRule(rule, {
  valid: [
    {
      name: 'short real reasons are reasons',
      yaml: withContacts(yaml`
        - { date: 2024-01-08, outcome: acceptable-absence, enforcement: { decision: acceptable, rationale: Hospital admission. } }
        - { date: 2024-01-22, outcome: failed-to-attend, enforcement: { decision: acceptable, action: none, rationale: "Son was ill, sent a text before." } }
        - { date: 2024-02-05, outcome: acceptable-absence, enforcement: { decision: acceptable, rationale: Bus strike } }
      `),
    },
    {
      name: 'a missed appointment with a decision and its reason',
      yaml: withContacts(
        yaml`
        - date: 2024-02-05
          outcome: failed-to-attend
          enforcement: { decision: unacceptable, action: warning, rationale: No contact or explanation; second missed appointment this month. }
      `,
        later,
      ),
    },
    {
      name: 'an acceptable absence with the reason it was accepted',
      yaml: withContacts(yaml`
        - date: 2024-02-05
          outcome: acceptable-absence
          enforcement: { decision: acceptable, action: none, rationale: Rang beforehand; GP letter confirms illness. }
      `),
    },
    {
      name: 'breach at the first absence, with a rationale saying why',
      yaml: withContacts(
        yaml`
        - date: 2024-02-05
          outcome: failed-to-attend
          enforcement:
            decision: unacceptable
            action: breach
            rationale: Missed the appointment to meet the victim's area, against an exclusion condition; risk to the victim called for immediate breach.
      `,
        later,
      ),
    },
    {
      name: 'no decision yet, but the record ends within the time allowed for one',
      yaml: withContacts(yaml`
        - { date: 2024-02-05, outcome: failed-to-attend }
        - { date: 2024-02-08, outcome: attended }
        - { date: 2024-04-01, outcome: planned }
      `),
    },
    {
      name: 'an acceptable absence without a reason, when the option is off',
      yaml: withContacts('- { date: 2024-02-05, outcome: acceptable-absence }\n'),
      options: { acceptableAbsenceRationale: false },
    },
  ],
  invalid: [
    {
      name: 'a missed appointment with no decision, long before the record ends',
      yaml: withContacts(
        yaml`
        - { date: 2024-02-05, time: "10:00", outcome: failed-to-attend }
      `,
        later,
      ),
      errors: [
        {
          messageId: 'noDecision',
          line: 5,
          column: 3,
          message:
            'The appointment on 5 Feb 2024 was missed, and no decision on the absence is recorded within the 7 days set for this check. Record under enforcement whether it was acceptable, what was done and why, taking account of what Dev said and what is going on in their life.',
        },
      ],
    },
    {
      // Every date the record shows something happened counts towards "now", notes on objectives
      // included: a note written in March shows March has come (one latest-recorded-date for all rules).
      name: 'a missed appointment with no decision, when a later note on an objective shows time has passed',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Dev } }
        contacts:
          - { date: 2024-02-05, time: "10:00", outcome: failed-to-attend }
        plan:
          date: 2024-01-20
          participation: { person: in-person }
          objectives:
            - id: work
              title: Find work
              notes:
                - { date: 2024-03-04, note: Dev started a CSCS card course this week. }
      `,
      errors: [
        {
          messageId: 'noDecision',
          line: 5,
          column: 5,
          message:
            'The appointment on 5 Feb 2024 was missed, and no decision on the absence is recorded within the 7 days set for this check. Record under enforcement whether it was acceptable, what was done and why, taking account of what Dev said and what is going on in their life.',
        },
      ],
    },
    {
      name: 'a warning with no reason recorded',
      yaml: withContacts(yaml`
        - date: 2024-02-05
          outcome: failed-to-attend
          enforcement:
            decision: unacceptable
            action: warning
      `),
      errors: [
        {
          messageId: 'noRationale',
          line: 8,
          column: 5,
          message:
            'The absence on 5 Feb 2024 was judged unacceptable with a warning, but not why. Record in enforcement.rationale what Dev said, what you took into account, and why this response is fair and proportionate.',
        },
      ],
    },
    {
      name: 'breach at the first absence with no rationale',
      yaml: withContacts(yaml`
        - date: 2024-02-05
          outcome: failed-to-attend
          enforcement: { decision: unacceptable, action: breach }
      `),
      errors: [{ messageId: 'immediateEscalation', line: 7, column: 16, message: /^The absence on 5 Feb 2024 led to breach action with no earlier warning or unacceptable absence recorded/ }],
    },
    {
      name: 'recall after earlier warnings, with a placeholder rationale',
      yaml: withContacts(yaml`
        - { date: 2024-01-08, outcome: failed-to-attend, enforcement: { decision: unacceptable, action: warning, rationale: No answer to two calls or a letter; first warning. } }
        - date: 2024-02-05
          outcome: failed-to-attend
          enforcement: { decision: unacceptable, action: recall, rationale: TBC }
      `),
      errors: [{ messageId: 'escalationNoRationale', line: 8, column: 69, message: /^The absence on 5 Feb 2024 led to recall, but the reason is not recorded\./ }],
    },
    {
      name: 'an acceptable absence with no reason',
      yaml: withContacts('- { date: 2024-02-05, outcome: acceptable-absence }\n'),
      errors: [{ messageId: 'acceptableNoRationale', line: 5, column: 3, message: /^The absence on 5 Feb 2024 is recorded as acceptable, but not why\./ }],
    },
    {
      name: 'a shorter time allowed for a decision',
      yaml: withContacts('- { date: 2024-02-05, outcome: failed-to-attend }\n- { date: 2024-02-07, outcome: attended }\n'),
      options: { decisionWithinDays: 1 },
      errors: [{ messageId: 'noDecision', line: 5, column: 3 }],
    },
    {
      name: 'rationales that give no reason or repeat the event, with his pronouns',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Dev, pronouns: he/him } }
        contacts:
          - { date: 2024-01-08, outcome: failed-to-attend, enforcement: { decision: unacceptable, action: warning, rationale: "Did not attend, no reason." } }
          - { date: 2024-01-22, outcome: failed-to-attend, enforcement: { decision: unacceptable, action: warning, rationale: Unacceptable absence - warning issued. } }
          - { date: 2024-02-05, outcome: acceptable-absence, enforcement: { decision: acceptable, rationale: As discussed } }
      `,
      errors: [
        {
          messageId: 'weakRationale',
          line: 5,
          column: 119,
          message:
            '"Did not attend, no reason." does not say why the absence on 8 Jan 2024 was judged unacceptable with a warning: it gives no reason. Record what Dev said, what you took into account, and why this response is fair (for example "Hospital admission, letter seen." or "Third absence without contact; he had been warned on 2 May.").',
        },
        {
          messageId: 'weakRationale',
          line: 6,
          column: 119,
          message: /^"Unacceptable absence - warning issued\." does not say why the absence on 22 Jan 2024 was judged unacceptable with a warning: it only repeats what happened\./,
        },
        { messageId: 'weakRationale', line: 7, column: 102, message: /^"As discussed" does not say why the absence on 5 Feb 2024 was judged acceptable: it gives no reason\./ },
      ],
    },
    {
      name: "a team's own filler phrase (option fillerPhrases)",
      options: { fillerPhrases: ['per duty manager'] },
      yaml: withContacts('- { date: 2024-02-05, outcome: acceptable-absence, enforcement: { decision: acceptable, rationale: Per duty manager } }\n'),
      errors: [{ messageId: 'weakRationale', line: 5, column: 100 }],
    },
    {
      name: 'acceptable absences need no rationale when the team says so (option acceptableAbsenceRationale)',
      options: { acceptableAbsenceRationale: false },
      yaml: withContacts('- { date: 2024-02-05, outcome: failed-to-attend, enforcement: { decision: acceptable, rationale: DNA } }\n- { date: 2024-02-12, outcome: acceptable-absence }\n'),
      errors: [{ messageId: 'weakRationale', line: 5, column: 98 }],
    },
  ],
});
