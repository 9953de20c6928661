-- The plan events (adopted, ended) kept per statement from the transition tables instead of per row:
-- the same events, in one set-based statement each, however many plans a statement writes.
DROP TRIGGER "plans_record_events" ON "plans";
DROP FUNCTION record_plan_events();

CREATE FUNCTION record_plan_events_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "plan_events" ("plan_id", "kind", "on")
  SELECT n.id, 'adopted', n.adopted_on FROM new_plans n
  WHERE n.adopted_on IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "plan_events" e WHERE e.plan_id = n.id AND e.kind = 'adopted' AND e."on" = n.adopted_on);
  INSERT INTO "plan_events" ("plan_id", "kind", "on")
  SELECT n.id, 'ended', NULL FROM new_plans n WHERE n.status IN ('opphevet', 'erstattet');
  RETURN NULL;
END;
$$;

CREATE FUNCTION record_plan_events_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "plan_events" ("plan_id", "kind", "on")
  SELECT n.id, 'adopted', n.adopted_on FROM new_plans n JOIN old_plans o ON o.id = n.id
  WHERE n.adopted_on IS NOT NULL AND n.adopted_on IS DISTINCT FROM o.adopted_on
    AND NOT EXISTS (SELECT 1 FROM "plan_events" e WHERE e.plan_id = n.id AND e.kind = 'adopted' AND e."on" = n.adopted_on);
  INSERT INTO "plan_events" ("plan_id", "kind", "on")
  SELECT n.id, 'ended', (now() AT TIME ZONE 'Europe/Oslo')::date FROM new_plans n JOIN old_plans o ON o.id = n.id
  WHERE n.status IN ('opphevet', 'erstattet') AND o.status NOT IN ('opphevet', 'erstattet');
  DELETE FROM "plan_events" e USING new_plans n JOIN old_plans o ON o.id = n.id
  WHERE e.plan_id = n.id AND e.kind = 'ended' AND o.status IN ('opphevet', 'erstattet') AND n.status NOT IN ('opphevet', 'erstattet');
  RETURN NULL;
END;
$$;

-- Transition tables allow one event per trigger and no column list.
CREATE TRIGGER plans_record_events_insert AFTER INSERT ON "plans"
  REFERENCING NEW TABLE AS new_plans FOR EACH STATEMENT EXECUTE FUNCTION record_plan_events_inserted();
CREATE TRIGGER plans_record_events_update AFTER UPDATE ON "plans"
  REFERENCING OLD TABLE AS old_plans NEW TABLE AS new_plans FOR EACH STATEMENT EXECUTE FUNCTION record_plan_events_updated();
