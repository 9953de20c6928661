-- CreateEnum
CREATE TYPE "DraftReason" AS ENUM ('due_in_period', 'due_later', 'no_due_date', 'consider_revision', 'added');

-- CreateEnum
CREATE TYPE "PlanEventKind" AS ENUM ('adopted', 'ended');

-- AlterTable
ALTER TABLE "strategy_periods" ADD COLUMN     "planned_meeting_on" DATE;

-- CreateTable
CREATE TABLE "strategy_draft_items" (
    "id" SERIAL NOT NULL,
    "period_id" INTEGER NOT NULL,
    "plan_id" INTEGER,
    "title" TEXT,
    "type" "PlanType",
    "decision" "StrategyDecisionKind",
    "target_year" INTEGER,
    "responsible_unit" TEXT,
    "reason" "DraftReason" NOT NULL,
    "due_on" DATE,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "absorbed_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "strategy_draft_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_events" (
    "id" BIGSERIAL NOT NULL,
    "plan_id" INTEGER NOT NULL,
    "kind" "PlanEventKind" NOT NULL,
    "on" DATE,

    CONSTRAINT "plan_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "strategy_draft_items_period_id_decision_idx" ON "strategy_draft_items"("period_id", "decision");

-- CreateIndex
CREATE INDEX "strategy_draft_items_plan_id_idx" ON "strategy_draft_items"("plan_id");

-- CreateIndex
CREATE INDEX "strategy_draft_items_absorbed_by_id_idx" ON "strategy_draft_items"("absorbed_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "strategy_draft_items_period_id_plan_id_key" ON "strategy_draft_items"("period_id", "plan_id");

-- CreateIndex
CREATE INDEX "plan_events_plan_id_kind_on_idx" ON "plan_events"("plan_id", "kind", "on");

-- CreateIndex
CREATE INDEX "plan_events_kind_on_idx" ON "plan_events"("kind", "on");

-- AddForeignKey
ALTER TABLE "strategy_draft_items" ADD CONSTRAINT "strategy_draft_items_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "strategy_periods"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strategy_draft_items" ADD CONSTRAINT "strategy_draft_items_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strategy_draft_items" ADD CONSTRAINT "strategy_draft_items_absorbed_by_id_fkey" FOREIGN KEY ("absorbed_by_id") REFERENCES "strategy_draft_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "strategy_draft_items" ADD CONSTRAINT "strategy_draft_items_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (decision 032): a plan's adoptions and its end, kept when its own dates change.
-- Existing data: every adoption date a plan has or had (its row and its audit history), and for
-- plans already repealed or replaced, the day the audit log saw that happen (unknown: NULL).
INSERT INTO "plan_events" ("plan_id", "kind", "on")
SELECT DISTINCT plan_id, 'adopted'::"PlanEventKind", day FROM (
  SELECT id AS plan_id, adopted_on AS day FROM "plans" WHERE adopted_on IS NOT NULL
  UNION
  SELECT e.entity_id::int, (s.snap->>'adoptedOn')::date
  FROM "audit_events" e CROSS JOIN LATERAL (VALUES (e.before), (e.after)) AS s(snap)
  WHERE e.entity_type = 'plan' AND e.type IN ('plan.created', 'plan.updated') AND e.entity_id ~ '^[0-9]+$'
    AND jsonb_typeof(s.snap) = 'object' AND (s.snap->>'adoptedOn') ~ '^\d{4}-\d{2}-\d{2}$'
) AS seen WHERE EXISTS (SELECT 1 FROM "plans" p WHERE p.id = seen.plan_id);

INSERT INTO "plan_events" ("plan_id", "kind", "on")
SELECT p.id, 'ended', (
  SELECT (max(e.at) AT TIME ZONE 'Europe/Oslo')::date FROM "audit_events" e
  WHERE e.entity_type = 'plan' AND e.entity_id = p.id::text AND e.type = 'plan.updated'
    AND e.after->>'status' IN ('opphevet', 'erstattet') AND coalesce(e.before->>'status', '') NOT IN ('opphevet', 'erstattet'))
FROM "plans" p WHERE p.status IN ('opphevet', 'erstattet');

-- From now on a trigger keeps them, whatever writes the plan (the app, the seed, a script).
-- A plan created already ended has an unknown end date (NULL); a plan brought back from ended
-- loses its end (it was a correction).
CREATE FUNCTION record_plan_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.adopted_on IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.adopted_on IS DISTINCT FROM OLD.adopted_on)
     AND NOT EXISTS (SELECT 1 FROM "plan_events" WHERE plan_id = NEW.id AND kind = 'adopted' AND "on" = NEW.adopted_on) THEN
    INSERT INTO "plan_events" ("plan_id", "kind", "on") VALUES (NEW.id, 'adopted', NEW.adopted_on);
  END IF;
  IF NEW.status IN ('opphevet', 'erstattet') AND (TG_OP = 'INSERT' OR OLD.status NOT IN ('opphevet', 'erstattet')) THEN
    INSERT INTO "plan_events" ("plan_id", "kind", "on")
    VALUES (NEW.id, 'ended', CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE (now() AT TIME ZONE 'Europe/Oslo')::date END);
  ELSIF TG_OP = 'UPDATE' AND OLD.status IN ('opphevet', 'erstattet') AND NEW.status NOT IN ('opphevet', 'erstattet') THEN
    DELETE FROM "plan_events" WHERE plan_id = NEW.id AND kind = 'ended';
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER plans_record_events AFTER INSERT OR UPDATE OF adopted_on, status ON "plans"
  FOR EACH ROW EXECUTE FUNCTION record_plan_events();
