// How long the politicians' pages take to read their data with a large register: 2,000 active
// plans (plus 200 archived), 10 SDG targets each, and a planning strategy with 300 decisions.
// Run with `npm run bench` (real PostgreSQL with TEST_DATABASE_URL, else the embedded one).
import { bench, describe } from "vitest";
import { db } from "../lib/db";
import { addMonths, todayInOslo } from "../lib/dates";
import { getOverview } from "../lib/overview";
import { decisionKinds } from "../lib/periods/completion";
import { getProgramPage } from "../lib/periods/queries";
import { scheduleParamsSchema } from "../lib/schedule/params";
import { listSchedule } from "../lib/schedule/queries";
import { allPlanRows, getCoverageMatrix, getGoalCoverage } from "../lib/sdg/queries";
import { sdgPageParamsSchema } from "../lib/sdg/schema";

const PLANS = 2_000;
const types = ["kommunedelplan", "temaplan", "strategi", "handlingsplan"] as const;
const targets = await db.sdgTarget.findMany({ select: { code: true } });
const day = (i: number) => new Date(Date.UTC(2015 + (i % 16), i % 12, 1 + (i % 28)));

await db.plan.createMany({
  data: Array.from({ length: PLANS + 200 }, (_, i) => ({
    title: `Benkplan ${i}`, type: types[i % types.length]!, status: i % 5 === 0 ? "planlagt" : "vedtatt",
    adoptedOn: i % 5 === 0 ? null : day(i), adoptedBy: i % 5 === 0 ? null : "kommunestyret",
    revisionDueOn: i % 7 === 0 ? null : addMonths(day(i), 48), responsibleUnit: `Enhet ${i % 25}`,
    archivedAt: i >= PLANS ? new Date() : null,
  })),
});
const plans = await db.plan.findMany({ where: { title: { startsWith: "Benkplan " } }, select: { id: true } });
await db.planTarget.createMany({ data: plans.flatMap((p, i) => Array.from({ length: 10 }, (_, k) => ({ planId: p.id, targetCode: targets[(i * 7 + k * 13) % targets.length]!.code }))), skipDuplicates: true });
const period = await db.strategyPeriod.create({ data: { name: "Benkstrategi 2024–2027", startYear: 2024, endYear: 2027, councilConstitutedOn: new Date("2023-10-19T00:00:00Z") } });
await db.strategyDecision.createMany({ data: plans.slice(0, 300).map((p, i) => ({ periodId: period.id, planId: p.id, decision: decisionKinds[i % 4]! })) });

const today = todayInOslo();

describe(`${PLANS} active plans`, () => {
  bench("overview (figures, next deadlines, current strategy)", async () => { await getOverview(today); });
  bench("schedule, all plans grouped by type", async () => { await listSchedule(scheduleParamsSchema.parse({})); });
  bench("schedule, one election period and one SDG goal", async () => { await listSchedule(scheduleParamsSchema.parse({ period: "2024", goal: "11" })); });
  bench("planprogram of a strategy with 300 decisions (completion and the first page)", async () => { await getProgramPage(period, {}, today); });
  bench("SDG coverage: figures over all plans and the first page of 50", async () => { await getCoverageMatrix(sdgPageParamsSchema.parse({})); });
  bench("SDG coverage: the last page", async () => { await getCoverageMatrix(sdgPageParamsSchema.parse({ page: "100000" })); });
  bench("SDG goal 11: 20 plans per target and the counts", async () => { await getGoalCoverage(11, sdgPageParamsSchema.parse({})); });
  bench("SDG download: every plan's counts, in batches", async () => { for await (const batch of allPlanRows(sdgPageParamsSchema.parse({}))) void batch; });
});
