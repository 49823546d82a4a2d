/**
 * `planlint/testing`: the rule tester, for plugin authors as for the built-in rules' tests.
 * It sits above the engine (it lints with lintText and activateRules); nothing in src imports it.
 */
export { RuleTester, lintWithRule, testRule, yaml } from './rule-tester.js';
export type { ExpectedFinding, InvalidOptionsCase, InvalidRuleCase, RuleCase, RuleTests } from './rule-tester.js';
