import { CONTACT_CHANGE_WORDS, defineRule, formatDate, isRecordedReason, personData, quote, type Frequency, type Sentence } from '../src/rule-kit/index.js';

type Risk = NonNullable<Sentence['riskOfSeriousHarm']>;
type Minimum = Frequency | 'any';

interface Options {
  /** The least frequent contact expected at each risk of serious harm level. */
  minimumFrequency: Partial<Record<Risk, Minimum>>;
  /** More words or phrases that give no reason. */
  fillerPhrases: string[];
}

const DEFAULT_MINIMUM: Record<Risk, Minimum> = { 'very-high': 'weekly', high: 'weekly', medium: 'fortnightly', low: 'any' };

/** How often each frequency sees the person: higher is more often. Four-weekly and monthly are alike. */
const INTENSITY: Record<Frequency, number> = { 'twice-weekly': 4, weekly: 3, fortnightly: 2, 'four-weekly': 1, monthly: 1 };

const FREQUENCIES = ['twice-weekly', 'weekly', 'fortnightly', 'four-weekly', 'monthly', 'any'];

export default defineRule<Options>()({
  meta: {
    id: 'contact-level-matches-risk',
    description: "The level of contact is in line with the person's risk of serious harm, or the plan records why a lower level is right.",
    severity: 'warning',
    standard: 'planning',
    guidance: { publication: 'hmip-planning-for-engagement', section: 'practitioners should "set a level, pattern and type of contact sufficient to engage the service user"' },
    appliesTo: ['case-file'],
    needs: ['sentence'],
    messages: {
      belowRisk:
        'Contact is set at {{frequency}}, less often than the {{minimum}} contact set for {{risk}} risk of serious harm in this check. See {{name}} more often, or record in contact.rationale why this level is right for {{them}} and how risk is managed between contacts.',
      changeBelowRisk:
        'The review of {{date}} reduces contact to {{frequency}}, less often than the {{minimum}} contact set for {{risk}} risk of serious harm in this check, and records no reason. Record in contactChange.rationale why this level is right for {{name}} and how risk is managed between contacts.',
      weakRationale:
        '"{{text}}" does not explain why {{frequency}} contact is right at {{risk}} risk of serious harm, where this check sets {{minimum}} contact. Say why this level suits {{name}} and how risk is managed between contacts.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        minimumFrequency: {
          type: 'object',
          description: 'The least frequent contact expected at each risk level: a frequency, or any.',
          properties: {
            low: { enum: FREQUENCIES },
            medium: { enum: FREQUENCIES },
            high: { enum: FREQUENCIES },
            'very-high': { enum: FREQUENCIES },
          },
          additionalProperties: false,
        },
        fillerPhrases: { type: 'array', items: { type: 'string' }, description: 'More words or phrases that give no reason.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { minimumFrequency: DEFAULT_MINIMUM, fillerPhrases: [] },
  },

  check(model, context) {
    const risk = model.sentence?.riskOfSeriousHarm;
    if (!risk) return; // without a recorded risk level there is nothing to match
    // Options replace the mapping as a whole; levels left out keep their defaults.
    const minimum = { ...DEFAULT_MINIMUM, ...context.options.minimumFrequency }[risk];
    // "Reduced as agreed" or "Weekly contact not needed" repeats the level; a reason says why it suits the person.
    const isReason = (text: string | undefined) => isRecordedReason(text, 1, { name: model.person?.name, restates: CONTACT_CHANGE_WORDS, filler: context.options.fillerPhrases });
    if (minimum === 'any') return;
    const tooLow = (frequency: Frequency) => INTENSITY[frequency] < INTENSITY[minimum];
    const data = (frequency: Frequency) => ({ ...personData(model), frequency, minimum, risk: risk.replace(/-/g, ' ') });

    for (const plan of model.plans) {
      const contact = plan.contact;
      if (!contact || !tooLow(contact.frequency)) continue;
      if (contact.rationale === undefined || contact.rationale.trim() === '') {
        context.report({ node: contact, property: 'frequency', messageId: 'belowRisk', data: data(contact.frequency) });
      } else if (!isReason(contact.rationale)) {
        context.report({ node: contact, property: 'rationale', messageId: 'weakRationale', data: { ...data(contact.frequency), text: quote(contact.rationale) } });
      }
    }

    for (const review of model.reviews) {
      const change = review.contactChange;
      if (!change || !tooLow(change.to)) continue;
      if (change.rationale === undefined || change.rationale.trim() === '') {
        context.report({ node: change, property: 'to', messageId: 'changeBelowRisk', data: { ...data(change.to), date: formatDate(review.date) } });
      } else if (!isReason(change.rationale)) {
        context.report({ node: change, property: 'rationale', messageId: 'weakRationale', data: { ...data(change.to), text: quote(change.rationale) } });
      }
    }
  },
});
