-- The platform operator (decision 055): tenants, their host names and first admins are created
-- only through these functions. The app role may not write tenants or tenant_hosts; the
-- platform_* functions run as their owner (SECURITY DEFINER), and each first checks that the
-- calling transaction's tenant is the platform and that the actor is an active operator there.
-- Refusals of input are raised with DETAIL '<field>:<reason>' so that the app can put the message
-- next to its field and the command line can print the sentence.

-- 1. The shared work, for the command line (as the owner) and platform_create_tenant: one tenant,
--    its host names, its first user with a one-time set-password token, and their audit rows in
--    the new tenant. Not granted to the app role.
CREATE FUNCTION tenant_create(
  p_kind "TenantKind", p_kommunenummer text, p_name text, p_county_number text, p_county_name text,
  p_hosts text[], p_admin_email text, p_admin_name text, p_token_hash text, p_token_expires_at timestamptz, p_via jsonb
) RETURNS TABLE (tenant_id integer, user_id integer)
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  previous text := current_setting('app.tenant_id', true);
  v_tenant integer;
  v_user integer;
  v_email text := lower(btrim(coalesce(p_admin_email, '')));
  v_name text := btrim(coalesce(p_name, ''));
  v_admin_name text := btrim(coalesce(p_admin_name, ''));
  v_role "Role" := CASE p_kind WHEN 'municipality' THEN 'admin' WHEN 'county' THEN 'statsforvalter' ELSE 'operator' END::"Role";
  v_hosts text[] := ARRAY(SELECT DISTINCT lower(btrim(h)) FROM unnest(coalesce(p_hosts, '{}')) AS h);
  v_taken text;
BEGIN
  IF p_kind IS NULL THEN
    RAISE EXCEPTION 'The kind must be municipality, county or platform.' USING ERRCODE = 'P0001', DETAIL = 'kind:invalid';
  END IF;
  IF p_kind = 'municipality' AND coalesce(p_kommunenummer, '') !~ '^[0-9]{4}$' THEN
    RAISE EXCEPTION 'The kommunenummer must be 4 digits.' USING ERRCODE = 'P0001', DETAIL = 'kommunenummer:invalid';
  END IF;
  IF p_kind <> 'municipality' AND p_kommunenummer IS NOT NULL THEN
    RAISE EXCEPTION 'Only a municipality has a kommunenummer.' USING ERRCODE = 'P0001', DETAIL = 'kommunenummer:invalid';
  END IF;
  IF EXISTS (SELECT FROM tenants t WHERE t.kommunenummer = p_kommunenummer) THEN
    RAISE EXCEPTION 'Kommunenummer % already belongs to a tenant.', p_kommunenummer USING ERRCODE = 'P0001', DETAIL = 'kommunenummer:taken';
  END IF;
  IF length(v_name) NOT BETWEEN 1 AND 200 THEN
    RAISE EXCEPTION 'The name must have 1 to 200 characters.' USING ERRCODE = 'P0001', DETAIL = 'name:invalid';
  END IF;
  IF coalesce(p_county_number, '') !~ '^[0-9]{2}$' THEN
    RAISE EXCEPTION 'The county number must be 2 digits.' USING ERRCODE = 'P0001', DETAIL = 'countyNumber:invalid';
  END IF;
  IF length(btrim(coalesce(p_county_name, ''))) > 200 OR (p_kind <> 'platform' AND length(btrim(coalesce(p_county_name, ''))) = 0) THEN
    RAISE EXCEPTION 'The county name must have 1 to 200 characters.' USING ERRCODE = 'P0001', DETAIL = 'countyName:invalid';
  END IF;
  IF p_kind = 'county' AND EXISTS (SELECT FROM tenants t WHERE t.kind = 'county' AND t.county_number = p_county_number) THEN
    RAISE EXCEPTION 'County % already has its governor''s office.', p_county_number USING ERRCODE = 'P0001', DETAIL = 'countyNumber:officeExists';
  END IF;
  IF p_kind = 'platform' AND EXISTS (SELECT FROM tenants t WHERE t.kind = 'platform') THEN
    RAISE EXCEPTION 'The platform tenant exists already; there is only one.' USING ERRCODE = 'P0001', DETAIL = 'kind:platformExists';
  END IF;
  IF cardinality(v_hosts) = 0 OR cardinality(v_hosts) > 20
     OR EXISTS (SELECT FROM unnest(v_hosts) AS h WHERE h !~ '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$' OR length(h) > 253) THEN
    RAISE EXCEPTION 'Give 1 to 20 host names of letters, digits, dots and hyphens (e.g. planer.kommune.no).' USING ERRCODE = 'P0001', DETAIL = 'hosts:invalid';
  END IF;
  SELECT h.host INTO v_taken FROM tenant_hosts h WHERE h.host = ANY (v_hosts) ORDER BY h.host LIMIT 1;
  IF v_taken IS NOT NULL THEN
    RAISE EXCEPTION 'The host name % already belongs to a tenant.', v_taken USING ERRCODE = 'P0001', DETAIL = 'hosts:taken';
  END IF;
  IF v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' OR length(v_email) > 320 THEN
    RAISE EXCEPTION 'The first user''s e-mail address is not valid.' USING ERRCODE = 'P0001', DETAIL = 'adminEmail:invalid';
  END IF;
  IF length(v_admin_name) NOT BETWEEN 1 AND 200 THEN
    RAISE EXCEPTION 'The first user''s name must have 1 to 200 characters.' USING ERRCODE = 'P0001', DETAIL = 'adminName:invalid';
  END IF;

  INSERT INTO tenants (kind, kommunenummer, name, county_number, county_name)
  VALUES (p_kind, p_kommunenummer, v_name, p_county_number, btrim(coalesce(p_county_name, '')))
  RETURNING id INTO v_tenant;
  INSERT INTO tenant_hosts (host, tenant_id) SELECT h, v_tenant FROM unnest(v_hosts) AS h;

  -- The new tenant's rows, under its own tenant so that row-level security holds for them too.
  PERFORM set_config('app.tenant_id', v_tenant::text, true);
  INSERT INTO users (tenant_id, email, name, role, updated_at) VALUES (v_tenant, v_email, v_admin_name, v_role, now()) RETURNING id INTO v_user;
  -- Without a token (the example data, whose accounts have public passwords) the user gets none.
  IF p_token_hash IS NOT NULL THEN
    INSERT INTO password_tokens (tenant_id, user_id, token_hash, expires_at) VALUES (v_tenant, v_user, p_token_hash, coalesce(p_token_expires_at, now() + interval '72 hours'));
  END IF;
  INSERT INTO audit_events (tenant_id, type, actor_id, entity_type, entity_id, after) VALUES
    (v_tenant, 'tenant.created', NULL, 'tenant', v_tenant::text,
     jsonb_build_object('kind', p_kind, 'kommunenummer', p_kommunenummer, 'name', v_name, 'countyNumber', p_county_number, 'countyName', btrim(coalesce(p_county_name, '')), 'hosts', to_jsonb(v_hosts)) || coalesce(p_via, '{}')),
    (v_tenant, 'user.created', NULL, 'user', v_user::text, jsonb_build_object('email', v_email, 'name', v_admin_name, 'role', v_role) || coalesce(p_via, '{}'));
  PERFORM set_config('app.tenant_id', coalesce(previous, ''), true);
  RETURN QUERY SELECT v_tenant, v_user;
