// The spreadsheet import and export at the design size: preview + apply of a 10,000-row xlsx
// (5,000 plans changed, matched by type and title, and 5,000 new) and the register's 10,000 plans
// exported to xlsx. Real PostgreSQL with TEST_DATABASE_URL. Prints the peak RSS while they run.
import { PassThrough } from "node:stream";
import { afterAll, bench, describe } from "vitest";
import { db } from "../lib/db";
import { applyImport } from "../lib/import/apply";
import { classifyRows } from "../lib/import/classify";
import { guessMapping } from "../lib/import/mapping";
import { readSpreadsheet } from "../lib/import/read-file";
import { createUpload, savePreview } from "../lib/import/store";
import { planListOrder, planListParamsSchema, planListWhere } from "../lib/plans/list";
import { sheetPlanBatches } from "../lib/spreadsheet/plan-rows";
import { writePlanWorkbook } from "../lib/spreadsheet/xlsx";
import { NO_SHEET_STAGES, type SheetPlan } from "../lib/spreadsheet/columns";
import { tNb } from "../tests/support/import";

const PLANS = 10_000;
const RUNS = 3;
const unit = `Benkenhet ${Date.now()}`;
const types = ["kommunedelplan", "temaplan", "strategi", "handlingsplan"] as const;
// 2,000 a statement: a larger createMany is split into statements sent at once on one connection.
for (let at = 0; at < PLANS; at += 2000) await db.plan.createMany({
  data: Array.from({ length: 2000 }, (_, k) => at + k).map((i) => ({
    title: `Benkplan ${i}`, type: types[i % 4]!, status: "vedtatt", adoptedOn: new Date(Date.UTC(2015 + (i % 10), i % 12, 1)), adoptedBy: "kommunestyret",
    revisionDueOn: new Date(Date.UTC(2027 + (i % 5), i % 12, 1)), responsibleUnit: unit, summary: `Sammendrag ${i}`,
  })),
  skipDuplicates: true,
});
const editor = await db.user.create({ data: { email: `benk-${Date.now()}@test.planregister.no`, name: "Benk", role: "editor" } });

async function xlsxOf(plans: SheetPlan[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await writePlanWorkbook((async function* () { yield plans; })(), "nb", out);
  return Buffer.concat(chunks);
}

// One file per run: half the plans get a new case number (matched by type + title), half are new
// (in another unit, so the export below stays at the 10,000 plans of `unit`).
const files: Buffer[] = [];
for (let run = 0; run < RUNS + 1; run++) {
  files.push(await xlsxOf(Array.from({ length: PLANS }, (_, i) => {
    const existing = i % 2 === 0;
    return {
      id: null, version: null, title: existing ? `Benkplan ${i}` : `Ny benkplan ${run}-${i}`, type: types[i % 4]!, status: "vedtatt",
      adoptedOn: new Date(Date.UTC(2015 + (i % 10), i % 12, 1)), adoptedBy: "kommunestyret", caseNumber: `${run}/${i}`, decisionUrl: null,
      revisionDueOn: new Date(Date.UTC(2027 + (i % 5), i % 12, 1)), periodFromYear: null, periodToYear: null, responsibleUnit: existing ? unit : `${unit} ny`, ownerEmail: null,
      legallyRequired: false, targets: i % 3 === 0 ? ["3.4", "11.3"] : [], summary: `Sammendrag ${i}`, documents: [], relations: [], ...NO_SHEET_STAGES,
    };
  })));
}
console.log(`import file: ${PLANS} rows, ${(files[0]!.length / 1024 / 1024).toFixed(2)} MB xlsx`);

// Each import's stages, printed at the end (the README's stage figures).
const stages = new Map<string, number[]>();
function stopwatch() {
  let last = performance.now();
  return (stage: string) => {
    const now = performance.now();
    stages.set(stage, [...(stages.get(stage) ?? []), Math.round(now - last)]);
    last = now;
  };
}

let peak = 0;
const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
afterAll(() => {
  clearInterval(sampler);
  console.log(`peak RSS during the benchmarks: ${(peak / 1024 / 1024).toFixed(0)} MiB`);
  console.log(`import stages (ms, each run): ${[...stages].map(([stage, ms]) => `${stage} ${ms.join("/")}`).join("; ")}`);
});

let next = 0;
describe(`spreadsheets at ${PLANS} plans`, () => {
  bench(`import ${PLANS} rows from xlsx: read, preview (5,000 changed + 5,000 new), apply`, async () => {
    const file = files[next++ % files.length]!;
    const lap = stopwatch();
    const table = await readSpreadsheet("benk.xlsx", file);
    lap("read");
    const mapping = guessMapping(table.headers);
    const rows = await classifyRows(table, mapping, tNb);
    lap("classify");
    const upload = await createUpload(editor.id, "benk.xlsx", file);
    await savePreview(upload, mapping, rows);
    lap("store preview");
    await applyImport(upload, editor.id);
    lap("apply");
  }, { iterations: RUNS, time: 0, warmupIterations: 0, warmupTime: 0 });

  bench(`export ${PLANS} plans to xlsx (streamed, batches of 1,000)`, async () => {
    const params = planListParamsSchema.parse({ unit });
    const out = new PassThrough();
    let bytes = 0;
    out.on("data", (c: Buffer) => { bytes += c.length; });
    await writePlanWorkbook(sheetPlanBatches(planListWhere(params), planListOrder(params)), "nb", out);
    if (bytes < 100_000) throw new Error("export too small");
  }, { iterations: RUNS, time: 0, warmupIterations: 1, warmupTime: 0 });
});
