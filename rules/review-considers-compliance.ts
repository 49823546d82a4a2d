import { defineRule, formatDate, isPlaceholder, personName, quote } from '../src/rule-kit/index.js';

type Options = Record<string, never>;

const PARTS = ['compliance', 'engagement', 'barriers'] as const;

/** What good looks like for each part, for the message. */
const HINTS: Record<(typeof PARTS)[number], string> = {
  compliance: 'which appointments {{name}} kept and missed, and the decisions taken',
  engagement: 'how {{name}} is engaging: openness, motivation, the working relationship',
  barriers: 'what gets in the way for {{name}} and what will be done about it, or that none were found and why',
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
    },
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },

  check(model, context) {
    const name = personName(model);
    for (const review of model.reviews) {
      const date = formatDate(review.date);
      const considered = review.considered;
      // Nothing in any part is one finding, not three.
      if (!considered || PARTS.every((part) => considered[part] === undefined)) {
        context.report({ node: review, property: 'considered', messageId: 'missing', data: { name, date } });
        continue;
      }
      for (const part of PARTS) {
        const text = considered[part];
        if (!isPlaceholder(text)) continue;
        const data = { name, date, part, hint: HINTS[part].replace('{{name}}', name) };
        if (text === undefined) context.report({ node: considered, property: part, messageId: 'missingPart', data });
        else context.report({ node: considered, property: part, messageId: 'placeholderPart', data: { ...data, text: quote(text) } });
      }
    }
  },
});
