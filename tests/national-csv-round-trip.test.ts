// The register's CSV export of the stage and national columns, edited as text by another CSV
// library (csv-parse / csv-stringify) and imported again: exactly the edited cells change.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { applyImport } from "../lib/import/apply";
import { planListOrder, planListParamsSchema, planListWhere } from "../lib/plans/list";
import { plansDownload } from "../lib/spreadsheet/export";
import { COLUMN_KEYS } from "../lib/spreadsheet/columns";
import { createPlan, unique } from "./support/factories";
import { createUser } from "./support/users";
import { bodyOf, preview } from "./support/import";

const DAY = 86_400_000;
const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const day = (offset: number) => new Date(today.getTime() + offset * DAY);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const col = (k: (typeof COLUMN_KEYS)[number]) => COLUMN_KEYS.indexOf(k);

describe("CSV export and import of the new columns", () => {
  it("export as CSV, edit the plan id, the consultation deadline and a hand-chosen SOSI plantype, import: exactly those changes appear", async () => {
    const editor = await createUser("editor");
    const unit = unique("CSV-nasjonal");
    const stamp = Date.now().toString().slice(-8);
    const plan = await createPlan({
      title: `Reguleringsplan ${unit}`, type: "reguleringsplan", status: "pa_horing", responsibleUnit: unit, startNoticeOn: day(-100),
      consultationFrom: day(-3), consultationTo: day(40), consultationUrl: "https://kommune.example/h", nationalPlanId: `5025_R${stamp}`,
    });
    const other = await createPlan({ title: `Arealdel ${unit}`, type: "kommuneplan_arealdel", status: "under_utarbeidelse", responsibleUnit: unit, nationalPlanId: `5025_A${stamp}` });
    const params = planListParamsSchema.parse({ unit });
    const file = await bodyOf(plansDownload("csv", "planregister", planListWhere(params), planListOrder(params), "nb", today));
    const records = parse(file.subarray(3).toString("utf8"), { delimiter: ";", record_delimiter: "\r\n" }) as string[][];
    const row = records.find((r) => r[col("id")] === String(plan.id))!;
    expect([row[col("consultationTo")], row[col("nationalPlanId")], row[col("sosiPlantype")], row[col("sosiPlanstatus")]]).toEqual([iso(day(40)), plan.nationalPlanId, "", "2"]);
    row[col("consultationTo")] = iso(day(50));
    row[col("nationalPlanId")] = `5025_NY-${stamp}`;
    // Reguleringsplan has no plantype of its own in the table: 35 (detaljregulering) by hand.
    row[col("sosiPlantype")] = "35";
    const edited = Buffer.from(stringify(records, { delimiter: ";", record_delimiter: "\r\n", bom: true }));

    const same = await preview(editor.id, "planer.csv", file);
    expect(same.rows.map((x) => [x.planId, x.kind, x.errors])).toEqual(expect.arrayContaining([[plan.id, "unchanged", []], [other.id, "unchanged", []]]));
    expect(same.rows).toHaveLength(2);
    const { rows, upload } = await preview(editor.id, "planer.csv", edited);
    expect(rows.filter((x) => x.kind !== "unchanged").map((x) => [x.planId, x.kind, x.changes.map((c) => [c.field, c.from, c.to])])).toEqual([
      [plan.id, "changed", [["consultationTo", iso(day(40)), iso(day(50))], ["nationalPlanId", plan.nationalPlanId, `5025_NY-${stamp}`], ["sosiPlantype", null, 35]]],
    ]);
    await applyImport(upload, editor.id);
    expect(await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({
      consultationTo: day(50), nationalPlanId: `5025_NY-${stamp}`, sosiPlantype: 35, sosiPlanstatus: null,
      startNoticeOn: day(-100), consultationFrom: day(-3), consultationUrl: "https://kommune.example/h", version: plan.version + 1,
    });
    expect(await db.plan.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ nationalPlanId: other.nationalPlanId, version: other.version });
  });
});
