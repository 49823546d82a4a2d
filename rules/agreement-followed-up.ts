import { addDays, defineRule, formatDate, latestRecordedDate, personData } from '../src/rule-kit/index.js';

interface Options {
  /** Days after "could not answer" by which the question should have been put to the person again. */
  withinDays: number;
}

export default defineRule<Options>()({
  meta: {
    id: 'agreement-followed-up',
    description: 'When the person could not answer whether they agree to their plan, a later version of the plan records their answer.',
    severity: 'error',
    standard: 'planning',
    guidance: { publication: 'hmip-planning-for-engagement', section: 'practitioners should "meaningfully involve the service user and take their views into account"' },
    appliesTo: ['case-file', 'sentence-plan', 'hmpps-sentence-plan'],
    needs: ['plan'],
    messages: {
      notFollowedUp:
        '{{name}} could not answer whether {{they}} agree{{s}} to the plan of {{date}}, and no later version records {{their}} answer, though the record runs to {{latest}}. Go through the plan with {{name}} when you next meet, and record whether {{they}} agree{{s}} and, if not, why.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        withinDays: { type: 'integer', minimum: 0, description: 'Days after "could not answer" within which the answer should be recorded.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { withinDays: 28 },
  },

  check(model, context) {
    const plans = model.plans;
    // Only "could not answer" after the last answer given is still open; earlier ones were followed up.
    let lastAnswered = -1;
    plans.forEach((plan, i) => {
      const status = plan.agreement?.status;
      if (status === 'agreed' || status === 'did-not-agree') lastAnswered = i;
    });
    const open = plans.slice(lastAnswered + 1).find((plan) => plan.agreement?.status === 'could-not-answer');
    if (!open?.agreement) return;

    const asked = open.agreement.date ?? open.date;
    const latest = latestRecordedDate(model);
    // Judged only from the record: if it ends before the answer was due, it is not late yet.
    if (!latest || latest <= addDays(asked, context.options.withinDays)) return;
    context.report({
      node: open.agreement,
      property: 'status',
      messageId: 'notFollowedUp',
      data: { ...personData(model), date: formatDate(open.date), latest: formatDate(latest) },
    });
  },
});
