import { OWNER_WORDS, currentPlan, defineRule, formatDate, listWords, personData, type Action } from '../src/rule-kit/index.js';

export default defineRule({
  meta: {
    id: 'person-acts-in-plan',
    description: 'The person has steps of their own in their plan, so it is made with them, not done to them.',
    severity: 'error',
    standard: 'planning',
    guidance: [
      { publication: 'hughes-service-user-engagement', section: 'The service users: "I think she wrote something down on paper, which I must have signed"' },
      { publication: 'hmip-planning-for-engagement', section: 'practitioners should "meaningfully involve the service user and take their views into account"' },
    ],
    appliesTo: ['case-file', 'sentence-plan', 'hmpps-sentence-plan'],
    needs: ['plan'],
    messages: {
      noOwnSteps:
        'None of the {{count}} steps in the plan of {{date}} is for {{name}} to take: {{owners}}. Agree with {{name}} at least one step {{they}} will take {{themselves}}, so the plan is made with {{them}}, not done to {{them}}.',
    },
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },

  check(model, context) {
    const plan = currentPlan(model);
    if (!plan) return;
    // Steps with no owner recorded say nothing either way (objectives-smart asks for owners).
    const steps = (plan.objectives ?? [])
      .filter((objective) => objective.status !== 'removed')
      .flatMap((objective) => objective.actions ?? [])
      .filter((action): action is Action & { by: NonNullable<Action['by']> } => action.by !== undefined);
    if (steps.length === 0 || steps.some((action) => action.by === 'person')) return;
    const owners = [...new Set(steps.map((action) => OWNER_WORDS[action.by]))];
    context.report({
      node: plan,
      property: 'objectives',
      messageId: 'noOwnSteps',
      data: {
        ...personData(model),
        date: formatDate(plan.date),
        count: steps.length,
        owners: `${steps.length === 1 ? 'it is' : owners.length === 1 ? 'all are' : 'they are'} for ${listWords(owners)}`,
      },
    });
  },
});
