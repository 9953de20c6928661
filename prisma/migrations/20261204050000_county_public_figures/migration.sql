-- The county view counts public plans only (decision 053, amended): innsyn's rule — in force, on
-- consultation, or a draft the municipality has made public; never archived. The first version
-- counted every active plan, so an office saw that unpublished drafts existed and when they were
-- last edited. "Last updated" is the newest change of a public plan or of a planning strategy.
-- CREATE OR REPLACE keeps the owner, SECURITY DEFINER, search_path and the grants.
CREATE OR REPLACE FUNCTION county_overview(today date, period_start date, period_end date)
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
    WHERE p.archived_at IS NULL
      AND (p.status IN ('vedtatt', 'under_revisjon', 'pa_horing') OR (p.status IN ('planlagt', 'under_utarbeidelse') AND p.public_draft))
    GROUP BY p.tenant_id
  )
  SELECT m.kommunenummer::text, m.name,
         s.name, s.start_year, s.end_year,
         s.council_constituted_on, s.draft_published_on, s.planned_meeting_on, s.adopted_on,
         COALESCE(f.active, 0), COALESCE(f.overdue, 0), COALESCE(f.due, 0),
         GREATEST(
           (SELECT max(p.updated_at) FROM plans p WHERE p.tenant_id = m.id AND p.archived_at IS NULL
              AND (p.status IN ('vedtatt', 'under_revisjon', 'pa_horing') OR (p.status IN ('planlagt', 'under_utarbeidelse') AND p.public_draft))),
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

-- Other municipalities where the same e-mail has an account: municipalities only (never the
-- platform or a county office), decision 056.
CREATE OR REPLACE FUNCTION user_other_tenants(p_user_id integer)
RETURNS TABLE (tenant_id integer, name text, kind text, host text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT t.id, t.name, t.kind::text,
    (SELECT h.host FROM tenant_hosts h WHERE h.tenant_id = t.id
      ORDER BY position('.' IN h.host) = 0, h.host ~ '^[0-9.]+$', length(h.host), h.host LIMIT 1)
  FROM users me
  JOIN users u ON u.email = me.email AND u.active AND u.tenant_id <> me.tenant_id
  JOIN tenants t ON t.id = u.tenant_id AND t.kind = 'municipality'
  WHERE me.tenant_id = app_current_tenant() AND me.id = p_user_id AND me.active
  ORDER BY t.name, t.id
  LIMIT 100
$$;
