// The county view's functions at the SQL level, as the app role (decision 053): a county office
// sees its own county's municipalities' public figures and nothing else; a municipality, another
// county's office or a transaction without a tenant gets no rows; the figures equal counts made
// independently from the rows. Several tenants: a database of its own (decision 045).
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTenant, tenantDatabase, type TenantDatabase } from "./support/tenant-db";
import { judgeMunicipality, filterAndSort, type CountyRow } from "../lib/county/figures";
import { countyFilterSchema } from "../lib/county/params";

let t: TenantDatabase;
let app: pg.Client;
const ids: Record<string, number> = {};

const TODAY = "2026-06-15";
const OVERVIEW = `SELECT * FROM county_overview('${TODAY}', '2024-01-01', '2027-12-31')`;

async function tenant(key: string, kind: "municipality" | "county", kommunenummer: string | null, county: string) {
  const { rows } = await t.owner.query<{ id: number }>(
    `INSERT INTO tenants (kind, kommunenummer, name, county_number, county_name) VALUES ($1, $2, $3, $4, 'Fylke') RETURNING id`,
    [kind, kommunenummer, `Tenant ${key}`, county],
  );
  ids[key] = rows[0]!.id;
}

// Plans of every kind the counts must tell apart, in tenant `key` (as the owner, with the tenant
// set for the column defaults).
async function plans(key: string, rows: [title: string, status: string, due: string | null, archived?: boolean, publicDraft?: boolean][]) {
  await inTenant(t.owner, ids[key]!, async () => {
    for (const [title, status, due, archived, publicDraft] of rows) {
      await t.owner.query(
        `INSERT INTO plans (title, type, status, revision_due_on, archived_at, public_draft, adopted_on, adopted_by, updated_at) VALUES ($1, 'temaplan', $2, $3, $4, $5, $6, $7, now())`,
        [title, status, due, archived ? new Date() : null, publicDraft ?? false, ...(["planlagt", "under_utarbeidelse"].includes(status) ? [null, null] : ["2019-01-01", "kommunestyret"])],
      );
    }
  });
}

beforeAll(async () => {
  t = await tenantDatabase("planregister_county");
  await tenant("m1", "municipality", "5001", "50");
  await tenant("m2", "municipality", "5002", "50");
  await tenant("m3", "municipality", "5003", "50");
  await tenant("other", "municipality", "4601", "46");
  await tenant("office", "county", null, "50");
  await tenant("otherOffice", "county", null, "46");
  await plans("m1", [
    ["M1 overdue", "vedtatt", "2025-01-01"],
    ["M1 due in period", "under_revisjon", "2027-03-01"],
    ["M1 later", "vedtatt", "2031-01-01"],
    ["M1 no date", "vedtatt", null],
    ["M1 repealed overdue", "opphevet", "2020-01-01"],
    ["M1 archived overdue", "vedtatt", "2020-01-01", true],
    ["M1 draft", "planlagt", "2025-02-01"],
    ["M1 public draft", "under_utarbeidelse", null, false, true],
  ]);
  await plans("m2", [["M2 overdue", "vedtatt", "2026-06-14"], ["M2 due today", "vedtatt", TODAY]]);
  await plans("other", [["Other overdue", "vedtatt", "2020-01-01"]]);
  const period = (key: string, constituted: string, adopted: string | null, draft: string | null) =>
    inTenant(t.owner, ids[key]!, () =>
      t.owner.query(
        `INSERT INTO strategy_periods (name, start_year, end_year, council_constituted_on, draft_published_on, adopted_on, updated_at) VALUES ('Planstrategi 2024–2027', 2024, 2027, $1, $2, $3, now())`,
        [constituted, draft, adopted],
      ));
  await period("m1", "2023-10-19", "2024-06-20", "2024-05-02");
  await period("m2", "2023-10-12", "2024-12-12", "2024-11-25");
  // m3 has an old strategy only: none for the current period.
  await inTenant(t.owner, ids.m3!, () => t.owner.query(`INSERT INTO strategy_periods (name, start_year, end_year, updated_at) VALUES ('Planstrategi 2020–2023', 2020, 2023, now())`));
  app = await t.appClient();
});
afterAll(async () => t?.close());

const overview = (tenantId: number) => inTenant(app, tenantId, async () => (await app.query(OVERVIEW)).rows);

