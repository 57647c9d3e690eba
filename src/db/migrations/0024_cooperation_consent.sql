-- Cooperation membership needs the other organization's consent, and sharing a system is limited
-- to the IKS's owners and accepted fellow members of a cooperation (issue 13, fault 6). Before
-- this, an editor could list any organization as a member of a cooperation, or share a system with
-- any such "member", and it showed in the other tenant's lists without its say.
--
-- cooperation_members.state: 'invited' (waits for the member's admin), 'accepted' or 'declined'.
-- The host is an accepted member of its own cooperation. Existing memberships become accepted: they
-- were made under the old rule, and nothing its users see disappears.
ALTER TABLE cooperation_members ADD COLUMN IF NOT EXISTS state text NOT NULL DEFAULT 'accepted';
--> statement-breakpoint
ALTER TABLE cooperation_members ALTER COLUMN state SET DEFAULT 'invited';
--> statement-breakpoint
ALTER TABLE cooperation_members ADD CONSTRAINT cooperation_members_state CHECK (state IN ('invited', 'accepted', 'declined'));
--> statement-breakpoint
ALTER TABLE cooperation_members ADD COLUMN IF NOT EXISTS responded_at timestamp with time zone;
--> statement-breakpoint
INSERT INTO cooperation_members (organization_id, cooperation_id, member_id, state)
SELECT c.organization_id, c.id, c.organization_id, 'accepted' FROM cooperations c
 WHERE NOT EXISTS (SELECT 1 FROM cooperation_members m WHERE m.cooperation_id = c.id AND m.member_id = c.organization_id);
--> statement-breakpoint
-- cooperation_members.organization_id repeats the cooperation's host (for row-level security
-- without a join); the database keeps the copy true, as 0013 does for shares and roles.
CREATE UNIQUE INDEX IF NOT EXISTS cooperations_id_org ON cooperations (id, organization_id);
--> statement-breakpoint
ALTER TABLE cooperation_members ADD CONSTRAINT cooperation_members_host_fk FOREIGN KEY (cooperation_id, organization_id) REFERENCES cooperations (id, organization_id) ON DELETE CASCADE;
--> statement-breakpoint
-- Cooperations the user's organizations are accepted members of (an invitation gives no access).
CREATE OR REPLACE FUNCTION veikart_member_cooperations() RETURNS uuid[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN (SELECT coalesce(array_agg(DISTINCT cm.cooperation_id), '{}') FROM cooperation_members cm
          WHERE cm.member_id = ANY ((SELECT veikart_orgs(1))::uuid[]) AND cm.state = 'accepted');
END
$$;
--> statement-breakpoint
-- The open invitations of `org`, for its administrators only: the cooperation's name and host, and
-- nothing else of the cooperation until the invitation is accepted.
CREATE OR REPLACE FUNCTION veikart_cooperation_invitations(org uuid)
RETURNS TABLE (cooperation_id uuid, name text, host_id uuid, host_name text, invited_at timestamp with time zone)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT c.id, c.name, o.id, o.name, m.created_at
    FROM cooperation_members m
    JOIN cooperations c ON c.id = m.cooperation_id
    JOIN organizations o ON o.id = c.organization_id
   WHERE m.member_id = org AND m.state = 'invited' AND org = ANY ((SELECT veikart_orgs(3))::uuid[])
   ORDER BY c.name, c.id;
END
$$;
--> statement-breakpoint
DROP POLICY IF EXISTS cooperation_members_select ON cooperation_members;
--> statement-breakpoint
DROP POLICY IF EXISTS cooperation_members_write ON cooperation_members;
--> statement-breakpoint
-- The host sees every row of its cooperations, accepted members the rows of theirs, and an
-- organization's administrators its own rows (an invitation, to accept or decline).
CREATE POLICY cooperation_members_select ON cooperation_members FOR SELECT TO veikart_app USING (
  organization_id = ANY ((SELECT veikart_orgs(1))::uuid[])
  OR cooperation_id = ANY ((SELECT veikart_member_cooperations())::uuid[])
  OR member_id = ANY ((SELECT veikart_orgs(3))::uuid[])
);
--> statement-breakpoint
-- The host invites; only the host itself joins as accepted.
CREATE POLICY cooperation_members_insert ON cooperation_members FOR INSERT TO veikart_app WITH CHECK (
  organization_id = ANY ((SELECT veikart_orgs(2))::uuid[])
  AND (state = 'invited' OR (state = 'accepted' AND member_id = organization_id))
);
--> statement-breakpoint
-- The host removes members (not itself: it deletes the cooperation instead).
CREATE POLICY cooperation_members_delete_host ON cooperation_members FOR DELETE TO veikart_app USING (
  organization_id = ANY ((SELECT veikart_orgs(2))::uuid[]) AND member_id <> organization_id
);
--> statement-breakpoint
-- An accepted member's administrator leaves at any time.
CREATE POLICY cooperation_members_leave ON cooperation_members FOR DELETE TO veikart_app USING (
  member_id = ANY ((SELECT veikart_orgs(3))::uuid[]) AND member_id <> organization_id AND state = 'accepted'
);
--> statement-breakpoint
-- The invited organization's administrator accepts or declines; nobody else changes a state.
CREATE POLICY cooperation_members_respond ON cooperation_members FOR UPDATE TO veikart_app
  USING (member_id = ANY ((SELECT veikart_orgs(3))::uuid[]) AND state = 'invited')
  WITH CHECK (member_id = ANY ((SELECT veikart_orgs(3))::uuid[]) AND state IN ('accepted', 'declined'));
--> statement-breakpoint
REVOKE UPDATE ON cooperation_members FROM veikart_app;
--> statement-breakpoint
GRANT UPDATE (state, responded_at) ON cooperation_members TO veikart_app;
--> statement-breakpoint
-- May `owner` share a system with `member`? Its owner municipalities when `owner` is an IKS, and
-- accepted members of a cooperation `owner` is an accepted member of.
CREATE OR REPLACE FUNCTION veikart_may_share(owner uuid, member uuid) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN owner <> member AND (
    EXISTS (SELECT 1 FROM organization_owners o WHERE o.organization_id = owner AND o.owner_id = member)
    OR EXISTS (SELECT 1 FROM cooperation_members a JOIN cooperation_members b ON b.cooperation_id = a.cooperation_id
                WHERE a.member_id = owner AND a.state = 'accepted' AND b.member_id = member AND b.state = 'accepted'));
END
$$;
--> statement-breakpoint
-- Every share, whoever writes it (the app, the command line, the seed): refused with 42501, which
-- the API turns into 403. The API checks first and names the field.
CREATE OR REPLACE FUNCTION veikart_check_share() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT veikart_may_share(NEW.organization_id, NEW.member_id) THEN
    RAISE EXCEPTION 'system % may not be shared with organization %: it is neither an owner of the IKS nor an accepted member of a cooperation with the system''s organization', NEW.system_id, NEW.member_id
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER system_shares_check BEFORE INSERT OR UPDATE OF organization_id, member_id ON system_shares FOR EACH ROW EXECUTE FUNCTION veikart_check_share();
--> statement-breakpoint
-- A member that leaves a cooperation (or is removed, or the cooperation is deleted) stops sharing
-- the systems that rested on it: the shares that no other rule allows go, and with them the roles
-- the member registered on those systems (as when the owner ends a share).
CREATE OR REPLACE FUNCTION veikart_prune_shares() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.state = 'accepted') THEN
    RETURN NULL;
  END IF;
  DELETE FROM system_roles r USING system_shares s
   WHERE r.system_id = s.system_id AND r.organization_id = s.member_id
     AND (s.organization_id IN (SELECT o.member_id FROM old_rows o WHERE o.state = 'accepted')
          OR s.member_id IN (SELECT o.member_id FROM old_rows o WHERE o.state = 'accepted'))
     AND NOT veikart_may_share(s.organization_id, s.member_id);
  DELETE FROM system_shares s
   WHERE (s.organization_id IN (SELECT o.member_id FROM old_rows o WHERE o.state = 'accepted')
          OR s.member_id IN (SELECT o.member_id FROM old_rows o WHERE o.state = 'accepted'))
     AND NOT veikart_may_share(s.organization_id, s.member_id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER cooperation_members_prune_delete AFTER DELETE ON cooperation_members REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_prune_shares();
--> statement-breakpoint
CREATE TRIGGER cooperation_members_prune_update AFTER UPDATE ON cooperation_members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION veikart_prune_shares();
--> statement-breakpoint
-- A member organization ends a share of another organization's system with itself.
CREATE POLICY system_shares_delete_member ON system_shares FOR DELETE TO veikart_app USING (member_id = ANY ((SELECT veikart_orgs(2))::uuid[]));
