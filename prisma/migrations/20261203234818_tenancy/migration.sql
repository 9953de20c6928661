-- Many municipalities on one installation (docs/decisions/044–047). Written partly by hand:
-- Prisma's schema language has no roles, functions, row-level security or column-limited SET NULL.
--
-- 1. The tenant of the current transaction: set by the app with app_set_tenant() (decision 045),
--    read by every column default and every policy below. NULL when none is set: a policy then
--    matches no row and a default fails the NOT NULL, so nothing is read or written by accident.
CREATE FUNCTION app_current_tenant() RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT NULLIF(current_setting('app.tenant_id', true), '')::integer
$$;

-- 2. The role the app connects as: no superuser, no BYPASSRLS, owns nothing, so row-level
--    security always applies to it. Roles belong to the server, not the database: another
--    database on the same server may have created it already.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'planregister_app') THEN
    CREATE ROLE planregister_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;

-- 3. Tenants and their host names: global tables, read by the edge to find a request's tenant.
CREATE TABLE "tenants" (
    "id" SERIAL NOT NULL,
    "kommunenummer" CHAR(4) NOT NULL,
    "name" TEXT NOT NULL,
    "county_number" CHAR(2) NOT NULL,
    "county_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "tenants_kommunenummer_key" ON "tenants"("kommunenummer");
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_kommunenummer_check" CHECK ("kommunenummer" ~ '^[0-9]{4}$');
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_county_number_check" CHECK ("county_number" ~ '^[0-9]{2}$');
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_name_check" CHECK (length(btrim("name")) BETWEEN 1 AND 200);

CREATE TABLE "tenant_hosts" (
    "host" TEXT NOT NULL,
    "tenant_id" INTEGER NOT NULL,

    CONSTRAINT "tenant_hosts_pkey" PRIMARY KEY ("host")
);
-- A host as the edge compares it: lower-case, no port, no trailing dot.
ALTER TABLE "tenant_hosts" ADD CONSTRAINT "tenant_hosts_host_check" CHECK ("host" ~ '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$' AND length("host") <= 253);

-- The municipality this database has served so far, with its settings' name. Its number is not
-- known here: "0000" (no municipality has it) until the operator sets it (decision 044).
INSERT INTO "tenants" ("id", "kommunenummer", "name", "county_number", "county_name")
SELECT 1, '0000', COALESCE(NULLIF(btrim("municipality_name"), ''), 'Kommunen'), '00', '' FROM "app_settings" WHERE "id" = 1;
INSERT INTO "tenants" ("id", "kommunenummer", "name", "county_number", "county_name")
SELECT 1, '0000', 'Kommunen', '00', '' WHERE NOT EXISTS (SELECT FROM "tenants");
SELECT setval(pg_get_serial_sequence('"tenants"', 'id'), 1);

-- 4. Every row that belongs to a municipality gets its tenant: the existing rows tenant 1.

-- DropForeignKey
ALTER TABLE "api_tokens" DROP CONSTRAINT "api_tokens_user_id_fkey";

-- DropForeignKey
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_actor_id_fkey";

-- DropForeignKey
ALTER TABLE "calendar_feeds" DROP CONSTRAINT "calendar_feeds_user_id_fkey";

-- DropForeignKey
ALTER TABLE "import_rows" DROP CONSTRAINT "import_rows_upload_id_fkey";

-- DropForeignKey
ALTER TABLE "import_uploads" DROP CONSTRAINT "import_uploads_user_id_fkey";

-- DropForeignKey
ALTER TABLE "mail_deliveries" DROP CONSTRAINT "mail_deliveries_plan_id_fkey";

-- DropForeignKey
ALTER TABLE "mail_deliveries" DROP CONSTRAINT "mail_deliveries_recipient_id_fkey";

-- DropForeignKey
ALTER TABLE "password_tokens" DROP CONSTRAINT "password_tokens_created_by_id_fkey";

-- DropForeignKey
ALTER TABLE "password_tokens" DROP CONSTRAINT "password_tokens_user_id_fkey";

-- DropForeignKey
ALTER TABLE "plan_documents" DROP CONSTRAINT "plan_documents_plan_id_fkey";

-- DropForeignKey
ALTER TABLE "plan_events" DROP CONSTRAINT "plan_events_plan_id_fkey";

-- DropForeignKey
ALTER TABLE "plan_relations" DROP CONSTRAINT "plan_relations_from_plan_id_fkey";

-- DropForeignKey
ALTER TABLE "plan_relations" DROP CONSTRAINT "plan_relations_to_plan_id_fkey";

-- DropForeignKey
ALTER TABLE "plan_targets" DROP CONSTRAINT "plan_targets_plan_id_fkey";

-- DropForeignKey
ALTER TABLE "plans" DROP CONSTRAINT "plans_owner_id_fkey";

-- DropForeignKey
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_user_id_fkey";

-- DropForeignKey
ALTER TABLE "strategy_decisions" DROP CONSTRAINT "strategy_decisions_period_id_fkey";

-- DropForeignKey
ALTER TABLE "strategy_decisions" DROP CONSTRAINT "strategy_decisions_plan_id_fkey";

-- DropForeignKey
ALTER TABLE "strategy_draft_items" DROP CONSTRAINT "strategy_draft_items_absorbed_by_id_fkey";

-- DropForeignKey
ALTER TABLE "strategy_draft_items" DROP CONSTRAINT "strategy_draft_items_period_id_fkey";

-- DropForeignKey
ALTER TABLE "strategy_draft_items" DROP CONSTRAINT "strategy_draft_items_plan_id_fkey";

-- DropForeignKey
ALTER TABLE "strategy_draft_items" DROP CONSTRAINT "strategy_draft_items_updated_by_id_fkey";

-- DropIndex
DROP INDEX "api_tokens_user_id_idx";

-- DropIndex
DROP INDEX "audit_events_actor_id_at_idx";

-- DropIndex
DROP INDEX "audit_events_at_idx";

-- DropIndex
DROP INDEX "audit_events_entity_type_entity_id_at_idx";

-- DropIndex
DROP INDEX "calendar_feeds_user_id_key";

-- DropIndex
DROP INDEX "import_rows_upload_id_kind_row_number_idx";

-- DropIndex
DROP INDEX "import_uploads_created_at_idx";

-- DropIndex
DROP INDEX "mail_deliveries_plan_id_idx";

-- DropIndex
DROP INDEX "mail_deliveries_planned_at_idx";

-- DropIndex
DROP INDEX "mail_deliveries_recipient_id_idx";

-- DropIndex
DROP INDEX "mail_deliveries_status_planned_at_idx";

-- DropIndex
DROP INDEX "password_tokens_user_id_idx";

-- DropIndex
DROP INDEX "plan_documents_plan_id_sort_order_idx";

-- DropIndex
DROP INDEX "plan_events_kind_on_idx";

-- DropIndex
DROP INDEX "plan_events_plan_id_kind_on_idx";

-- DropIndex
DROP INDEX "plan_relations_to_plan_id_idx";

-- DropIndex
DROP INDEX "plan_targets_target_code_idx";

-- DropIndex
DROP INDEX "plans_archived_at_status_idx";

-- DropIndex
DROP INDEX "plans_owner_id_idx";

-- DropIndex
DROP INDEX "plans_responsible_unit_idx";

-- DropIndex
DROP INDEX "plans_revision_due_on_idx";

-- DropIndex
DROP INDEX "plans_status_idx";

-- DropIndex
DROP INDEX "plans_title_id_idx";

-- DropIndex
DROP INDEX "rate_limit_counters_window_start_idx";

-- DropIndex
DROP INDEX "sessions_expires_at_idx";

-- DropIndex
DROP INDEX "sessions_user_id_idx";

-- DropIndex
DROP INDEX "sign_in_attempts_at_idx";

-- DropIndex
DROP INDEX "sign_in_attempts_email_at_idx";

-- DropIndex
DROP INDEX "sign_in_attempts_ip_at_idx";

-- DropIndex
DROP INDEX "strategy_decisions_plan_id_idx";

-- DropIndex
DROP INDEX "strategy_draft_items_absorbed_by_id_idx";

-- DropIndex
DROP INDEX "strategy_draft_items_period_id_decision_idx";

-- DropIndex
DROP INDEX "strategy_draft_items_plan_id_idx";

-- DropIndex
DROP INDEX "strategy_periods_name_key";

-- DropIndex
DROP INDEX "users_email_key";

-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "app_settings" DROP CONSTRAINT "app_settings_pkey",
DROP COLUMN "id",
ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1,
ADD CONSTRAINT "app_settings_pkey" PRIMARY KEY ("tenant_id");

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "calendar_feeds" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "data_versions" DROP CONSTRAINT "data_versions_pkey",
ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1,
ADD CONSTRAINT "data_versions_pkey" PRIMARY KEY ("tenant_id", "name");

-- AlterTable
ALTER TABLE "import_rows" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "import_uploads" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "mail_deliveries" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "password_tokens" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "plan_documents" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "plan_events" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "plan_relations" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "plan_targets" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "plans" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "rate_limit_counters" DROP CONSTRAINT "rate_limit_counters_pkey",
ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1,
ADD CONSTRAINT "rate_limit_counters_pkey" PRIMARY KEY ("tenant_id", "key", "window_start");

-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "sign_in_attempts" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "strategy_decisions" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "strategy_draft_items" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "strategy_periods" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "tenant_id" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "tenant_hosts_tenant_id_idx" ON "tenant_hosts"("tenant_id");

-- CreateIndex
CREATE INDEX "api_tokens_tenant_id_user_id_idx" ON "api_tokens"("tenant_id", "user_id");

-- CreateIndex
CREATE INDEX "audit_events_tenant_id_entity_type_entity_id_at_idx" ON "audit_events"("tenant_id", "entity_type", "entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_tenant_id_actor_id_at_idx" ON "audit_events"("tenant_id", "actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_tenant_id_at_idx" ON "audit_events"("tenant_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feeds_tenant_id_user_id_key" ON "calendar_feeds"("tenant_id", "user_id");

-- CreateIndex
CREATE INDEX "import_rows_tenant_id_upload_id_kind_row_number_idx" ON "import_rows"("tenant_id", "upload_id", "kind", "row_number");

-- CreateIndex
CREATE INDEX "import_uploads_tenant_id_created_at_idx" ON "import_uploads"("tenant_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "import_uploads_tenant_id_id_key" ON "import_uploads"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "mail_deliveries_tenant_id_planned_at_idx" ON "mail_deliveries"("tenant_id", "planned_at");

-- CreateIndex
CREATE INDEX "mail_deliveries_tenant_id_status_planned_at_idx" ON "mail_deliveries"("tenant_id", "status", "planned_at");

-- CreateIndex
CREATE INDEX "mail_deliveries_tenant_id_recipient_id_idx" ON "mail_deliveries"("tenant_id", "recipient_id");

-- CreateIndex
CREATE INDEX "mail_deliveries_tenant_id_plan_id_idx" ON "mail_deliveries"("tenant_id", "plan_id");

-- CreateIndex
CREATE INDEX "password_tokens_tenant_id_user_id_idx" ON "password_tokens"("tenant_id", "user_id");

-- CreateIndex
CREATE INDEX "plan_documents_tenant_id_plan_id_sort_order_idx" ON "plan_documents"("tenant_id", "plan_id", "sort_order");

-- CreateIndex
CREATE INDEX "plan_events_tenant_id_plan_id_kind_on_idx" ON "plan_events"("tenant_id", "plan_id", "kind", "on");

-- CreateIndex
CREATE INDEX "plan_events_tenant_id_kind_on_idx" ON "plan_events"("tenant_id", "kind", "on");

-- CreateIndex
CREATE INDEX "plan_relations_tenant_id_to_plan_id_idx" ON "plan_relations"("tenant_id", "to_plan_id");

-- CreateIndex
CREATE INDEX "plan_targets_tenant_id_target_code_idx" ON "plan_targets"("tenant_id", "target_code");

-- CreateIndex
CREATE INDEX "plans_tenant_id_status_idx" ON "plans"("tenant_id", "status");

-- CreateIndex
CREATE INDEX "plans_tenant_id_revision_due_on_idx" ON "plans"("tenant_id", "revision_due_on");

-- CreateIndex
CREATE INDEX "plans_tenant_id_owner_id_idx" ON "plans"("tenant_id", "owner_id");

-- CreateIndex
CREATE INDEX "plans_tenant_id_responsible_unit_idx" ON "plans"("tenant_id", "responsible_unit");

-- CreateIndex
CREATE INDEX "plans_tenant_id_title_id_idx" ON "plans"("tenant_id", "title", "id");

-- CreateIndex
CREATE INDEX "plans_tenant_id_archived_at_status_idx" ON "plans"("tenant_id", "archived_at", "status");

-- CreateIndex
CREATE UNIQUE INDEX "plans_tenant_id_id_key" ON "plans"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "rate_limit_counters_tenant_id_window_start_idx" ON "rate_limit_counters"("tenant_id", "window_start");

-- CreateIndex
CREATE INDEX "sessions_tenant_id_user_id_idx" ON "sessions"("tenant_id", "user_id");

-- CreateIndex
CREATE INDEX "sessions_tenant_id_expires_at_idx" ON "sessions"("tenant_id", "expires_at");

-- CreateIndex
CREATE INDEX "sign_in_attempts_tenant_id_email_at_idx" ON "sign_in_attempts"("tenant_id", "email", "at");

-- CreateIndex
CREATE INDEX "sign_in_attempts_tenant_id_ip_at_idx" ON "sign_in_attempts"("tenant_id", "ip", "at");

-- CreateIndex
CREATE INDEX "sign_in_attempts_tenant_id_at_idx" ON "sign_in_attempts"("tenant_id", "at");

-- CreateIndex
CREATE INDEX "strategy_decisions_tenant_id_plan_id_idx" ON "strategy_decisions"("tenant_id", "plan_id");

-- CreateIndex
CREATE INDEX "strategy_draft_items_tenant_id_period_id_decision_idx" ON "strategy_draft_items"("tenant_id", "period_id", "decision");

-- CreateIndex
CREATE INDEX "strategy_draft_items_tenant_id_plan_id_idx" ON "strategy_draft_items"("tenant_id", "plan_id");

-- CreateIndex
CREATE INDEX "strategy_draft_items_tenant_id_absorbed_by_id_idx" ON "strategy_draft_items"("tenant_id", "absorbed_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "strategy_draft_items_tenant_id_id_key" ON "strategy_draft_items"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "strategy_periods_tenant_id_name_key" ON "strategy_periods"("tenant_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "strategy_periods_tenant_id_id_key" ON "strategy_periods"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "users_tenant_id_email_key" ON "users"("tenant_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "users_tenant_id_id_key" ON "users"("tenant_id", "id");

-- AddForeignKey
ALTER TABLE "tenant_hosts" ADD CONSTRAINT "tenant_hosts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plans" ADD CONSTRAINT "plans_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plans" ADD CONSTRAINT "plans_tenant_id_owner_id_fkey" FOREIGN KEY ("tenant_id", "owner_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("owner_id") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_tenant_id_plan_id_fkey" FOREIGN KEY ("tenant_id", "plan_id") REFERENCES "plans"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_relations" ADD CONSTRAINT "plan_relations_tenant_id_from_plan_id_fkey" FOREIGN KEY ("tenant_id", "from_plan_id") REFERENCES "plans"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_relations" ADD CONSTRAINT "plan_relations_tenant_id_to_plan_id_fkey" FOREIGN KEY ("tenant_id", "to_plan_id") REFERENCES "plans"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_documents" ADD CONSTRAINT "plan_documents_tenant_id_plan_id_fkey" FOREIGN KEY ("tenant_id", "plan_id") REFERENCES "plans"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strategy_periods" ADD CONSTRAINT "strategy_periods_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strategy_decisions" ADD CONSTRAINT "strategy_decisions_tenant_id_period_id_fkey" FOREIGN KEY ("tenant_id", "period_id") REFERENCES "strategy_periods"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strategy_decisions" ADD CONSTRAINT "strategy_decisions_tenant_id_plan_id_fkey" FOREIGN KEY ("tenant_id", "plan_id") REFERENCES "plans"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strategy_draft_items" ADD CONSTRAINT "strategy_draft_items_tenant_id_period_id_fkey" FOREIGN KEY ("tenant_id", "period_id") REFERENCES "strategy_periods"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strategy_draft_items" ADD CONSTRAINT "strategy_draft_items_tenant_id_plan_id_fkey" FOREIGN KEY ("tenant_id", "plan_id") REFERENCES "plans"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strategy_draft_items" ADD CONSTRAINT "strategy_draft_items_tenant_id_absorbed_by_id_fkey" FOREIGN KEY ("tenant_id", "absorbed_by_id") REFERENCES "strategy_draft_items"("tenant_id", "id") ON DELETE SET NULL ("absorbed_by_id") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strategy_draft_items" ADD CONSTRAINT "strategy_draft_items_tenant_id_updated_by_id_fkey" FOREIGN KEY ("tenant_id", "updated_by_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("updated_by_id") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_tenant_id_plan_id_fkey" FOREIGN KEY ("tenant_id", "plan_id") REFERENCES "plans"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_tenant_id_actor_id_fkey" FOREIGN KEY ("tenant_id", "actor_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("actor_id") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "users"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sign_in_attempts" ADD CONSTRAINT "sign_in_attempts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rate_limit_counters" ADD CONSTRAINT "rate_limit_counters_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_tokens" ADD CONSTRAINT "password_tokens_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "users"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_tokens" ADD CONSTRAINT "password_tokens_tenant_id_created_by_id_fkey" FOREIGN KEY ("tenant_id", "created_by_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("created_by_id") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "users"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_versions" ADD CONSTRAINT "data_versions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_deliveries" ADD CONSTRAINT "mail_deliveries_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_deliveries" ADD CONSTRAINT "mail_deliveries_tenant_id_recipient_id_fkey" FOREIGN KEY ("tenant_id", "recipient_id") REFERENCES "users"("tenant_id", "id") ON DELETE SET NULL ("recipient_id") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_deliveries" ADD CONSTRAINT "mail_deliveries_tenant_id_plan_id_fkey" FOREIGN KEY ("tenant_id", "plan_id") REFERENCES "plans"("tenant_id", "id") ON DELETE SET NULL ("plan_id") ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_uploads" ADD CONSTRAINT "import_uploads_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "users"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_tenant_id_upload_id_fkey" FOREIGN KEY ("tenant_id", "upload_id") REFERENCES "import_uploads"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_tenant_id_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "users"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_settings" ADD CONSTRAINT "app_settings_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "app_settings" DROP CONSTRAINT IF EXISTS "app_settings_single_row";

-- Title unique among the active plans of one type, now in one municipality.
DROP INDEX "plans_active_type_title_key";
CREATE UNIQUE INDEX "plans_active_type_title_key" ON "plans"("tenant_id", "type", lower("title")) WHERE "archived_at" IS NULL;

-- 5. From now on a row's tenant is the transaction's.
ALTER TABLE "api_tokens" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "app_settings" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "audit_events" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "calendar_feeds" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "data_versions" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "import_rows" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "import_uploads" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "mail_deliveries" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "password_tokens" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "plan_documents" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "plan_events" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "plan_relations" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "plan_targets" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "plans" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "rate_limit_counters" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "sessions" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "sign_in_attempts" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "strategy_decisions" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "strategy_draft_items" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "strategy_periods" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();
ALTER TABLE "users" ALTER COLUMN "tenant_id" SET DEFAULT app_current_tenant();

-- 6. Triggers: the register's version is the changing tenant's (all tenants' when a maintenance
--    statement runs without one); plan events carry their plan's tenant.
CREATE OR REPLACE FUNCTION bump_register_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_versions" SET "version" = "version" + 1
  WHERE "name" = 'register' AND "tenant_id" = COALESCE(app_current_tenant(), "tenant_id");
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION record_plan_events_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "plan_events" ("tenant_id", "plan_id", "kind", "on")
  SELECT n.tenant_id, n.id, 'adopted', n.adopted_on FROM new_plans n
  WHERE n.adopted_on IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "plan_events" e WHERE e.tenant_id = n.tenant_id AND e.plan_id = n.id AND e.kind = 'adopted' AND e."on" = n.adopted_on);
  INSERT INTO "plan_events" ("tenant_id", "plan_id", "kind", "on")
  SELECT n.tenant_id, n.id, 'ended', NULL FROM new_plans n WHERE n.status IN ('opphevet', 'erstattet');
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION record_plan_events_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "plan_events" ("tenant_id", "plan_id", "kind", "on")
  SELECT n.tenant_id, n.id, 'adopted', n.adopted_on FROM new_plans n JOIN old_plans o ON o.id = n.id
  WHERE n.adopted_on IS NOT NULL AND n.adopted_on IS DISTINCT FROM o.adopted_on
    AND NOT EXISTS (SELECT 1 FROM "plan_events" e WHERE e.tenant_id = n.tenant_id AND e.plan_id = n.id AND e.kind = 'adopted' AND e."on" = n.adopted_on);
  INSERT INTO "plan_events" ("tenant_id", "plan_id", "kind", "on")
  SELECT n.tenant_id, n.id, 'ended', (now() AT TIME ZONE 'Europe/Oslo')::date FROM new_plans n JOIN old_plans o ON o.id = n.id
  WHERE n.status IN ('opphevet', 'erstattet') AND o.status NOT IN ('opphevet', 'erstattet');
  DELETE FROM "plan_events" e USING new_plans n JOIN old_plans o ON o.id = n.id
  WHERE e.tenant_id = n.tenant_id AND e.plan_id = n.id AND e.kind = 'ended' AND o.status IN ('opphevet', 'erstattet') AND n.status NOT IN ('opphevet', 'erstattet');
  RETURN NULL;
END;
$$;

-- A new tenant starts with its settings row and its register version (random start, as
-- migration 20261126210000 explains), written under its own tenant so row-level security allows it.
CREATE FUNCTION tenant_created() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous text := current_setting('app.tenant_id', true);
BEGIN
  PERFORM set_config('app.tenant_id', NEW.id::text, true);
  INSERT INTO "app_settings" ("tenant_id", "municipality_name") VALUES (NEW.id, NEW.name) ON CONFLICT DO NOTHING;
  INSERT INTO "data_versions" ("tenant_id", "name", "version") VALUES (NEW.id, 'register', 1 + floor(random() * 1e15)::bigint) ON CONFLICT DO NOTHING;
  PERFORM set_config('app.tenant_id', COALESCE(previous, ''), true);
  RETURN NULL;
END;
$$;
CREATE TRIGGER tenants_created AFTER INSERT ON "tenants" FOR EACH ROW EXECUTE FUNCTION tenant_created();

-- 7. The tenant of a transaction, set first thing in it (decision 045). Without one: the only
--    tenant when there is exactly one (a single-municipality installation needs no set-up),
--    otherwise an error rather than a guess.
CREATE FUNCTION app_set_tenant(requested integer) RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  chosen integer := requested;
BEGIN
  IF chosen IS NULL THEN
    SELECT min("id") INTO chosen FROM "tenants" HAVING count(*) = 1;
    IF chosen IS NULL THEN
      RAISE EXCEPTION 'No tenant given, and this database has several: the request''s or job''s tenant must be set.' USING ERRCODE = 'P0001';
    END IF;
  END IF;
  PERFORM set_config('app.tenant_id', chosen::text, true);
  RETURN chosen;
END;
$$;

-- 8. Row-level security on every tenant table, FORCEd so that the owner is held too unless it is a
--    superuser or has BYPASSRLS (migrations only). Policies compare with the transaction's tenant.
ALTER TABLE "api_tokens" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "api_tokens" FORCE ROW LEVEL SECURITY;
CREATE POLICY "api_tokens_tenant" ON "api_tokens" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "app_settings" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "app_settings" FORCE ROW LEVEL SECURITY;
CREATE POLICY "app_settings_tenant" ON "app_settings" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "audit_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY "audit_events_tenant" ON "audit_events" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "calendar_feeds" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "calendar_feeds" FORCE ROW LEVEL SECURITY;
CREATE POLICY "calendar_feeds_tenant" ON "calendar_feeds" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "data_versions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "data_versions" FORCE ROW LEVEL SECURITY;
CREATE POLICY "data_versions_tenant" ON "data_versions" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "import_rows" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "import_rows" FORCE ROW LEVEL SECURITY;
CREATE POLICY "import_rows_tenant" ON "import_rows" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "import_uploads" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "import_uploads" FORCE ROW LEVEL SECURITY;
CREATE POLICY "import_uploads_tenant" ON "import_uploads" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "mail_deliveries" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "mail_deliveries" FORCE ROW LEVEL SECURITY;
CREATE POLICY "mail_deliveries_tenant" ON "mail_deliveries" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "password_tokens" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "password_tokens" FORCE ROW LEVEL SECURITY;
CREATE POLICY "password_tokens_tenant" ON "password_tokens" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "plan_documents" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "plan_documents" FORCE ROW LEVEL SECURITY;
CREATE POLICY "plan_documents_tenant" ON "plan_documents" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "plan_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "plan_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY "plan_events_tenant" ON "plan_events" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "plan_relations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "plan_relations" FORCE ROW LEVEL SECURITY;
CREATE POLICY "plan_relations_tenant" ON "plan_relations" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "plan_targets" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "plan_targets" FORCE ROW LEVEL SECURITY;
CREATE POLICY "plan_targets_tenant" ON "plan_targets" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "plans" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "plans" FORCE ROW LEVEL SECURITY;
CREATE POLICY "plans_tenant" ON "plans" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "rate_limit_counters" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "rate_limit_counters" FORCE ROW LEVEL SECURITY;
CREATE POLICY "rate_limit_counters_tenant" ON "rate_limit_counters" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "sessions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "sessions" FORCE ROW LEVEL SECURITY;
CREATE POLICY "sessions_tenant" ON "sessions" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "sign_in_attempts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "sign_in_attempts" FORCE ROW LEVEL SECURITY;
CREATE POLICY "sign_in_attempts_tenant" ON "sign_in_attempts" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "strategy_decisions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "strategy_decisions" FORCE ROW LEVEL SECURITY;
CREATE POLICY "strategy_decisions_tenant" ON "strategy_decisions" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "strategy_draft_items" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "strategy_draft_items" FORCE ROW LEVEL SECURITY;
CREATE POLICY "strategy_draft_items_tenant" ON "strategy_draft_items" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "strategy_periods" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "strategy_periods" FORCE ROW LEVEL SECURITY;
CREATE POLICY "strategy_periods_tenant" ON "strategy_periods" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;
CREATE POLICY "users_tenant" ON "users" USING ("tenant_id" = app_current_tenant()) WITH CHECK ("tenant_id" = app_current_tenant());

-- 9. What the app role may do: read and write the tenant tables (row-level security decides
--    which rows), read tenants, host names and reference data; never the migrations' table.
GRANT USAGE ON SCHEMA public TO planregister_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO planregister_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO planregister_app;
REVOKE INSERT, UPDATE, DELETE ON "tenants", "tenant_hosts" FROM planregister_app;
-- (The engine's shadow database has no _prisma_migrations.)
DO $$
BEGIN
  IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN REVOKE ALL ON "_prisma_migrations" FROM planregister_app; END IF;
END
$$;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO planregister_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO planregister_app;
