import { defineRule, formatDate, isPlaceholder, normaliseText, personName, type Frequency, type Sentence } from '../src/rule-kit/index.js';

type RiskLevel = NonNullable<Sentence['riskOfSeriousHarm']>;

interface Options {
  /** Risk of serious harm levels at which a reduction in contact must say how risk was considered. */
  riskLevels: RiskLevel[];
  /** More words, beyond the built-in ones, that show a rationale speaks to risk. */
  riskTerms: string[];
}

/** Contacts in four weeks at each level: a lower number is less contact. */
const CONTACTS_PER_FOUR_WEEKS: Record<Frequency, number> = {
  'twice-weekly': 8,
  weekly: 4,
  fortnightly: 2,
  'four-weekly': 1,
  monthly: 12 / 13,
};

/** Words that show a rationale speaks to risk; deliberately simple, compared after normaliseText. */
const RISK_TERMS = ['risk', 'risks', 'harm', 'rosh', 'public protection', 'safeguarding', 'mappa', 'victim', 'victims'];

export default defineRule<Options>()({
  meta: {
    id: 'contact-change-rationale',
    description: 'Every change in contact level records why; a reduction for a high-risk person says how risk was considered.',
    severity: 'error',
    standard: 'reviewing',
    guidance: { publication: 'hmip-reviewing-for-engagement', section: "case summary and inspector's comments: the decision to reduce contact, agreed at a three-way review and recorded in nDelius and OASys" },
    appliesTo: ['case-file', 'review'],
    needs: ['reviews'],
    messages: {
      noRationale: 'The review of {{date}} changes contact from {{from}} to {{to}}, but not why. Record in contactChange.rationale why this level is right for {{name}} now, with reference to their progress and risk.',
      riskNotConsidered:
        'The review of {{date}} reduces contact from {{from}} to {{to}} for {{name}}, assessed as {{risk}} risk of serious harm, but the rationale does not say how risk was considered. Record how risk was reviewed and how it will still be managed at the lower level.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        riskLevels: {
          type: 'array',
          items: { enum: ['low', 'medium', 'high', 'very-high'] },
          description: 'Risk of serious harm levels at which a reduction must speak to risk.',
        },
        riskTerms: { type: 'array', items: { type: 'string' }, description: 'Extra words that show a rationale speaks to risk.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { riskLevels: ['high', 'very-high'], riskTerms: [] },
  },

  check(model, context) {
    const name = personName(model);
    const risk = model.sentence?.riskOfSeriousHarm;
    const terms = [...RISK_TERMS, ...context.options.riskTerms].map(normaliseText).filter(Boolean);
    const mentionsRisk = (text: string) => {
      const padded = ` ${normaliseText(text)} `;
      return terms.some((term) => padded.includes(` ${term} `));
    };

    for (const review of model.reviews) {
      const change = review.contactChange;
      if (!change) continue;
      const data = { name, date: formatDate(review.date), from: change.from, to: change.to };
      if (isPlaceholder(change.rationale)) {
        context.report({ node: change, property: 'rationale', messageId: 'noRationale', data });
        continue;
      }
      const reduction = CONTACTS_PER_FOUR_WEEKS[change.to] < CONTACTS_PER_FOUR_WEEKS[change.from];
      if (reduction && risk !== undefined && context.options.riskLevels.includes(risk) && !mentionsRisk(change.rationale ?? '')) {
        context.report({ node: change, property: 'rationale', messageId: 'riskNotConsidered', data: { ...data, risk: risk.replace('-', ' ') } });
      }
    }
  },
});
