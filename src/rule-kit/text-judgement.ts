/**
 * Judging recorded text by what it says, not by how long it is. Each judgement is a pure function
 * of the text (and what the rule knows about the case) returning a verdict with a reason code, so
 * every rule judges a reason, a measure, an account of engagement or the person's own words the
 * same way. "Hospital admission." is a reason; "Did not attend, no reason." is not, however many
 * words it has.
 */
import { isPlaceholder, normaliseText, wordCount } from '../core/text.js';

/** Why text does or does not count. `ok` is the only passing code. */
export type TextVerdictCode =
  | 'ok'
  /** Nothing written. */
  | 'missing'
  /** A placeholder: TBC, N/A, as above … */
  | 'placeholder'
  /** Words that give no reason: "no reason", "unknown", "see above", "as discussed". */
  | 'no-reason'
  /** Text that only repeats the field or the event it explains: "Missed appointment." for a missed appointment. */
  | 'restates'
  /** A measure naming an activity but no result anyone could see: "Engage with CGL". */
  | 'activity-only'
  /** A verdict with nothing behind it: "Good", "fine", "engaging well", "no issues". */
  | 'bare-verdict'
  /** A stock phrase recording a tick rather than what the person said: "Agrees with the plan." */
  | 'stock-phrase'
  /** A summary about the person rather than their own words: "Wants to stay out of trouble." */
  | 'third-person'
  /** Text that mentions risk but names nothing that manages it between contacts: "Risk considered." */
  | 'risk-not-managed';

export interface TextVerdict {
  ok: boolean;
  code: TextVerdictCode;
}

const OK: TextVerdict = { ok: true, code: 'ok' };
const fail = (code: Exclude<TextVerdictCode, 'ok'>): TextVerdict => ({ ok: false, code });

/** Words that carry no content of their own: articles, pronouns, auxiliaries, negations, links. */
const EMPTY_WORDS = new Set(
  (
    'a an the this that these those it its is was were be been being are am has have had do does did done not no nor ' +
    'dont didnt doesnt wasnt werent isnt cant cannot couldnt wouldnt wont havent hasnt hadnt ' +
    'and or but so as at by for from in into of on to with without than then there here also just only ' +
    'he she they him her them his hers their theirs himself herself themselves themself ' +
    'person persons pop su service user people probation case individual client offender ' +
    'reason reasons why because given give gave provided stated recorded known unknown explanation explained ' +
    'say said says tell told any none nil n/a na tbc tba other various same usual see above below previous ' +
    'per note notes discussed agreed as-discussed mentioned confirmed noted ' +
    'mr mrs ms mx miss spo manager supervisor senior'
  ).split(' '),
);

/** Words of an absence or an enforcement decision: a text made only of these restates the event. */
export const ABSENCE_WORDS: readonly string[] = (
  'attend attended attending attends attendance dna fta failed fail failure missed miss misses missing appointment appointments appt appts ' +
  'absent absence absences show shown showed noshow came come turn turned up present session sessions contact meeting ' +
  'acceptable unacceptable accepted warning warned breach breached recall recalled action issued decision enforcement enforced further nfa'
).split(' ');

/** Words describing a change of contact level: a rationale made only of these restates the change. */
export const CONTACT_CHANGE_WORDS: readonly string[] = (
  'contact contacts level levels reduce reduced reducing reduction increase increased increasing change changed changing moved move ' +
  'frequency weekly fortnightly monthly twice four weekly week weeks month months appointments reporting report less more lower higher'
).split(' ');

/**
 * Words that judge without describing: "good", "engaging well", "no issues". A text made only of
 * these (and empty words) is a verdict with nothing behind it.
 */
const VERDICT_WORDS = new Set(
  (
    'good very really quite fairly generally overall well fine ok okay alright all right great excellent positive positively satisfactory ' +
    'adequate reasonable appropriate appropriately fully mostly largely normal usual expected going doing progress progressing progressed ' +
    'engage engages engaged engaging engagement compliant compliance complying complies comply cooperative cooperating cooperates co-operative ' +
    'issue issues concern concerns problem problems nothing report identified noted raised current currently presently so far to date ' +
    'motivated keen willing happy settled stable continues continuing remains'
  ).split(' '),
);

