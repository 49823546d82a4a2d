import { addDays, defineRule, formatDate, isRecordedReason, latestRecordedDate, personData, quote, type CaseEvent } from '../src/rule-kit/index.js';

type Change = NonNullable<CaseEvent['change']>;

interface Options {
  /** Kinds of change that call for a reassessment of risk. */
  changes: Change[];
  /** Days after the change within which a review should record the reassessment. */
  withinDays: number;
}

const CHANGE_WORDS: Record<Change, string> = {
  'new-offence': 'a new offence',
  address: 'a change of address',
  household: 'a change in the household',
  relationship: 'a new relationship',
  employment: 'a change of work',
  health: 'a change in health',
  bereavement: 'a bereavement',
  other: 'a change',
};

const CHANGES = Object.keys(CHANGE_WORDS);

export default defineRule<Options>()({
  meta: {
    id: 'risk-reassessed-after-change',
    description: 'A significant change (a new offence, a move, a change of household, a new relationship) is followed by a reassessment of risk.',
    severity: 'warning',
    standard: 'reviewing',
    guidance: { publication: 'hmip-reviewing-for-engagement', section: 'practitioners should "make any necessary adjustments to the ongoing plan of work" as compliance, engagement and barriers change' },
    appliesTo: ['case-file', 'review'],
    needs: ['reviews'],
    messages: {
      notReassessed:
        '{{what}} was recorded on {{date}} ("{{detail}}"), but no review within the {{days}} days set for this check records a reassessment of risk. Reassess with {{name}} what the change means for risk and for the plan, and record it in the review\'s riskReassessment, or record in reassessmentNotNeeded why it is not needed.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        changes: { type: 'array', items: { enum: CHANGES }, description: 'Kinds of change (event.change) that call for a reassessment of risk.' },
        withinDays: { type: 'integer', minimum: 0, description: 'Days after the change within which a review should record the reassessment.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { changes: ['new-offence', 'address', 'household', 'relationship'] as Change[], withinDays: 28 },
  },

  check(model, context) {
    const latest = latestRecordedDate(model);
    const person = personData(model);
    for (const event of model.events) {
      if (!event.change || !context.options.changes.includes(event.change)) continue;
      if (isRecordedReason(event.reassessmentNotNeeded)) continue;
      const due = addDays(event.date, context.options.withinDays);
      if (model.reviews.some((r) => r.date >= event.date && r.date <= due && isRecordedReason(r.riskReassessment?.summary, 3))) continue;
      if (!latest || latest <= due) continue; // not overdue yet, as far as the record goes
      const what = CHANGE_WORDS[event.change];
      context.report({
        node: event,
        property: 'change',
        messageId: 'notReassessed',
        data: { ...person, what: what.charAt(0).toUpperCase() + what.slice(1), date: formatDate(event.date), detail: quote(event.detail, 50), days: context.options.withinDays },
      });
    }
  },
});
