import { ERROR_RULES } from "./error-rules";
import type { Rule } from "./rule-types";
import { WARNING_RULES } from "./warning-rules";

export type { Browser, Rule } from "./rule-types";

/** Every rule of the analyzer: the failing checks, then the warnings. */
export const RULES = [...ERROR_RULES, ...WARNING_RULES] as const;

export type RuleId = (typeof RULES)[number]["id"];

const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(
  RULES.map((rule) => [rule.id, rule]),
);

/** Returns the rule with this id. RuleId is derived from RULES, so the lookup succeeds. */
export function ruleById(id: RuleId): Rule {
  const rule = RULES_BY_ID.get(id);
  if (rule === undefined) throw new Error(`Unknown CORS rule id: ${id}`);
  return rule;
}