END;
$$;
REVOKE EXECUTE ON FUNCTION tenant_create("TenantKind", text, text, text, text, text[], text, text, text, timestamptz, jsonb) FROM PUBLIC;

-- 2. The operator's calls, as the app role. The caller is the transaction's tenant (set by the app
--    from the request's host) and the actor an active operator of it; anything else is refused.
CREATE FUNCTION platform_operator_check(p_actor_id integer) RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  caller integer := app_current_tenant();
BEGIN
  IF caller IS NULL OR NOT EXISTS (SELECT FROM tenants t WHERE t.id = caller AND t.kind = 'platform')
     OR NOT EXISTS (SELECT FROM users u WHERE u.tenant_id = caller AND u.id = p_actor_id AND u.role = 'operator' AND u.active) THEN
    RAISE EXCEPTION 'Only an operator of the platform tenant may manage tenants.' USING ERRCODE = '42501';
  END IF;
  RETURN caller;
END;
$$;

CREATE FUNCTION platform_create_tenant(
  p_actor_id integer, p_kind "TenantKind", p_kommunenummer text, p_name text, p_county_number text, p_county_name text,
  p_hosts text[], p_admin_email text, p_admin_name text, p_token_hash text, p_token_expires_at timestamptz
) RETURNS TABLE (tenant_id integer, user_id integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  caller integer := platform_operator_check(p_actor_id);
  created record;
BEGIN
  SELECT c.tenant_id, c.user_id INTO created FROM tenant_create(p_kind, p_kommunenummer, p_name, p_county_number, p_county_name,
    p_hosts, p_admin_email, p_admin_name, p_token_hash, p_token_expires_at,
    jsonb_build_object('via', 'operator', 'operatorTenantId', caller, 'operatorId', p_actor_id)) AS c;
  -- Who created what, in the platform's own audit.
  INSERT INTO audit_events (tenant_id, type, actor_id, entity_type, entity_id, after)
  SELECT caller, 'tenant.created', p_actor_id, 'tenant', t.id::text,
    jsonb_build_object('kind', t.kind, 'kommunenummer', t.kommunenummer, 'name', t.name, 'countyNumber', t.county_number, 'countyName', t.county_name,
      'hosts', (SELECT jsonb_agg(h.host ORDER BY h.host) FROM tenant_hosts h WHERE h.tenant_id = t.id), 'adminEmail', lower(btrim(p_admin_email)))
  FROM tenants t WHERE t.id = created.tenant_id;
  RETURN QUERY SELECT created.tenant_id, created.user_id;
END;
$$;

-- A host name more or less for a tenant; a tenant keeps at least one (else nobody could reach it).
CREATE FUNCTION platform_set_host(p_actor_id integer, p_tenant_id integer, p_host text, p_add boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  caller integer := platform_operator_check(p_actor_id);
  v_host text := lower(btrim(coalesce(p_host, '')));
  previous text := current_setting('app.tenant_id', true);
BEGIN
  IF NOT EXISTS (SELECT FROM tenants t WHERE t.id = p_tenant_id) THEN
    RAISE EXCEPTION 'There is no tenant %.', p_tenant_id USING ERRCODE = 'P0001', DETAIL = 'tenantId:unknown';
  END IF;
  IF p_add THEN
    IF v_host !~ '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$' OR length(v_host) > 253 THEN
      RAISE EXCEPTION 'A host name has letters, digits, dots and hyphens (e.g. planer.kommune.no).' USING ERRCODE = 'P0001', DETAIL = 'host:invalid';
    END IF;
    IF EXISTS (SELECT FROM tenant_hosts h WHERE h.host = v_host) THEN
      RAISE EXCEPTION 'The host name % already belongs to a tenant.', v_host USING ERRCODE = 'P0001', DETAIL = 'host:taken';
    END IF;
    IF (SELECT count(*) FROM tenant_hosts h WHERE h.tenant_id = p_tenant_id) >= 20 THEN
      RAISE EXCEPTION 'A tenant has at most 20 host names.' USING ERRCODE = 'P0001', DETAIL = 'host:tooMany';
    END IF;
    INSERT INTO tenant_hosts (host, tenant_id) VALUES (v_host, p_tenant_id);
  ELSE
    -- Serialises removals, so two at once cannot leave a tenant without a host.
    PERFORM 1 FROM tenants t WHERE t.id = p_tenant_id FOR UPDATE;
    IF NOT EXISTS (SELECT FROM tenant_hosts h WHERE h.host = v_host AND h.tenant_id = p_tenant_id) THEN
      RAISE EXCEPTION 'The tenant has no host name %.', v_host USING ERRCODE = 'P0001', DETAIL = 'host:unknown';
    END IF;
    IF (SELECT count(*) FROM tenant_hosts h WHERE h.tenant_id = p_tenant_id) <= 1 THEN
      RAISE EXCEPTION 'This is the tenant''s last host name; add another first.' USING ERRCODE = 'P0001', DETAIL = 'host:last';
    END IF;
    DELETE FROM tenant_hosts h WHERE h.host = v_host AND h.tenant_id = p_tenant_id;
  END IF;
  INSERT INTO audit_events (tenant_id, type, actor_id, entity_type, entity_id, after)
  VALUES (caller, CASE WHEN p_add THEN 'tenant.host_added' ELSE 'tenant.host_removed' END, p_actor_id, 'tenant', p_tenant_id::text, jsonb_build_object('host', v_host));
  IF p_tenant_id <> caller THEN
    PERFORM set_config('app.tenant_id', p_tenant_id::text, true);
    INSERT INTO audit_events (tenant_id, type, actor_id, entity_type, entity_id, after)
    VALUES (p_tenant_id, CASE WHEN p_add THEN 'tenant.host_added' ELSE 'tenant.host_removed' END, NULL, 'tenant', p_tenant_id::text,
      jsonb_build_object('host', v_host, 'via', 'operator', 'operatorTenantId', caller, 'operatorId', p_actor_id));
    PERFORM set_config('app.tenant_id', coalesce(previous, ''), true);
  END IF;
END;
$$;

-- 3. "Your other municipalities" (decision 056): the tenants where the calling user's own e-mail
--    has an active account, with names and host names only. The user must be an active user of
--    the transaction's tenant; a person's memberships are the accounts with their e-mail.
CREATE FUNCTION user_other_tenants(p_user_id integer)
RETURNS TABLE (tenant_id integer, name text, kind text, host text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT t.id, t.name, t.kind::text,
    (SELECT h.host FROM tenant_hosts h WHERE h.tenant_id = t.id
      ORDER BY position('.' IN h.host) = 0, h.host ~ '^[0-9.]+$', length(h.host), h.host LIMIT 1)
  FROM users me
  JOIN users u ON u.email = me.email AND u.active AND u.tenant_id <> me.tenant_id
  JOIN tenants t ON t.id = u.tenant_id
  WHERE me.tenant_id = app_current_tenant() AND me.id = p_user_id AND me.active
  ORDER BY t.name, t.id
  LIMIT 100
$$;
-- Across tenants by e-mail: the one lookup that does not lead with the tenant.
CREATE INDEX "users_email_idx" ON "users"("email");

REVOKE EXECUTE ON FUNCTION platform_operator_check(integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION platform_create_tenant(integer, "TenantKind", text, text, text, text, text[], text, text, text, timestamptz) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION platform_set_host(integer, integer, text, boolean) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION user_other_tenants(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_create_tenant(integer, "TenantKind", text, text, text, text, text[], text, text, text, timestamptz) TO planregister_app;
GRANT EXECUTE ON FUNCTION platform_set_host(integer, integer, text, boolean) TO planregister_app;
GRANT EXECUTE ON FUNCTION user_other_tenants(integer) TO planregister_app;
