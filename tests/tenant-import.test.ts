// The import's set-based apply across two municipalities (issue 19): its SQL runs as the app role
// over import_rows, so row-level security is all that keeps it to one tenant. Applying in A
// changes A's plans only, B's plans with the same titles and every B row stay as they were, A's
// upload is invisible from B, and the "replaces" lock is one per tenant. A database of its own.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withTenant } from "../lib/tenant-context";
import { addMunicipality, closeTenantLibDb, type TenantLibDb } from "./support/tenant-lib-db";

const holder = vi.hoisted(() => ({}) as TenantLibDb);

vi.mock("../lib/db", async () => (await import("./support/tenant-lib-db")).tenantLibDb(holder, "planregister_tenant_import"));

const { applyImport } = await import("../lib/import/apply");
const { getUpload, previewCounts, previewPage } = await import("../lib/import/store");
const { lockInTenant } = await import("../lib/tenant-lock");
const { preview } = await import("./support/import");

const A = 1;
let b: number;
const editors = new Map<number, number>();
const oldPlans = new Map<string, number>();
const oldPlan = (tenant: number, title: string) => oldPlans.get(`${tenant} ${title}`)!;

const HEADER = "Tittel;Type;Status;Vedtatt dato;Vedtatt av;Sammendrag;Sammenheng";
const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join("\r\n") + "\r\n");

