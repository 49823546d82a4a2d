import rule, { describesRiskManagement } from '../../rules/risk-managed-between-contacts.js';
import { describe, expect, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

testRule(rule, {
  valid: [
    {
      name: 'high risk seen fortnightly, with police and the hostel monitoring between contacts; MAPPA recorded; home visits for the child',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Lee } }
        sentence: { type: licence, startDate: 2024-02-01, lengthMonths: 18, riskOfSeriousHarm: high }
        sexOffenderRegistration: { registered: true, from: 2024-02-01 }
        mappa: { category: 1, level: 2, arrangements: Level 2 meetings every eight weeks; police offender manager visits monthly and shares intelligence. }
        household:
          members:
            - { relationship: partner's son, age: 9, childPlan: child-in-need }
        plan:
          date: 2024-02-05
          contact:
            frequency: fortnightly
            types: [office, home-visit]
            rationale: Works full time in a supervised role; the MAPPA panel agreed fortnightly with the monitoring below.
          riskManagement:
            monitoring:
              - { by: Police offender manager, what: Unannounced home visits and checks on his devices., how: monthly }
              - { by: Approved premises staff, what: Curfew and signing in at 23:00; any breach reported the same night. }
            triggers:
              - { sign: Contact with the victim's family, response: Emergency MAPPA meeting and weekly contact }
      `,
    },
    {
      name: 'medium risk seen four-weekly, the rationale saying who watches between contacts',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Lee } }
        sentence: { type: community-order, startDate: 2024-02-01, lengthMonths: 18, riskOfSeriousHarm: medium }
        plan:
          date: 2024-02-05
          contact:
            frequency: four-weekly
            rationale: Weekly sessions with the drug service, whose keyworker tells me at once of any missed test.
      `,
    },
    {
      name: 'no household recorded: nothing to judge about home visits',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Lee } }
        sentence: { type: community-order, startDate: 2024-02-01, riskOfSeriousHarm: low }
        plan:
          date: 2024-02-05
          contact: { frequency: fortnightly, types: [office] }
      `,
    },
  ],
  invalid: [
    {
      name: 'high risk seen fortnightly for reasons that say nothing about managing risk between contacts',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Lee } }
        sentence: { type: community-order, startDate: 2024-02-01, riskOfSeriousHarm: high }
        plan:
          date: 2024-02-05
          contact:
            frequency: fortnightly
            rationale: He is doing well and works long hours, so fortnightly suits him.
      `,
      errors: [
        {
          messageId: 'betweenContacts',
          line: 6,
          column: 3,
          message:
            'Contact is fortnightly, less often than the weekly contact expected at high risk of serious harm, and the plan does not say how risk is managed between contacts. Add riskManagement.monitoring: who (police, social care, the hostel, a treatment provider) watches for what between appointments, and what would lead to more contact.',
        },
      ],
    },
    {
      name: 'registered, with no MAPPA record; and a MAPPA record without its level',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Lee } }
        sentence: { type: licence, startDate: 2024-02-01 }
        sexOffenderRegistration: { registered: true }
      `,
      errors: [
        {
          messageId: 'mappaMissing',
          line: 5,
          column: 40,
          message:
            'Lee is registered as a sexual offender, which brings them under MAPPA (category 1), but no MAPPA level or arrangements are recorded. Record mappa with the category, level and how the agencies manage them.',
        },
      ],
    },
    {
      name: 'a MAPPA record with no level or arrangements',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Lee } }
        sentence: { type: licence, startDate: 2024-02-01 }
        mappa: { category: 2, arrangements: TBC }
      `,
      errors: [
        {
          messageId: 'mappaIncomplete',
          line: 5,
          column: 8,
          message: 'The MAPPA record does not give the level and the arrangements. Record them, so anyone picking up the case knows who manages Lee with whom, and how.',
        },
      ],
    },
    {
      name: 'a child on a child protection plan in the household, and only office appointments',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1, person: { name: Lee } }
        sentence: { type: community-order, startDate: 2024-02-01 }
        household:
          members:
            - { relationship: daughter, age: 3, childPlan: child-protection }
        plan:
          date: 2024-02-05
          contact: { frequency: weekly, types: [office] }
      `,
      errors: [
        {
          messageId: 'noHomeVisits',
          line: 10,
          column: 40,
          message:
            "The household has a child on a child protection or child in need plan, but the plan sets no home visits. Plan home visits (contact.types: home-visit) to see Lee where they live, or say in riskManagement why another agency's visits are enough.",
        },
      ],
    },
  ],
});

describe('describesRiskManagement', () => {
  it('hears who watches between contacts', () => {
    expect(describesRiskManagement('Monitoring continues through the employer and police.')).toBe(true);
    expect(describesRiskManagement('The Women’s Centre sees her weekly and calls me with concerns.', ['Women’s Centre'])).toBe(true);
  });
  it('is not satisfied by reasons that say nothing about it', () => {
    expect(describesRiskManagement('He is doing well, low risk really.')).toBe(false);
    expect(describesRiskManagement('risk managed')).toBe(false);
  });
});