/** Activity verbs: a measure that names one of these and no result is an activity, not a measure. */
const ACTIVITY_VERBS = (
  'engage engages engaging engagement attend attends attending attendance comply complies complying compliance work works working ' +
  'participate participates participating participation cooperate cooperates co-operate continue continues keep keeps maintain try tries ' +
  'address addresses addressing explore explores discuss discusses consider considers access accesses accessing liaise liaises ' +
  'meet meets meeting contact contacts follow follows seek seeks look looks focus focuses think thinks learn learns understand ' +
  'use uses receive receives get gets take takes part support supports supported'
).split(' ');

/** Generic objects and needs an activity is done with: "services", "sessions", "drug use". */
const ACTIVITY_OBJECTS = (
  'services service agency agencies support sessions session appointments appointment order licence conditions condition requirements requirement ' +
  'plan programme program course group groups probation officer practitioner keyworker worker workers team treatment intervention interventions ' +
  'help advice referral referrals issues needs need problems behaviour behaviours offending drug drugs alcohol substance substances use misuse ' +
  'thinking attitudes relationships relationship health mental wellbeing housing accommodation employment education training finances money ' +
  'well fully regularly positively properly appropriately required directed agreed planned offered available relevant any all necessary their his her own'
).split(' ');

/**
 * Signs of an observable result in a measure: a number, a count or frequency, a deadline, or a
 * thing that exists or happens when the objective is met (a tenancy, a test result, a certificate).
 */
const RESULT_WORDS = new Set(
  (
    'one two three four five six seven eight nine ten eleven twelve twenty half each every all no none zero fewer less least ' +
    'negative positive test tests tested testing result results score scores diary log evidence evidenced ' +
    'certificate qualification qualified pass passes passed tenancy tenant lease flat house job employed interview ' +
    'interviews offer contract payslip wage account bank id benefit benefits claim budget debt debts repaid paid payment payments ' +
    'complete completes completed completing completion achieve achieves achieved obtain obtains obtained gain gains gained secure secures ' +
    'secured sign signs signed register registers registered enrol enrols enrolled moves moved stop stops stopped ' +
    'reduce reduces reduced abstinent abstinence sober free clean has have holds hold living lives confirmed confirms letter ' +
    'workbook by before within ' +
    'january february march april june july august september october november december'
  ).split(' '),
);

/** Words that show the text is someone speaking for themselves. */
const FIRST_PERSON = /\b(i|im|ive|id|ill|me|my|mine|myself|we|us|our|ours)\b/;
/** "I", "me", "my": the person speaking, even when they mention others ("I want them back"). */
const FIRST_PERSON_SINGULAR = /\b(i|im|ive|id|ill|me|my|mine|myself)\b/;
/** Pronouns and labels that show text is written about the person, not by them. */
const THIRD_PERSON_WORDS = ['he', 'she', 'they', 'him', 'her', 'them', 'his', 'hers', 'their', 'su', 'pop', 'service user', 'person on probation', 'the person', 'client'];
/**
 * Verbs that open a summary about someone with the subject left out ("Wants to stay out of
 * trouble.", "Agrees with the plan.", "Feels the plan is fair."). First person drops no subject.
 */
const SUMMARY_OPENERS =
  /^(wants|agrees|agreed|says|said|states|stated|reports|reported|feels|felt|hopes|hoped|understands|understood|accepts|accepted|would like|likes|needs|thinks|believes|knows|plans|intends|recognises|recognized|recognizes|acknowledges|acknowledged|admits|admitted|denies|denied|expressed|expresses|explained|explains|is|was|has|had|appears|seems|presents|presented|keen|happy|motivated|willing|engaged|engaging|compliant|aware|wishes|wished|worried|worries|concerned)\b/;

/** Stock phrases that record a tick, not what the person said. Compared after normaliseText. */
const STOCK_PHRASES = [
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
  'fine by me',
  'thats fine',
  'thats fine by me',
  'ok with me',
  'okay with me',
  'sounds good',
  'i agree',
  'i agree with the plan',
  'im happy with the plan',
  'im happy with that',
  'happy with that',
  'no problem',
  'no problems',
];