/** A digest of every row of `tenant` in every table that carries a tenant, read as the owner. */
async function rowsDigest(tenant: number): Promise<string> {
  const owner = holder.t!.owner;
  const { rows: tables } = await owner.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY table_name`);
  const parts = tables.map(({ table_name }) => `SELECT '${table_name}:' || row_to_json(x)::text AS r FROM "${table_name}" x WHERE tenant_id = $1`);
  const { rows } = await owner.query<{ digest: string; n: number }>(`SELECT md5(string_agg(r, E'\\n' ORDER BY r)) AS digest, count(*)::int AS n FROM (${parts.join(" UNION ALL ")}) s`, [tenant]);
  expect(rows[0]!.n).toBeGreaterThan(5);
  return rows[0]!.digest;
}

const planOf = async (tenant: number, title: string) =>
  (await holder.t!.owner.query(`SELECT id, status::text, summary, version FROM plans WHERE tenant_id = $1 AND title = $2`, [tenant, title])).rows;

beforeAll(async () => {
  b = await addMunicipality(holder.t!);
  // The same plans, titles and units in both municipalities.
  for (const tenant of [A, b]) {
    await withTenant(tenant, async () => {
      const db = holder.db!;
      const editor = await db.user.create({ data: { email: "redaktor@kommune.test", name: "Redaktør", role: "editor" } });
      editors.set(tenant, editor.id);
      for (const title of ["Trafikksikkerhetsplan", "Ny felles plan", "Kulturplan"]) {
        await db.plan.create({ data: { title, type: "temaplan", status: "vedtatt", adoptedOn: new Date("2020-03-01T00:00:00Z"), adoptedBy: "kommunestyret", summary: `Opprinnelig ${tenant}` } });
      }
      for (const title of ["Gammel arealplan", "Gammel kulturplan", "Gammel idrettsplan"]) {
        const plan = await db.plan.create({ data: { title, type: "temaplan", status: "vedtatt", adoptedOn: new Date("2010-03-01T00:00:00Z"), adoptedBy: "kommunestyret" } });
        oldPlans.set(`${tenant} ${title}`, plan.id);
      }
    });
  }
  // "Ny felles plan" is only B's: A's import creates its own.
  await holder.t!.owner.query(`DELETE FROM plans WHERE tenant_id = $1 AND title = 'Ny felles plan'`, [A]);
});

afterAll(() => closeTenantLibDb(holder));

describe("the import's apply in two municipalities", () => {
  it("applied in A as the app role, it changes A's plans only: B's plans with the same titles and all B's rows are unchanged", async () => {
    const before = await rowsDigest(b);
    const bPlans = await holder.t!.owner.query(`SELECT * FROM plans WHERE tenant_id = $1 ORDER BY id`, [b]);
    const file = csv(
      "Trafikksikkerhetsplan;temaplan;vedtatt;01.03.2020;kommunestyret;Endret ved import;",
      "Ny felles plan;temaplan;planlagt;;;Ny i A;",
      `Ny arealplan;temaplan;vedtatt;01.09.2026;kommunestyret;Erstatter den gamle;Erstatter: ${oldPlan(A, "Gammel arealplan")}`,
    );
    const result = await withTenant(A, async () => {
      const { rows, upload } = await preview(editors.get(A)!, "planer.csv", file);
      expect(rows.flatMap((r) => r.errors)).toEqual([]);
      expect(rows.map((r) => r.kind)).toEqual(["changed", "new", "new"]);
      return applyImport(upload, editors.get(A)!);
    });
    expect(result).toEqual({ created: 2, updated: 1 });

    expect(await planOf(A, "Trafikksikkerhetsplan")).toMatchObject([{ summary: "Endret ved import", version: 2 }]);
    expect(await planOf(A, "Ny felles plan")).toMatchObject([{ summary: "Ny i A", status: "planlagt" }]);
    expect(await planOf(A, "Gammel arealplan")).toMatchObject([{ status: "erstattet" }]);
    expect(await planOf(b, "Trafikksikkerhetsplan")).toMatchObject([{ summary: `Opprinnelig ${b}`, version: 1 }]);
    expect(await planOf(b, "Ny felles plan")).toMatchObject([{ summary: `Opprinnelig ${b}`, status: "vedtatt" }]);
    expect(await planOf(b, "Gammel arealplan")).toMatchObject([{ status: "vedtatt" }]);
    expect((await holder.t!.owner.query(`SELECT * FROM plans WHERE tenant_id = $1 ORDER BY id`, [b])).rows).toEqual(bPlans.rows);
    expect(await rowsDigest(b)).toBe(before);
  });

  it("A's stored upload cannot be previewed or applied from B, and still applies in A", async () => {
    const { upload } = await withTenant(A, () => preview(editors.get(A)!, "planer.csv", csv("Kulturplan;temaplan;vedtatt;01.03.2020;kommunestyret;Endret fra A;")));
    const before = await rowsDigest(b);
    await withTenant(b, async () => {
      for (const actor of [editors.get(A)!, editors.get(b)!]) {
        expect(await getUpload(upload, actor)).toBeNull();
        await expect(applyImport(upload, actor)).rejects.toMatchObject({ code: "not_found" });
      }
      expect(await previewCounts(upload)).toEqual({ new: 0, changed: 0, unchanged: 0, conflict: 0, error: 0 });
      expect((await previewPage(upload, "all", 1)).total).toBe(0);
    });
    expect(await rowsDigest(b)).toBe(before);
    expect(await planOf(A, "Kulturplan")).toMatchObject([{ summary: `Opprinnelig ${A}` }]);
    expect((await withTenant(A, () => previewCounts(upload))).changed).toBe(1);
    expect(await withTenant(A, () => applyImport(upload, editors.get(A)!))).toEqual({ created: 0, updated: 1 });
    expect(await planOf(A, "Kulturplan")).toMatchObject([{ summary: "Endret fra A" }]);
    expect(await planOf(b, "Kulturplan")).toMatchObject([{ summary: `Opprinnelig ${b}` }]);
  });

  // The embedded database runs one transaction at a time: a held lock would hold everything.
  it.skipIf(holder.t?.embedded)("while A holds its 'replaces' lock, B's import with a replacement applies; A's own waits for it", async () => {
    const replacing = (tenant: number, title: string) =>
      withTenant(tenant, async () => (await preview(editors.get(tenant)!, "planer.csv", csv(`${title};temaplan;vedtatt;01.10.2026;kommunestyret;;Erstatter: ${oldPlan(tenant, "Gammel kulturplan")}`))).upload);
    const uploadA = await replacing(A, "Ny kulturplan");
    const uploadB = await replacing(b, "Ny kulturplan");

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = withTenant(A, () => holder.db!.$transaction(async (tx) => {
      await lockInTenant(tx, "planregister.replaces");
      locked();
      await released;
    }, { timeout: 60_000 }));
    await isLocked;
    try {
      const timeout = new Promise((resolve) => setTimeout(resolve, 10_000, "waited for A's lock"));
      expect(await Promise.race([withTenant(b, () => applyImport(uploadB, editors.get(b)!)), timeout])).toEqual({ created: 1, updated: 0 });
      const applyA = withTenant(A, () => applyImport(uploadA, editors.get(A)!));
      expect(await Promise.race([applyA.then(() => "applied"), new Promise((resolve) => setTimeout(resolve, 1000, "waiting"))])).toBe("waiting");
      release();
      expect(await applyA).toEqual({ created: 1, updated: 0 });
    } finally {
      release();
      await holding;
    }
    expect(await planOf(A, "Gammel kulturplan")).toMatchObject([{ status: "erstattet" }]);
    expect(await planOf(b, "Gammel kulturplan")).toMatchObject([{ status: "erstattet" }]);
  });
});
