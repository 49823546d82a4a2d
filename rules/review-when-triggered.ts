import {
  concernNode,
  describePeriod,
  concernRuns,
  defineRule,
  describeConcerns,
  formatDate,
  isRecordedReason,
  latestRecordedDate,
  personData,
  type PronounData,
  quote,
  type CaseEvent,
  type CaseModel,
  type RuleContext,
  windowAfter,
} from '../src/rule-kit/index.js';

interface Options {
  /** Compliance concerns, with no review between them, that call for a review. */
  concernThreshold: number;
  /** Days after a trigger within which the review should be held. */
  withinDays: number;
}

/** A recorded reason no review is needed, judged by what it says: "No reason." is none. */
const hasReason = (event: CaseEvent) => isRecordedReason(event.reviewNotNeeded);

export default defineRule<Options>()({
  meta: {
    id: 'review-when-triggered',
    description: 'A review is held after repeated compliance concerns and after a change of circumstances, and before contact levels change.',
    severity: 'error',
    standard: 'reviewing',
    guidance: { publication: 'hmip-reviewing-for-engagement', section: 'reviewing "should focus sufficiently on supporting the service user\'s compliance and engagement"' },
    appliesTo: ['case-file', 'sentence-plan', 'review'],
    needs: ['contacts'],
    messages: {
      concerns:
        "{{count}} compliance concerns were recorded by {{date}} ({{list}}), but no review followed within the {{days}} days set for this check{{after}}. Review the plan with {{name}}: what is getting in the way, and what needs to change. If a review is not needed, record why in an event's reviewNotNeeded.",
      circumstances:
        'A change of circumstances was recorded on {{date}} ("{{detail}}"), but no review followed within the {{days}} days set for this check{{after}}. Review the plan with {{name}} so that contact and objectives still fit {{their}} life, or record in reviewNotNeeded why no review is needed.',
      concernsDue:
        "{{count}} compliance concerns were recorded by {{date}} ({{list}}). A review with {{name}} is due by {{due}}, {{days}} days after {{since}} (the window set for this check): what is getting in the way, and what needs to change. If a review is not needed, record why in an event's reviewNotNeeded.",
      circumstancesDue:
        'A change of circumstances was recorded on {{date}} ("{{detail}}"). A review with {{name}} is due by {{due}}, {{days}} days after {{since}} (the window set for this check), so that contact and objectives still fit {{their}} life; or record in reviewNotNeeded why no review is needed.',
      contactWithoutReview:
        "The plan of {{date}} changes contact from {{from}} to {{to}}, but no review before it records that change. Agree a change in contact level at a review with {{name}}, and record it with its reason in the review's contactChange.",
      changedBeforeReview:
        'Contact changed from {{from}} to {{to}} on {{effective}}, before the review of {{date}} that records the change. Hold the review first, so the change is agreed with {{name}} before it takes effect.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        concernThreshold: { type: 'integer', minimum: 1, description: 'Compliance concerns (missed appointments not accepted, concern events) that call for a review.' },
        withinDays: { type: 'integer', minimum: 0, description: 'Days after a trigger within which a review should be held.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { concernThreshold: 2, withinDays: 28 },
  },

  check(model, context) {
    const person = personData(model);
    const days = context.options.withinDays;
    const lastRecorded = latestRecordedDate(model);

    type Verdict = { state: 'held' } | { state: 'waiting' } | { state: 'due'; deadline: string; due: string; since: string } | { state: 'late'; deadline: string; after: string };
    /**
     * Whether a review was held in time after `date`, is still due (the record ends inside the
     * window), or is late. Time the person could not attend (hospital, custody) restarts the window.
     */
    const reviewAfter = (date: string, what: string): Verdict => {
      const window = windowAfter(model, date, days);
      if (window.due === undefined) return { state: 'waiting' }; // they cannot attend and no end is recorded
      const next = model.reviews.find((r) => r.date >= date);
      if (next && next.date <= window.due) return { state: 'held' };
      // Judge only from the record: until it runs past the window, the review is due, not late.
      if (lastRecorded === undefined || lastRecorded <= window.due) {
        const since = window.interruptedBy ? `${person.name} could attend again on ${formatDate(window.from)} (${describePeriod(window.interruptedBy)}, after ${what})` : what;
        return { state: 'due', deadline: window.due, due: formatDate(window.due), since };
      }
      return { state: 'late', deadline: window.due, after: next ? ` (the next review was on ${formatDate(next.date)})` : '' };
    };

    for (const run of concernRuns(model, context.options.concernThreshold)) {
      const date = formatDate(run.trigger.date);
      const verdict = reviewAfter(run.trigger.date, `the concern of ${date}`);
      if (verdict.state === 'held' || verdict.state === 'waiting') continue;
      // A recorded judgement that no review is needed, made while the concerns built up or within the window, is respected.
      const first = run.concerns[0]!.date;
      if (model.events.some((e) => e.date >= first && e.date <= verdict.deadline && hasReason(e))) continue;
      const reached = run.concerns.filter((c) => c.date <= run.trigger.date);
      const data = { ...person, days, date, count: reached.length, list: describeConcerns(reached) };
      if (verdict.state === 'due') context.report({ ...concernNode(run.trigger), severity: 'warning', messageId: 'concernsDue', data: { ...data, due: verdict.due, since: verdict.since } });
      else context.report({ ...concernNode(run.trigger), messageId: 'concerns', data: { ...data, after: verdict.after } });
    }

    for (const event of model.events) {
      if (event.type !== 'change-of-circumstances' || hasReason(event)) continue;
      const date = formatDate(event.date);
      const verdict = reviewAfter(event.date, `the change on ${date}`);
      if (verdict.state === 'held' || verdict.state === 'waiting') continue;
      const data = { ...person, days, date, detail: quote(event.detail, 60) };
      if (verdict.state === 'due') context.report({ node: event, property: 'type', severity: 'warning', messageId: 'circumstancesDue', data: { ...data, due: verdict.due, since: verdict.since } });
      else context.report({ node: event, property: 'type', messageId: 'circumstances', data: { ...data, after: verdict.after } });
    }

    checkContactChanges(model, person, context);
  },
});

function checkContactChanges(model: CaseModel, person: PronounData & { name: string }, context: RuleContext<Options, 'contactWithoutReview' | 'changedBeforeReview'>): void {
  // A later plan that sets a new contact level should follow a review that agreed it.
  for (let i = 1; i < model.plans.length; i++) {
    const before = model.plans[i - 1]!;
    const plan = model.plans[i]!;
    const from = before.contact?.frequency;
    const contact = plan.contact;
    if (!from || !contact || from === contact.frequency) continue;
    const to = contact.frequency;
    const agreed = model.reviews.some((r) => r.date >= before.date && r.date <= plan.date && r.contactChange?.to === to);
    if (!agreed) context.report({ node: contact, property: 'frequency', messageId: 'contactWithoutReview', data: { ...person, from, to, date: formatDate(plan.date) } });
  }
  // A review that records a change which had already taken effect did not precede it.
  for (const review of model.reviews) {
    const change = review.contactChange;
    if (!change?.effectiveFrom || change.effectiveFrom >= review.date) continue;
    context.report({
      node: change,
      property: 'effectiveFrom',
      messageId: 'changedBeforeReview',
      data: { ...person, from: change.from, to: change.to, effective: formatDate(change.effectiveFrom), date: formatDate(review.date) },
    });
  }
}
