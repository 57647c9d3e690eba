-- Issue 20: a data version per organization, for the response cache and ETags (src/api/response-cache.ts).
-- Every statement that changes rows some reader can see bumps, in the same transaction, the version
-- of each organization whose readers see those rows, and says so with pg_notify('veikart_versions')
-- (delivered at commit, to every instance's listener) and in the transaction-local setting
-- veikart.bumped (read by this instance just before its own commit). Payload: `org:version,…`,
-- `*` (too many organizations: forget every version), followed by `|a` when the statement changed
-- what users may see (memberships, IKS owners, shares, cooperation membership, users, sessions).
-- The pseudo-organization 00000000-0000-0000-0000-000000000000 holds the version of the data
-- shared by everybody (vendors, products, national reference data, identity providers).
CREATE TABLE IF NOT EXISTS org_data_versions (
  organization_id uuid PRIMARY KEY,
  version bigint NOT NULL DEFAULT 0
);
--> statement-breakpoint
-- Written only by the SECURITY DEFINER functions below and read by the cache as the owner role;
-- veikart_app has no grant and no policy, so it reads and writes nothing here.
ALTER TABLE org_data_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION veikart_bump_orgs(orgs uuid[], access boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  payload text;
  bumped text;
BEGIN
  -- In uuid order, so two statements bumping the same organizations lock their rows in one order.
  orgs := ARRAY(SELECT DISTINCT o FROM unnest(orgs) o WHERE o IS NOT NULL ORDER BY 1);
  IF cardinality(orgs) = 0 AND NOT access THEN
    RETURN;
  END IF;
  WITH up AS (
    INSERT INTO org_data_versions AS v (organization_id, version)
    SELECT o, 1 FROM unnest(orgs) o
    ON CONFLICT (organization_id) DO UPDATE SET version = v.version + 1
    RETURNING v.organization_id, v.version
  )
  SELECT string_agg(up.organization_id::text || ':' || up.version, ',') INTO payload FROM up;
  payload := coalesce(payload, '');
  IF length(payload) > 7000 THEN
    payload := '*';
  END IF;
  IF access THEN
    payload := payload || '|a';
  END IF;
  PERFORM pg_notify('veikart_versions', payload);
  bumped := coalesce(current_setting('veikart.bumped', true), '');
  bumped := CASE WHEN bumped = '' THEN payload WHEN length(bumped) > 60000 THEN '*' ELSE bumped || ';' || payload END;
  PERFORM set_config('veikart.bumped', bumped, true);
END
$$;
--> statement-breakpoint
-- The one statement-level trigger function. Its arguments name the columns holding the
-- organizations whose readers see the rows; `!access` marks a table that changes who sees what,
-- `!global` the data shared by everybody, `!users` the users table (the organizations the users
-- are members of: their names show in member lists and the audit log).
CREATE OR REPLACE FUNCTION veikart_bump_statement() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  orgs uuid[] := '{}';
  part uuid[];
  arg text;
  access boolean := false;
BEGIN
  FOREACH arg IN ARRAY TG_ARGV LOOP
    IF arg = '!access' THEN
      access := true;
    ELSIF arg = '!global' THEN
      orgs := orgs || '00000000-0000-0000-0000-000000000000'::uuid;
    ELSIF arg = '!users' THEN
      -- Who sees what changes with a user's state and rights (not with a sign-in's last_login_at).
      IF TG_OP = 'DELETE' THEN
        access := true;
      ELSIF TG_OP = 'UPDATE' THEN
        access := access OR EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                                     WHERE (o.disabled, o.system_admin, o.language) IS DISTINCT FROM (n.disabled, n.system_admin, n.language));
      END IF;
      IF TG_OP <> 'DELETE' THEN
        orgs := orgs || ARRAY(SELECT m.organization_id FROM memberships m WHERE m.user_id IN (SELECT n.id FROM new_rows n));
      END IF;
      IF TG_OP <> 'INSERT' THEN
        orgs := orgs || ARRAY(SELECT m.organization_id FROM memberships m WHERE m.user_id IN (SELECT o.id FROM old_rows o));
      END IF;
    ELSE
      -- Transition tables exist only for the events that have them.
      IF TG_OP <> 'DELETE' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', arg) INTO part;
        orgs := orgs || coalesce(part, '{}');
      END IF;
      IF TG_OP <> 'INSERT' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', arg) INTO part;
        orgs := orgs || coalesce(part, '{}');
      END IF;
    END IF;
  END LOOP;
  PERFORM veikart_bump_orgs(orgs, access);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Attaches the version triggers to a table (idempotent). Later migrations that add an
