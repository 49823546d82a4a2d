import { addDays, defineRule, formatDate, isPlaceholder, latestRecordedDate, personName, type Contact } from '../src/rule-kit/index.js';

interface Options {
  /** Days after a missed appointment before a missing decision is reported, once the record reaches that far. */
  decisionWithinDays: number;
  /** Whether an absence recorded as acceptable must say why it was accepted. */
  acceptableAbsenceRationale: boolean;
}

type Enforcement = NonNullable<Contact['enforcement']>;

const ACTION_WORDS: Record<NonNullable<Enforcement['action']>, string> = {
  none: 'no further action',
  warning: 'a warning',
  breach: 'breach action',
  recall: 'recall',
};

/** Whether an earlier contact already records a warning or an absence judged unacceptable. */
function hasEarlierWarning(contacts: Contact[], contact: Contact): boolean {
  return contacts.some((c) => c !== contact && c.date < contact.date && (c.enforcement?.action === 'warning' || c.enforcement?.decision === 'unacceptable'));
}

export default defineRule<Options>()({
  meta: {
    id: 'missed-appointment-decision',
    description: 'Every missed appointment has a recorded decision, and enforcement is proportionate and explained.',
    severity: 'error',
    standard: 'implementation-and-delivery',
    guidance: { publication: 'hmip-introduction-to-engagement', section: 'Engagement in case supervision: dealing with non-compliance "in a proportionate, fair and transparent manner"' },
    appliesTo: ['case-file'],
    needs: ['contacts'],
    messages: {
      noDecision:
        'The appointment on {{date}} was missed, and no decision on the absence is recorded. Record under enforcement whether it was acceptable, what was done and why, taking account of what {{name}} said and what is going on in their life.',
      noRationale:
        'The absence on {{date}} was judged {{decision}}{{action}}, but not why. Record in enforcement.rationale what {{name}} said, what you took into account, and why this response is fair and proportionate.',
      immediateEscalation:
        'The absence on {{date}} led to {{action}} with no earlier warning or unacceptable absence recorded, and no rationale. Record in enforcement.rationale why going straight to {{action}} was proportionate for {{name}}, so the decision is fair and transparent.',
      escalationNoRationale:
        'The absence on {{date}} led to {{action}}, but the reason is not recorded. Record in enforcement.rationale what led to it and why it is proportionate, so {{name}} and others can see the decision is fair.',
      acceptableNoRationale:
        'The absence on {{date}} is recorded as acceptable, but not why. Record in enforcement.rationale what {{name}} told you and what the decision rests on (a GP letter, a call beforehand), so decisions on absences stay consistent and transparent.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        decisionWithinDays: {
          type: 'integer',
          minimum: 0,
          description: 'Days after a missed appointment before a missing decision is reported (only once the record reaches past them).',
        },
        acceptableAbsenceRationale: {
          type: 'boolean',
          description: 'Whether an acceptable absence must record why it was accepted.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { decisionWithinDays: 7, acceptableAbsenceRationale: true },
  },

  check(model, context) {
    const name = personName(model);
    const lastRecorded = latestRecordedDate(model);

    for (const contact of model.contacts) {
      const date = formatDate(contact.date);
      const enforcement = contact.enforcement;

      if (contact.outcome === 'acceptable-absence') {
        if (context.options.acceptableAbsenceRationale && isPlaceholder(enforcement?.rationale)) {
          context.report({
            ...(enforcement ? { node: enforcement, property: 'rationale' } : { node: contact, property: 'enforcement' }),
            messageId: 'acceptableNoRationale',
            data: { name, date },
          });
        }
        continue;
      }
      if (contact.outcome !== 'failed-to-attend') continue;

      if (!enforcement) {
        // Judge only from the record: a decision is not overdue until the record runs past the time allowed for it.
        if (lastRecorded === undefined || lastRecorded <= addDays(contact.date, context.options.decisionWithinDays)) continue;
        context.report({ node: contact, property: 'enforcement', messageId: 'noDecision', data: { name, date } });
        continue;
      }
      if (!isPlaceholder(enforcement.rationale)) continue;

      const where = { node: enforcement, property: 'rationale' };
      const action = enforcement.action;
      if (action === 'breach' || action === 'recall') {
        const messageId = hasEarlierWarning(model.contacts, contact) ? 'escalationNoRationale' : 'immediateEscalation';
        context.report({ ...where, messageId, data: { name, date, action: ACTION_WORDS[action] } });
      } else {
        context.report({
          ...where,
          messageId: 'noRationale',
          data: { name, date, decision: enforcement.decision, action: action ? ` with ${ACTION_WORDS[action]}` : '' },
        });
      }
    }
  },
});
