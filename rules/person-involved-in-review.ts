import { ABSENCE_WORDS, REASON_OPTIONS, defineRule, formatDate, judgeReason, personData, quote, wordCount, type ReasonRuleOptions } from '../src/rule-kit/index.js';

type Options = ReasonRuleOptions;

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
        'The review of {{date}} does not record whether {{name}} took part. Record participation.person (in-person, phone, video, written or absent): a review is stronger when {{name}} helps judge {{their}} own progress.',
      absentNoReason:
        'The review of {{date}} was held without {{name}}, and no reason is recorded. Involve {{name}} in reviewing {{their}} progress (in person, by phone or video, or in writing); if that was not possible, record why in participation.absenceReason, and what was tried.',
      weakReason:
        '"{{text}}" does not say why the review of {{date}} was held without {{name}}. Say why {{they}} could not take part (for example a hospital stay, a new job\'s hours) and what was tried, so the gap is understood.',
    },
    ...REASON_OPTIONS,
  },

  check(model, context) {
    const person = personData(model);
    for (const review of model.reviews) {
      const date = formatDate(review.date);
      const participation = review.participation;
      if (!participation) {
        context.report({ node: review, property: 'participation', messageId: 'noRecord', data: { ...person, date } });
      } else if (participation.person === 'absent') {
        // A real reason for the absence, however short ("Hospital admission."), is respected; "did not attend" is not one.
        const reason = participation.absenceReason;
        const verdict = judgeReason(reason, { name: person.name, restates: [...ABSENCE_WORDS, 'review', 'reviewed', 'reviewing'], filler: context.options.fillerPhrases });
        const tooShort = verdict.ok && wordCount(reason ?? '') < context.options.minReasonWords;
        if (verdict.code === 'missing' || verdict.code === 'placeholder') {
          context.report({ node: participation, property: 'absenceReason', messageId: 'absentNoReason', data: { ...person, date } });
        } else if (!verdict.ok || tooShort) {
          context.report({ node: participation, property: 'absenceReason', messageId: 'weakReason', data: { ...person, date, text: quote(reason ?? '') } });
        }
      }
    }
  },
});
