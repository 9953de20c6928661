// Property-based fuzzing of the plan actions' input: whatever arrives, the answer is a field
// error or a save — never an unhandled error — and no saved row breaks the rules.
import fc from "fast-check";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { executeAction, type Translate } from "../lib/action-core";
import { createPlan, updatePlan } from "../lib/plans/mutations";
import { planCreateSchema, planUpdateSchema, ADOPTED_STATUSES } from "../lib/plans/schema";
import nb from "../lib/i18n/messages/nb.json";
import { createUser } from "./support/users";

const t = createTranslator({ locale: "nb", messages: nb }) as unknown as Translate;

const junk = fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String), fc.constant(""), fc.constant("   "), fc.constant("null"), fc.constant("<script>alert(1)</script>"), fc.constant("'; DROP TABLE plans; --"));
// Mostly plausible values, so that many inputs get saved and the rules are tested on real rows.
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 30, arbitrary: arb }, { weight: 1, arbitrary: junk }, { weight: 3, arbitrary: fc.constant(undefined) });
const date = fc.oneof({ weight: 20, arbitrary: fc.date({ min: new Date("1950-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) }, { weight: 1, arbitrary: fc.constantFrom("2021-02-30", "2020-13-01", "12.10.2020", "0000-00-00") });
const titles = fc.oneof({ weight: 40, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) }, { weight: 4, arbitrary: fc.constantFrom("Kulturplan", "KULTURPLAN", "Folkehelseplan") }, { weight: 1, arbitrary: fc.constant("x".repeat(1_000_000)) });

function planInput(planIds: number[], targetCodes: string[]) {
  const id = planIds.length ? fc.constantFrom(...planIds.map(String)) : fc.constant("1");
  return fc.record(
    {
      title: titles,
      type: maybe(fc.constantFrom("temaplan", "strategi", "handlingsplan", "kommunedelplan")),
      status: maybe(fc.constantFrom("planlagt", "planlagt", "under_utarbeidelse", "vedtatt", "under_revisjon", "opphevet")),
      adoptedOn: maybe(date),
      adoptedBy: maybe(fc.constantFrom("kommunestyret", "formannskapet", "annet")),
      caseNumber: maybe(fc.string({ maxLength: 52 })),
      decisionUrl: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.webUrl() }, { weight: 1, arbitrary: fc.constantFrom("javascript:alert(1)", "ftp://x", "http://", "https://kommune.no/sak/1") }),
      revisionDueOn: maybe(date),
      periodFromYear: maybe(fc.integer({ min: 1890, max: 2210 }).map(String)),
      periodToYear: maybe(fc.integer({ min: 1890, max: 2210 }).map(String)),
      responsibleUnit: maybe(fc.string({ maxLength: 205 })),
      summary: maybe(fc.string({ maxLength: 200 })),
      legallyRequired: maybe(fc.constantFrom("on", "true", "off")),
      targets: fc.oneof({ weight: 8, arbitrary: fc.subarray(targetCodes, { maxLength: 5 }) }, { weight: 1, arbitrary: fc.array(junk, { maxLength: 3 }) }, { weight: 2, arbitrary: fc.constant(undefined) }),
      documentLabel: fc.array(fc.string({ minLength: 1, maxLength: 30 }), { maxLength: 2 }),
      documentUrl: fc.array(fc.oneof({ weight: 6, arbitrary: fc.webUrl() }, { weight: 1, arbitrary: junk }), { maxLength: 2 }),
      relationKind: fc.array(fc.constantFrom("includes", "supports", "replaces", "replaces", "bogus"), { maxLength: 2 }),
      relationPlanId: fc.array(fc.oneof({ weight: 8, arbitrary: id }, { weight: 1, arbitrary: junk }, { weight: 1, arbitrary: fc.constant("2000000000") }), { maxLength: 2 }),
      ownerId: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom("1", "999999", "abc") }),
      // Wrong shapes: arrays where one value is expected, nested objects.
      extra: fc.constant(undefined),
    },
    { requiredKeys: [] },
  ).chain((r) => fc.oneof({ weight: 12, arbitrary: fc.constant<Record<string, unknown>>(r) }, { weight: 1, arbitrary: fc.constant<Record<string, unknown>>({ ...r, title: [r.title, "second"] }) }, { weight: 1, arbitrary: fc.constant<Record<string, unknown>>({ ...r, status: { nested: true } }) }));
}

