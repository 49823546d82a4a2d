import { defineRule, formatDate, formatMessage, judgeAccount, personData, quote } from '../src/rule-kit/index.js';

interface Options {
  /** More words or phrases that, on their own, are a verdict rather than an account ("satisfactory", "as expected"). */
  verdictPhrases: string[];
}

const PARTS = ['compliance', 'engagement', 'barriers'] as const;

/** What good looks like for each part, for the message. */
const HINTS: Record<(typeof PARTS)[number], string> = {
  compliance: 'which appointments {{name}} kept and missed, and the decisions taken',
  engagement: 'how {{name}} is engaging: openness, motivation, the working relationship, and what you saw that shows it',
  barriers: 'what gets in the way for {{name}} and what will be done about it, or that none were found and how you know',
};

export default defineRule<Options>()({
  meta: {
    id: 'review-considers-compliance',
    description: "Each review records what it found about the person's compliance, engagement and barriers.",
    severity: 'error',
    standard: 'reviewing',
    guidance: { publication: 'hmip-reviewing-for-engagement', section: 'practitioners should "consider compliance and engagement levels and any relevant barriers"' },
    appliesTo: ['case-file', 'review'],
    needs: ['reviews'],
    messages: {
      missing:
        "The review of {{date}} does not record what it found about {{name}}'s compliance, engagement and barriers. Add considered with compliance (appointments kept and missed, decisions taken), engagement (how {{name}} is engaging) and barriers (what gets in the way, and what will be done).",
      missingPart: "The review of {{date}} does not record {{name}}'s {{part}}. Add considered.{{part}}: {{hint}}.",
      placeholderPart: '"{{text}}" is a placeholder, not an analysis of {{name}}\'s {{part}}, in the review of {{date}}. Write {{hint}}.',
      bareVerdict: '"{{text}}" is a verdict on {{name}}\'s {{part}}, not an account of it, in the review of {{date}}. Write {{hint}}.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        verdictPhrases: { type: 'array', items: { type: 'string' }, description: 'More words or phrases that, on their own, are a verdict rather than an account.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { verdictPhrases: [] },
  },

  check(model, context) {
    const person = personData(model);
    for (const review of model.reviews) {
      const date = formatDate(review.date);
      const considered = review.considered;
      // Nothing in any part is one finding, not three.
      if (!considered || PARTS.every((part) => considered[part] === undefined)) {
        context.report({ node: review, property: 'considered', messageId: 'missing', data: { ...person, date } });
        continue;
      }
      for (const part of PARTS) {
        const text = considered[part];
        // "Good", "engaging well" or "no issues" on its own says nothing the next officer could use.
        const verdict = judgeAccount(text, { name: person.name, filler: context.options.verdictPhrases });
        if (verdict.ok) continue;
        const data = { ...person, date, part, hint: formatMessage(HINTS[part], person) };
        if (verdict.code === 'missing') context.report({ node: considered, property: part, messageId: 'missingPart', data });
        else context.report({ node: considered, property: part, messageId: verdict.code === 'bare-verdict' ? 'bareVerdict' : 'placeholderPart', data: { ...data, text: quote(text ?? '') } });
      }
    }
  },
});