/** Phrases that give no reason, compared after normaliseText: beyond what the word lists catch. */
const NO_REASON_PHRASES = ['no reason', 'no reason given', 'reason not given', 'not given', 'as discussed', 'as agreed', 'see above', 'see notes', 'see case notes', 'see ndelius', 'see oasys', 'personal'];

function words(text: string): string[] {
  return normaliseText(text).split(' ').filter(Boolean);
}

/** The words of the person's name, which carry no content in text about them ("Dean did not attend"). */
function nameWords(name: string | undefined): string[] {
  return name ? words(name) : [];
}

function phraseSet(phrases: Iterable<string>): Set<string> {
  return new Set([...phrases].map(normaliseText).filter(Boolean));
}

/** The words of text left once the given words and phrases are taken out. */
function remainingWords(text: string, drop: Set<string>, dropPhrases = new Set<string>()): string[] {
  let normal = ` ${normaliseText(text)} `;
  for (const phrase of dropPhrases) if (phrase.includes(' ')) normal = normal.split(` ${phrase} `).join(' ');
  return normal.split(' ').filter((w) => w !== '' && !drop.has(w) && !dropPhrases.has(w));
}

export interface ReasonOptions {
  /** The person's name: its words carry no content ("Dean did not attend"). */
  name?: string;
  /**
   * Words of the event or field the reason explains: a text made only of these restates it
   * ("Missed appointment." explains nothing about a missed appointment). See ABSENCE_WORDS.
   */
  restates?: readonly string[];
  /** More words or phrases a team treats as giving no reason. */
  filler?: readonly string[];
}

/**
 * Whether text gives a reason. It must say something beyond empty words, filler ("no reason",
 * "unknown", "as discussed") and words restating the event; it need not be long: "Hospital
 * admission." and "Bus strike" are reasons.
 */
export function judgeReason(text: string | undefined, options: ReasonOptions = {}): TextVerdict {
  if (text === undefined || text.trim() === '') return fail('missing');
  const normal = normaliseText(text);
  const filler = phraseSet(options.filler ?? []);
  if (filler.has(normal)) return fail('no-reason');
  if (isPlaceholder(text) && !/^(unknown|not known|see above|as above|same as above|see notes|see oasys|see ndelius|see previous|as before)$/.test(normal)) return fail('placeholder');
  const drop = new Set([...EMPTY_WORDS, ...nameWords(options.name), ...filler]);
  const phrases = phraseSet([...NO_REASON_PHRASES, ...filler]);
  const left = remainingWords(text, drop, phrases);
  if (left.length === 0) return fail('no-reason');
  const restates = new Set((options.restates ?? []).flatMap((w) => words(w)));
  // "Did not attend, no reason." repeats the event, but what it says is that no reason was given.
  if (left.every((w) => restates.has(w))) return fail(/\b(reasons?|unknown|not known|explanation|discussed|see above|as above)\b/.test(normal) ? 'no-reason' : 'restates');
  return OK;
}

export interface MeasureOptions {
  /** More activity verbs a team treats as naming an activity rather than a result. */
  activityVerbs?: readonly string[];
  /** More words that show a result (a local test, a named certificate). */
  resultWords?: readonly string[];
}

/**
 * Whether a measure names a result someone could see, not only an activity. Only a measure that
 * names an activity ("engage", "attend", "comply", "work with") and no result (no count, date,
 * test, tenancy, completion …) fails: "Engage with CGL" fails, "Attends 10 of 12 sessions and
 * completes the workbook" passes, and measures naming no activity are left to the officer.
 */
export function judgeMeasure(text: string | undefined, options: MeasureOptions = {}): TextVerdict {
  if (text === undefined || text.trim() === '') return fail('missing');
  if (isPlaceholder(text)) return fail('placeholder');
  const all = words(text);
  const activity = new Set([...ACTIVITY_VERBS, ...(options.activityVerbs ?? []).flatMap(words)]);
  if (!all.some((w) => activity.has(w))) return OK;
  const results = new Set([...RESULT_WORDS, ...(options.resultWords ?? []).flatMap(words)]);
  if (all.some((w) => results.has(w) || /\d/.test(w))) return OK;
  // What is left once activities, generic objects and names of services are taken out is the result, if any.
  const named = new Set(properNames(text));
  const left = all.filter((w) => !EMPTY_WORDS.has(w) && !activity.has(w) && !ACTIVITY_OBJECTS.includes(w) && !named.has(w));
  return left.length === 0 ? fail('activity-only') : OK;
}

