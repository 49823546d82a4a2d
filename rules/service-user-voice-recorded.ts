import { defineRule, formatDate, isPlaceholder, isRecordedReason, normaliseText, personName, quote, wordCount, type Plan, type PersonView } from '../src/rule-kit/index.js';

interface Options {
  /** Fewer words than this cannot be a view in the person's own words. */
  minWords: number;
  /** More stock phrases, beyond the built-in ones, that record agreement rather than a view. */
  genericPhrases: string[];
}

/** Stock phrases that record a tick, not what the person said. Compared after normaliseText. */
const GENERIC_PHRASES = [
  'agrees with plan',
  'agrees with the plan',
  'agreed with plan',
  'agreed with the plan',
  'agreed',
  'agrees',
  'happy with plan',
  'happy with the plan',
  'is happy with the plan',
  'in agreement',
  'plan agreed',
  'plan discussed',
  'plan discussed and agreed',
  'no comments',
  'no comment',
  'nothing to add',
  'accepts the plan',
  'accepts plan',
  'understands the plan',
  'understands plan',
  'signed',
  'plan signed',
  'content with plan',
  'content with the plan',
  'engaged well',
  'compliant',
  'views taken into account',
  'views considered',
];

/** Words that show the text is someone speaking for themselves. */
const FIRST_PERSON = /\b(i|im|ive|id|ill|me|my|mine|myself|we|us|our)\b/;
/** Words that show the text is written about the person, not by them. */
const THIRD_PERSON = /\b(he|she|they|him|her|them|his|hers|their|su|pop|service user|person on probation|the person)\b/;

/**
 * A plan completed without the person, with the reason and what was tried recorded and a revisit
 * planned (Lisa's plan in the guidance): the absence reason already says why it holds no view, so
 * the view is looked for at the revisit (the first review or plan version they take part in,
 * judged in its turn), not asked for again in personView.reasonNotRecorded.
 */
function madeWithoutPersonAwaitingRevisit(plan: Plan): boolean {
  const revisit = plan.revisit;
  return plan.participation?.person === 'absent' && isRecordedReason(plan.participation.absenceReason) && (revisit?.when === 'after-first-attendance' || revisit?.when === 'by-date') && !isPlaceholder(revisit.reason);
}

export default defineRule<Options>()({
  meta: {
    id: 'service-user-voice-recorded',
    description: "The plan and each review record the person's own view, in their words.",
    severity: 'error',
    standard: 'planning',
    guidance: '004_01d1a8430ceca47d.txt',
    appliesTo: ['case-file', 'sentence-plan', 'review', 'hmpps-sentence-plan'],
    needs: ['plan'],
    messages: {
      missing: "The {{what}} does not record {{name}}'s view. Quote what {{name}} said about it in personView.words, in their own words, or record in personView.reasonNotRecorded why no view could be given.",
      placeholder: '"{{text}}" is a placeholder, not {{name}}\'s view. Quote what {{name}} said about the {{what}}, in their own words.',
      generic: '"{{text}}" records agreement, not {{name}}\'s view. Quote what {{name}} said: what they want from the {{what}}, what worries them, what would help.',
      tooShort: '"{{text}}" is too short to show {{name}}\'s view ({{count}} words; at least {{min}} expected). Quote what they said about the {{what}} in their own words.',
      thirdPerson: 'This reads as a summary about {{name}}, not their own words. Quote {{name}} directly ("I want …"), so the {{what}} shows their voice.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        minWords: { type: 'integer', minimum: 1, description: 'Fewest words that can count as a view.' },
        genericPhrases: { type: 'array', items: { type: 'string' }, description: 'Extra stock phrases that do not count as a view.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { minWords: 4, genericPhrases: [] },
  },

  check(model, context) {
    const name = personName(model);
    const generic = new Set([...GENERIC_PHRASES, ...context.options.genericPhrases].map(normaliseText));
    const subject = model.person?.name ? new RegExp(`^${normaliseText(model.person.name)}\\s+`) : undefined;

    const judge = (holder: { personView?: PersonView }, what: string, absenceExplained = false) => {
      const view = holder.personView;
      const words = view?.words?.trim();
      if (!view || (!words && (view.reasonNotRecorded === undefined || isPlaceholder(view.reasonNotRecorded)))) {
        if (absenceExplained) return;
        context.report({ node: holder, property: 'personView', messageId: 'missing', data: { name, what } });
        return;
      }
      if (!words) return; // a recorded reason why no view could be given is a professional judgement
      const data = { name, what, text: quote(words) };
      const normal = normaliseText(words);
      // "Lisa agrees with plan" and "She is happy with the plan" are the same tick.
      const withoutSubject = normal.replace(subject ?? /^$/, '').replace(/^(he|she|they|su|pop|service user)\s+/, '');
      if (isPlaceholder(words)) context.report({ node: view, property: 'words', messageId: 'placeholder', data });
      else if (generic.has(normal) || generic.has(withoutSubject)) context.report({ node: view, property: 'words', messageId: 'generic', data });
      else if (wordCount(words) < context.options.minWords) context.report({ node: view, property: 'words', messageId: 'tooShort', data: { ...data, count: wordCount(words), min: context.options.minWords } });
      else if (!FIRST_PERSON.test(normal) && (THIRD_PERSON.test(normal) || (subject?.test(normal) ?? false))) context.report({ node: view, property: 'words', messageId: 'thirdPerson', data });
    };

    for (const plan of model.plans) judge(plan, 'plan', madeWithoutPersonAwaitingRevisit(plan));
    for (const review of model.reviews) judge(review, `review of ${formatDate(review.date)}`);
  },
});
