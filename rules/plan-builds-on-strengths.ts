import { currentPlan, defineRule, isActive, isPlaceholder, normaliseText, personName, quote, type Plan, type Strength } from '../src/rule-kit/index.js';

type Options = Record<string, never>;

/** Words too common to show that a plan and a strength are about the same thing. */
const COMMON = new Set(
  'about after also been being both does each even from good have helps into keep keeps like made make more most much only other over same some such than that them then they this very wants well were what when where which while will with would year years week weeks time times able support supports supportive person'.split(
    ' ',
  ),
);

/**
 * The stems of the words that carry meaning in text: four letters or more, not common, not the
 * person's name. A small content judgement kept here until the shared text-judgement helper
 * (src/rule-kit/text-judgement.ts) can take it.
 */
function stems(text: string, name: string): Set<string> {
  const own = normaliseText(name);
  return new Set(
    normaliseText(text)
      .split(' ')
      .filter((w) => w.length >= 4 && !COMMON.has(w) && w !== own && !/^\d+$/.test(w))
      .map((w) => w.slice(0, 5)),
  );
}

/** Whether the plan's words take up a strength's: an objective, a step, how requirements or contact are arranged. */
export function planMentionsStrength(plan: Plan, strength: string, name = ''): boolean {
  const wanted = stems(strength, name);
  const texts = [
    ...(plan.objectives ?? []).filter(isActive).flatMap((o) => [o.title, o.measure, ...(o.actions ?? []).map((a) => a.description)]),
    ...(plan.requirementDelivery ?? []).map((d) => d.how),
    plan.contact?.pattern,
    plan.contact?.rationale,
    ...(plan.contact?.adjustments ?? []).map((a) => a.how),
  ];
  return texts.some((t) => t !== undefined && [...stems(t, name)].some((s) => wanted.has(s)));
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
    guidance: '000_e3b0b34926ec6f4a.txt',
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
    const name = personName(model);
    const strengths = (assessment.strengths ?? []).filter((s) => !isPlaceholder(strengthText(s)));
    const ids = new Set(strengths.flatMap((s) => (typeof s !== 'string' && s.id ? [s.id] : [])));

    let linked = false;
    for (const objective of plan.objectives ?? []) {
      for (const [i, ref] of (objective.buildsOn ?? []).entries()) {
        if (ids.has(ref)) linked ||= isActive(objective);
        else context.report({ node: objective.buildsOn!, property: i, messageId: 'unknownStrength', data: { name, ref: quote(ref) } });
      }
    }
    // With no strengths recorded there is nothing to build on: the assessment is where that gap lies.
    if (strengths.length === 0) return;
    if (linked || !plan.objectives?.length) return; // a plan without objectives is plan-has-active-goals' concern
    if (strengths.some((s) => planMentionsStrength(plan, strengthText(s), model.person?.name ?? ''))) return;
    context.report({ node: plan, property: 'objectives', messageId: 'notBuiltOn', data: { name, strength: quote(strengthText(strengths[0]!), 50) } });
  },
});
