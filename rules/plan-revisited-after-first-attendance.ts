import { addDays, compareText, daysBetween, defineRule, firstAttendedContact, formatDate, isPlaceholder, latestRecordedDate, personData, personTookPart } from '../src/rule-kit/index.js';

interface Options {
  /** Days after the first attended contact within which the plan should be revisited with the person. */
  withinDays: number;
}

export default defineRule<Options>()({
  meta: {
    id: 'plan-revisited-after-first-attendance',
    description: 'A plan made without the person, or before they first attended, is revisited with them soon after they first attend.',
    severity: 'error',
    standard: 'planning',
    guidance: { publication: 'hmip-planning-for-engagement', section: "case summary and inspector's comments: a plan made in Lisa's absence, revisited once she attended" },
    appliesTo: ['case-file'],
    needs: ['contacts'],
    messages: {
      noIntention: 'The plan was completed on {{planDate}} {{how}}, and {{name}} has not attended yet. Record when and why it will be revisited with {{them}} (revisit: when: after-first-attendance, with a reason).',
      notRevisited:
        'The plan was completed on {{planDate}} {{how}}. {{name}} first attended on {{firstDate}}, but no review or updated plan with {{name}} taking part follows. Revisit the plan with {{them}} within the {{days}} days after that first attendance set for this check, so it reflects {{their}} view and circumstances.',
      late: 'The plan was completed {{how}} and revisited with {{name}} on {{revisitDate}}, {{gap}} days after {{they}} first attended on {{firstDate}}, later than the {{days}} days set for this check.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        withinDays: { type: 'integer', minimum: 1, description: 'Days after the first attended contact within which the plan is revisited.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { withinDays: 14 },
  },

  check(model, context) {
    const plan = model.plans[0];
    if (!plan) return;
    const person = personData(model);
    const name = person.name;
    const first = firstAttendedContact(model);
    const without = !personTookPart(plan.participation);
    const beforeFirstAttendance = first !== undefined && plan.date < first.date;
    if (!without && !beforeFirstAttendance) return;
    // A recorded, reasoned judgement that no revisit is needed is respected.
    if (plan.revisit?.when === 'not-needed' && !isPlaceholder(plan.revisit.reason)) return;

    const how = without ? (plan.participation ? `without ${name} taking part` : `with no record of ${name} taking part`) : `before ${name} first attended`;
    const where = { node: plan, property: plan.participation ? 'participation' : 'date' };

    if (!first) {
      if (!plan.revisit || isPlaceholder(plan.revisit.reason)) {
        context.report({ ...where, messageId: 'noIntention', data: { ...person, how, planDate: formatDate(plan.date) } });
      }
      return;
    }

    const days = context.options.withinDays;
    const revisits = [
      ...model.reviews.filter((r) => r.date >= first.date && personTookPart(r.participation)).map((r) => ({ date: r.date, node: r })),
      ...model.plans
        .slice(1)
        .filter((p) => p.date >= first.date && personTookPart(p.participation))
        .map((p) => ({ date: p.date, node: p })),
    ].sort((a, b) => compareText(a.date, b.date));
    const revisit = revisits[0];

    if (!revisit) {
      // Judge only from what is recorded: if the record ends before the revisit was due, it is not yet late.
      const lastRecorded = latestRecordedDate(model) ?? first.date;
      if (lastRecorded <= addDays(first.date, days)) return;
      context.report({ ...where, messageId: 'notRevisited', data: { ...person, how, days, planDate: formatDate(plan.date), firstDate: formatDate(first.date) } });
      return;
    }
    const gap = daysBetween(first.date, revisit.date);
    if (gap > days) {
      context.report({
        node: revisit.node,
        property: 'date',
        messageId: 'late',
        data: { ...person, how, days, gap, revisitDate: formatDate(revisit.date), firstDate: formatDate(first.date) },
      });
    }
  },
});
