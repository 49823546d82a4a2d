/**
 * Type-level tests of the rule API: this file is never run, only type-checked
 * (`tsc -p tests/types`, part of `npm run typecheck` and of tests/types.test.ts). Each
 * `@ts-expect-error` line must be an error, or tsc fails with "Unused '@ts-expect-error' directive".
 */
import { defineRule, type RuleContext } from '../../src/rule-kit/index.js';
import { activateRules, type Rule } from '../../src/index.js';
import officerContinuity from '../../rules/officer-continuity.js';

/** Compiles only when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

const meta = {
  description: 'A home visit is recorded.',
  severity: 'warning',
  standard: 'implementation-and-delivery',
  guidance: 'local-practice.md',
  appliesTo: ['case-file'],
  optionsSchema: { type: 'object' },
} as const;

// Message ids are inferred from meta.messages: a typo does not compile.
export const inferred = defineRule({
  meta: { ...meta, id: 'team/inferred', messages: { none: 'No home visit.', late: 'Late.' }, defaultOptions: { withinDays: 28 } },
  check(model, context) {
    context.report({ node: model.root, messageId: 'none' });
    context.report({ node: model.root, messageId: 'late' });
    // @ts-expect-error 'nnoe' is not a message id of this rule
    context.report({ node: model.root, messageId: 'nnoe' });
    // Options are inferred from defaultOptions.
    assertType<Equal<typeof context.options, { withinDays: number }>>();
  },
});
assertType<Equal<typeof inferred, Rule<{ withinDays: number }, 'none' | 'late'>>>();

// With a declared Options type (the form the built-in rules use), the ids are still inferred.
interface Options {
  mode: 'strict' | 'lenient';
}
export const declared = defineRule<Options>()({
  meta: { ...meta, id: 'team/declared', messages: { strict: 'Strict.', lenient: 'Lenient.' }, defaultOptions: { mode: 'strict' } },
  check(model, context) {
    context.report({ node: model.root, messageId: context.options.mode });
    // @ts-expect-error 'relaxed' is not a message id of this rule
    context.report({ node: model.root, messageId: 'relaxed' });
  },
});
assertType<Equal<typeof declared, Rule<Options, 'strict' | 'lenient'>>>();

// The one-call form with an explicit Options could not infer the ids, so it does not compile.
// @ts-expect-error use defineRule<Options>()({ … })
export const oldForm = defineRule<Options>({
  meta: { ...meta, id: 'team/old-form', messages: { strict: 'Strict.' }, defaultOptions: { mode: 'strict' } },
  check() {
    // a type test: nothing runs
  },
});

// A helper that takes the context must say which ids it reports: `RuleContext<Options>` (any
// string) would let it report ids the rule does not have, so the rule's context does not fit it.
function reportsAnything(context: RuleContext<Options>, node: object): void {
  context.report({ node, messageId: 'anything' });
}
function reportsStrict(context: RuleContext<Options, 'strict'>, node: object): void {
  context.report({ node, messageId: 'strict' });
}
export const helpers = defineRule<Options>()({
  meta: { ...meta, id: 'team/helpers', messages: { strict: 'Strict.' }, defaultOptions: { mode: 'strict' } },
  check(model, context) {
    reportsStrict(context, model.root);
    // @ts-expect-error the helper could report ids this rule does not have
    reportsAnything(context, model.root);
  },
});

// Built-in rules carry their ids too.
assertType<Equal<Parameters<Parameters<typeof officerContinuity.check>[1]['report']>[0]['messageId'], 'tooMany' | 'noHandover'>>();

// meta.docs.url: ESLint's shape, for a plugin rule's page.
export const documented = defineRule({
  meta: { ...meta, id: 'team/documented', messages: { none: 'None.' }, defaultOptions: {}, docs: { url: 'https://example.org/rules/documented' } },
  check() {
    // a type test: nothing runs
  },
});
// @ts-expect-error docs.url is a string
export const badDocs: Rule = { ...documented, meta: { ...documented.meta, docs: { url: 42 } } };

// Any defined rule still fits where the engine takes rules of every kind.
export const active = activateRules([inferred, declared, helpers, documented, officerContinuity]);
