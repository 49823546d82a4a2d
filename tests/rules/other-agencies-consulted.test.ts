import rule from '../../rules/other-agencies-consulted.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

const kateCase = (consulted: string) => yaml`
  kind: case-file
  schemaVersion: 1
  case:
    ref: C1
    person: { name: Kate }
    agencies:
      - { id: social-care, name: Children's social care }
      - { name: Youth offending service }
  assessment:
    date: 2024-03-13
${consulted}
`;

/**
 * Kate's case months on: social care consulted at the assessment; a mental health team referred
 * after it (and consulted at the review when it became involved); probation's own teams.
 */
const laterAgencies = (mentalHealth: string) => yaml`
  kind: case-file
  schemaVersion: 1
  case:
    ref: C1
    person: { name: Kate }
    agencies:
      - { id: social-care, name: Children's social care }
      - ${mentalHealth}
      - { name: Accredited programmes team, role: Building Choices group }
      - { name: Unpaid work (Community Payback), role: Saturday placement }
      - { name: Approved premises, withinProbation: true }
  assessment:
    date: 2024-03-13
    agenciesConsulted:
      - { agency: social-care, information: Confirmed leaving-care funding and her worker's name. }
  reviews:
    - date: 2024-06-12
      participation:
        person: in-person
        others: [{ role: health, name: CPN, organisation: Community mental health team }]
`;

testRule(rule, {
  valid: [
    {
      name: 'each agency consulted, by id or by name',
      yaml: kateCase(`  agenciesConsulted:
    - { agency: social-care, information: Confirmed leaving-care funding. }
    - { agency: youth offending service, information: What helped her engage before. }`),
    },
    {
      name: 'a recorded reason an agency was not contacted',
      yaml: kateCase(`  agenciesConsulted:
    - { agency: social-care, information: Confirmed leaving-care funding. }
    - agency: Youth offending service
      information: Not contacted; their involvement ended three years ago and Kate asked us to start afresh.`),
    },
    {
      name: "an agency involved after the assessment, and probation's own teams, are not agencies it failed to consult",
      yaml: laterAgencies('{ id: cmht, name: Community mental health team, involvedFrom: 2024-05-20 }'),
    },
    {
      name: 'no agencies involved',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case: { ref: C1 }
        assessment:
          date: 2024-03-13
      `,
    },
    {
      name: 'no assessment: nothing to judge',
      yaml: yaml`
        kind: case-file
        schemaVersion: 1
        case:
          ref: C1
          agencies: [{ name: Police }]
      `,
    },
  ],
  invalid: [
    {
      name: 'no agency consulted',
      yaml: kateCase(''),
      errors: [
        {
          messageId: 'notConsulted',
          line: 10,
          column: 3,
          message:
            "The case shows Children's social care is involved with Kate, but the assessment records nothing from them. Add an entry to assessment.agenciesConsulted (agency: social-care) saying what they told you and how it shaped the assessment, or, if they were not contacted, why not.",
        },
        { messageId: 'notConsulted', line: 10, column: 3, message: /^The case shows Youth offending service is involved with Kate.*\(agency: Youth offending service\)/ },
      ],
    },
    {
      name: 'an agency involved before the assessment is still expected, beside the teams of probation',
      yaml: laterAgencies('{ id: cmht, name: Community mental health team, involvedFrom: 2024-01-10 }'),
      errors: [{ messageId: 'notConsulted', line: 15, column: 5, message: /^The case shows Community mental health team is involved with Kate/ }],
    },
    {
      name: 'one of two agencies missing',
      yaml: kateCase(`  agenciesConsulted:
    - { agency: social-care, information: Confirmed leaving-care funding. }`),
      errors: [{ messageId: 'notConsulted', line: 12, column: 5, message: /Youth offending service/ }],
    },
    {
      name: 'an agency listed without what it said',
      yaml: kateCase(`  agenciesConsulted:
    - { agency: social-care }
    - { agency: youth offending service, information: What helped her engage before. }`),
      errors: [
        {
          messageId: 'noInformation',
          line: 12,
          column: 7,
          message: "The assessment lists Children's social care as consulted but not what they contributed. Record in information what they told you and how it shaped your understanding of Kate.",
        },
      ],
    },
    {
      name: 'a placeholder for what an agency said',
      yaml: kateCase(`  agenciesConsulted:
    - { agency: social-care, information: Confirmed leaving-care funding. }
    - { agency: Youth offending service, information: see notes }`),
      errors: [{ messageId: 'placeholder', line: 13, column: 55, message: /^"see notes" does not say what Youth offending service contributed\./ }],
    },
    {
      // Judged by what it says: words that give nothing are not what the agency contributed.
      name: 'what an agency said, recorded as words that say nothing',
      yaml: kateCase(`  agenciesConsulted:
    - { agency: social-care, information: Confirmed leaving-care funding. }
    - { agency: Youth offending service, information: As discussed. }`),
      errors: [{ messageId: 'placeholder', line: 13, column: 55, message: /^"As discussed\." does not say what Youth offending service contributed\./ }],
    },
  ],
});
