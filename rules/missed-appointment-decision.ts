import { ABSENCE_WORDS, addDays, defineRule, formatDate, judgeReason, latestRecordedDate, personData, quote, type Contact, type TextVerdict } from '../src/rule-kit/index.js';

interface Options {
  /** Days after a missed appointment before a missing decision is reported, once the record reaches that far. */
  decisionWithinDays: number;
  /** Whether an absence recorded as acceptable must say why it was accepted. */
  acceptableAbsenceRationale: boolean;
  /** More words or phrases that give no reason, beyond the built-in ones ("no reason", "DNA", "as discussed"). */
  fillerPhrases: string[];
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
        'The appointment on {{date}} was missed, and no decision on the absence is recorded within the {{days}} days set for this check. Record under enforcement whether it was acceptable, what was done and why, taking account of what {{name}} said and what is going on in {{their}} life.',
      noRationale:
        'The absence on {{date}} was judged {{decision}}{{action}}, but not why. Record in enforcement.rationale what {{name}} said, what you took into account, and why this response is fair and proportionate.',
      immediateEscalation:
        'The absence on {{date}} led to {{action}} with no earlier warning or unacceptable absence recorded, and no rationale. Record in enforcement.rationale why going straight to {{action}} was proportionate for {{name}}, so the decision is fair and transparent.',
      escalationNoRationale:
        'The absence on {{date}} led to {{action}}, but the reason is not recorded. Record in enforcement.rationale what led to it and why it is proportionate, so {{name}} and others can see the decision is fair.',
      weakRationale:
        '"{{text}}" does not say why the absence on {{date}} was judged {{decision}}{{action}}: it {{fault}}. Record what {{name}} said, what you took into account, and why this response is fair (for example "Hospital admission, letter seen." or "Third absence without contact; {{they}} had been warned on 2 May.").',
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
        fillerPhrases: { type: 'array', items: { type: 'string' }, description: 'More words or phrases that give no reason.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { decisionWithinDays: 7, acceptableAbsenceRationale: true, fillerPhrases: [] },
  },

  check(model, context) {
    const person = personData(model);
    const lastRecorded = latestRecordedDate(model);
    // "Did not attend", "no reason" or "unacceptable absence, warning issued" repeat the event; a short real reason does not.
    const judge = (text: string | undefined): TextVerdict => judgeReason(text, { name: person.name, restates: ABSENCE_WORDS, filler: context.options.fillerPhrases });
    const weak = (verdict: TextVerdict) => verdict.code === 'no-reason' || verdict.code === 'restates';

    for (const contact of model.contacts) {
      const date = formatDate(contact.date);
      const enforcement = contact.enforcement;

      if (contact.outcome === 'acceptable-absence') {
        if (!context.options.acceptableAbsenceRationale) continue;
        const verdict = judge(enforcement?.rationale);
        if (enforcement && weak(verdict)) {
          context.report({
            node: enforcement,
            property: 'rationale',
            messageId: 'weakRationale',
            data: { ...person, date, decision: 'acceptable', action: '', text: quote(enforcement.rationale ?? ''), fault: faultOf(verdict) },
          });
        } else if (!verdict.ok) {
          context.report({
            ...(enforcement ? { node: enforcement, property: 'rationale' } : { node: contact, property: 'enforcement' }),
            messageId: 'acceptableNoRationale',
            data: { ...person, date },
          });
        }
        continue;
      }
      if (contact.outcome !== 'failed-to-attend') continue;

      if (!enforcement) {
        // Judge only from the record: a decision is not overdue until the record runs past the time allowed for it.
        if (lastRecorded === undefined || lastRecorded <= addDays(contact.date, context.options.decisionWithinDays)) continue;
        context.report({ node: contact, property: 'enforcement', messageId: 'noDecision', data: { ...person, date, days: context.options.decisionWithinDays } });
        continue;
      }
      const verdict = judge(enforcement.rationale);
      if (verdict.ok) continue;

      const where = { node: enforcement, property: 'rationale' };
      const action = enforcement.action;
      if (weak(verdict)) {
        context.report({
          ...where,
          messageId: 'weakRationale',
          data: { ...person, date, decision: enforcement.decision, action: action ? ` with ${ACTION_WORDS[action]}` : '', text: quote(enforcement.rationale ?? ''), fault: faultOf(verdict) },
        });
      } else if (action === 'breach' || action === 'recall') {
        const messageId = hasEarlierWarning(model.contacts, contact) ? 'escalationNoRationale' : 'immediateEscalation';
        context.report({ ...where, messageId, data: { ...person, date, action: ACTION_WORDS[action] } });
      } else {
        context.report({
          ...where,
          messageId: 'noRationale',
          data: { ...person, date, decision: enforcement.decision, action: action ? ` with ${ACTION_WORDS[action]}` : '' },
        });
      }
    }
  },
});

/** What is wrong with a rationale that gives no reason, for the message. */
function faultOf(verdict: TextVerdict): string {
  return verdict.code === 'restates' ? 'only repeats what happened' : 'gives no reason';
}
