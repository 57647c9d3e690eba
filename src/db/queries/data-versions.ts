/** What the response cache needs about a session: one statement, as the owner role (migration 0034). */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../tx.ts';

export interface CacheScope {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly systemAdmin: boolean;
  /** When the session expires (ms since the epoch). */
  readonly expiresAt: number;
  /** The access fingerprint: organizations and ranks, shared systems, cooperations, language. */
  readonly access: string;
  /** The organizations whose data the user's responses can show, and their versions (same order). */
  readonly orgs: readonly string[];
  readonly versions: readonly string[];
}

interface ScopeRow {
  session_id: string;
  csrf_token: string;
  user_id: string;
  username: string;
  display_name: string;
  email: string | null;
  system_admin: boolean;
  expires_at: string | Date;
  access: string;
  orgs: string[] | string;
  versions: Array<string | number> | string;
}

/** A Postgres array in text form (`{a,b}`), as a driver may return it for a function's uuid[] column. */
function textArray(value: readonly unknown[] | string): string[] {
  if (Array.isArray(value)) return value.map(String);
  const inner = String(value).replace(/^\{|\}$/g, '');
  return inner === '' ? [] : inner.split(',');
}

/** The session behind a token hash with its access fingerprint and versions; null when unknown, expired or its user disabled. */
export async function readCacheScope(db: Db, tokenHash: string): Promise<CacheScope | null> {
  const rows = await queryRows<ScopeRow>(db, sql`select * from veikart_cache_scope(${tokenHash})`);
  const r = rows[0];
  if (!r) return null;
  return {
    sessionId: String(r.session_id),
    csrfToken: String(r.csrf_token),
    userId: String(r.user_id),
    username: String(r.username),
    displayName: String(r.display_name),
    email: r.email === null ? null : String(r.email),
    systemAdmin: r.system_admin === true,
    expiresAt: new Date(r.expires_at).getTime(),
    access: String(r.access),
    orgs: textArray(r.orgs),
    versions: textArray(r.versions),
  };
}