-- organization-scoped table call `SELECT veikart_track_versions('my_table', 'organization_id');`.
CREATE OR REPLACE FUNCTION veikart_track_versions(tbl regclass, VARIADIC args text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  name text := (SELECT c.relname FROM pg_class c WHERE c.oid = tbl);
  list text := (SELECT string_agg(quote_literal(a), ', ') FROM unnest(args) a);
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', name || '_versions_insert', tbl);
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', name || '_versions_update', tbl);
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', name || '_versions_delete', tbl);
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_bump_statement(%s)', name || '_versions_insert', tbl, list);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_bump_statement(%s)', name || '_versions_update', tbl, list);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_bump_statement(%s)', name || '_versions_delete', tbl, list);
END
$$;
--> statement-breakpoint
-- Every table with an organization_id column, except the versions themselves and the audit log
-- (its rows are written by the audit trigger of a statement that bumps the same organization).
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.oid::regclass AS tbl, c.relname
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped
     WHERE c.relkind IN ('r', 'p')
       AND c.relname NOT IN ('org_data_versions', 'audit_log')
     ORDER BY c.relname
  LOOP
    PERFORM veikart_track_versions(t.tbl, 'organization_id');
  END LOOP;
END
$$;
--> statement-breakpoint
-- Rows seen by other organizations' readers, or changing who sees what: both sides are bumped.
SELECT veikart_track_versions('system_shares', 'organization_id', 'member_id', '!access');
--> statement-breakpoint
SELECT veikart_track_versions('cooperation_members', 'organization_id', 'member_id', '!access');
--> statement-breakpoint
SELECT veikart_track_versions('cooperations', 'organization_id', '!access');
--> statement-breakpoint
SELECT veikart_track_versions('organization_owners', 'organization_id', 'owner_id', '!access');
--> statement-breakpoint
SELECT veikart_track_versions('memberships', 'organization_id', '!access');
--> statement-breakpoint
SELECT veikart_track_versions('system_roles', 'organization_id', 'system_org_id');
--> statement-breakpoint
SELECT veikart_track_versions('publications', 'organization_id', '!access');
--> statement-breakpoint
SELECT veikart_track_versions('national_goals', 'organization_id', '!global');
--> statement-breakpoint
SELECT veikart_track_versions('organizations', 'id', '!access');
--> statement-breakpoint
SELECT veikart_track_versions('users', '!users');
--> statement-breakpoint
SELECT veikart_track_versions('vendors', '!global');
--> statement-breakpoint
SELECT veikart_track_versions('products', '!global');
--> statement-breakpoint
SELECT veikart_track_versions('national_components', '!global');
--> statement-breakpoint
SELECT veikart_track_versions('identity_providers', '!global', '!access');
--> statement-breakpoint
-- A new session changes nothing anybody sees; an ended one (logout, password change) must end at once.
DROP TRIGGER IF EXISTS sessions_versions_update ON sessions;
--> statement-breakpoint
CREATE TRIGGER sessions_versions_update AFTER UPDATE ON sessions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_bump_statement('!access');
--> statement-breakpoint
DROP TRIGGER IF EXISTS sessions_versions_delete ON sessions;
--> statement-breakpoint
CREATE TRIGGER sessions_versions_delete AFTER DELETE ON sessions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_bump_statement('!access');
--> statement-breakpoint
-- What the response cache needs to know about a session, in one statement run as the owner role:
-- the session and its user (unexpired, user not disabled), the access fingerprint (the
-- organizations and ranks, shared systems and cooperations that row-level security would apply,
-- and the user's language), the organizations whose data the user's responses can show, and
-- their versions. No row without a valid session.
CREATE OR REPLACE FUNCTION veikart_cache_scope(token_hash text)
RETURNS TABLE (session_id text, csrf_token text, user_id uuid, username text, display_name text, email text, system_admin boolean,
               expires_at timestamptz, access text, orgs uuid[], versions bigint[])
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  s record;
  mine uuid[];
BEGIN
  SELECT x.id AS sid, x.csrf_token AS csrf, x.expires_at AS exp, u.id AS uid, u.username AS uname, u.display_name AS dname,
         u.email AS mail, u.system_admin AS admin, u.language AS lang
    INTO s
    FROM sessions x JOIN users u ON u.id = x.user_id
   WHERE x.id = token_hash AND x.expires_at > now() AND NOT u.disabled;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  PERFORM set_config('veikart.user_id', s.uid::text, true);
  PERFORM set_config('veikart.access_cache', '', true);
  PERFORM set_config('veikart.share_cache', '', true);
  mine := veikart_orgs(1);
  session_id := s.sid;
  csrf_token := s.csrf;
  user_id := s.uid;
  username := s.uname;
  display_name := s.dname;
  email := s.mail;
  system_admin := s.admin;
  expires_at := s.exp;
  access := s.admin::text || '|' || coalesce(s.lang, '') || '|'
    || coalesce((SELECT string_agg(a.organization_id::text || ':' || a.rank || ':' || coalesce(a.via::text, ''), ',' ORDER BY a.organization_id, a.rank, a.via) FROM veikart_access() a), '')
    || '|' || coalesce((SELECT string_agg(x::text, ',' ORDER BY x) FROM unnest(veikart_shared_systems()) x), '')
    || '|' || coalesce((SELECT string_agg(x::text, ',' ORDER BY x) FROM unnest(veikart_member_cooperations()) x), '');
  orgs := ARRAY(
    SELECT DISTINCT o FROM (
      SELECT unnest(mine) AS o
      UNION SELECT unnest(veikart_shared_hosts())
      UNION SELECT sh.member_id FROM system_shares sh WHERE sh.organization_id = ANY (mine)
      UNION SELECT sh.organization_id FROM system_shares sh WHERE sh.member_id = ANY (mine)
      UNION SELECT cm.organization_id FROM cooperation_members cm WHERE cm.member_id = ANY (mine)
      UNION SELECT cm.member_id FROM cooperation_members cm
             WHERE cm.cooperation_id IN (SELECT c.cooperation_id FROM cooperation_members c WHERE c.member_id = ANY (mine) OR c.organization_id = ANY (mine))
      UNION SELECT ow.organization_id FROM organization_owners ow WHERE ow.owner_id = ANY (mine)
      UNION SELECT ow.owner_id FROM organization_owners ow WHERE ow.organization_id = ANY (mine)
      UNION SELECT r.organization_id FROM system_roles r WHERE r.system_org_id = ANY (mine)
      UNION SELECT r.system_org_id FROM system_roles r WHERE r.organization_id = ANY (mine)
      UNION SELECT '00000000-0000-0000-0000-000000000000'::uuid
    ) reach WHERE o IS NOT NULL ORDER BY 1);
  versions := ARRAY(SELECT coalesce(v.version, 0) FROM unnest(orgs) WITH ORDINALITY r(o, i) LEFT JOIN org_data_versions v ON v.organization_id = r.o ORDER BY r.i);
  RETURN NEXT;
END
$$;
--> statement-breakpoint
-- After a restore (src/db/backup.ts) the versions are the backup's, older than the ones already
-- handed out as ETags: every version jumps ahead by the clock in milliseconds, so no key is ever
-- reused for other data, and every instance forgets what it knew.
CREATE OR REPLACE FUNCTION veikart_versions_after_restore() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  jump bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
BEGIN
  INSERT INTO org_data_versions AS v (organization_id, version)
  SELECT o.id, jump FROM organizations o
  UNION SELECT '00000000-0000-0000-0000-000000000000'::uuid, jump
  ON CONFLICT (organization_id) DO UPDATE SET version = v.version + jump;
  PERFORM pg_notify('veikart_versions', '*|a');
  PERFORM set_config('veikart.bumped', '*|a', true);
END
$$;