describe("county_overview() as the app role", () => {
  it("gives the office its own county's municipalities and no other", async () => {
    expect((await overview(ids.office!)).map((r) => r.kommunenummer)).toEqual(["5001", "5002", "5003"]);
    expect((await overview(ids.otherOffice!)).map((r) => r.kommunenummer)).toEqual(["4601"]);
  });

  it("gives a municipality, the tenant of an existing installation and a transaction without a tenant no rows", async () => {
    expect(await overview(ids.m1!)).toEqual([]);
    expect(await overview(1)).toEqual([]);
    expect((await app.query(OVERVIEW)).rows).toEqual([]);
  });

  it("counts what an independent count of the rows gives", async () => {
    const rows = await overview(ids.office!);
    const byNumber = Object.fromEntries(rows.map((r) => [r.kommunenummer, r]));
    // The reference: every plan of each municipality, read by the owner and counted here.
    for (const [number, key] of [["5001", "m1"], ["5002", "m2"], ["5003", "m3"]] as const) {
      // In the municipality's own tenant (on the embedded database every client shares one session).
      const all = await inTenant(t.owner, ids[key]!, async () => (await t.owner.query<{ status: string; revision_due_on: Date | null; archived_at: Date | null; public_draft: boolean }>(
        `SELECT status::text, to_char(revision_due_on, 'YYYY-MM-DD') AS revision_due_on, archived_at, public_draft FROM plans WHERE tenant_id = $1`, [ids[key]])).rows);
      // Public plans only, by innsyn's rule: a draft the municipality has not published is not counted.
      const active = all.filter((p) => !p.archived_at && (["vedtatt", "under_revisjon", "pa_horing"].includes(p.status) || (["planlagt", "under_utarbeidelse"].includes(p.status) && p.public_draft)));
      const due = (p: (typeof all)[number]) => p.revision_due_on as unknown as string | null;
      expect(Number(byNumber[number].active_plans), number).toBe(active.length);
      expect(Number(byNumber[number].overdue_plans), number).toBe(active.filter((p) => due(p) !== null && due(p)! < TODAY).length);
      expect(Number(byNumber[number].due_this_period), number).toBe(active.filter((p) => due(p) !== null && due(p)! >= "2024-01-01" && due(p)! <= "2027-12-31").length);
    }
    expect([byNumber["5001"].active_plans, byNumber["5001"].overdue_plans, byNumber["5001"].due_this_period].map(Number)).toEqual([5, 1, 2]);
    expect(byNumber["5003"].strategy_name).toBeNull();
    expect(byNumber["5003"].last_updated).not.toBeNull();
  });

  it("leaves the office's own transaction unable to read a municipality's rows", async () => {
    const direct = await inTenant(app, ids.office!, async () => (await app.query(`SELECT count(*)::int AS n FROM plans`)).rows[0].n);
    expect(direct).toBe(0);
  });

  it("is SECURITY DEFINER with a fixed search_path, owned by the migration owner, executable by the app role only", async () => {
    const { rows } = await t.owner.query(`
      SELECT p.proname, p.prosecdef, p.proconfig, pg_get_userbyid(p.proowner) AS owner,
             has_function_privilege('planregister_app', p.oid, 'EXECUTE') AS app,
             EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0) AS public
      FROM pg_proc p WHERE p.proname IN ('county_overview', 'county_public_plans') ORDER BY p.proname`);
    expect(rows.map((r) => [r.proname, r.prosecdef, r.proconfig, r.app, r.public])).toEqual([
      ["county_overview", true, ["search_path=public, pg_temp"], true, false],
      ["county_public_plans", true, ["search_path=public, pg_temp"], true, false],
    ]);
    expect(rows[0].owner).not.toBe("planregister_app");
  });
});

describe("county_public_plans() as the app role", () => {
  const page = (tenantId: number, number: string, limit = 50, offset = 0) =>
    inTenant(app, tenantId, async () => (await app.query(`SELECT title, total::int FROM county_public_plans($1, $2, $3)`, [number, limit, offset])).rows);

  it("lists the public plans of a municipality of the office's county, a page at a time", async () => {
    expect((await page(ids.office!, "5001")).map((r) => r.title)).toEqual(["M1 due in period", "M1 later", "M1 no date", "M1 overdue", "M1 public draft"]);
    expect(await page(ids.office!, "5001", 2, 2)).toEqual([{ title: "M1 no date", total: 5 }, { title: "M1 overdue", total: 5 }]);
  });

  it("gives nothing for another county's municipality, an unknown number, or to anyone but the office", async () => {
    expect(await page(ids.office!, "4601")).toEqual([]);
    expect(await page(ids.office!, "9999")).toEqual([]);
    expect(await page(ids.otherOffice!, "5001")).toEqual([]);
    expect(await page(ids.m1!, "5001")).toEqual([]);
    expect(await page(ids.m2!, "5001")).toEqual([]);
  });
});

