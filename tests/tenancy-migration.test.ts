// An existing single-municipality database, built with the migrations before tenancy and filled with
// a row in every table, migrates into one tenant with all its data (decision 044).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDatabase } from "../scripts/db/fresh";
import { deployMigrations } from "../scripts/db/migrations";
import { migrationsDir, schemaPath } from "../scripts/db/schema-engine";
import type { DbTarget } from "../scripts/db/target";

const TENANCY = fs.readdirSync(migrationsDir).find((name) => name.endsWith("_tenancy"))!;
const tenantTables = ["users", "plans", "plan_targets", "plan_relations", "plan_documents", "strategy_periods", "strategy_decisions", "strategy_draft_items", "plan_events", "audit_events", "sessions", "sign_in_attempts", "rate_limit_counters", "password_tokens", "calendar_feeds", "data_versions", "mail_deliveries", "import_uploads", "import_rows", "api_tokens", "app_settings"];

// One or more rows in every table of the old schema, with the references between them.
const OLD_DATA = `
UPDATE app_settings SET municipality_name = 'Røros kommune', innsyn_enabled = true, accessibility_contact_email = 'post@roros.kommune.no';
INSERT INTO sdg_goals (code, title_nb, title_en, short_nb, short_en, uri) VALUES (11, 'Bærekraftige byer', 'Sustainable cities', 'Byer', 'Cities', 'https://example.org/11');
INSERT INTO sdg_targets (code, goal_code, sort_order, text_nb, text_en, uri) VALUES ('11.3', 11, 3, 'Planlegging', 'Planning', 'https://example.org/11.3');
INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES (1, 'kari@roros.kommune.no', 'Kari', 'admin', 'x', now()), (2, 'ola@roros.kommune.no', 'Ola', 'editor', NULL, now());
INSERT INTO plans (id, title, type, status, adopted_on, adopted_by, owner_id, updated_at) VALUES
  (1, 'Kommuneplanens samfunnsdel', 'kommuneplan_samfunnsdel', 'vedtatt', '2020-06-18', 'kommunestyret', 1, now()),
  (2, 'Trafikksikkerhetsplan', 'temaplan', 'erstattet', '2016-01-01', 'kommunestyret', 2, now()),
  (3, 'Ny trafikksikkerhetsplan', 'temaplan', 'planlagt', NULL, NULL, NULL, now());
INSERT INTO plan_targets (plan_id, target_code) VALUES (1, '11.3');
INSERT INTO plan_relations (from_plan_id, to_plan_id, kind) VALUES (3, 2, 'replaces');
INSERT INTO plan_documents (plan_id, label, url) VALUES (1, 'Vedtak', 'https://example.org/vedtak');
INSERT INTO strategy_periods (id, name, start_year, end_year, updated_at) VALUES (1, 'Planstrategi 2024–2027', 2024, 2027, now());
INSERT INTO strategy_decisions (period_id, plan_id, decision, updated_at) VALUES (1, 1, 'revise', now());
INSERT INTO strategy_draft_items (id, period_id, plan_id, reason, updated_by_id, updated_at) VALUES (1, 1, 2, 'due_later', 1, now());
INSERT INTO strategy_draft_items (id, period_id, title, type, reason, absorbed_by_id, updated_at) VALUES (2, 1, 'Ny plan', 'temaplan', 'added', NULL, now());
UPDATE strategy_draft_items SET absorbed_by_id = 2 WHERE id = 1;
INSERT INTO audit_events (actor_id, type, entity_type, entity_id, after) VALUES (1, 'plan.created', 'plan', '1', '{"title": "Kommuneplanens samfunnsdel"}'), (NULL, 'auth.sign_in_failed', NULL, NULL, NULL);
INSERT INTO sessions (id, user_id, session_version, expires_at, method) VALUES ('00000000-0000-4000-8000-000000000001', 1, 1, now() + interval '1 day', 'password');
INSERT INTO sign_in_attempts (email, ip, succeeded) VALUES ('kari@roros.kommune.no', '192.0.2.1', true);
INSERT INTO rate_limit_counters (key, window_start, hits) VALUES ('signin:192.0.2.1', date_trunc('minute', now()), 3);
INSERT INTO password_tokens (user_id, token_hash, expires_at, created_by_id) VALUES (2, 'hash-1', now() + interval '1 day', 1);
INSERT INTO calendar_feeds (user_id, token_hash) VALUES (1, 'feed-hash');
INSERT INTO mail_deliveries (dedupe_key, kind, step, recipient_id, to_address, plan_id, as_of) VALUES ('reminder:1:1:lead:6', 'owner_reminder', 'lead:6', 1, 'kari@roros.kommune.no', 1, current_date);
INSERT INTO import_uploads (id, user_id, file_name, content) VALUES ('00000000-0000-4000-8000-000000000002', 2, 'planer.xlsx', '\\x00');
INSERT INTO import_rows (upload_id, row_number, kind, title) VALUES ('00000000-0000-4000-8000-000000000002', 2, 'new', 'Ny plan fra regneark');
INSERT INTO api_tokens (user_id, name, token_hash) VALUES (1, 'Kartportal', 'api-hash');
SELECT setval(pg_get_serial_sequence('plans', 'id'), 3);
`;

