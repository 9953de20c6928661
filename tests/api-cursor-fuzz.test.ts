// Forged cursors, property-based, through the API's real pipeline and database: whatever a
// client puts in `cursor`, the answer is a page or a 400 naming `cursor` — never a 5xx — and the
// cursors the API itself hands out still walk every plan exactly once.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { sortColumns } from "../lib/plans/list";
import { PLAN_LIMITS } from "../lib/plans/schema";
import { encodeCursor } from "../lib/public/cursor";
import { createPlan, unique } from "./support/factories";
import { callApi } from "./support/api";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
let tag: string;
let periodId: number;

beforeAll(async () => {
  tag = unique("Markor").replace(" ", "-");
  const due = [null, "2026-01-31", "2027-03-31", "2027-03-31", "2030-12-31"];
  for (let i = 0; i < 9; i++) {
    await createPlan({
      title: `${tag} ${String.fromCharCode(65 + (i % 5))}${i}`, status: i % 4 === 0 ? "planlagt" : i % 3 === 0 ? "under_revisjon" : "vedtatt", publicDraft: i % 4 === 0,
      type: (["temaplan", "strategi", "handlingsplan"] as const)[i % 3], adoptedOn: i % 4 === 0 ? null : day(`20${10 + i}-06-01`), adoptedBy: i % 4 === 0 ? null : "kommunestyret",
      revisionDueOn: due[i % due.length] ? day(due[i % due.length]!) : null, responsibleUnit: i % 2 ? `Enhet ${i % 3}` : null,
    });
  }
  periodId = (await db.strategyPeriod.create({ data: { name: unique("Planstrategi"), startYear: 2024, endYear: 2027 } })).id;
});

const raw = (value: unknown) => Buffer.from(JSON.stringify(value) ?? "undefined").toString("base64url");
const sorts = [...sortColumns.flatMap((c) => [`${c}.asc`, `${c}.desc`]), "program"];
const oddValue = fc.oneof(
  fc.string({ maxLength: 30 }), fc.constantFrom("", "a\u0000b", "\u0000", "2024-02-30", "2024-13-01", "0000-01-01", "-000001-01-01", "+275760-09-13", "99999-01-01", "2024-1-1", "1e400", "vedtatt", "temaplan", "NaN"),
  fc.double(), fc.integer(), fc.constantFrom(1e20, -1, 2 ** 31, 2 ** 53, -(2 ** 63), 1.5, Number.MAX_VALUE), fc.constant(null), fc.boolean(), fc.constant([]), fc.constant({}),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const oddId = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31, 2 ** 31 - 1, 2 ** 53, 1e20, 1e300, 1.5), fc.double(), fc.string({ maxLength: 5 }), fc.constant(null));
const forged = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...sorts), oddValue, oddId).map(raw) },
  { weight: 1, arbitrary: fc.anything().map(raw) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,60}$/) },
);
const route = fc.constantFrom("plans", "schedule", "period");

function pathFor(which: string, sort: string, cursor: string) {
  if (which === "period") return `/periods/${periodId}?limit=2&cursor=${cursor}`;
  if (which === "schedule") return `/schedule?limit=2&cursor=${cursor}`;
  const [column, dir] = sort.split(".");
  return `/plans?q=${encodeURIComponent(tag)}&limit=2&sort=${column ?? "title"}&dir=${dir ?? "asc"}&cursor=${cursor}`;
}

describe("forged API cursors", () => {
  it("known forgeries answer 400 naming cursor", async () => {
    for (const [path, value] of [
      ["plans", ["title.asc", 5, 1]], ["plans", ["title.asc", "a\u0000b", 1]], ["plans", ["title.asc", "x", 1e20]], ["plans", ["title.asc", null, 1]],
      ["plans", ["adoptedOn.asc", "2024-02-30", 1]], ["plans", ["adoptedOn.asc", 20240101, 1]], ["plans", ["adoptedOn.asc", "+275760-09-13", 1]], ["plans", ["adoptedOn.asc", "0000-01-01", 1]],
      ["plans", ["responsibleUnit.asc", 7, 1]], ["plans", ["status.asc", 1, 1]], ["schedule", ["revisionDueOn.asc", "2024-1-1", 2 ** 31]],
      ["period", ["program", 1e20, 0]], ["period", ["program", 1.5, 0]], ["period", ["program", -1, 0]], ["period", ["program", "10", 0]],
    ] as const) {
      const p = pathFor(path, value[0], raw(value));
      const { response } = await callApi(p);
      expect(response.status, `${p} ${JSON.stringify(value)}`).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const body = (await response.json()) as { invalidParams: { name: string }[] };
      expect(body.invalidParams.map((x) => x.name)).toEqual(["cursor"]);
    }
  });

  it("no forged cursor gets a 5xx; a refused one is a 400 naming cursor", async () => {
    await fc.assert(
      fc.asyncProperty(route, fc.constantFrom(...sorts.filter((s) => s !== "program")), forged, async (which, sort, cursor) => {
        const { response } = await callApi(pathFor(which, sort, cursor));
        expect(response.status).toBeLessThan(500);
        if (response.status !== 200) {
          expect(response.status).toBe(400);
          const body = (await response.json()) as { invalidParams: { name: string }[] };
          expect(body.invalidParams.map((x) => x.name)).toEqual(["cursor"]);
        }
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it("the API's own cursors still walk every plan once, in every sort order", async () => {
    const all = (await callApi(`/plans?q=${encodeURIComponent(tag)}&limit=200`)).response;
    const expected = ((await all.json()) as { items: { id: number }[] }).items.map((p) => p.id).sort((a, b) => a - b);
    expect(expected).toHaveLength(9);
    for (const sort of sorts.filter((s) => s !== "program")) {
      const ids: number[] = [];
      let cursor = "";
      for (let pages = 0; pages < 20; pages++) {
        const { response } = await callApi(pathFor("plans", sort, cursor).replace(/&cursor=$/, ""));
        expect(response.status, sort).toBe(200);
        const body = (await response.json()) as { items: { id: number }[]; nextCursor: string | null };
        ids.push(...body.items.map((p) => p.id));
        if (!body.nextCursor) break;
        cursor = body.nextCursor;
      }
      expect([...ids].sort((a, b) => a - b), sort).toEqual(expected);
    }
  });

  it("a cursor holding the longest title the register allows is accepted", async () => {
    for (const title of ["Å".repeat(PLAN_LIMITS.title), "\u0001".repeat(PLAN_LIMITS.title)]) {
      const { response } = await callApi(pathFor("plans", "title.asc", encodeCursor({ sort: "title.asc", value: title, id: 1 })));
      expect(response.status).toBe(200);
    }
  });

  it("the planprogram's cursor pages on, and an offset past the end is an empty page", async () => {
    const { response } = await callApi(`/periods/${periodId}?limit=2&cursor=${encodeCursor({ sort: "program", value: 1000, id: 0 })}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { program: unknown[] }).program).toEqual([]);
  });
});
