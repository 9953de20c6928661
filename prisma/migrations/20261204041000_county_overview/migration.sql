-- The county governor's view (decision 053). The office's transactions carry the office's own
-- tenant, so row-level security shows it no municipality's rows. These two functions run as their
-- owner (the migration owner, which decision 045 requires to be a superuser or BYPASSRLS) and
-- return public figures only, and only for the municipalities of the calling transaction's
-- tenant's county when that tenant is a county office: any other caller gets no rows.

-- "When was the register last updated": the newest change of any plan, per tenant, from an index.
CREATE INDEX "plans_tenant_id_updated_at_idx" ON "plans"("tenant_id", "updated_at");

-- One row per municipality of the office's county: its current planning strategy's dates (the
-- one whose years cover `today`, the latest if several), its active plans, those overdue for
-- revision on `today`, those due between `period_start` and `period_end` (the election period,
-- overdue ones included, as the overview counts them), and its last change. One statement: the
-- counts are one grouped scan of the county's plans, the rest one index probe per municipality.
CREATE FUNCTION county_overview(today date, period_start date, period_end date)
RETURNS TABLE (
  kommunenummer text, name text,
  strategy_name text, strategy_start_year integer, strategy_end_year integer,
  council_constituted_on date, draft_published_on date, planned_meeting_on date, adopted_on date,
  active_plans bigint, overdue_plans bigint, due_this_period bigint, last_updated timestamptz
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  WITH office AS (
    SELECT t.county_number FROM tenants t WHERE t.id = app_current_tenant() AND t.kind = 'county'
  ), members AS (
    SELECT t.id, t.kommunenummer, t.name FROM tenants t JOIN office o ON o.county_number = t.county_number
    WHERE t.kind = 'municipality'
  ), figures AS (
    SELECT p.tenant_id,
           count(*) AS active,
           count(*) FILTER (WHERE p.revision_due_on < today) AS overdue,
           count(*) FILTER (WHERE p.revision_due_on BETWEEN period_start AND period_end) AS due
    FROM plans p JOIN members m ON m.id = p.tenant_id
    WHERE p.archived_at IS NULL AND p.status NOT IN ('opphevet', 'erstattet')
    GROUP BY p.tenant_id
  )
  SELECT m.kommunenummer::text, m.name,
         s.name, s.start_year, s.end_year,
         s.council_constituted_on, s.draft_published_on, s.planned_meeting_on, s.adopted_on,
         COALESCE(f.active, 0), COALESCE(f.overdue, 0), COALESCE(f.due, 0),
         GREATEST(
           (SELECT max(p.updated_at) FROM plans p WHERE p.tenant_id = m.id),
           (SELECT max(sp.updated_at) FROM strategy_periods sp WHERE sp.tenant_id = m.id))
  FROM members m
  LEFT JOIN figures f ON f.tenant_id = m.id
  LEFT JOIN LATERAL (
    SELECT sp.name, sp.start_year, sp.end_year, sp.council_constituted_on, sp.draft_published_on, sp.planned_meeting_on, sp.adopted_on
    FROM strategy_periods sp
    WHERE sp.tenant_id = m.id
      AND sp.start_year <= extract(year FROM today) AND sp.end_year >= extract(year FROM today)
    ORDER BY sp.start_year DESC, sp.id DESC
    LIMIT 1
  ) s ON true
  ORDER BY m.kommunenummer
$$;

-- One page of a municipality's public plans (innsyn's allow-list rule and fields: in force, on
-- consultation, or a draft marked public; never archived), for the office of its county only.
-- `total` is the count of all of them, on every row.
CREATE FUNCTION county_public_plans(municipality text, page_limit integer, page_offset integer)
RETURNS TABLE (
  title text, type text, status text, adopted_on date, revision_due_on date, responsible_unit text, total bigint
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
  WITH member AS (
    SELECT t.id FROM tenants t
    JOIN tenants office ON office.id = app_current_tenant() AND office.kind = 'county' AND office.county_number = t.county_number
    WHERE t.kind = 'municipality' AND t.kommunenummer = municipality
  ), visible AS (
    SELECT p.id, p.title, p.type::text AS type, p.status::text AS status, p.adopted_on, p.revision_due_on, p.responsible_unit
    FROM plans p JOIN member m ON m.id = p.tenant_id
    WHERE p.archived_at IS NULL
      AND (p.status IN ('vedtatt', 'under_revisjon', 'pa_horing') OR (p.status IN ('planlagt', 'under_utarbeidelse') AND p.public_draft))
  )
  SELECT v.title, v.type, v.status, v.adopted_on, v.revision_due_on, v.responsible_unit, count(*) OVER ()
  FROM visible v
  ORDER BY v.title, v.id
  LIMIT LEAST(GREATEST(page_limit, 1), 200) OFFSET GREATEST(page_offset, 0)
$$;

REVOKE ALL ON FUNCTION county_overview(date, date, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION county_public_plans(text, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION county_overview(date, date, date) TO planregister_app;
GRANT EXECUTE ON FUNCTION county_public_plans(text, integer, integer) TO planregister_app;
