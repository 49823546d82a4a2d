import { currentPlan, defineRule, isActive, isPlaceholder, mentionsStrength, personData, quote, type Plan, type Strength } from '../src/rule-kit/index.js';

type Options = Record<string, never>;

/** Whether the plan's words take up a strength's: an objective, a step, how requirements or contact are arranged (and around what). */
export function planMentionsStrength(plan: Plan, strength: string, name = ''): boolean {
  const texts = [
    ...(plan.objectives ?? []).filter(isActive).flatMap((o) => [o.title, o.measure, ...(o.actions ?? []).map((a) => a.description)]),
    ...(plan.requirementDelivery ?? []).map((d) => d.how),
    plan.contact?.pattern,
    plan.contact?.rationale,
    // Contact arranged around a circumstance the strength speaks to (childcare her mother helps with) builds on it.
    ...(plan.contact?.adjustments ?? []).flatMap((a) => [a.how, a.circumstance]),
    ...(plan.contact?.unavailable ?? []).flatMap((u) => [u.reason, u.circumstance]),
  ];
  return mentionsStrength(texts, strength, name);
}

function strengthText(strength: string | Strength): string {
  return typeof strength === 'string' ? strength : strength.strength;
}

export default defineRule<Options>()({
  meta: {
    id: 'plan-builds-on-strengths',
    description: "The plan builds on at least one of the person's recorded strengths or protective factors.",
    severity: 'warning',
    standard: 'planning',
    guidance: { publication: 'hmip-introduction-to-engagement', section: 'Engagement in case supervision: responsible officers "need to take account of … what their strengths and protective factors are"' },
    appliesTo: ['case-file', 'sentence-plan'],
    needs: ['assessment', 'plan'],
    messages: {
      notBuiltOn: 'The plan builds on none of the strengths the assessment records (such as "{{strength}}"). Link an objective to one with buildsOn, or say in an objective or step how the plan uses it.',
      unknownStrength: 'The objective builds on "{{ref}}", but no strength in assessment.strengths has that id. Use the id of a recorded strength.',
    },
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },

  check(model, context) {
    const assessment = model.assessment;
    const plan = currentPlan(model);
    if (!assessment || !plan) return;
    const person = personData(model);
    const strengths = (assessment.strengths ?? []).filter((s) => !isPlaceholder(strengthText(s)));
    const ids = new Set(strengths.flatMap((s) => (typeof s !== 'string' && s.id ? [s.id] : [])));

    let linked = false;
    for (const objective of plan.objectives ?? []) {
      for (const [i, ref] of (objective.buildsOn ?? []).entries()) {
        if (ids.has(ref)) linked ||= isActive(objective);
        else context.report({ node: objective.buildsOn!, property: i, messageId: 'unknownStrength', data: { ...person, ref: quote(ref) } });
      }
    }
    // With no strengths recorded there is nothing to build on: the assessment is where that gap lies.
    if (strengths.length === 0) return;
    if (linked || !plan.objectives?.length) return; // a plan without objectives is plan-has-active-goals' concern
    if (strengths.some((s) => planMentionsStrength(plan, strengthText(s), model.person?.name ?? ''))) return;
    context.report({ node: plan, property: 'objectives', messageId: 'notBuiltOn', data: { ...person, strength: quote(strengthText(strengths[0]!), 50) } });
  },
});
