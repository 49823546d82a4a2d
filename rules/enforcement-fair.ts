import {
  addDays,
  addMonths,
  defineRule,
  describePeriod,
  formatDate,
  inUnavailableWindow,
  isPlaceholder,
  isRecordedReason,
  latestRecordedDate,
  personData,
  planInForce,
  quote,
  reportsPersonsAccount,
  saysNoBarrier,
  unavailablePeriodOn,
  viewWords,
  type CaseModel,
  type Contact,
  type Enforcement,
} from '../src/rule-kit/index.js';

interface Options {
  /** Warnings, within warningValidMonths, that come before breach action on an order. */
  warningsBeforeBreach: number;
  /** Months a warning counts towards breach. */
  warningValidMonths: number;
  /** Days after the absence within which a review that records the person's view counts as seeking their account. */
  accountWithinDays: number;
  /** Days after breach action within which the plan should be reviewed. */
  reviewAfterBreachDays: number;
}

const ACTION_WORDS: Record<'warning' | 'breach' | 'recall', string> = { warning: 'a warning', breach: 'breach action', recall: 'recall' };

/** Which contacts carry a decision against the person: an absence judged unacceptable, a warning, breach or recall. */
function isAdverse(enforcement: Enforcement | undefined): enforcement is Enforcement {
  return enforcement !== undefined && (enforcement.decision === 'unacceptable' || enforcement.action === 'warning' || enforcement.action === 'breach' || enforcement.action === 'recall');
}

function actionWords(enforcement: Enforcement): string {
  const action = enforcement.action;
  return action === 'warning' || action === 'breach' || action === 'recall' ? ` with ${ACTION_WORDS[action]}` : '';
}

/** Whether the record holds the person's account of this absence, or why none could be had. */
function accountRecorded(model: CaseModel, contact: Contact, enforcement: Enforcement, withinDays: number): boolean {
  const account = enforcement.personAccount;
  if (account && (!isPlaceholder(account.words) || isRecordedReason(account.notGivenReason))) return true;
  if (reportsPersonsAccount(enforcement.rationale) || reportsPersonsAccount(contact.note)) return true;
  // A review soon after, with the person's own words, heard their side.
  const until = addDays(contact.date, withinDays);
  return model.reviews.some((r) => r.date >= contact.date && r.date <= until && viewWords(r.personView) !== undefined);
}

/** The warning a breach refers to, by contact id or date. */
function findWarning(model: CaseModel, ref: string): Contact | undefined {
  return model.contacts.find((c) => c.id === ref) ?? model.contacts.find((c) => c.date === ref && c.enforcement?.action === 'warning');
}