describe("plan actions under fuzzing", () => {
  it("10,000 generated inputs: 0 unhandled errors and 0 rows that break the rules", async () => {
    const editor = await createUser("editor");
    const seedPlan = await createPlan(editor.id, planCreateSchema.parse({ title: `Fuzz-rot ${Date.now()}`, type: "temaplan", status: "planlagt" }));
    const planIds = [seedPlan.id];
    const targetCodes = (await db.sdgTarget.findMany({ select: { code: true }, take: 40 })).map((x) => x.code);
    const outcomes: Record<string, number> = {};
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(planInput(planIds, targetCodes), fc.boolean(), async (raw, asUpdate) => {
        runs++;
        const target = planIds[runs % planIds.length]!;
        const current = asUpdate ? await db.plan.findUnique({ where: { id: target }, select: { version: true } }) : null;
        const result = asUpdate
          ? await executeAction(planUpdateSchema, { ...raw, id: String(target), version: String(current?.version ?? 1) }, async (input) => { await updatePlan(editor.id, input); return { ok: true, data: undefined }; }, t)
          : await executeAction(planCreateSchema, raw, async (input) => { planIds.push((await createPlan(editor.id, input)).id); return { ok: true, data: undefined }; }, t);
        const key = result.ok ? "saved" : result.code;
        outcomes[key] = (outcomes[key] ?? 0) + 1;
        return result.ok || result.code !== "error";
      }),
      { numRuns: 10_000, seed: 20261126, endOnFailure: true },
    );
    console.log(`fuzz outcomes over ${runs} inputs:`, outcomes);
    expect(outcomes.error ?? 0).toBe(0);
    expect(outcomes.saved ?? 0).toBeGreaterThan(100);

    const ids = planIds;
    const plans = await db.plan.findMany({ where: { id: { in: ids } }, include: { relationsFrom: true, documents: true } });
    const broken = plans.filter(
      (p) =>
        (ADOPTED_STATUSES.includes(p.status) && (!p.adoptedOn || !p.adoptedBy)) ||
        (p.adoptedOn && p.revisionDueOn && p.revisionDueOn < p.adoptedOn) ||
        (p.periodFromYear !== null && p.periodToYear !== null && p.periodFromYear > p.periodToYear) ||
        (p.decisionUrl !== null && !/^https?:\/\//i.test(p.decisionUrl)) ||
        p.title.trim() === "" || p.title.length > 300 ||
        p.documents.some((d) => !/^https?:\/\//i.test(d.url) || !d.label.trim()) ||
        p.relationsFrom.some((r) => r.toPlanId === p.id),
    );
    expect(broken.map((p) => p.id)).toEqual([]);
    const duplicates = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT type, lower(title) FROM plans WHERE archived_at IS NULL GROUP BY 1, 2 HAVING count(*) > 1) d`;
    expect(duplicates[0]?.n).toBe(0);
    const cycles = await db.$queryRaw<{ n: number }[]>`
      WITH RECURSIVE walk(start, id, depth) AS (
        SELECT from_plan_id, to_plan_id, 1 FROM plan_relations WHERE kind = 'replaces'
        UNION ALL SELECT w.start, r.to_plan_id, w.depth + 1 FROM walk w JOIN plan_relations r ON r.from_plan_id = w.id AND r.kind = 'replaces' WHERE w.depth < 50
      ) SELECT count(*)::int AS n FROM walk WHERE start = id`;
    expect(cycles[0]?.n).toBe(0);
    const audits = await db.auditEvent.count({ where: { entityType: "plan", entityId: { in: ids.map(String) } } });
    expect(audits).toBe(await db.plan.count({ where: { id: { in: ids } } }) + (outcomes.saved ?? 0) - (ids.length - 1));
  }, 600_000);
});
