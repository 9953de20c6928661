import { describe, expect, it } from "vitest";
import nb from "../lib/i18n/messages/nb.json";
import en from "../lib/i18n/messages/en.json";
import { DecisionBody, PlanStatus, PlanType, RelationKind, StrategyDecisionKind } from "../lib/generated/prisma/enums";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of leaves(value, name)) out.set(k, v);
  }
  return out;
}

describe("message files", () => {
  const nbLeaves = leaves(nb);
  const enLeaves = leaves(en);

  it("bokmål and English have the same keys", () => {
    expect([...enLeaves.keys()].sort()).toEqual([...nbLeaves.keys()].sort());
  });

  it("no message is empty", () => {
    const empty = [...nbLeaves, ...enLeaves].filter(([, text]) => text.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("every database enum value has a label in both languages", () => {
    const expected = [
      ...Object.values(PlanType).map((v) => `enums.planType.${v}`),
      ...Object.values(PlanStatus).map((v) => `enums.planStatus.${v}`),
      ...Object.values(DecisionBody).map((v) => `enums.decisionBody.${v}`),
      ...Object.values(StrategyDecisionKind).map((v) => `enums.strategyDecision.${v}`),
      ...Object.values(RelationKind).flatMap((v) => [`enums.relationOutgoing.${v}`, `enums.relationIncoming.${v}`]),
    ];
    for (const messages of [nbLeaves, enLeaves]) expect(expected.filter((key) => !messages.has(key))).toEqual([]);
  });
});
