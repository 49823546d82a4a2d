import { REASON_WORDS_OPTIONS, defineRule, describePeriod, formatDate, isPlaceholder, isRecordedReason, latestRecordedDate, personData, quote, windowAfter } from '../src/rule-kit/index.js';

interface Options {
  /** Fewer words than this cannot explain why the person was not involved, or why no view was recorded. */
  minReasonWords: number;
  /** Days after the person first attends within which an assessment completed without them is brought up to date with them. */
  withinDays: number;
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
      notUpdated:
        'The assessment was completed on {{date}} without {{name}}, and {{name}} first attended on {{firstDate}}{{interrupted}}, but it has not been brought up to date with {{them}}: it still records {{them}} as absent and holds none of {{their}} views. Complete it with {{name}}: how {{they}} see{{s}} {{their}} offending, {{their}} circumstances and what would help.',
      updateDue:
        'The assessment was completed on {{date}} without {{name}}. Bringing it up to date with {{name}} is due by {{due}}, {{days}} days after {{since}} (the window set for this check): record how {{they}} see{{s}} {{their}} offending, {{their}} circumstances and what would help.',
      placeholderView: '"{{text}}" is a placeholder, not {{name}}\'s view. Quote what {{name}} said about {{their}} offending, {{their}} circumstances and what would help, in {{their}} own words.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        ...REASON_WORDS_OPTIONS.optionsSchema.properties,
        withinDays: { type: 'integer', minimum: 1, description: 'Days after the person first attends within which an assessment completed without them is brought up to date.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { ...REASON_WORDS_OPTIONS.defaultOptions, withinDays: 14 },
  },

  check(model, context) {
    const assessment = model.assessment;
    if (!assessment) return; // only an assessment that exists is judged
    const person = personData(model);
    const isReason = (text: string | undefined) => isRecordedReason(text, context.options.minReasonWords);

    const participation = assessment.participation;
    // Completed without the person, with why and what was tried: that is the judgement the guidance
    // allows (Lisa's assessment), so no view is asked for until they attend. Then it is brought up to date.
    let absenceExplained = false;
    if (!participation) {
      context.report({ node: assessment, property: 'participation', messageId: 'participationNotRecorded', data: { ...person } });
    } else if (participation.person === 'absent') {
      const reason = participation.absenceReason;
      if (reason === undefined || reason.trim() === '') {
        context.report({ node: participation, property: 'absenceReason', messageId: 'absentNoReason', data: { ...person } });
      } else if (!isReason(reason)) {
        context.report({ node: participation, property: 'absenceReason', messageId: 'absentWeakReason', data: { ...person, text: quote(reason) } });
      } else {
        absenceExplained = true;
      }
    }

    const view = assessment.personView;
    const words = view?.words?.trim();
    if (view && words) {
      if (isPlaceholder(words)) context.report({ node: view, property: 'words', messageId: 'placeholderView', data: { ...person, text: quote(words) } });
    } else if (absenceExplained && participation) {
      // Completed without them for a recorded reason: once they attend, it is brought up to date.
      judgeUpdate(assessment.date, participation);
    } else if (!isReason(view?.reasonNotRecorded)) {
      context.report({ node: assessment, property: 'personView', messageId: 'noView', data: { ...person } });
    }

    /** An assessment completed without the person, once they have attended: brought up to date, due, or not. */
    function judgeUpdate(assessed: string, node: object): void {
      const first = model.contacts.find((c) => c.outcome === 'attended' && c.date > assessed);
      if (!first) return; // not attended since: the recorded absence reason stands
      const days = context.options.withinDays;
      const window = windowAfter(model, first.date, days);
      if (window.due === undefined) return; // cannot attend now, with no end recorded
      const where = { node, property: 'person' };
      const date = formatDate(assessed);
      const firstWords = `the first attendance on ${formatDate(first.date)}`;
      const latest = latestRecordedDate(model) ?? first.date;
      if (latest <= window.due) {
        const since = window.interruptedBy ? `${person.name} could attend again on ${formatDate(window.from)} (${describePeriod(window.interruptedBy)}, after ${firstWords})` : firstWords;
        context.report({ ...where, severity: 'warning', messageId: 'updateDue', data: { ...person, date, days, since, due: formatDate(window.due) } });
      } else {
        const interrupted = window.interruptedBy ? ` and was then ${describePeriod(window.interruptedBy)}` : '';
        context.report({ ...where, messageId: 'notUpdated', data: { ...person, date, interrupted, firstDate: formatDate(first.date) } });
      }
    }
  },
});
