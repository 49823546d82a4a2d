import {
  addDays,
  concernNode,
  concernRuns,
  defineRule,
  describeConcerns,
  formatDate,
  isPlaceholder,
  latestRecordedDate,
  personData,
  type PronounData,
  quote,
  type CaseEvent,
  type CaseModel,
  type RuleContext,
} from '../src/rule-kit/index.js';

interface Options {
  /** Compliance concerns, with no review between them, that call for a review. */
  concernThreshold: number;
  /** Days after a trigger within which the review should be held. */
  withinDays: number;
}

const hasReason = (event: CaseEvent) => !isPlaceholder(event.reviewNotNeeded);

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

    /** Whether a review was held in time after `date`; otherwise what to say about the next one, if any. */
    const reviewAfter = (date: string): { held: boolean; due: boolean; after: string } => {
      const deadline = addDays(date, days);
      const next = model.reviews.find((r) => r.date >= date);
      if (next && next.date <= deadline) return { held: true, due: true, after: '' };
      // Judge only from the record: if it ends before the review was due, the review is not late yet.
      const due = lastRecorded !== undefined && lastRecorded > deadline;
      return { held: false, due, after: next ? ` (the next review was on ${formatDate(next.date)})` : '' };
    };

    for (const run of concernRuns(model, context.options.concernThreshold)) {
      const { held, due, after } = reviewAfter(run.trigger.date);
      if (held || !due) continue;
      // A recorded judgement that no review is needed, made while the concerns built up or soon after, is respected.
      const deadline = addDays(run.trigger.date, days);
      const first = run.concerns[0]!.date;
      if (model.events.some((e) => e.date >= first && e.date <= deadline && hasReason(e))) continue;
      const reached = run.concerns.filter((c) => c.date <= run.trigger.date);
      context.report({
        ...concernNode(run.trigger),
        messageId: 'concerns',
        data: { ...person, days, after, count: reached.length, date: formatDate(run.trigger.date), list: describeConcerns(reached) },
      });
    }

    for (const event of model.events) {
      if (event.type !== 'change-of-circumstances' || hasReason(event)) continue;
      const { held, due, after } = reviewAfter(event.date);
      if (held || !due) continue;
      context.report({
        node: event,
        property: 'type',
        messageId: 'circumstances',
        data: { ...person, days, after, date: formatDate(event.date), detail: quote(event.detail, 60) },
      });
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
