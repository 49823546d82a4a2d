import { CONTACT_CHANGE_WORDS, defineRule, formatDate, judgeAccount, judgeReason, judgeRiskManagement, personData, quote, type Frequency, type Sentence } from '../src/rule-kit/index.js';

type RiskLevel = NonNullable<Sentence['riskOfSeriousHarm']>;

interface Options {
  /** Risk of serious harm levels at which a reduction in contact must say how risk was considered. */
  riskLevels: RiskLevel[];
  /** More words or phrases, beyond the built-in ones, that name how risk is managed between contacts. */
  riskTerms: string[];
  /** More words or phrases that give no reason. */
  fillerPhrases: string[];
}

/** Contacts in four weeks at each level: a lower number is less contact. */
const CONTACTS_PER_FOUR_WEEKS: Record<Frequency, number> = {
  'twice-weekly': 8,
  weekly: 4,
  fortnightly: 2,
  'four-weekly': 1,
  monthly: 12 / 13,
};

export default defineRule<Options>()({
  meta: {
    id: 'contact-change-rationale',
    description: 'Every change in contact level records why; a reduction gives a reason grounded in progress, risk or circumstances, and for a high-risk person says how risk will be managed.',
    severity: 'error',
    standard: 'reviewing',
    guidance: { publication: 'hmip-reviewing-for-engagement', section: "case summary and inspector's comments: the decision to reduce contact, agreed at a three-way review and recorded in nDelius and OASys" },
    appliesTo: ['case-file', 'review'],
    needs: ['reviews'],
    messages: {
      noRationale:
        'The review of {{date}} changes contact from {{from}} to {{to}}, but not why. Record in contactChange.rationale why this level is right for {{name}} now, with reference to {{their}} progress and risk.',
      weakRationale:
        '"{{text}}" does not say why contact changes from {{from}} to {{to}} at the review of {{date}}: it {{fault}}. Record why this level is right for {{name}} now: what has changed in {{their}} progress, risk or circumstances.',
      notGrounded:
        '"{{text}}" is a verdict, not a reason to reduce contact from {{from}} to {{to}} at the review of {{date}}. Say what {{name}} has done or what has changed that makes less contact right (for example "Twelve weeks of negative tests, a job since March, and the programme completed").',
      riskNotConsidered:
        'The review of {{date}} reduces contact from {{from}} to {{to}} for {{name}}, assessed as {{risk}} risk of serious harm, but the rationale does not say how risk will be managed at the lower level. Name what will: MAPPA arrangements, police or partner checks, home visits, monitoring or licence conditions, and what would bring contact back up.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        riskLevels: {
          type: 'array',
          items: { enum: ['low', 'medium', 'high', 'very-high'] },
          description: 'Risk of serious harm levels at which a reduction must speak to risk.',
        },
        riskTerms: { type: 'array', items: { type: 'string' }, description: 'More words or phrases that name how risk is managed between contacts.' },
        fillerPhrases: { type: 'array', items: { type: 'string' }, description: 'More words or phrases that give no reason.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { riskLevels: ['high', 'very-high'], riskTerms: [], fillerPhrases: [] },
  },

  check(model, context) {
    const person = personData(model);
    const risk = model.sentence?.riskOfSeriousHarm;

    for (const review of model.reviews) {
      const change = review.contactChange;
      if (!change) continue;
      const data = { ...person, date: formatDate(review.date), from: change.from, to: change.to };
      const rationale = change.rationale ?? '';
      const verdict = judgeReason(change.rationale, { name: person.name, restates: CONTACT_CHANGE_WORDS, filler: context.options.fillerPhrases });
      if (verdict.code === 'missing' || verdict.code === 'placeholder') {
        context.report({ node: change, property: 'rationale', messageId: 'noRationale', data });
        continue;
      }
      if (!verdict.ok) {
        const fault = verdict.code === 'restates' ? 'only repeats the change' : 'gives no reason';
        context.report({ node: change, property: 'rationale', messageId: 'weakRationale', data: { ...data, text: quote(rationale), fault } });
        continue;
      }
      const reduction = CONTACTS_PER_FOUR_WEEKS[change.to] < CONTACTS_PER_FOUR_WEEKS[change.from];
      if (!reduction) continue;
      // Less contact is earned by something that happened: "Doing well" or "Compliant" is a verdict, not a reason.
      if (!judgeAccount(rationale, { name: person.name }).ok) {
        context.report({ node: change, property: 'rationale', messageId: 'notGrounded', data: { ...data, text: quote(rationale) } });
        continue;
      }
      // At high risk, the word "risk" is not enough: the rationale names what will keep it managed.
      if (risk !== undefined && context.options.riskLevels.includes(risk) && !judgeRiskManagement(rationale, { terms: context.options.riskTerms }).ok) {
        context.report({ node: change, property: 'rationale', messageId: 'riskNotConsidered', data: { ...data, risk: risk.replace('-', ' ') } });
      }
    }
  },
});