export default defineRule<Options>()({
  meta: {
    id: 'enforcement-fair',
    description:
      "Enforcement is fair given what the plan and reviews say: not for times the person could not attend, after barriers left unaddressed, or without their account; in the team's sequence; followed by a review.",
    severity: 'warning',
    standard: 'implementation-and-delivery',
    guidance: {
      publication: 'hmip-introduction-to-engagement',
      section: 'Engagement in case supervision: dealing with non-compliance "in a proportionate, fair and transparent manner", taking account of "what is going on in people’s lives" and "any barriers to compliance"',
    },
    appliesTo: ['case-file'],
    needs: ['contacts'],
    messages: {
      duringPeriod:
        'The absence on {{date}} was judged unacceptable{{action}}, but {{name}} was {{period}} (unavailablePeriods). Reconsider the decision: an absence when the person could not attend is not a failure to comply.',
      duringWindow:
        "The absence on {{date}} at {{time}} was judged unacceptable{{action}}, but the plan itself says {{name}} cannot attend then ({{why}}). Reconsider the decision, or record in the contact's rationale why this time was agreed with them.",
      barrierIgnored:
        'The absence on {{date}} was judged unacceptable{{action}}, after the review of {{review}} recorded a barrier ("{{barrier}}") and changed nothing in the plan. Adjust the plan to the barrier first, or record at the review why no change was needed, so enforcement is fair.',
      noAccount:
        'The absence on {{date}} was judged unacceptable{{action}}, but no account from {{name}} is recorded. Record what {{they}} said and when you asked (enforcement.personAccount), or why no account could be had, so the decision can be seen to be fair.',
      reliesOnInvalid: 'The breach on {{date}} relies on "{{ref}}", {{problem}}. Check which warning the breach rests on, and record it in reliesOn by the warning\'s contact id or date.',
      outOfSequence:
        "The breach on {{date}} has {{count}} within the {{months}} months before it, where the team's sequence is {{needed}} before breach. Record in enforcement.sequenceDeparture why going to breach now was proportionate for {{name}}.",
      noReviewAfterBreach:
        'Breach action was taken on {{date}}, but no review of the plan followed within the {{days}} days set for this check. Review the plan with {{name}}: what led to the breach, and what has to change so {{they}} can complete the order.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        warningsBeforeBreach: { type: 'integer', minimum: 0, description: 'Warnings within warningValidMonths that come before breach action on an order.' },
        warningValidMonths: { type: 'integer', minimum: 1, description: 'Months a warning counts towards breach.' },
        accountWithinDays: { type: 'integer', minimum: 0, description: "Days after an absence within which a review recording the person's view counts as hearing their account." },
        reviewAfterBreachDays: { type: 'integer', minimum: 1, description: 'Days after breach action within which the plan should be reviewed.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { warningsBeforeBreach: 1, warningValidMonths: 12, accountWithinDays: 14, reviewAfterBreachDays: 28 },
  },

  check(model, context) {
    const { warningsBeforeBreach, warningValidMonths, accountWithinDays, reviewAfterBreachDays } = context.options;
    const person = personData(model);
    const latest = latestRecordedDate(model);
    const onLicence = model.sentence?.type === 'licence' || model.sentence?.type === 'post-sentence-supervision';

    for (const contact of model.contacts) {
      const enforcement = contact.enforcement;
      if (!isAdverse(enforcement) || contact.outcome === 'attended') continue;
      const date = formatDate(contact.date);
      const data = { ...person, date, action: actionWords(enforcement) };
      const at = { node: enforcement, property: 'decision' };

      const period = unavailablePeriodOn(model, contact.date);
      const window = contact.rationale?.trim() ? undefined : planInForce(model.plans, contact.date)?.contact?.unavailable?.find((w) => inUnavailableWindow(w, contact));
      if (period) {
        context.report({ ...at, messageId: 'duringPeriod', data: { ...data, period: describePeriod(period) } });
      } else if (window) {
        context.report({ ...at, messageId: 'duringWindow', data: { ...data, time: contact.time ?? 'any time', why: quote(window.reason, 50) } });
      }

      // The latest review before the absence: did it find a barrier and leave the plan as it was?
      const review = model.reviews.filter((r) => r.date < contact.date).at(-1);
      const barrier = review?.considered?.barriers;
      if (review && isRecordedReason(barrier) && !saysNoBarrier(barrier!)) {
        const changed = (review.planChanges?.length ?? 0) > 0 || review.contactChange !== undefined || model.plans.some((p) => p.date >= review.date && p.date <= contact.date);
        if (!changed) context.report({ ...at, messageId: 'barrierIgnored', data: { ...data, review: formatDate(review.date), barrier: quote(barrier!, 60) } });
      }

      if (!accountRecorded(model, contact, enforcement, accountWithinDays)) {
        context.report({ node: enforcement, property: 'personAccount', messageId: 'noAccount', data });
      }

      if (enforcement.action !== 'breach') continue;
      const since = addMonths(contact.date, -warningValidMonths);
      for (const [i, ref] of (enforcement.reliesOn ?? []).entries()) {
        const warning = findWarning(model, ref);
        const problem = !warning
          ? 'which matches no contact in the log'
          : warning.enforcement?.action !== 'warning'
            ? `but the contact of ${formatDate(warning.date)} records no warning`
            : warning.date >= contact.date
              ? 'a warning that does not come before it'
              : warning.date < since
                ? `a warning of ${formatDate(warning.date)}, more than ${warningValidMonths} months before`
                : undefined;
        if (problem) context.report({ node: enforcement.reliesOn!, property: i, messageId: 'reliesOnInvalid', data: { ...data, ref: quote(ref), problem } });
      }
      // Without any rationale, missed-appointment-decision already asks why; this rule judges the sequence of a reasoned breach.
      if (!onLicence && !isPlaceholder(enforcement.rationale) && !isRecordedReason(enforcement.sequenceDeparture)) {
        const warnings = model.contacts.filter((c) => c !== contact && c.enforcement?.action === 'warning' && c.date < contact.date && c.date >= since).length;
        if (warnings < warningsBeforeBreach) {
          context.report({
            node: enforcement,
            property: 'action',
            messageId: 'outOfSequence',
            data: {
              ...data,
              count: warnings === 0 ? 'no warning' : `${warnings} warning${warnings === 1 ? '' : 's'}`,
              months: warningValidMonths,
              needed: `${warningsBeforeBreach} warning${warningsBeforeBreach === 1 ? '' : 's'}`,
            },
          });
        }
      }
      const decided = enforcement.date ?? contact.date;
      const due = addDays(decided, reviewAfterBreachDays);
      if (latest && latest > due && !model.reviews.some((r) => r.date >= decided && r.date <= due)) {
        context.report({ node: enforcement, property: 'action', messageId: 'noReviewAfterBreach', data: { ...data, date: formatDate(decided), days: reviewAfterBreachDays } });
      }
    }
  },
});
