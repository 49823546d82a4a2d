import {
  addDays,
  contactLevels,
  countWords,
  dateRange,
  daysBetween,
  defineRule,
  durationWords,
  excusedDays,
  excusedDaysBetween,
  formatDate,
  FREQUENCY_DAYS,
  isRecordedReason,
  judgeFullAttendance,
  latestRecordedDate,
  personData,
  sentenceEndDate,
  wasOffered,
  type CaseModel,
  type Contact,
  type ContactLevel,
  type Frequency,
} from '../src/rule-kit/index.js';

interface Options {
  /** Days beyond the planned interval before a gap is reported: appointments move a little. */
  graceDays: number;
  /** Days after a plan that relies on home visits within which one should be offered. */
  homeVisitWithinDays: number;
  /** Weeks of contact compared with the planned level to see a level changed in practice. */
  practiceWeeks: number;
}

/** The least frequent level in force at any time from `from` to `to`: a gap is judged against the most lenient. */
function longestInterval(levels: ContactLevel[], from: string, to: string): ContactLevel | undefined {
  let inForce: ContactLevel | undefined;
  let longest: ContactLevel | undefined;
  for (const level of levels) {
    if (level.from <= from) inForce = level;
    else if (level.from < to && (!longest || FREQUENCY_DAYS[level.frequency] > FREQUENCY_DAYS[longest.frequency])) longest = level;
  }
  if (inForce && (!longest || FREQUENCY_DAYS[inForce.frequency] >= FREQUENCY_DAYS[longest.frequency])) return inForce;
  return longest;
}

/** The nearest level to an interval seen in practice, in words. */
function practiceWords(days: number): string {
  const nearest = (Object.entries(FREQUENCY_DAYS) as [Frequency, number][]).reduce((best, entry) => (Math.abs(entry[1] - days) < Math.abs(best[1] - days) ? entry : best));
  return days > 1.5 * FREQUENCY_DAYS.monthly ? 'less than monthly' : `about ${nearest[0]}`;
}

const isHomeVisit = (c: Contact) => c.type === 'home-visit' || c.purpose === 'home-visit';

/**
 * The stretches a review vouches for: from the review before it (or the start of the record) to its
 * date, where its account of compliance says every contact was kept (judgeFullAttendance, so "Good."
 * does not count) and the log records no absence in that time. A log with gaps and a review that
 * says "Attended every appointment since release." is a log that left contacts out, not missed contact.
 */
function vouchedPeriods(model: CaseModel, start: string, name: string): { from: string; to: string }[] {
  const periods: { from: string; to: string }[] = [];
  let from = start;
  for (const review of [...model.reviews].sort((a, b) => a.date.localeCompare(b.date))) {
    const to = review.date;
    const absent = model.contacts.some((c) => c.date >= from && c.date <= to && (c.outcome === 'failed-to-attend' || c.outcome === 'acceptable-absence'));
    if (to > from && !absent && judgeFullAttendance(review.considered?.compliance, { name }).ok) periods.push({ from, to });
    if (to > from) from = to;
  }
  return periods;
}

/** Recall, or an order revoked or replaced by custody at breach: community contact stops, so the gap after it is not a failure to deliver. */
const endsContact = (c: Contact | undefined) => c?.enforcement?.action === 'recall' || c?.enforcement?.breachOutcome?.result === 'order-revoked' || c?.enforcement?.breachOutcome?.result === 'custody';

