import { compareText, daysBetween, defineRule, describePeriod, firstAttendedContact, formatDate, isRecordedReason, latestRecordedDate, personData, personTookPart, windowAfter } from '../src/rule-kit/index.js';

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
        'The plan was completed on {{planDate}} {{how}}. {{name}} first attended on {{firstDate}}{{interrupted}}, but no review or updated plan with {{name}} taking part follows. Revisit the plan with {{them}} within the {{days}} days after that first attendance set for this check, so it reflects {{their}} view and circumstances.',
      late: 'The plan was completed {{how}} and revisited with {{name}} on {{revisitDate}}, {{gap}} days after {{since}}, later than the {{days}} days set for this check.',
      due: 'The plan was completed on {{planDate}} {{how}}. Revisiting it with {{name}} is due by {{due}}, {{days}} days after {{since}} (the window set for this check). Hold a review or update the plan with {{name}} taking part by then, so it reflects {{their}} view and circumstances.',
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
    // A recorded, reasoned judgement that no revisit is needed is respected; "No reason." is not one.
    const reasoned = isRecordedReason(plan.revisit?.reason, 1, { name: model.person?.name });
    if (plan.revisit?.when === 'not-needed' && reasoned) return;

    const how = without ? (plan.participation ? `without ${name} taking part` : `with no record of ${name} taking part`) : `before ${name} first attended`;
    const where = { node: plan, property: plan.participation ? 'participation' : 'date' };

    if (!first) {
      if (!plan.revisit || !reasoned) {
        context.report({ ...where, messageId: 'noIntention', data: { ...person, how, planDate: formatDate(plan.date) } });
      }
      return;
    }

    const days = context.options.withinDays;
    // Judged from when the person could attend: time in hospital or custody after the first
    // attendance restarts the window from the day they could attend again.
    const window = windowAfter(model, first.date, days);
    if (window.due === undefined) return; // they cannot attend and no end is recorded: nothing is due yet
    const firstWords = `the first attendance on ${formatDate(first.date)}`;
    const since = window.interruptedBy ? `${name} could attend again on ${formatDate(window.from)} (${describePeriod(window.interruptedBy)}, after ${firstWords})` : firstWords;
    const revisits = [
      ...model.reviews.filter((r) => r.date >= first.date && personTookPart(r.participation)).map((r) => ({ date: r.date, node: r })),
      ...model.plans
        .slice(1)
        .filter((p) => p.date >= first.date && personTookPart(p.participation))
        .map((p) => ({ date: p.date, node: p })),
    ].sort((a, b) => compareText(a.date, b.date));
    const revisit = revisits[0];

    if (!revisit) {
      // Judge only from what is recorded: until the record runs past the window, the revisit is due, not late.
      const lastRecorded = latestRecordedDate(model) ?? first.date;
      if (lastRecorded <= window.due) {
        context.report({ ...where, severity: 'warning', messageId: 'due', data: { ...person, how, days, since, planDate: formatDate(plan.date), due: formatDate(window.due) } });
        return;
      }
      context.report({
        ...where,
        messageId: 'notRevisited',
        data: { ...person, how, days, interrupted: window.interruptedBy ? ` and was then ${describePeriod(window.interruptedBy)}` : '', planDate: formatDate(plan.date), firstDate: formatDate(first.date) },
      });
      return;
    }
    if (revisit.date > window.due) {
      context.report({
        node: revisit.node,
        property: 'date',
        messageId: 'late',
        data: { ...person, how, days, since, gap: daysBetween(window.from, revisit.date), revisitDate: formatDate(revisit.date) },
      });
    }
  },
});
