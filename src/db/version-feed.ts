/**
 * The organizations' data versions as they change (migration 0034), for the response cache. Each
 * payload is what veikart_bump_orgs sends: `org:version,…` and/or `*` (forget every version), with
 * `|a` when who sees what changed; several joined by `;`.
 * - PostgreSQL: a dedicated client LISTENs on `veikart_versions` (other instances' and processes'
 *   writes), and this instance's own transactions report their bumps right after their commit
 *   (read from the transaction-local setting veikart.bumped before it), so a reader after a write's
 *   response never sees the old version. While the listening client is down, `live()` is false
 *   and the cache answers nothing from memory.
 * - PGlite: the worker thread listens and forwards each notification before the reply to the
 *   commit that caused it (PGlite delivers them while it reads the commit's result).
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { queryRows, type Db, type Tx } from './tx.ts';

export type VersionListener = (payload: string) => void;

export interface VersionFeed {
  /** Subscribes; returns the unsubscribe function. The first subscriber starts listening. */
  onVersions(listener: VersionListener): () => void;
  /** false while notifications from other instances may be missed (PostgreSQL listener down). */
  versionsLive(): boolean;
}

export class VersionHub implements VersionFeed {
  private readonly listeners = new Set<VersionListener>();
  private live = true;
  private started = false;

  constructor(private readonly start?: (hub: VersionHub) => void) {}

  onVersions(listener: VersionListener): () => void {
    this.listeners.add(listener);
    if (!this.started) {
      this.started = true;
      this.start?.(this);
    }
    return () => this.listeners.delete(listener);
  }

  versionsLive(): boolean {
    return this.live;
  }

  /** Somebody listens (a cache is on): only then do transactions read their bumps. */
  active(): boolean {
    return this.listeners.size > 0;
  }

  setLive(live: boolean): void {
    this.live = live;
    // Whatever was missed while down (or before the first LISTEN) is unknown: forget everything.
    this.emit('*|a');
  }

  emit(payload: string | null | undefined): void {
    if (!payload) return;
    for (const listener of this.listeners) listener(payload);
  }
}

/** The SQL that reads this transaction's bumps (run just before commit, in the same round trip). */
export const BUMPED_SQL = "select current_setting('veikart.bumped', true) as bumped";

/**
 * A client LISTENing on veikart_versions, reconnecting after a second when the connection drops.
 * Returns the function that stops it.
 */
export function listenPostgres(connectionString: string, hub: VersionHub): () => Promise<void> {
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString });
    client = c;
    const retry = (): void => {
      if (client !== c) return;
      client = null;
      hub.setLive(false);
      c.end().catch(() => undefined);
      if (!stopped) timer = setTimeout(() => void connect(), 1000);
    };
    c.on('error', retry);
    c.on('end', retry);
    c.on('notification', (n) => hub.emit(n.payload ?? '*|a'));
    try {
      await c.connect();
      await c.query('LISTEN veikart_versions');
      if (client === c) hub.setLive(true);
    } catch {
      retry();
    }
  };
  hub.setLive(false);
  void connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const c = client;
    client = null;
    if (c) await c.end().catch(() => undefined);
  };
}

/** This transaction's version bumps (migration 0034); unknown (forget everything) when it cannot tell. */
export async function readBumped(tx: Tx): Promise<string | null> {
  try {
    const rows = await queryRows<{ bumped: string | null }>(tx, sql.raw(BUMPED_SQL));
    return rows[0]?.bumped ?? null;
  } catch {
    return '*|a';
  }
}

/**
 * PostgreSQL: the version bumps of this instance's own transactions, reported right after their
 * commit (the listener hears them later, and a read after the write's response must not be older).
 */
export const versionHubs = new WeakMap<Db, VersionHub>();

/** `commit`, preceded in the same round trip by reading the transaction's bumps when a cache listens. */
export async function commitReportingBumps(client: pg.PoolClient, hub: VersionHub | undefined): Promise<void> {
  if (!hub?.active()) {
    await client.query('commit');
    return;
  }
  let bumped: string | null;
  try {
    const results = (await client.query(`${BUMPED_SQL}; commit`)) as unknown as pg.QueryResult[];
    bumped = (results[0]?.rows[0] as { bumped?: string | null } | undefined)?.bumped ?? null;
  } catch (err) {
    // An aborted transaction: `commit` alone rolls it back without an error, as before.
    if ((err as { code?: string }).code !== '25P02') throw err;
    await client.query('commit');
    bumped = null;
  }
  hub.emit(bumped);
}
