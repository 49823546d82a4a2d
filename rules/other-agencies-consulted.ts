import { defineRule, isPlaceholder, normaliseText, personData, quote, type Agency, type Assessment } from '../src/rule-kit/index.js';

type Options = Record<string, never>;

type Consultation = NonNullable<Assessment['agenciesConsulted']>[number];

/** Whether an agenciesConsulted entry is about this agency: by its id or its name, however written. */
function isAbout(entry: Consultation, agency: Agency): boolean {
  const said = normaliseText(entry.agency);
  return (agency.id !== undefined && said === normaliseText(agency.id)) || said === normaliseText(agency.name);
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
      if (consulted.some((entry) => isAbout(entry, agency))) continue;
      context.report({ node: assessment, property: 'agenciesConsulted', messageId: 'notConsulted', data: { ...person, agency: quote(agency.name, 50), ref: quote(agency.id ?? agency.name, 50) } });
    }

    for (const entry of consulted) {
      const agency = quote(model.agencies.find((a) => isAbout(entry, a))?.name ?? entry.agency, 50);
      if (entry.information === undefined || entry.information.trim() === '') {
        context.report({ node: entry, property: 'information', messageId: 'noInformation', data: { ...person, agency } });
      } else if (isPlaceholder(entry.information)) {
        context.report({ node: entry, property: 'information', messageId: 'placeholder', data: { ...person, agency, text: quote(entry.information) } });
      }
    }
  },
});