async function snapshot(client: pg.Client): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of tenantTables) {
    const { rows } = await client.query<{ rows: unknown[] }>(
      `SELECT coalesce(jsonb_agg(r ORDER BY r::text), '[]') AS rows FROM (SELECT to_jsonb(x) - 'tenant_id' - 'id' || jsonb_build_object('id', CASE WHEN '${table}' = 'app_settings' THEN NULL ELSE to_jsonb(x) -> 'id' END) AS r FROM "${table}" x) s`,
    );
    result[table] = rows[0]!.rows;
  }
  return result;
}

let target: DbTarget;
let client: pg.Client;
let before: Record<string, unknown[]>;
let oldDir: string;

beforeAll(async () => {
  oldDir = fs.mkdtempSync(path.join(os.tmpdir(), "planregister-old-migrations-"));
  fs.cpSync(migrationsDir, oldDir, { recursive: true });
  // The old schema: every migration before tenancy (later ones may build on tenant_id).
  const later = fs.readdirSync(migrationsDir).filter((name) => /^\d{14}_/.test(name) && name >= TENANCY).sort();
  for (const name of later) fs.rmSync(path.join(oldDir, name), { recursive: true });
  target = await createFreshDatabase("planregister_tenancy_migration");
  await deployMigrations(target.config, target.shadow, { schemaPath, migrationsDir: oldDir });
  client = new pg.Client(target.config);
  await client.connect();
  await client.query(OLD_DATA);
  before = await snapshot(client);
  expect(await deployMigrations(target.config, target.shadow)).toEqual(later);
});
afterAll(async () => {
  await client?.end();
  await target?.close();
  fs.rmSync(oldDir, { recursive: true, force: true });
});

describe("migrating a single-municipality database", () => {
  it("creates one tenant named after the municipality, with the placeholder number", async () => {
    const { rows } = await client.query(`SELECT id, kommunenummer, name, county_number FROM tenants`);
    expect(rows).toEqual([{ id: 1, kommunenummer: "0000", name: "Røros kommune", county_number: "00" }]);
  });

  it("keeps every row with the same values, all of them in that tenant", async () => {
    // Columns that later migrations added are left out: the old values must all be there, unchanged.
    const after = await snapshot(client);
    const project = (rows: unknown[], keys: string[]) =>
      rows.map((r) => JSON.stringify(Object.fromEntries(keys.map((k) => [k, (r as Record<string, unknown>)[k]])))).sort();
    for (const table of tenantTables) {
      const keys = Object.keys((before[table]![0] ?? {}) as object);
      expect(project(after[table]!, keys), table).toEqual(project(before[table]!, keys));
    }
    for (const table of tenantTables) {
      const { rows } = await client.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE tenant_id = 1)::int AS ours FROM "${table}"`);
      expect(rows[0], table).toEqual({ n: before[table]!.length, ours: before[table]!.length });
      expect(before[table]!.length, table).toBeGreaterThan(0);
    }
  });

  it("new rows go to that tenant, and deleting a user still sets only its references to null", async () => {
    await client.query("BEGIN");
    await client.query("SELECT app_set_tenant(NULL)");
    const { rows } = await client.query(`INSERT INTO plans (title, type, updated_at) VALUES ('Etter migreringen', 'temaplan', now()) RETURNING tenant_id`);
    await client.query(`DELETE FROM users WHERE id = 2`);
    const owners = await client.query(`SELECT id, owner_id, tenant_id FROM plans WHERE id = 2`);
    await client.query("ROLLBACK");
    expect(rows).toEqual([{ tenant_id: 1 }]);
    expect(owners.rows).toEqual([{ id: 2, owner_id: null, tenant_id: 1 }]);
  });
});
