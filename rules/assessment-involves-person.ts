import { REASON_WORDS_OPTIONS, defineRule, isPlaceholder, isRecordedReason, personData, quote } from '../src/rule-kit/index.js';

interface Options {
  /** Fewer words than this cannot explain why the person was not involved, or why no view was recorded. */
  minReasonWords: number;
}

export default defineRule<Options>()({
  meta: {
    id: 'assessment-involves-person',
    description: 'The person took part in their assessment and their own view of it is recorded.',
    severity: 'error',
    standard: 'assessment',
    guidance: { publication: 'hmip-assessing-for-engagement', section: 'practitioners should "meaningfully involve the service user in their assessment and take their views into account"' },
    appliesTo: ['case-file'],
    needs: ['assessment'],
    messages: {
      participationNotRecorded:
        'The assessment does not record whether {{name}} took part. Add participation: how {{name}} took part (in-person, phone, video, written) or, if {{they}} could not, absent with the reason.',
      absentNoReason:
        'The assessment was completed without {{name}} and does not say why. Record in participation.absenceReason why {{name}} could not take part and what was tried, and complete the assessment with {{them}} once {{they}} attend{{s}}.',
      absentWeakReason: '"{{text}}" does not explain why the assessment was completed without {{name}}. Say why {{they}} could not take part, what was tried, and when it will be completed with {{them}}.',
      noView:
        "The assessment does not record {{name}}'s own view. Quote in personView.words how {{name}} sees {{their}} offending, {{their}} circumstances and what would help, or record in personView.reasonNotRecorded why no view could be given.",
      placeholderView: '"{{text}}" is a placeholder, not {{name}}\'s view. Quote what {{name}} said about {{their}} offending, {{their}} circumstances and what would help, in {{their}} own words.',
    },
    ...REASON_WORDS_OPTIONS,
  },

  check(model, context) {
    const assessment = model.assessment;
    if (!assessment) return; // only an assessment that exists is judged
    const person = personData(model);
    const isReason = (text: string | undefined) => isRecordedReason(text, context.options.minReasonWords);

    const participation = assessment.participation;
    if (!participation) {
      context.report({ node: assessment, property: 'participation', messageId: 'participationNotRecorded', data: { ...person } });
    } else if (participation.person === 'absent') {
      const reason = participation.absenceReason;
      if (reason === undefined || reason.trim() === '') {
        context.report({ node: participation, property: 'absenceReason', messageId: 'absentNoReason', data: { ...person } });
      } else if (!isReason(reason)) {
        context.report({ node: participation, property: 'absenceReason', messageId: 'absentWeakReason', data: { ...person, text: quote(reason) } });
      }
    }

    const view = assessment.personView;
    const words = view?.words?.trim();
    if (view && words) {
      if (isPlaceholder(words)) context.report({ node: view, property: 'words', messageId: 'placeholderView', data: { ...person, text: quote(words) } });
    } else if (!isReason(view?.reasonNotRecorded)) {
      context.report({ node: assessment, property: 'personView', messageId: 'noView', data: { ...person } });
    }
  },
});
