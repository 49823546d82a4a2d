import { defineRule, formatDate, isRecordedReason, personData, quote, sentenceEndDate, type CaseModel, type Plan } from '../src/rule-kit/index.js';

interface Options {
  /** Also judge objective targets and requirement completion dates against the end of the sentence. */
  planTargets: boolean;
}

const SENTENCE_NAMES: Record<string, string> = {
  'community-order': 'order',
  'suspended-sentence-order': 'order',
  licence: 'licence',
  'post-sentence-supervision': 'post-sentence supervision',
};

/** The ids of meta.messages below that the date checks report (defineRule checks each exists). */
type MessageId = 'endBeforeStart' | 'beforeStart' | 'afterEnd' | 'targetAfterEnd' | 'toBeforeFrom' | 'windowEndsBeforeStart' | 'nextReviewBeforeReview' | 'decisionBeforeAbsence' | 'completeBeforeStart';

interface Finding {
  node: object;
  property: string;
  messageId: MessageId;
  data: Record<string, string>;
}

export default defineRule<Options>()({
  meta: {
    id: 'dates-consistent',
    description: 'Dates in the record do not contradict each other or fall outside the sentence.',
    severity: 'error',
    standard: 'hygiene',
    guidance: { publication: 'hughes-service-user-engagement', section: 'Sentence planning and service user engagement: what a sentence plan records, and how progress will be measured' },
    appliesTo: ['case-file', 'sentence-plan', 'review'],
    needs: ['sentence'],
    messages: {
      endBeforeStart: 'The sentence ends on {{end}}, before it starts on {{start}}. Correct one of the dates: every other date in the case is judged against them.',
      beforeStart: '{{what}} is dated {{date}}, before the {{sentence}} started on {{start}}. Correct the date{{hint}}.',
      afterEnd: '{{what}} is dated {{date}}, after the {{sentence}} ends on {{end}}. Correct the date: work and contact need to fall within the {{sentence}}.',
      targetAfterEnd: 'The target date {{date}} for "{{title}}" is after the {{sentence}} ends on {{end}}. Set a target {{name}} can reach while supervised, or split the objective into steps that fit.',
      toBeforeFrom: '{{officer}} is recorded as handing the case on ({{to}}) before taking it on ({{from}}). Correct one of the dates.',
      windowEndsBeforeStart: 'The time {{name}} cannot attend ("{{reason}}") stops applying on {{end}}, before it starts on {{start}}. Correct one of the dates so appointments are booked around it.',
      nextReviewBeforeReview: 'The next review is set for {{next}}, before this review was held on {{date}}. Correct the date of the next review.',
      decisionBeforeAbsence: 'The decision on the absence is dated {{decided}}, before the missed appointment on {{date}}. Correct one of the dates.',
      completeBeforeStart: 'Delivery of requirement {{requirement}} is to complete by {{complete}}, before it starts on {{start}}. Correct one of the dates.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        planTargets: {
          type: 'boolean',
          description: 'Also report objective target dates and requirement completion dates after the sentence ends (objectives-smart and requirements-deliverable report these by default).',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { planTargets: false },
  },

  check(model, context) {
    const person = personData(model);
    const findings = [...withinItself(model), ...againstSentence(model, context.options.planTargets)];
    for (const finding of findings) context.report({ ...finding, data: { ...person, ...finding.data } });
  },
});

/** Dates that contradict others in the same record, whatever the sentence. */
function withinItself(model: CaseModel): Finding[] {
  const out: Finding[] = [];
  for (const officer of model.officers) {
    if (officer.to && officer.to < officer.from) {
      out.push({ node: officer, property: 'to', messageId: 'toBeforeFrom', data: { officer: quote(officer.name), to: formatDate(officer.to), from: formatDate(officer.from) } });
    }
  }
  for (const plan of model.plans) {
    for (const window of plan.contact?.unavailable ?? []) {
      if (window.startDate && window.endDate && window.endDate < window.startDate) {
        out.push({
          node: window,
          property: 'endDate',
          messageId: 'windowEndsBeforeStart',
          data: { reason: quote(window.reason), start: formatDate(window.startDate), end: formatDate(window.endDate) },
        });
      }
    }
    for (const delivery of plan.requirementDelivery ?? []) {
      if (delivery.startBy && delivery.completeBy && delivery.completeBy < delivery.startBy) {
        out.push({
          node: delivery,
          property: 'completeBy',
          messageId: 'completeBeforeStart',
          data: { requirement: delivery.requirement, start: formatDate(delivery.startBy), complete: formatDate(delivery.completeBy) },
        });
      }
    }
  }
  for (const review of model.reviews) {
    if (review.nextReview && review.nextReview < review.date) {
      out.push({ node: review, property: 'nextReview', messageId: 'nextReviewBeforeReview', data: { next: formatDate(review.nextReview), date: formatDate(review.date) } });
    }
  }
  for (const contact of model.contacts) {
    const decided = contact.enforcement?.date;
    // An absence agreed in advance (the person or an agency said beforehand they could not come) is
    // good practice: an acceptable decision may come first. Only judging it unacceptable cannot.
    if (contact.enforcement && decided && decided < contact.date && contact.enforcement.decision !== 'acceptable') {
      out.push({ node: contact.enforcement, property: 'date', messageId: 'decisionBeforeAbsence', data: { decided: formatDate(decided), date: formatDate(contact.date) } });
    }
  }
  return out;
}

/** Dates before the sentence started or after it ends. */
function againstSentence(model: CaseModel, planTargets: boolean): Finding[] {
  const sentence = model.sentence;
  if (!sentence) return [];
  const out: Finding[] = [];
  const start = sentence.startDate;
  if (sentence.endDate && sentence.endDate < start) {
    // Every other comparison would be against a date known to be wrong.
    return [{ node: sentence, property: 'endDate', messageId: 'endBeforeStart', data: { end: formatDate(sentence.endDate), start: formatDate(start) } }];
  }
  const end = sentenceEndDate(sentence);
  const kind = SENTENCE_NAMES[sentence.type] ?? 'sentence';
  const custody = sentence.type === 'licence' || sentence.type === 'post-sentence-supervision';
  const base = { sentence: kind, start: formatDate(start), ...(end ? { end: formatDate(end) } : {}) };

  const before = (node: object, property: string, what: string, date: string, hint = '') => {
    if (date < start) out.push({ node, property, messageId: 'beforeStart', data: { ...base, what, hint, date: formatDate(date) } });
  };
  const after = (node: object, property: string, what: string, date: string | undefined) => {
    if (end && date && date > end) out.push({ node, property, messageId: 'afterEnd', data: { ...base, what, date: formatDate(date) } });
  };

  // The assessment may come first (a pre-sentence report); so may pre-release planning and contact for licences.
  if (model.assessment) after(model.assessment, 'date', 'The assessment', model.assessment.date);
  for (const plan of model.plans) {
    if (!custody) before(plan, 'date', 'The plan', plan.date);
    if (plan.version !== 'termination') after(plan, 'date', 'The plan', plan.date);
    // Off by default: objectives-smart and requirements-deliverable judge these, and one finding is enough.
    if (planTargets) checkPlanDates(plan, base, end, out, after);
  }
  const endOfOrderReviews = new Set(model.reviews.filter((r) => r.trigger === 'end-of-order').map((r) => r.date));
  for (const contact of model.contacts) {
    // A contact before the order with a recorded reason (a pre-sentence report interview) is accepted;
    // the reason is judged by what it says, so "Did not attend, no reason given." is none.
    if (!custody && !isRecordedReason(contact.rationale, 1, { name: model.person?.name })) before(contact, 'date', 'The contact', contact.date, ', or record in its rationale why contact came before the order');
    if (!endOfOrderReviews.has(contact.date)) after(contact, 'date', `The contact (${contact.outcome.replace(/-/g, ' ')})`, contact.date);
  }
  for (const review of model.reviews) {
    const held = `the review of ${formatDate(review.date)}`;
    if (!custody || review.trigger !== 'pre-release') {
      before(review, 'date', 'The review', review.date, custody ? ', or set its trigger to pre-release if it reviewed plans for release' : '');
    }
    if (review.trigger !== 'end-of-order') after(review, 'date', 'The review', review.date);
    after(review, 'nextReview', `The next review set at ${held}`, review.nextReview);
    if (review.contactChange) after(review.contactChange, 'effectiveFrom', `The change of contact agreed at ${held}`, review.contactChange.effectiveFrom);
  }
  for (const officer of model.officers) after(officer, 'from', `The allocation to ${quote(officer.name)}`, officer.from);
  return out;
}

/** Dates inside a plan that must fall within the sentence. */
function checkPlanDates(plan: Plan, base: Record<string, string>, end: string | undefined, out: Finding[], after: (node: object, property: string, what: string, date: string | undefined) => void): void {
  if (!end) return;
  for (const objective of plan.objectives ?? []) {
    if (objective.targetDate && objective.targetDate > end) {
      out.push({ node: objective, property: 'targetDate', messageId: 'targetAfterEnd', data: { ...base, title: quote(objective.title), date: formatDate(objective.targetDate) } });
    }
  }
  for (const delivery of plan.requirementDelivery ?? []) {
    after(delivery, 'completeBy', `Completion of requirement ${delivery.requirement}`, delivery.completeBy);
  }
}