/** Words written with a capital (not at the start of the text) or in capitals: names of services such as CGL or Turning Point. */
function properNames(text: string): string[] {
  const found: string[] = [];
  const tokens = text.split(/[^\p{L}\p{N}'\u2019-]+/u).filter(Boolean);
  tokens.forEach((token, i) => {
    if ((i > 0 && /^\p{Lu}/u.test(token)) || (token.length > 1 && token === token.toUpperCase() && /\p{L}/u.test(token))) found.push(...words(token));
  });
  return found;
}

export interface AccountOptions {
  name?: string;
  /** More words or phrases a team treats as a bare verdict. */
  filler?: readonly string[];
}

/**
 * Whether text gives an account (of engagement, compliance, barriers, progress) rather than a
 * bare verdict: "Good", "fine", "engaging well", "no issues" on their own say nothing an
 * inspector or the next officer could use.
 */
export function judgeAccount(text: string | undefined, options: AccountOptions = {}): TextVerdict {
  if (text === undefined || text.trim() === '') return fail('missing');
  const filler = phraseSet(options.filler ?? []);
  if (filler.has(normaliseText(text))) return fail('bare-verdict');
  if (isPlaceholder(text)) return fail(VERDICT_WORDS.has(normaliseText(text)) ? 'bare-verdict' : 'placeholder');
  const drop = new Set([...EMPTY_WORDS, ...VERDICT_WORDS, ...nameWords(options.name), ...filler]);
  return remainingWords(text, drop, filler).length === 0 ? fail('bare-verdict') : OK;
}

/** Pronouns the person uses, for recognising text written about them. */
export interface OwnWordsOptions {
  name?: string;
  /** The recorded pronouns (she/her, xe/xem …): their words mark text as written about the person. */
  pronouns?: string;
  /** More stock phrases that record a tick rather than a view. */
  stockPhrases?: readonly string[];
}

/**
 * Whether text is the person's own words: first person or a direct quotation. A summary about
 * them ("Wants to stay out of trouble.", "He says he is fine", "Lisa reports she is ok") and a
 * stock phrase ("Agrees with the plan.") are not. Text that is neither (notes in the person's
 * words without "I", such as "Keep my flat" written as "Keep the flat") is given the benefit of the doubt.
 */
export function judgeOwnWords(text: string | undefined, options: OwnWordsOptions = {}): TextVerdict {
  if (text === undefined || text.trim() === '') return fail('missing');
  if (isPlaceholder(text)) return fail('placeholder');
  const normal = normaliseText(text);
  const stock = phraseSet([...STOCK_PHRASES, ...(options.stockPhrases ?? [])]);
  const name = nameWords(options.name).join(' ');
  const subjects = [name, ...THIRD_PERSON_WORDS, ...pronounWords(options.pronouns)].filter(Boolean);
  // "Lisa agrees with plan" and "She is happy with the plan" are the same tick.
  const withoutSubject = stripSubject(normal, subjects);
  if (stock.has(normal) || stock.has(withoutSubject)) return fail('stock-phrase');
  const third = new RegExp(`\\b(${subjects.map(escape).join('|')})\\b`);
  if (hasQuotation(text) || FIRST_PERSON_SINGULAR.test(normal)) return OK;
  // "We went through the plan and he agreed" is the officer writing, not the person speaking; but
  // "We want the kids back, they are our world" is a family speaking, so "they" does not count here.
  if (FIRST_PERSON.test(normal)) {
    const singular = subjects.filter((w) => !['they', 'them', 'their'].includes(w));
    return new RegExp(`\\b(${singular.map(escape).join('|')})\\b`).test(normal) ? fail('third-person') : OK;
  }
  if (third.test(normal) || SUMMARY_OPENERS.test(normal)) return fail('third-person');
  return OK;
}

function stripSubject(normal: string, subjects: string[]): string {
  for (const subject of subjects) if (normal.startsWith(`${subject} `)) return normal.slice(subject.length + 1);
  return normal;
}

/** A quoted stretch of at least two words: "…", “…” or '…' around speech. */
function hasQuotation(text: string): boolean {
  return /["\u201c\u201d\u00ab]\s*[^"\u201c\u201d\u00ab\u00bb]*\s[^"\u201c\u201d\u00ab\u00bb]*["\u201c\u201d\u00bb]/.test(text) || /(^|\s)[\u2018'][^\u2018\u2019']+\s[^\u2018\u2019']+[\u2019'](\s|[.,!?]|$)/.test(text);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The words of recorded pronouns, "xe/xem" → ["xe", "xem"]: "I" and "my" never count. */
function pronounWords(pronouns: string | undefined): string[] {
  return pronouns ? words(pronouns.replace(/\//g, ' ')).filter((w) => !FIRST_PERSON.test(w) && w.length > 1) : [];
}

/**
 * Whether text records a reason: it says something (judgeReason) and, where a team sets a floor,
 * has at least `minWords` words. For rules that need only yes or no. Words of an absence restate
 * the event unless `options.restates` names others.
 */
export function isRecordedReason(text: string | undefined, minWords = 1, options: ReasonOptions = {}): boolean {
  // Most reasons explain an absence or a gap: unless told otherwise, "Did not attend." restates one.
  const judged = judgeReason(text, { ...options, restates: options.restates ?? ABSENCE_WORDS });
  return text !== undefined && judged.ok && (minWords <= 1 || wordCount(text) >= minWords);
}

/**
 * What manages risk between contacts: other agencies and their checks, visits, monitoring,
 * conditions, and what would bring contact back up. Compared as whole words after normaliseText.
 */
const RISK_MANAGEMENT_TERMS = [
  'mappa',
  'mappa level',
  'police',
  'ppu',
  'offender manager police',
  'home visit',
  'home visits',
  'unannounced',
  'monitoring',
  'monitored',
  'tag',
  'tagged',
  'electronic monitoring',
  'gps',
  'curfew',
  'approved premises',
  'licence condition',
  'licence conditions',
  'exclusion zone',
  'non contact',
  'no contact condition',
  'drug test',
  'drug tests',
  'drug testing',
  'alcohol monitoring',
  'polygraph',
  'multi agency',
  'multiagency',
  'marac',
  'social care',
  'social worker',
  'childrens services',
  'child protection',
  'safeguarding',
  'mental health team',
  'cmht',
  'care coordinator',
  'victim liaison',
  'vlo',
  'safety plan',
  'risk management plan',
  'contingency',
  'contingency plan',
  'increase contact',
  'increased contact',
  'contact will increase',
  'return to weekly',
  'back to weekly',
  'escalate',
  'escalation',
  'early warning',
  'warning signs',
  'triggers',
  'partner',
  'partner agency',
  'keyworker',
  'key worker',
  'hostel',
  'sex offender register',
  'viso',
  'ndelius alert',
  'disclosure',
];

export interface RiskManagementOptions {
  /** More words or phrases that name how risk is managed (a local scheme, a team's own measures). */
  terms?: readonly string[];
}

/**
 * Whether text says how risk of serious harm will be managed between contacts: it names something
 * that manages it (MAPPA, police checks, home visits, monitoring, a condition, what would bring
 * contact back up). The word "risk" alone ("Risk reviewed, no concerns.") is not enough.
 */
export function judgeRiskManagement(text: string | undefined, options: RiskManagementOptions = {}): TextVerdict {
  if (text === undefined || text.trim() === '') return fail('missing');
  if (isPlaceholder(text)) return fail('placeholder');
  const padded = ` ${normaliseText(text)} `;
  const terms = [...RISK_MANAGEMENT_TERMS, ...(options.terms ?? [])].map(normaliseText).filter(Boolean);
  return terms.some((term) => padded.includes(` ${term} `)) ? OK : fail('risk-not-managed');
}