export default defineRule<Options>()({
  meta: {
    id: 'contact-delivered-as-planned',
    description: 'The contact log shows the level, pattern and type of contact the plan sets, with recorded reasons where it could not happen.',
    severity: 'warning',
    standard: 'implementation-and-delivery',
    guidance: {
      publication: 'hmip-planning-for-engagement',
      section: 'practitioners should "set a level, pattern and type of contact sufficient to engage the service user and support the delivery of specific interventions"',
    },
    appliesTo: ['case-file'],
    needs: ['contacts', 'plan'],
    messages: {
      gap: 'No contact between {{range}}, {{length}}{{excused}}, while the plan sets {{frequency}} contact. See {{name}} as the plan sets, or record why not: a hospital stay, custody or an agreed holiday in unavailablePeriods, or a reason in the rationale of the contact that ended the gap.',
      noContactSince:
        'No contact since {{date}}: {{length}} by the latest record ({{latest}}){{excused}}, while the plan sets {{frequency}} contact. Arrange contact with {{name}}, or record why it cannot happen (unavailablePeriods).',
      noHomeVisit: 'The plan has relied on home visits since {{date}}, but none has been offered in {{length}}. Visit {{name}} at home as planned, or change the contact types at a review and say why.',
      levelInPractice:
        'Between {{range}} {{name}} was offered {{count}} contacts, {{practice}}, while the plan sets {{frequency}} contact, and no review records a change of level. Agree the change at a review with its reason (contactChange), or return to the planned level.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        graceDays: { type: 'integer', minimum: 0, description: 'Days beyond the planned interval before a gap in contact is reported.' },
        homeVisitWithinDays: { type: 'integer', minimum: 1, description: 'Days after a plan relying on home visits within which one should be offered.' },
        practiceWeeks: { type: 'integer', minimum: 2, description: 'Weeks of contact compared with the planned level to find a level changed in practice.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { graceDays: 7, homeVisitWithinDays: 42, practiceWeeks: 8 },
  },

  check(model, context) {
    const { graceDays, homeVisitWithinDays, practiceWeeks } = context.options;
    const levels = contactLevels(model);
    // Without a contact log or a level to compare it with there is nothing to judge: absent data is not a gap.
    if (levels.length === 0 || model.contacts.length === 0) return;
    const latest = latestRecordedDate(model);
    const sentenceStart = model.sentence?.startDate;
    const start = sentenceStart && sentenceStart > levels[0]!.from ? sentenceStart : levels[0]!.from;
    const sentenceEnd = sentenceEndDate(model.sentence);
    const end = latest && sentenceEnd && sentenceEnd < latest ? sentenceEnd : latest;
    if (!end || end <= start) return;
    const person = personData(model);
    const { name } = person;
    // Says what was left out of the count: "leaving out 24 days when Ana could not be seen and two bank holidays".
    const excusedWords = (from: string, to: string) => {
      const { unavailable, bankHolidays } = excusedDays(model, from, to);
      const parts = [...(unavailable ? [`${durationWords(unavailable)} when ${name} could not be seen`] : []), ...(bankHolidays ? [`${countWords(bankHolidays)} bank holiday${bankHolidays === 1 ? '' : 's'}`] : [])];
      return parts.length ? `, leaving out ${parts.join(' and ')}` : '';
    };

    const offered = model.contacts.filter(wasOffered);
    // The walk starts at the last contact on or before the start (an induction before the plan), else at the start.
    let from = offered.filter((c) => c.date <= start).at(-1)?.date ?? start;
    let fromContact = offered.filter((c) => c.date <= start).at(-1);
    const vouched = vouchedPeriods(model, from, name);
    const isVouched = (a: string, b: string) => vouched.some((p) => p.from <= a && b <= p.to);
    const gaps: { from: string; to: string }[] = [];
    for (const contact of offered) {
      if (contact.date <= from || contact.date > end) continue;
      const level = longestInterval(levels, from, contact.date);
      if (level) {
        const excused = excusedDaysBetween(model, from, contact.date);
        const length = daysBetween(from, contact.date) - excused;
        if (length > FREQUENCY_DAYS[level.frequency] + graceDays && !isRecordedReason(contact.rationale) && !endsContact(fromContact) && !isVouched(from, contact.date)) {
          gaps.push({ from, to: contact.date });
          context.report({
            node: contact,
            property: 'date',
            messageId: 'gap',
            data: { ...person, range: dateRange(from, contact.date), length: durationWords(daysBetween(from, contact.date)), excused: excusedWords(from, contact.date), frequency: level.frequency },
          });
        }
      }
      from = contact.date;
      fromContact = contact;
    }
    // The open gap at the end of the record.
    const tailLevel = longestInterval(levels, from, end);
    if (tailLevel && fromContact && !endsContact(fromContact)) {
      const excused = excusedDaysBetween(model, from, addDays(end, 1));
      if (daysBetween(from, end) - excused > FREQUENCY_DAYS[tailLevel.frequency] + graceDays && !isVouched(from, end)) {
        gaps.push({ from, to: end });
        context.report({
          node: fromContact,
          property: 'date',
          messageId: 'noContactSince',
          data: { ...person, date: formatDate(from), length: durationWords(daysBetween(from, end)), latest: formatDate(end), excused: excusedWords(from, addDays(end, 1)), frequency: tailLevel.frequency },
        });
      }
    }

    checkHomeVisits(model, end, homeVisitWithinDays, (node, date, days) => context.report({ node, property: 'types', messageId: 'noHomeVisit', data: { ...person, date: formatDate(date), length: durationWords(days) } }));

    // A level changed in practice: over a stretch of weeks, half or fewer of the contacts the level sets.
    const windowDays = practiceWeeks * 7;
    for (const [i, level] of levels.entries()) {
      const segmentEnd = levels[i + 1]?.from ?? end;
      const interval = FREQUENCY_DAYS[level.frequency];
      let next = 0; // the first contact after the window: it only moves forward, so long logs stay linear
      for (const [index, first] of offered.entries()) {
        if (first.date < level.from || first.date < start) continue;
        const windowEnd = addDays(first.date, windowDays);
        if (windowEnd > segmentEnd || windowEnd > end) break;
        next = Math.max(next, index);
        while (next < offered.length && offered[next]!.date < windowEnd) next++;
        const inWindow = offered.slice(index, next);
        const expected = (windowDays - excusedDaysBetween(model, addDays(first.date, -1), windowEnd)) / interval;
        if (expected < 3 || inWindow.length > expected / 2) continue;
        if (gaps.some((g) => g.to > first.date && g.from < windowEnd)) continue; // already reported as a gap
        if (vouched.some((p) => p.to > first.date && p.from < windowEnd)) continue; // a review records every contact kept
        if (inWindow.some((c) => isRecordedReason(c.rationale) || endsContact(c))) continue;
        context.report({
          node: first,
          property: 'date',
          messageId: 'levelInPractice',
          data: { ...person, range: dateRange(first.date, addDays(windowEnd, -1)), count: countWords(inWindow.length), practice: practiceWords(windowDays / inWindow.length), frequency: level.frequency },
        });
        break; // once for each level: the officer sees the pattern from the first
      }
    }
  },
});

/** Plans relying on home visits (from the first of an unbroken run of plans listing them) with none offered in time. */
function checkHomeVisits(model: CaseModel, end: string, withinDays: number, report: (node: object, since: string, days: number) => void): void {
  const plans = model.plans.filter((p) => p.contact);
  let since: string | undefined;
  for (const [i, plan] of plans.entries()) {
    const relies = plan.contact?.types?.includes('home-visit') ?? false;
    since = relies ? (since ?? plan.date) : undefined;
    if (!relies || i < plans.length - 1) continue;
    const days = daysBetween(since!, end) - excusedDaysBetween(model, since!, addDays(end, 1));
    if (days <= withinDays) return;
    if (model.contacts.some((c) => isHomeVisit(c) && wasOffered(c) && c.date >= since!)) return;
    report(plan.contact!, since!, daysBetween(since!, end));
  }
}
