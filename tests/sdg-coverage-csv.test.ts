// The SDG download: the file's rows against SQL counts, in order, batch after batch.
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { coverageCsvResponse } from "../lib/sdg/download";
import { sdgCoverageParamsSchema } from "../lib/sdg/schema";
import { createPlan, unique } from "./support/factories";

const labels = { id: "ID", title: "Plan", type: "Plantype", unit: "Ansvarlig enhet", goal: (c: number) => `Mål ${c}`, planType: (t: string) => `T:${t}` };

/** Splits CSV text into records of fields (RFC 4180, ";"), enough for the files made here. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") { row.push(field); field = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; }
    else field += c;
  }
  return rows;
}

const CSV_BOM = "\uFEFF";

/** The response's bytes as text, keeping the byte-order mark (Response.text() would drop it). */
async function collect(response: Promise<Response>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await (await response).arrayBuffer());
}

describe("the SDG download", () => {
  it("has a BOM and a header, one record per filtered active plan in title order, and the SQL counts", async () => {
    const unit = unique("SDG-csv");
    const a = await createPlan({ responsibleUnit: unit, title: unique("=Angrep; \"sitat\""), targets: { create: [{ targetCode: "3.4" }, { targetCode: "3.5" }, { targetCode: "6.a" }] } });
    const b = await createPlan({ responsibleUnit: unit, title: unique("Bplan"), type: "strategi" });
    await createPlan({ responsibleUnit: unit, archivedAt: new Date(), targets: { create: [{ targetCode: "1.1" }] } });
    const text = await collect(coverageCsvResponse("x.csv", sdgCoverageParamsSchema.parse({ unit }), labels));
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const [header, ...rows] = parse(text.slice(1));
    expect(header).toEqual(["ID", "Plan", "Plantype", "Ansvarlig enhet", ...Array.from({ length: 17 }, (_, i) => `Mål ${i + 1}`)]);
    expect(rows.map((r) => r[0])).toEqual([String(a.id), String(b.id)]);
    expect(rows[0]!.slice(1, 4)).toEqual([`'${a.title}`, "T:temaplan", unit]);
    const cells = await db.$queryRaw<{ goal: number; n: number }[]>`
      SELECT t.goal_code AS goal, COUNT(*)::int AS n FROM plan_targets pt JOIN sdg_targets t ON t.code = pt.target_code
      WHERE pt.plan_id = ${a.id} GROUP BY t.goal_code`;
    const expected = Array.from({ length: 17 }, (_, i) => String(cells.find((c) => c.goal === i + 1)?.n ?? 0));
    expect(rows[0]!.slice(4)).toEqual(expected);
    expect(expected[2]).toBe("2");
    expect(rows[1]!.slice(4)).toEqual(Array(17).fill("0"));
  });

  it("reads batch after batch without losing or repeating a plan (equal titles too); an empty filter still gives the header", async () => {
    const unit = unique("SDG-csv-mange");
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push((await createPlan({ responsibleUnit: unit, title: `Plan ${i % 6} ${unit}`, type: i < 6 ? "temaplan" : "strategi" })).id);
    const text = await collect(coverageCsvResponse("x.csv", sdgCoverageParamsSchema.parse({ unit }), labels, 5));
    const rows = parse(text.slice(1)).slice(1);
    const expected = await db.$queryRaw<{ id: number }[]>`SELECT id FROM plans WHERE responsible_unit = ${unit} ORDER BY title, id`;
    expect(rows.map((r) => Number(r[0]))).toEqual(expected.map((r) => r.id));
    expect(new Set(rows.map((r) => r[0])).size).toBe(12);
    const empty = await collect(coverageCsvResponse("x.csv", sdgCoverageParamsSchema.parse({ unit: unique("tom") }), labels));
    expect(parse(empty.slice(1))).toEqual([["ID", "Plan", "Plantype", "Ansvarlig enhet", ...Array.from({ length: 17 }, (_, i) => `Mål ${i + 1}`)]]);
  });
});
