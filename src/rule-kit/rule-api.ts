/**
 * The public shape of a planlint rule. A rule is metadata plus a pure judgement over the typed
 * case model; the engine does loading, positions, options, severities and output.
 */
import type { CaseModel } from '../model/case-model.js';
import type { RuleSeverity } from '../core/findings.js';
import type { DocumentKind, JsonSchema } from '../validate/schemas.js';
import type { Guidance } from '../core/guidance.js';

export type { Guidance, GuidanceCitation, Publication, PublicationId } from '../core/guidance.js';

/** Parts of a case a rule may need: see RuleMeta.needs. */
export type CasePart = 'sentence' | 'assessment' | 'contacts' | 'reviews' | 'plan';

/** The HMIP domain-two standard a rule comes from. */
export type Standard = 'assessment' | 'planning' | 'implementation-and-delivery' | 'reviewing' | 'hygiene';

export interface RuleMeta<Options, MessageId extends string = string> {
  /** Stable kebab-case id: used in config, suppressions, baselines and output. */
  id: string;
  /** One line: what good practice the rule checks for. */
  description: string;
  /** Severity in the recommended preset. */
  severity: RuleSeverity;
  standard: Standard;
  /**
   * Where the rule comes from: a publication and the section it draws on, such as
   * `{ publication: 'hmip-planning-for-engagement', section: 'practitioners should "set a level, pattern and type of contact …"' }`,
   * or a list of them. Its page, `planlint explain`, the HTML report and SARIF cite it.
   */
  guidance: Guidance;
  /** The document kinds the rule judges; it runs on a case built from any of them. */
  appliesTo: readonly DocumentKind[];
  /**
   * The parts of a case the rule cannot judge without. A case read from an HMPPS export lacks
   * some (it holds no sentence, assessment, contact log or reviews), as does a case file converted
   * from one until each part is completed (`toComplete`): there the rule does not run, and the
   * file's result says so (FileResult.notRun), with what would let it run.
   */
  needs?: readonly CasePart[];
  /** Message templates by id; {{name}} is replaced from the report's data. */
  messages: Record<MessageId, string>;
  /** JSON Schema for the rule's options (an object), with defaults in defaultOptions. */
  optionsSchema: JsonSchema;
  defaultOptions: Options;
  /** Documentation, in ESLint's shape. */
  docs?: RuleDocs;
}

export interface RuleDocs {
  /**
   * Where the rule's page is (an https:, http: or file: URL): output links here. For plugin
   * rules; a built-in rule links to its page in rules/ instead.
   */
  url?: string;
}

export interface Report<MessageId extends string = string> {
  /** The model object the finding is about: it is located from where that object was written. */
  node: object;
  /** A field of the node: the finding points at its value (or at the node, when it is missing). */
  property?: string | number;
  /** A key of meta.messages: anything else does not compile (see defineRule). */
  messageId: MessageId;
  data?: Record<string, string | number>;
  /**
   * Lowers this one finding to a warning while the rule is set to error: for what is coming due
   * rather than overdue (a revisit whose window is still open). It never raises a finding: a rule
   * set to warn reports a warning either way.
   */
  severity?: 'warning';
}

export interface RuleContext<Options, MessageId extends string = string> {
  readonly options: Options;
  readonly filePath: string;
  /**
   * The report will be shared (--redact). Report data is redacted for you (text becomes
   * "[redacted]", the person's name "the person"); a rule need only avoid putting
   * input text into a message by other means.
   */
  readonly redact?: boolean;
  // A property, not a method, so its parameter is checked strictly: a context whose report
  // takes only this rule's message ids cannot be passed where any string would be accepted.
  readonly report: (report: Report<MessageId>) => void;
}

export interface Rule<Options = Record<string, never>, MessageId extends string = string> {
  meta: RuleMeta<Options, MessageId>;
  check(model: CaseModel, context: RuleContext<Options, MessageId>): void;
}

/** What defineRule takes: a rule whose message ids are the keys of its own meta.messages. */
export interface RuleDefinition<Options, Messages extends Record<string, string>> {
  meta: Omit<RuleMeta<Options>, 'messages'> & { messages: Messages };
  check(model: CaseModel, context: RuleContext<Options, keyof Messages & string>): void;
}

/**
 * Declares a rule. Typing helper only: it returns the rule unchanged. The message ids a rule may
 * report are inferred from meta.messages, so `report({ messageId: 'typo' })` does not compile.
 *
 * `defineRule({ meta, check })` infers the options' type from meta.defaultOptions. To give it
 * (an `Options` interface), write `defineRule<Options>()({ meta, check })`: TypeScript cannot
 * take one type argument and infer another, so the empty call fixes Options and the second
 * still infers the messages.
 */
export function defineRule<Options, Messages extends Record<string, string>>(rule: RuleDefinition<Options, Messages>): Rule<Options, keyof Messages & string>;
export function defineRule<Options>(): <Messages extends Record<string, string>>(rule: RuleDefinition<Options, Messages>) => Rule<Options, keyof Messages & string>;
export function defineRule(rule?: unknown): unknown {
  return rule === undefined ? (definition: unknown) => definition : rule;
}

/** Data about the person ({{name}} falls back to "the person", pronouns are lower case): capitalised where they begin a sentence. */
const SENTENCE_CASE_KEYS = new Set(['name', 'they', 'them', 'their', 'themselves', 'theyAre', 'theyHave', 'theyWere']);

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string, offset: number) => {
    if (!(key in data)) return whole;
    const value = String(data[key]);
    const startsSentence = offset === 0 || /[.!?]\s+$/.test(template.slice(Math.max(0, offset - 3), offset));
    return startsSentence && SENTENCE_CASE_KEYS.has(key) ? value.charAt(0).toUpperCase() + value.slice(1) : value;
  });
}

/**
 * Options for a rule that judges recorded reasons (several do, the same way): what a team treats
 * as filler, and an optional floor on length. Reasons are judged by what they say
 * (text-judgement.ts), so the floor is off (1) unless a team sets one. Spread into `meta`.
 */
export const REASON_OPTIONS = {
  optionsSchema: {
    type: 'object',
    properties: {
      fillerPhrases: { type: 'array', items: { type: 'string' }, description: 'More words or phrases that give no reason (a local abbreviation, a stock phrase).' },
      minReasonWords: { type: 'integer', minimum: 1, description: 'Fewest words a reason needs, on top of saying something (1: no floor).' },
    },
    additionalProperties: false,
  },
  defaultOptions: { fillerPhrases: [] as string[], minReasonWords: 1 },
};

/** The options of REASON_OPTIONS. */
export interface ReasonRuleOptions {
  fillerPhrases: string[];
  minReasonWords: number;
}

/** Options for a rule whose only setting is a floor on a reason's length (1: none): reasons are judged by what they say. */
export const REASON_WORDS_OPTIONS = {
  optionsSchema: {
    type: 'object',
    properties: { minReasonWords: { type: 'integer', minimum: 1, description: 'Fewest words a reason needs, on top of saying something (1: no floor).' } },
    additionalProperties: false,
  },
  defaultOptions: { minReasonWords: 1 },
};
