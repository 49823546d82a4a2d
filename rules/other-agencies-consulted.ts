import { defineRule, judgeReason, normaliseText, personData, quote, type Agency, type Assessment } from '../src/rule-kit/index.js';

type Options = Record<string, never>;

type Consultation = NonNullable<Assessment['agenciesConsulted']>[number];

/** Whether an agenciesConsulted entry is about this agency: by its id or its name, however written. */
function isAbout(entry: Consultation, agency: Agency): boolean {
  const said = normaliseText(entry.agency);
  return (agency.id !== undefined && said === normaliseText(agency.id)) || said === normaliseText(agency.name);
}

/** Names of probation's own teams, recognised when withinProbation is not recorded. */
const PROBATION_TEAM = /\b(unpaid work|community payback|(accredited )?programmes? team|accredited programmes?)\b/;

/**
 * Whether the assessment could have been expected to consult the agency: not a team of probation
 * itself, and involved by the time of the assessment (one referred later is consulted when it
 * becomes involved, which the assessment cannot show).
 */
function expectedAtAssessment(agency: Agency, assessed: string): boolean {
  if (agency.withinProbation === true || PROBATION_TEAM.test(normaliseText(agency.name))) return false;
  return agency.involvedFrom === undefined || agency.involvedFrom <= assessed;
}

export default defineRule<Options>()({
  meta: {
    id: 'other-agencies-consulted',
    description: 'Where other agencies are involved with the person, the assessment records what each of them contributed.',
    severity: 'error',
    standard: 'assessment',
    guidance: { publication: 'hmip-assessing-for-engagement', section: "case summary and inspector's comments: information from the partnership agencies supporting Kate, confirmed with each of them" },
    appliesTo: ['case-file'],
    needs: ['assessment'],
    messages: {
      notConsulted:
        'The case shows {{agency}} is involved with {{name}}, but the assessment records nothing from them. Add an entry to assessment.agenciesConsulted (agency: {{ref}}) saying what they told you and how it shaped the assessment, or, if they were not contacted, why not.',
      noInformation: 'The assessment lists {{agency}} as consulted but not what they contributed. Record in information what they told you and how it shaped your understanding of {{name}}.',
      placeholder: '"{{text}}" does not say what {{agency}} contributed. Record what they told you and how it shaped your understanding of {{name}}.',
    },
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },

  check(model, context) {
    const assessment = model.assessment;
    if (!assessment) return; // only an assessment that exists is judged
    const person = personData(model);
    const consulted = assessment.agenciesConsulted ?? [];

    for (const agency of model.agencies) {
      if (!expectedAtAssessment(agency, assessment.date)) continue;
      if (consulted.some((entry) => isAbout(entry, agency))) continue;
      context.report({ node: assessment, property: 'agenciesConsulted', messageId: 'notConsulted', data: { ...person, agency: quote(agency.name, 50), ref: quote(agency.id ?? agency.name, 50) } });
    }

    for (const entry of consulted) {
      const agency = quote(model.agencies.find((a) => isAbout(entry, a))?.name ?? entry.agency, 50);
      if (entry.information === undefined || entry.information.trim() === '') {
        context.report({ node: entry, property: 'information', messageId: 'noInformation', data: { ...person, agency } });
      } else if (!judgeReason(entry.information, { name: model.person?.name }).ok) {
        // Judged by what it says: a placeholder, "as discussed" or "see notes" is not what the agency contributed.
        context.report({ node: entry, property: 'information', messageId: 'placeholder', data: { ...person, agency, text: quote(entry.information) } });
      }
    }
  },
});
