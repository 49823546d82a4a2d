import { defineRule, formatDate, isPlaceholder, personName } from '../src/rule-kit/index.js';

type Options = Record<string, never>;

export default defineRule<Options>()({
  meta: {
    id: 'person-involved-in-review',
    description: 'The person takes part in each review of their plan, or the record says why they could not.',
    severity: 'error',
    standard: 'reviewing',
    guidance: { publication: 'hmip-reviewing-for-engagement', section: 'practitioners should "meaningfully involve the service user in reviewing their progress and engagement"' },
    appliesTo: ['case-file', 'review'],
    needs: ['reviews'],
    messages: {
      noRecord:
        'The review of {{date}} does not record whether {{name}} took part. Record participation.person (in-person, phone, video, written or absent): a review is stronger when {{name}} helps judge their own progress.',
      absentNoReason:
        'The review of {{date}} was held without {{name}}, and no reason is recorded. Involve {{name}} in reviewing their progress (in person, by phone or video, or in writing); if that was not possible, record why in participation.absenceReason, and what was tried.',
    },
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },

  check(model, context) {
    const name = personName(model);
    for (const review of model.reviews) {
      const date = formatDate(review.date);
      const participation = review.participation;
      if (!participation) {
        context.report({ node: review, property: 'participation', messageId: 'noRecord', data: { name, date } });
      } else if (participation.person === 'absent' && isPlaceholder(participation.absenceReason)) {
        // A real reason for the absence is a recorded professional judgement and is respected.
        context.report({ node: participation, property: 'absenceReason', messageId: 'absentNoReason', data: { name, date } });
      }
    }
  },
});
