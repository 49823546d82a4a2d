import { defineRule, judgeReason, normaliseText, personData, quote, wordCount, type CaseModel, type Circumstance } from '../src/rule-kit/index.js';

interface Options {
  /** Fewer words than this cannot say how a circumstance affects attending and engaging. */
  minWords: number;
}

/**
 * Whether a plan's own arrangements show how the circumstance affects attending: a time the person
 * cannot attend, or an adjustment, that names it (by id or type) and says something. That is the
 * effect analysed and acted on (Lisa's nursery runs), so it is not asked for again.
 */
function shownByPlan(model: CaseModel, circumstance: Circumstance): boolean {
  const names = new Set([circumstance.id, circumstance.type].filter((n): n is string => n !== undefined).map(normaliseText));
  const namesIt = (said: string | undefined) => said !== undefined && names.has(normaliseText(said));
  return model.plans.some(
    (plan) => (plan.contact?.unavailable ?? []).some((w) => namesIt(w.circumstance) && judgeReason(w.reason).ok) || (plan.contact?.adjustments ?? []).some((a) => namesIt(a.circumstance) && judgeReason(a.how).ok),
  );
}

export default defineRule<Options>()({
  meta: {
    id: 'circumstances-analysed',
    description: "The assessment records the person's diversity and personal circumstances and how each affects their ability to comply and engage.",
    severity: 'error',
    standard: 'assessment',
    guidance: {
      publication: 'hmip-assessing-for-engagement',
      section: 'practitioners should "analyse the service user\'s diversity and personal circumstances, and consider the impact that these have on their ability to comply and engage"',
    },
    appliesTo: ['case-file'],
    needs: ['assessment'],
    messages: {
      none: "The assessment records none of {{name}}'s diversity or personal circumstances. Record each one that may affect how {{name}} can attend and engage (caring, health, work, disability, literacy, faith, experience of abuse or care …) with its effect; if you considered {{them}} and none matters, record that as a circumstance of type other.",
      noEffect:
        'The assessment records {{name}}\'s {{type}} ("{{detail}}") but not how it affects {{their}} ability to comply and engage, and the plan\'s contact arrangements do not show it either. Add effectOnCompliance: what it means for when, where and how {{name}} can attend and take part.',
      placeholder: '"{{text}}" is a placeholder, not an analysis of how {{name}}\'s {{type}} affects {{their}} ability to comply. Say what it means for when, where and how {{name}} can attend and take part.',
      noAnalysis: '"{{text}}" does not say how {{name}}\'s {{type}} affects {{their}} ability to comply. Say what it means for when, where and how {{they}} can attend and take part.',
      tooShort:
        '"{{text}}" is too brief to show how {{name}}\'s {{type}} affects {{their}} ability to comply ({{count}} words; at least {{min}} expected). Say what it means for when, where and how {{they}} can attend and take part.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        minWords: { type: 'integer', minimum: 1, description: "A floor on the length of a circumstance's effect, on top of it saying something (1: no floor)." },
      },
      additionalProperties: false,
    },
    defaultOptions: { minWords: 1 },
  },

  check(model, context) {
    const assessment = model.assessment;
    if (!assessment) return; // only an assessment that exists is judged
    const person = personData(model);
    const circumstances = assessment.circumstances ?? [];
    if (circumstances.length === 0) {
      context.report({ node: assessment, property: 'circumstances', messageId: 'none', data: { ...person } });
      return;
    }
    const min = context.options.minWords;
    for (const circumstance of circumstances) {
      if (shownByPlan(model, circumstance)) continue; // the record says what it means, in the plan
      const type = circumstance.type.replace(/-/g, ' ');
      const effect = circumstance.effectOnCompliance;
      if (effect === undefined || effect.trim() === '') {
        context.report({ node: circumstance, property: 'effectOnCompliance', messageId: 'noEffect', data: { ...person, type, detail: quote(circumstance.detail) } });
        continue;
      }
      // Judged by what it says: "Night shifts." is an effect; "Noted." or the circumstance's own words again are not.
      const judged = judgeReason(effect, { name: model.person?.name, restates: [type, circumstance.detail] });
      if (judged.code === 'placeholder') {
        context.report({ node: circumstance, property: 'effectOnCompliance', messageId: 'placeholder', data: { ...person, type, text: quote(effect) } });
      } else if (!judged.ok) {
        context.report({ node: circumstance, property: 'effectOnCompliance', messageId: 'noAnalysis', data: { ...person, type, text: quote(effect) } });
      } else if (wordCount(effect) < min) {
        context.report({
          node: circumstance,
          property: 'effectOnCompliance',
          messageId: 'tooShort',
          data: { ...person, type, text: quote(effect), count: wordCount(effect), min },
        });
      }
    }
  },
});
