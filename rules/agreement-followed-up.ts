import { daysBetween, defineRule, describePeriod, formatDate, latestRecordedDate, personData, windowAfter } from '../src/rule-kit/index.js';

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
      late: 'The answer {{name}} gave on the plan of {{date}} was recorded on {{answered}}, {{gap}} days after {{since}}, beyond the {{days}} days set for this check. Go through a plan with {{name}} soon after {{they}} could not answer, so it is not carried out for weeks without {{them}} knowing or agreeing to it.',
      due: '{{name}} could not answer whether {{they}} agree{{s}} to the plan of {{date}}. {{Their}} answer is due by {{due}}, {{days}} days after {{since}} (the window set for this check): go through the plan with {{name}} when you next meet, and record whether {{they}} agree{{s}} and, if not, why.',
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
    const person = personData(model);
    const name = person.name;
    const days = context.options.withinDays;
    const latest = latestRecordedDate(model);
    plans.forEach((plan, i) => {
      const agreement = plan.agreement;
      if (agreement?.status !== 'could-not-answer') return;
      const asked = agreement.date ?? plan.date;
      // The follow-up is the next version that records any answer; a new "could not answer",
      // with its own reason, is judged in its turn and restarts the clock.
      const next = plans.slice(i + 1).find((p) => p.agreement !== undefined && (p.agreement.date ?? p.date) >= asked);
      const window = windowAfter(model, asked, days);
      if (window.due === undefined) return; // the person cannot be asked yet (in hospital, in custody), with no end recorded
      const askedWords = `${person.they} could not answer on ${formatDate(asked)}`;
      const since = window.interruptedBy ? `${name} could attend again on ${formatDate(window.from)} (${describePeriod(window.interruptedBy)}, after ${askedWords})` : askedWords;
      const data = { ...person, days, since, date: formatDate(plan.date) };
      if (next?.agreement) {
        const answered = next.agreement.date ?? next.date;
        if (answered > window.due) {
          // Reported where the late answer is, the version an officer would open.
          context.report({ node: next.agreement, property: 'status', messageId: 'late', data: { ...data, answered: formatDate(answered), gap: daysBetween(window.from, answered) } });
        }
        return;
      }
      // Judged only from the record: until it runs past the window, the answer is due, not late.
      if (!latest || latest <= window.due) {
        context.report({ node: agreement, property: 'status', severity: 'warning', messageId: 'due', data: { ...data, due: formatDate(window.due) } });
        return;
      }
      context.report({ node: agreement, property: 'status', messageId: 'notFollowedUp', data: { ...data, latest: formatDate(latest) } });
    });
  },
});
