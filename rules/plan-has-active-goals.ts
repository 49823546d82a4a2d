import { currentPlan, defineRule, formatDate, isActive, listWords, personData, quote, type Plan } from '../src/rule-kit/index.js';

const STATUS_WORDS = { future: 'future', achieved: 'achieved', removed: 'removed' } as const;

export default defineRule({
  meta: {
    id: 'plan-has-active-goals',
    description: 'An agreed or current plan has at least one active goal, and every active goal has steps.',
    severity: 'error',
    standard: 'planning',
    guidance: [
      { publication: 'hmip-planning-for-engagement', section: 'planning "should focus sufficiently on engaging the service user"' },
      { publication: 'hughes-service-user-engagement', section: 'Sentence planning and service user engagement: clear objectives and the activities to be undertaken' },
    ],
    appliesTo: ['case-file', 'sentence-plan', 'hmpps-sentence-plan'],
    needs: ['plan'],
    messages: {
      noGoals: 'The plan of {{date}} {{state}}, but it holds no goals. Agree with {{name}} at least one goal to work on now, with its area of need and a target date, so supervision has a purpose you share.',
      noActiveGoal:
        'The plan of {{date}} {{state}}, but none of its goals is active ({{counts}}). Agree with {{name}} a goal to work on now, or make a future goal active with a target date, so the plan says what happens next.',
      noSteps: 'The goal "{{title}}" is active but has no steps. Agree with {{name}} what will be done towards it and who does each step: {{name}}, you, or a named agency.',
    },
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },

  check(model, context) {
    const person = personData(model);
    const name = person.name;
    const current = currentPlan(model);
    // A superseded draft was never the plan anyone worked to; an agreed one was.
    const judged = model.plans.filter((plan) => plan === current || plan.agreement?.status === 'agreed');

    for (const plan of judged) {
      const date = formatDate(plan.date);
      const state = plan.agreement?.status === 'agreed' ? `was agreed with ${name}` : 'is the current plan';
      const objectives = plan.objectives ?? [];
      if (objectives.length === 0) {
        context.report({ node: plan, property: 'objectives', messageId: 'noGoals', data: { ...person, date, state } });
        continue;
      }
      const active = objectives.filter(isActive);
      if (active.length === 0) {
        context.report({ node: plan, property: 'objectives', messageId: 'noActiveGoal', data: { ...person, date, state, counts: countStatuses(plan) } });
        continue;
      }
      for (const objective of active) {
        if ((objective.actions ?? []).length > 0) continue;
        context.report({ node: objective, property: 'actions', messageId: 'noSteps', data: { ...person, title: quote(objective.title) } });
      }
    }
  },
});

/** "2 future and 1 achieved". */
function countStatuses(plan: Plan): string {
  const counts = new Map<string, number>();
  for (const objective of plan.objectives ?? []) {
    const word = objective.status && objective.status !== 'active' ? STATUS_WORDS[objective.status] : undefined;
    if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return listWords([...counts].map(([word, count]) => `${count} ${word}`));
}