describe("the county view's figures", () => {
  const row = (strategy: CountyRow["strategy"], overdue = 0): CountyRow => ({ kommunenummer: "5001", name: "A", strategy, activePlans: 3, overduePlans: overdue, dueThisPeriod: 1, lastUpdated: null });
  const s = (constituted: string | null, adopted: string | null, draft: string | null = null) => ({
    name: "P", startYear: 2024, endYear: 2027, plannedMeetingOn: null,
    councilConstitutedOn: constituted ? new Date(`${constituted}T00:00:00Z`) : null,
    adoptedOn: adopted ? new Date(`${adopted}T00:00:00Z`) : null,
    draftPublishedOn: draft ? new Date(`${draft}T00:00:00Z`) : null,
  });
  const today = new Date("2024-11-01T00:00:00Z");

  it("judges the strategy by pbl. § 10-1: on time, late, pending, overdue, missing, unknown", () => {
    expect(judgeMunicipality(row(s("2023-10-19", "2024-06-20")), today)).toMatchObject({ state: "on_time", adoption: { kind: "met", daysToSpare: 121 } });
    expect(judgeMunicipality(row(s("2023-10-12", "2024-12-12", "2024-11-25")), today)).toMatchObject({ state: "late", adoption: { kind: "missed", daysLate: 61 }, draft: { kind: "missed", daysLate: 13 } });
    expect(judgeMunicipality(row(s("2023-12-01", null)), today)).toMatchObject({ state: "pending", adoption: { kind: "open", daysLeft: 30 } });
    expect(judgeMunicipality(row(s("2023-10-01", null)), today)).toMatchObject({ state: "overdue", adoption: { kind: "overdue", daysOverdue: 31 } });
    expect(judgeMunicipality(row(null), today)).toMatchObject({ state: "missing", adoption: null });
    expect(judgeMunicipality(row(s(null, "2024-06-20")), today).state).toBe("unknown");
  });

  it("filters and sorts, nulls last", () => {
    const figures = [
      judgeMunicipality({ ...row(null, 2), kommunenummer: "5003", name: "Ørland" }, today),
      judgeMunicipality({ ...row(s("2023-10-19", "2024-06-20"), 0), kommunenummer: "5001", name: "Åfjord" }, today),
      judgeMunicipality({ ...row(s("2023-10-12", "2024-12-12"), 5), kommunenummer: "5002", name: "Bjugn" }, today),
    ];
    const f = (raw: Record<string, string>) => filterAndSort(figures, countyFilterSchema.parse(raw)).map((m) => m.kommunenummer);
    expect(f({})).toEqual(["5002", "5003", "5001"]); // Norwegian order: B, Ø, Å
    expect(f({ sort: "overdue", dir: "desc" })).toEqual(["5002", "5003", "5001"]);
    expect(f({ sort: "state" })).toEqual(["5003", "5002", "5001"]);
    expect(f({ sort: "deadline", dir: "desc" })).toEqual(["5002", "5001", "5003"]);
    expect(f({ overdue: "yes" })).toEqual(["5002", "5003"]);
    expect(f({ state: "missing" })).toEqual(["5003"]);
    expect(f({ q: "åfj" })).toEqual(["5001"]);
    // The filter form sends its empty fields.
    expect(f({ q: "", state: "missing", overdue: "", sort: "name", dir: "asc" })).toEqual(["5003"]);
  });

  it("refuses unreadable parameters by name", () => {
    for (const raw of [{ sort: "name;drop table" }, { state: "bogus" }, { dir: "up" }, { q: "a\u0000b" }, { q: "x".repeat(101) }, { overdue: ["yes", "no"] }]) {
      const parsed = countyFilterSchema.safeParse(raw);
      expect(parsed.success, JSON.stringify(raw)).toBe(false);
    }
  });
});
