-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'editor', 'admin');

-- CreateEnum
CREATE TYPE "PlanType" AS ENUM ('kommuneplan_samfunnsdel', 'kommuneplan_arealdel', 'kommunedelplan', 'temaplan', 'strategi', 'handlingsplan', 'reguleringsplan', 'annet');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('planlagt', 'under_utarbeidelse', 'vedtatt', 'under_revisjon', 'opphevet', 'erstattet');

-- CreateEnum
CREATE TYPE "DecisionBody" AS ENUM ('kommunestyret', 'formannskapet', 'hovedutvalg', 'kommunedirektoren', 'annet');

-- CreateEnum
CREATE TYPE "RelationKind" AS ENUM ('includes', 'supports', 'replaces');

-- CreateEnum
CREATE TYPE "StrategyDecisionKind" AS ENUM ('new', 'revise', 'continue', 'repeal');

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "password_hash" TEXT,
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "last_sign_in_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plans" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "type" "PlanType" NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'planlagt',
    "adopted_on" DATE,
    "adopted_by" "DecisionBody",
    "case_number" TEXT,
    "decision_url" TEXT,
    "revision_due_on" DATE,
    "period_from_year" INTEGER,
    "period_to_year" INTEGER,
    "responsible_unit" TEXT,
    "owner_id" INTEGER,
    "summary" TEXT NOT NULL DEFAULT '',
    "legally_required" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sdg_goals" (
    "code" INTEGER NOT NULL,
    "title_nb" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "short_nb" TEXT NOT NULL,
    "short_en" TEXT NOT NULL,
    "uri" TEXT NOT NULL,

    CONSTRAINT "sdg_goals_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "sdg_targets" (
    "code" TEXT NOT NULL,
    "goal_code" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "text_nb" TEXT,
    "text_en" TEXT NOT NULL,
    "uri" TEXT NOT NULL,

    CONSTRAINT "sdg_targets_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "plan_targets" (
    "plan_id" INTEGER NOT NULL,
    "target_code" TEXT NOT NULL,

    CONSTRAINT "plan_targets_pkey" PRIMARY KEY ("plan_id","target_code")
);

