import { defineRule, formatDate, isRecordedReason, judgeOwnWords, judgeReason, personData, quote, wordCount, type Plan, type PersonView } from '../src/rule-kit/index.js';

interface Options {
  /** A team's floor on length: fewer words than this are not taken as a view (1: none; a view is judged by what it says). */
  minWords: number;
  /** More stock phrases, beyond the built-in ones, that record agreement rather than a view. */
  genericPhrases: string[];
}

/**
 * A plan completed without the person, with the reason and what was tried recorded and a revisit
 * planned (Lisa's plan in the guidance): the absence reason already says why it holds no view, so
 * the view is looked for at the revisit (the first review or plan version they take part in,
 * judged in its turn), not asked for again in personView.reasonNotRecorded. Both reasons are
 * judged by what they say: "Did not attend, no reason given." is neither.
 */
function madeWithoutPersonAwaitingRevisit(plan: Plan, name: string | undefined): boolean {
  const revisit = plan.revisit;
  return (
    plan.participation?.person === 'absent' &&
    isRecordedReason(plan.participation.absenceReason, 1, { name }) &&
    (revisit?.when === 'after-first-attendance' || revisit?.when === 'by-date') &&
    isRecordedReason(revisit.reason, 1, { name })
  );
}

export default defineRule<Options>()({
  meta: {
    id: 'service-user-voice-recorded',
    description: "The plan and each review record the person's own view, in their words.",
    severity: 'error',
    standard: 'planning',
    guidance: [
      { publication: 'hmip-planning-for-engagement', section: 'practitioners should "meaningfully involve the service user and take their views into account"' },
      { publication: 'hmip-reviewing-for-engagement', section: 'inspector\'s comments: the person\'s "perspective was thoroughly documented throughout"' },
    ],
    appliesTo: ['case-file', 'sentence-plan', 'review', 'hmpps-sentence-plan'],
    needs: ['plan'],
    messages: {
      missing: "The {{what}} does not record {{name}}'s view. Quote what {{name}} said about it in personView.words, in {{their}} own words, or record in personView.reasonNotRecorded why no view could be given.",
      placeholder: '"{{text}}" is a placeholder, not {{name}}\'s view. Quote what {{name}} said about the {{what}}, in {{their}} own words.',
      generic: '"{{text}}" records agreement, not {{name}}\'s view. Quote what {{name}} said: what {{they}} want{{s}} from the {{what}}, what worries {{them}}, what would help.',
      tooShort: '"{{text}}" is too short to show {{name}}\'s view ({{count}} words; at least {{min}} expected). Quote what {{they}} said about the {{what}} in {{their}} own words.',
      thirdPerson: 'This reads as a summary about {{name}}, not {{their}} own words. Quote {{name}} directly ("I want …"), so the {{what}} shows {{their}} voice.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        minWords: { type: 'integer', minimum: 1, description: "Fewest words that can count as a view, on top of being the person's own words (1: no floor)." },
        genericPhrases: { type: 'array', items: { type: 'string' }, description: 'Extra stock phrases that do not count as a view.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { minWords: 1, genericPhrases: [] },
  },

  check(model, context) {
    const person = personData(model);

    const judge = (holder: { personView?: PersonView }, what: string, absenceExplained = false) => {
      const view = holder.personView;
      const words = view?.words?.trim();
      // A reason no view could be given must give one: "Not recorded" does not.
      if (!view || (!words && !judgeReason(view.reasonNotRecorded, { name: model.person?.name }).ok)) {
        if (absenceExplained) return;
        context.report({ node: holder, property: 'personView', messageId: 'missing', data: { ...person, what } });
        return;
      }
      if (!words) return; // a recorded reason why no view could be given is a professional judgement
      const data = { ...person, what, text: quote(words) };
      // First person or a direct quotation is the person's voice; "Wants to stay out of trouble." or "Lisa says she is ok" is a summary.
      const verdict = judgeOwnWords(words, { name: model.person?.name, pronouns: model.person?.pronouns, stockPhrases: context.options.genericPhrases });
      if (verdict.code === 'placeholder') context.report({ node: view, property: 'words', messageId: 'placeholder', data });
      else if (verdict.code === 'stock-phrase') context.report({ node: view, property: 'words', messageId: 'generic', data });
      else if (verdict.code === 'third-person') context.report({ node: view, property: 'words', messageId: 'thirdPerson', data });
      else if (wordCount(words) < context.options.minWords) context.report({ node: view, property: 'words', messageId: 'tooShort', data: { ...data, count: wordCount(words), min: context.options.minWords } });
    };

    for (const plan of model.plans) judge(plan, 'plan', madeWithoutPersonAwaitingRevisit(plan, model.person?.name));
    for (const review of model.reviews) judge(review, `review of ${formatDate(review.date)}`);
  },
});
