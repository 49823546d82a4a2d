import { ABSENCE_WORDS, REASON_OPTIONS, defineRule, formatDate, isRecordedReason, personData, quote, type ReasonRuleOptions } from '../src/rule-kit/index.js';

type Options = ReasonRuleOptions;

/** Words of a revisit itself: "After first attendance." repeats revisit.when and says nothing of why. */
const REVISIT_WORDS = ['revisit', 'revisited', 'review', 'reviewed', 'after', 'first', 'attendance', 'attends', 'when', 'plan', 'later', 'date'];

export default defineRule<Options>()({
  meta: {
    id: 'person-involved-in-planning',
    description: 'The person took part in making their plan; if they could not, the plan says why and how it will be revisited with them.',
    severity: 'error',
    standard: 'planning',
    guidance: { publication: 'hmip-planning-for-engagement', section: 'practitioners should "meaningfully involve the service user and take their views into account"' },
    appliesTo: ['case-file', 'sentence-plan', 'hmpps-sentence-plan'],
    needs: ['plan'],
    messages: {
      notRecorded:
        'The plan of {{date}} does not record whether {{name}} took part in making it. Add participation: how {{name}} took part (in-person, phone, video, written) or, if {{they}} could not, absent with the reason.',
      noReason: 'The plan of {{date}} was made without {{name}} and does not say why. Record in participation.absenceReason why {{name}} could not take part and what was tried.',
      weakReason: '"{{text}}" does not explain why the plan was made without {{name}}. Say why {{they}} could not take part and what was tried (calls, letters, a home visit).',
      noFollowUp:
        'The plan of {{date}} was made without {{name}} and records no intention to go through it with {{them}}. Add revisit (for example when: after-first-attendance, with the reason), so {{name}} can shape the plan once {{they}} attend{{s}}.',
      weakFollowUp: '"{{text}}" does not say how the plan made without {{name}} will be followed up. Say when it will be revisited with {{them}} and why.',
    },
    ...REASON_OPTIONS,
  },

  check(model, context) {
    const person = personData(model);
    const reasonOptions = { name: model.person?.name, filler: context.options.fillerPhrases };
    // "Did not attend" repeats the absence; "After first attendance" repeats when the plan will be revisited.
    const isReason = (text: string, restates: readonly string[]) => isRecordedReason(text, context.options.minReasonWords, { ...reasonOptions, restates });

    for (const plan of model.plans) {
      const date = formatDate(plan.date);
      const participation = plan.participation;
      if (!participation) {
        context.report({ node: plan, property: 'participation', messageId: 'notRecorded', data: { ...person, date } });
        continue;
      }
      if (participation.person !== 'absent') continue;

      const reason = participation.absenceReason;
      if (reason === undefined || reason.trim() === '') {
        context.report({ node: participation, property: 'absenceReason', messageId: 'noReason', data: { ...person, date } });
      } else if (!isReason(reason, [...ABSENCE_WORDS, 'plan', 'planning'])) {
        context.report({ node: participation, property: 'absenceReason', messageId: 'weakReason', data: { ...person, date, text: quote(reason) } });
      }

      // Any recorded, reasoned revisit counts, including a judgement that none is needed.
      const revisit = plan.revisit;
      // In a case file the contact log shows whether the plan was revisited, and
      // plan-revisited-after-first-attendance judges that; saying it here too would repeat it.
      if (!revisit && model.kinds.has('case-file')) continue;
      if (!revisit) {
        context.report({ node: plan, property: 'revisit', messageId: 'noFollowUp', data: { ...person, date } });
      } else if (!isReason(revisit.reason, REVISIT_WORDS)) {
        context.report({ node: revisit, property: 'reason', messageId: 'weakFollowUp', data: { ...person, date, text: quote(revisit.reason) } });
      }
    }
  },
});