-- CreateTable
CREATE TABLE "plan_relations" (
    "id" SERIAL NOT NULL,
    "from_plan_id" INTEGER NOT NULL,
    "to_plan_id" INTEGER NOT NULL,
    "kind" "RelationKind" NOT NULL,

    CONSTRAINT "plan_relations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_documents" (
    "id" SERIAL NOT NULL,
    "plan_id" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "plan_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "strategy_periods" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "start_year" INTEGER NOT NULL,
    "end_year" INTEGER NOT NULL,
    "council_constituted_on" DATE,
    "draft_published_on" DATE,
    "adopted_on" DATE,
    "adopted_by" "DecisionBody",
    "case_number" TEXT,
    "decision_url" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "strategy_periods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "strategy_decisions" (
    "id" SERIAL NOT NULL,
    "period_id" INTEGER NOT NULL,
    "plan_id" INTEGER NOT NULL,
    "decision" "StrategyDecisionKind" NOT NULL,
    "target_year" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "strategy_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "type" TEXT NOT NULL,
    "entity_type" TEXT,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "plans_status_idx" ON "plans"("status");

-- CreateIndex
CREATE INDEX "plans_revision_due_on_idx" ON "plans"("revision_due_on");

-- CreateIndex
CREATE INDEX "plans_owner_id_idx" ON "plans"("owner_id");

-- CreateIndex
CREATE INDEX "sdg_targets_goal_code_sort_order_idx" ON "sdg_targets"("goal_code", "sort_order");

-- CreateIndex
CREATE INDEX "plan_targets_target_code_idx" ON "plan_targets"("target_code");

-- CreateIndex
CREATE INDEX "plan_relations_to_plan_id_idx" ON "plan_relations"("to_plan_id");

-- CreateIndex
CREATE UNIQUE INDEX "plan_relations_from_plan_id_to_plan_id_kind_key" ON "plan_relations"("from_plan_id", "to_plan_id", "kind");

-- CreateIndex
CREATE INDEX "plan_documents_plan_id_sort_order_idx" ON "plan_documents"("plan_id", "sort_order");

-- CreateIndex
CREATE UNIQUE INDEX "strategy_periods_name_key" ON "strategy_periods"("name");

-- CreateIndex
CREATE INDEX "strategy_decisions_plan_id_idx" ON "strategy_decisions"("plan_id");

-- CreateIndex
CREATE UNIQUE INDEX "strategy_decisions_period_id_plan_id_key" ON "strategy_decisions"("period_id", "plan_id");

-- CreateIndex
CREATE INDEX "audit_events_entity_type_entity_id_at_idx" ON "audit_events"("entity_type", "entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_at_idx" ON "audit_events"("actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- AddForeignKey
ALTER TABLE "plans" ADD CONSTRAINT "plans_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sdg_targets" ADD CONSTRAINT "sdg_targets_goal_code_fkey" FOREIGN KEY ("goal_code") REFERENCES "sdg_goals"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_target_code_fkey" FOREIGN KEY ("target_code") REFERENCES "sdg_targets"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_relations" ADD CONSTRAINT "plan_relations_from_plan_id_fkey" FOREIGN KEY ("from_plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_relations" ADD CONSTRAINT "plan_relations_to_plan_id_fkey" FOREIGN KEY ("to_plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_documents" ADD CONSTRAINT "plan_documents_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strategy_decisions" ADD CONSTRAINT "strategy_decisions_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "strategy_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strategy_decisions" ADD CONSTRAINT "strategy_decisions_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Rules Prisma's schema language cannot express. Prisma's differ does not manage CHECK
-- constraints, so they live here and in later migrations' hand-written SQL.
ALTER TABLE "users" ADD CONSTRAINT "users_email_normalized_check" CHECK ("email" = lower(btrim("email")) AND position('@' IN "email") > 1);
ALTER TABLE "users" ADD CONSTRAINT "users_session_version_check" CHECK ("session_version" >= 1);

-- Partial unique index: Prisma's differ (without the partialIndexes preview, which the WASM
-- engine does not honour) neither creates nor drops it.
CREATE UNIQUE INDEX "plans_active_type_title_key" ON "plans"("type", lower("title")) WHERE "archived_at" IS NULL;
ALTER TABLE "plans" ADD CONSTRAINT "plans_title_check" CHECK (length(btrim("title")) BETWEEN 1 AND 300);
ALTER TABLE "plans" ADD CONSTRAINT "plans_version_check" CHECK ("version" >= 1);
ALTER TABLE "plans" ADD CONSTRAINT "plans_revision_after_adoption_check" CHECK ("revision_due_on" IS NULL OR "adopted_on" IS NULL OR "revision_due_on" >= "adopted_on");
ALTER TABLE "plans" ADD CONSTRAINT "plans_period_order_check" CHECK ("period_from_year" IS NULL OR "period_to_year" IS NULL OR "period_from_year" <= "period_to_year");
ALTER TABLE "plans" ADD CONSTRAINT "plans_period_years_check" CHECK (("period_from_year" IS NULL OR "period_from_year" BETWEEN 1900 AND 2200) AND ("period_to_year" IS NULL OR "period_to_year" BETWEEN 1900 AND 2200));
ALTER TABLE "plans" ADD CONSTRAINT "plans_in_force_adopted_check" CHECK ("status" NOT IN ('vedtatt', 'under_revisjon') OR ("adopted_on" IS NOT NULL AND "adopted_by" IS NOT NULL));
ALTER TABLE "plans" ADD CONSTRAINT "plans_decision_url_check" CHECK ("decision_url" IS NULL OR "decision_url" ~ '^https?://');

ALTER TABLE "plan_relations" ADD CONSTRAINT "plan_relations_not_self_check" CHECK ("from_plan_id" <> "to_plan_id");
ALTER TABLE "plan_documents" ADD CONSTRAINT "plan_documents_url_check" CHECK ("url" ~ '^https?://');
ALTER TABLE "plan_documents" ADD CONSTRAINT "plan_documents_label_check" CHECK (length(btrim("label")) BETWEEN 1 AND 300);

ALTER TABLE "strategy_periods" ADD CONSTRAINT "strategy_periods_years_check" CHECK ("start_year" BETWEEN 1900 AND 2200 AND "start_year" <= "end_year" AND "end_year" <= 2200);
ALTER TABLE "strategy_periods" ADD CONSTRAINT "strategy_periods_adopted_after_constituted_check" CHECK ("adopted_on" IS NULL OR "council_constituted_on" IS NULL OR "adopted_on" >= "council_constituted_on");
ALTER TABLE "strategy_periods" ADD CONSTRAINT "strategy_periods_draft_before_adoption_check" CHECK ("draft_published_on" IS NULL OR "adopted_on" IS NULL OR "draft_published_on" <= "adopted_on");
ALTER TABLE "strategy_periods" ADD CONSTRAINT "strategy_periods_decision_url_check" CHECK ("decision_url" IS NULL OR "decision_url" ~ '^https?://');
ALTER TABLE "strategy_decisions" ADD CONSTRAINT "strategy_decisions_target_year_check" CHECK ("target_year" IS NULL OR "target_year" BETWEEN 1900 AND 2200);

ALTER TABLE "sdg_goals" ADD CONSTRAINT "sdg_goals_code_check" CHECK ("code" BETWEEN 1 AND 17);
