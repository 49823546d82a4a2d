import { contactLevels, currentPlan, defineRule, isPlaceholder, isRecordedReason, judgeRiskManagement, listWords, personData, type CaseModel, type Frequency, type Sentence } from '../src/rule-kit/index.js';

type Risk = NonNullable<Sentence['riskOfSeriousHarm']>;
type Minimum = Frequency | 'any';

interface Options {
  /** The least frequent contact at each risk of serious harm level below which the plan must say how risk is managed between contacts. */
  minimumFrequency: Partial<Record<Risk, Minimum>>;
}

// The same levels as contact-level-matches-risk, so the two rules agree on what "below" means.
const DEFAULT_MINIMUM: Record<Risk, Minimum> = { 'very-high': 'weekly', high: 'weekly', medium: 'fortnightly', low: 'any' };
const INTENSITY: Record<Frequency, number> = { 'twice-weekly': 4, weekly: 3, fortnightly: 2, 'four-weekly': 1, monthly: 1 };
const FREQUENCIES = ['twice-weekly', 'weekly', 'fortnightly', 'four-weekly', 'monthly', 'any'];

/**
 * Whether text says how risk is watched between appointments: who else sees or checks on the
 * person, or what measure does. The shared judgement (judgeRiskManagement), with the agencies the
 * case names counted as such.
 */
export function describesRiskManagement(text: string | undefined, agencyNames: readonly string[] = []): boolean {
  return judgeRiskManagement(text, { terms: agencyNames.filter((name) => name.length > 3) }).ok;
}

function isChild(member: NonNullable<NonNullable<CaseModel['household']>['members']>[number]): boolean {
  return (member.age !== undefined && member.age < 18) || member.child === true || (member.childPlan !== undefined && member.childPlan !== 'none');
}

export default defineRule<Options>()({
  meta: {
    id: 'risk-managed-between-contacts',
    description:
      'The plan says how risk of harm is managed between contacts where contact is below the level for the risk, records MAPPA level and arrangements, and plans home visits where children or safeguarding concerns call for them.',
    severity: 'warning',
    standard: 'planning',
    guidance: { publication: 'hmip-planning-for-engagement', section: "case summary and inspector's comments: home visits used to see Lisa where she lives, and a level, pattern and type of contact set for the case" },
    appliesTo: ['case-file'],
    needs: ['sentence', 'plan'],
    messages: {
      betweenContacts:
        'Contact is {{frequency}}, less often than the {{minimum}} contact expected at {{risk}} risk of serious harm, and the plan does not say how risk is managed between contacts. Add riskManagement.monitoring: who (police, social care, the hostel, a treatment provider) watches for what between appointments, and what would lead to more contact.',
      mappaMissing:
        '{{name}} is registered as a sexual offender, which brings {{them}} under MAPPA (category 1), but no MAPPA level or arrangements are recorded. Record mappa with the category, level and how the agencies manage {{them}}.',
      mappaIncomplete: 'The MAPPA record does not give {{missing}}. Record them, so anyone picking up the case knows who manages {{name}} with whom, and how.',
      noHomeVisits:
        "The household has {{who}}, but the plan sets no home visits. Plan home visits (contact.types: home-visit) to see {{name}} where {{they}} live{{s}}, or say in riskManagement why another agency's visits are enough.",
    },
    optionsSchema: {
      type: 'object',
      properties: {
        minimumFrequency: {
          type: 'object',
          description: 'The least frequent contact at each risk level below which the plan must say how risk is managed between contacts: a frequency, or any.',
          properties: { low: { enum: FREQUENCIES }, medium: { enum: FREQUENCIES }, high: { enum: FREQUENCIES }, 'very-high': { enum: FREQUENCIES } },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { minimumFrequency: DEFAULT_MINIMUM },
  },

  check(model, context) {
    const person = personData(model);
    const plan = currentPlan(model);
    const agencies = model.agencies.flatMap((a) => [a.name, ...(a.id ? [a.id] : [])]);
    const management = plan?.riskManagement;
    const monitored = (management?.monitoring ?? []).some((m) => !isPlaceholder(m.by) && isRecordedReason(m.what, 3));

    const risk = model.sentence?.riskOfSeriousHarm;
    const level = contactLevels(model).at(-1);
    if (plan && risk && level) {
      const minimum = { ...DEFAULT_MINIMUM, ...context.options.minimumFrequency }[risk];
      if (minimum !== 'any' && INTENSITY[level.frequency] < INTENSITY[minimum]) {
        const rationale = 'rationale' in level.node ? (level.node as { rationale?: string }).rationale : undefined;
        // With no reason at all, contact-level-matches-risk already asks for one (and for how risk is managed).
        const explained = monitored || describesRiskManagement(management?.summary, agencies) || describesRiskManagement(rationale, agencies);
        if (isRecordedReason(rationale) && !explained) {
          context.report({ node: plan, property: 'riskManagement', messageId: 'betweenContacts', data: { ...person, frequency: level.frequency, minimum, risk: risk.replace(/-/g, ' ') } });
        }
      }
    }

    const registration = model.sexOffenderRegistration;
    if (model.mappa) {
      const missing = [...(model.mappa.level === undefined ? ['the level'] : []), ...(isRecordedReason(model.mappa.arrangements) ? [] : ['the arrangements'])];
      if (missing.length) context.report({ node: model.mappa, property: model.mappa.level === undefined ? 'level' : 'arrangements', messageId: 'mappaIncomplete', data: { ...person, missing: listWords(missing) } });
    } else if (registration?.registered) {
      context.report({ node: registration, property: 'registered', messageId: 'mappaMissing', data: { ...person } });
    }

    const household = model.household;
    if (plan && household) {
      const children = (household.members ?? []).filter(isChild);
      const concerns = household.safeguardingConcerns ?? [];
      if (children.length || concerns.length) {
        const visits = plan.contact?.types?.includes('home-visit') ?? false;
        const mentionsVisits = [management?.summary, plan.contact?.rationale, ...(management?.monitoring ?? []).flatMap((m) => [m.what, m.how])].some(
          (t) => isRecordedReason(t) && /\bhome visit|\bvisits? (to )?(the|his|her|their) home\b/i.test(t!),
        );
        if (!visits && !mentionsVisits) {
          const onPlan = children.some((c) => c.childPlan === 'child-protection' || c.childPlan === 'child-in-need');
          const who = [
            ...(children.length ? [`${children.length === 1 ? 'a child' : 'children'}${onPlan ? ' on a child protection or child in need plan' : ''}`] : []),
            ...(concerns.length ? ['recorded safeguarding concerns'] : []),
          ];
          context.report({ node: plan.contact ?? plan, property: plan.contact ? 'types' : 'contact', messageId: 'noHomeVisits', data: { ...person, who: listWords(who) } });
        }
      }
    }
  },
});
