// The migration that added the status på høring (docs/decisions/048) on a database built with the
// migrations before it and holding plans of every older status: each plan keeps its status and
// every other value; pa_horing sits between under_utarbeidelse and vedtatt and no plan has it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDatabase } from "../scripts/db/fresh";
import { deployMigrations } from "../scripts/db/migrations";
import { migrationsDir, schemaPath } from "../scripts/db/schema-engine";
import type { DbTarget } from "../scripts/db/target";

const CONSULTATION = fs.readdirSync(migrationsDir).find((name) => name.endsWith("_consultation_national_ids"))!;
const OLD_STATUSES = ["planlagt", "under_utarbeidelse", "vedtatt", "under_revisjon", "opphevet", "erstattet"];

// Two plans of each older status (one archived), with the columns the old schema has.
const OLD_PLANS = OLD_STATUSES.flatMap((status, i) => [0, 1].map((k) => {
  const adopted = ["vedtatt", "under_revisjon", "opphevet", "erstattet"].includes(status);
  return `(${2 * i + k + 1}, 1, 'Plan ${status} ${k}', 'temaplan', '${status}', ${adopted ? "'2019-05-23', 'kommunestyret'" : "NULL, NULL"}, ${k ? "'20/1234'" : "NULL"}, '2030-01-01', ${k ? "now()" : "NULL"}, now())`;
})).join(",\n  ");

const PLAN_ROWS = `SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p.id), '[]') AS rows FROM plans p`;

let target: DbTarget;
let client: pg.Client;
let before: Record<string, unknown>[];
let oldDir: string;
let later: string[];

beforeAll(async () => {
  oldDir = fs.mkdtempSync(path.join(os.tmpdir(), "planregister-before-consultation-"));
  fs.cpSync(migrationsDir, oldDir, { recursive: true });
  later = fs.readdirSync(migrationsDir).filter((name) => /^\d{14}_/.test(name) && name >= CONSULTATION).sort();
  for (const name of later) fs.rmSync(path.join(oldDir, name), { recursive: true });
  target = await createFreshDatabase("planregister_consultation_migration");
  await deployMigrations(target.config, target.shadow, { schemaPath, migrationsDir: oldDir });
  client = new pg.Client(target.config);
  await client.connect();
  await client.query(`INSERT INTO plans (id, tenant_id, title, type, status, adopted_on, adopted_by, case_number, revision_due_on, archived_at, updated_at) VALUES
  ${OLD_PLANS}`);
  before = (await client.query<{ rows: Record<string, unknown>[] }>(PLAN_ROWS)).rows[0]!.rows;
  expect(await deployMigrations(target.config, target.shadow)).toEqual(later);
});
afterAll(async () => {
  await client?.end();
  await target?.close();
  if (oldDir) fs.rmSync(oldDir, { recursive: true, force: true });
});

describe("the migration that adds på høring", () => {
  it("leaves every plan of each of the six older statuses where it was, with all its old values", async () => {
    expect(before.map((p) => p.status)).toEqual(OLD_STATUSES.flatMap((s) => [s, s]));
    const after = (await client.query<{ rows: Record<string, unknown>[] }>(PLAN_ROWS)).rows[0]!.rows;
    const old = (p: Record<string, unknown>) => Object.fromEntries(Object.keys(before[0]!).map((k) => [k, p[k]]));
    expect(after.map(old)).toEqual(before);
    // The new columns are empty: no plan gained a stage, a national id or a code.
    for (const p of after) {
      expect([p.start_notice_on, p.consultation_from, p.consultation_to, p.consultation2_from, p.national_plan_id, p.sosi_plantype, p.sosi_planstatus]).toEqual([null, null, null, null, null, null, null]);
    }
  });

  it("puts pa_horing between under_utarbeidelse and vedtatt, and no plan has it", async () => {
    const { rows } = await client.query<{ status: string }>(`SELECT unnest(enum_range(NULL::"PlanStatus"))::text AS status`);
    expect(rows.map((r) => r.status)).toEqual(["planlagt", "under_utarbeidelse", "pa_horing", "vedtatt", "under_revisjon", "opphevet", "erstattet"]);
    expect((await client.query(`SELECT count(*)::int AS n FROM plans WHERE status = 'pa_horing'`)).rows[0]).toEqual({ n: 0 });
  });
});
