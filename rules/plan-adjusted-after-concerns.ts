import { concernRuns, defineRule, describeConcerns, formatDate, isPlaceholder, isRecordedReason, normaliseText, personData } from '../src/rule-kit/index.js';

interface Options {
  /** Compliance concerns, with no review between them, after which the next review should adjust the plan. */
  concernThreshold: number;
  /** More words or phrases that give no reason. */
  fillerPhrases: string[];
}

/** Words of keeping the plan: "No change needed." repeats the decision and says nothing of why. */
const KEEP_WORDS = [
  'change',
  'changes',
  'changed',
  'needed',
  'need',
  'required',
  'necessary',
  'plan',
  'unchanged',
  'remains',
  'remain',
  'stays',
  'stay',
  'continue',
  'continues',
  'keep',
  'kept',
  'appropriate',
  'suitable',
  'fine',
  'ok',
  'still',
  'fits',
  'current',
  'currently',
  'concerns',
  'concern',
  'noted',
];

/**
 * Wording that opens an entry recording a decision to keep the plan as it is ("No change to the
 * plan", "Plan unchanged", "Continue as planned"). Anchored at the start, so that a real change
 * mentioning what stays the same ("Objective unchanged; appointments moved") is still a change.
 */
const NO_CHANGE =
  /^(no (changes?|adjustments?|amendments?)\b|(the )?(plan|contact) (is )?(unchanged|remains? the same|stays? the same)\b|unchanged\b|nothing (to )?change|(continue|carry on|keep)( with)? (the plan|as (before|planned|is))\b)/;

export default defineRule<Options>()({
  meta: {
    id: 'plan-adjusted-after-concerns',
    description: 'After repeated compliance concerns, the next review adjusts the plan, or records why no change is needed.',
    severity: 'error',
    standard: 'reviewing',
    guidance: {
      publication: 'hmip-reviewing-for-engagement',
      section: 'practitioners should "make any necessary adjustments to the ongoing plan of work to take account of compliance and engagement levels and any relevant barriers"',
    },
    appliesTo: ['case-file'],
    needs: ['contacts'],
    messages: {
      notAdjusted:
        'After {{list}}, the review of {{date}} changed nothing in the plan or in contact. Adjust the plan to what is getting in the way for {{name}} (appointment times, type of contact, support), or add a planChanges entry saying no change is needed, with the rationale.',
      noChangeUnexplained: "The review of {{date}} keeps the plan as it is after {{list}}, but does not say why. Record in this entry's rationale why the plan still fits {{name}} despite the concerns.",
    },
    optionsSchema: {
      type: 'object',
      properties: {
        concernThreshold: { type: 'integer', minimum: 1, description: 'Compliance concerns (missed appointments not accepted, concern events) after which the plan should be adjusted.' },
        fillerPhrases: { type: 'array', items: { type: 'string' }, description: 'More words or phrases that give no reason.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { concernThreshold: 2, fillerPhrases: [] },
  },

  check(model, context) {
    const person = personData(model);
    for (const run of concernRuns(model, context.options.concernThreshold)) {
      // Whether and when a review was held is review-when-triggered's question; this rule judges the review itself.
      const review = model.reviews.find((r) => r.date >= run.trigger.date);
      if (!review || review.contactChange) continue;
      const entries = (review.planChanges ?? []).filter((c) => !isPlaceholder(c.change));
      const keeps = entries.filter((c) => NO_CHANGE.test(normaliseText(c.change)));
      if (entries.length > keeps.length) continue; // a real change was made
      // A recorded decision that no change is needed, with its reason, is a professional judgement and is respected.
      // "No change needed" as the rationale repeats the decision; a reason says why the plan still fits.
      if (keeps.some((c) => isRecordedReason(c.rationale, 1, { name: person.name, restates: KEEP_WORDS, filler: context.options.fillerPhrases }))) continue;
      // Name every concern the review had before it, not only those that reached the threshold.
      const data = { ...person, date: formatDate(review.date), list: describeConcerns(run.concerns.filter((c) => c.date <= review.date)) };
      if (keeps[0]) context.report({ node: keeps[0], property: 'rationale', messageId: 'noChangeUnexplained', data });
      else context.report({ node: review, property: 'planChanges', messageId: 'notAdjusted', data });
    }
  },
});
