/**
 * What the response cache knows without asking the database: the sessions it has checked (with
 * the user's access fingerprint and the organizations whose data the user's responses show) and
 * the organizations' data versions. Kept current by the database's version feed (migration 0034):
 * a version bump updates one organization; a change of who sees what (`|a`: memberships, roles,
 * shares, cooperations, IKS owners, users, ended sessions) forgets every session; `*` forgets
 * every version. A load that began before such a change is not kept.
 */
import type { CacheScope } from '../db/queries/data-versions.ts';

/**
 * At most this many sessions, and this many organization entries over all of them (a system
 * administrator's scope lists every organization), are remembered; beyond either the sessions
 * are forgotten and looked up again (about 25 MB at the bound).
 */
const MAX_SESSIONS = 50_000;
const MAX_SCOPE_ENTRIES = 500_000;

export class CacheState {
  private generation = 0;
  private readonly versions = new Map<string, number>();
  private readonly sessions = new Map<string, CacheScope>();
  private scopeEntries = 0;

  /** A payload of the version feed (see src/db/version-feed.ts). */
  apply(payload: string): void {
    for (const part of payload.split(';')) {
      const [bumps = '', flag] = part.split('|');
      if (bumps === '*') {
        this.versions.clear();
        this.generation++;
      } else if (bumps !== '') {
        for (const bump of bumps.split(',')) {
          const at = bump.lastIndexOf(':');
          this.raise(bump.slice(0, at), Number(bump.slice(at + 1)));
        }
      }
      if (flag === 'a') {
        this.forgetSessions();
        this.generation++;
      }
    }
  }

  /** Marks the start of a load from the database; pass the mark to `remember`. */
  mark(): number {
    return this.generation;
  }

  /** Keeps a loaded session and its versions, unless access or versions were forgotten since `mark`. */
  remember(tokenHash: string, scope: CacheScope, mark: number): void {
    if (mark !== this.generation) return;
    if (this.sessions.size >= MAX_SESSIONS || this.scopeEntries + scope.orgs.length > MAX_SCOPE_ENTRIES) this.forgetSessions();
    const old = this.sessions.get(tokenHash);
    if (old) this.scopeEntries -= old.orgs.length;
    this.sessions.set(tokenHash, scope);
    this.scopeEntries += scope.orgs.length;
    scope.orgs.forEach((org, i) => this.raise(org, Number(scope.versions[i])));
  }

  /** A remembered, unexpired session and the current versions of its organizations; null when the database must be asked. */
  lookup(tokenHash: string, now: number): { scope: CacheScope; versions: number[] } | null {
    const scope = this.sessions.get(tokenHash);
    if (!scope) return null;
    if (scope.expiresAt <= now) {
      this.sessions.delete(tokenHash);
      this.scopeEntries -= scope.orgs.length;
      return null;
    }
    const versions: number[] = [];
    for (const org of scope.orgs) {
      const v = this.versions.get(org);
      if (v === undefined) return null;
      versions.push(v);
    }
    return { scope, versions };
  }

  /** Forgets everything (the feed is down, or a restore replaced the data). */
  clear(): void {
    this.forgetSessions();
    this.versions.clear();
    this.generation++;
  }

  private forgetSessions(): void {
    this.sessions.clear();
    this.scopeEntries = 0;
  }

  /** Versions only rise: a late, older value never replaces a newer one. */
  private raise(org: string, version: number): void {
    if (!Number.isFinite(version)) return;
    const known = this.versions.get(org);
    if (known === undefined || version > known) this.versions.set(org, version);
  }
}

/** Responses by key, bounded in bytes, least recently used dropped first. */
export class ByteLru<V extends { readonly size: number }> {
  private readonly entries = new Map<string, V>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  get bytes(): number {
    return this.total;
  }

  get(key: string): V | undefined {
    const v = this.entries.get(key);
    if (v === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, v);
    return v;
  }

  set(key: string, value: V): void {
    if (value.size > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.total -= old.size;
    }
    this.entries.set(key, value);
    this.total += value.size;
    for (const [k, v] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(k);
      this.total -= v.size;
    }
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}
