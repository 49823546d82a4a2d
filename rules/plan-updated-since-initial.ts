import { addMonths, defineRule, formatDate, latestRecordedDate, personData } from '../src/rule-kit/index.js';

interface Options {
  /** Months the case may run on from the initial plan with no review or updated plan. */
  months: number;
}

export default defineRule<Options>()({
  meta: {
    id: 'plan-updated-since-initial',
    description: 'The initial plan is reviewed or updated as the case goes on, not left as it was first written.',
    severity: 'error',
    standard: 'reviewing',
    guidance: [
      { publication: 'hmip-reviewing-for-engagement', section: 'practitioners should "include the completion of written reviews as a formal record of actions to implement the sentence"' },
      { publication: 'hughes-service-user-engagement', section: 'Concluding thoughts: plans kept flexible, dynamic and responsive' },
    ],
    appliesTo: ['case-file', 'sentence-plan', 'hmpps-sentence-plan'],
    needs: ['plan'],
    messages: {
      notUpdated:
        'The plan of {{date}} is still the initial plan: no review or updated plan follows it, though the record runs to {{latest}}, past the {{months}} months set for this check. Review the plan with {{name}}: what has changed in {{their}} life, what {{theyHave}} achieved, and what comes next.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        months: { type: 'integer', minimum: 1, description: 'Months the case may run on from the initial plan with no review or updated plan.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { months: 6 },
  },

  check(model, context) {
    const initial = model.plans[0];
    if (!initial || (initial.version !== undefined && initial.version !== 'initial')) return;
    // A review, or a later plan that is more than another copy of the initial one, is an update.
    const updated = model.reviews.some((review) => review.date > initial.date) || model.plans.some((plan) => plan !== initial && plan.date > initial.date && plan.version !== 'initial');
    if (updated) return;
    const latest = latestRecordedDate(model);
    const months = context.options.months;
    if (!latest || latest <= addMonths(initial.date, months)) return;
    context.report({
      node: initial,
      property: initial.version !== undefined ? 'version' : 'date',
      messageId: 'notUpdated',
      data: { ...personData(model), date: formatDate(initial.date), latest: formatDate(latest), months },
    });
  },
});
