/**
 * Upgrades: a database made by the oldest supported release (schema at migration 0015, data from
 * the dump in test/fixtures/upgrade) is migrated to today's schema by a normal start, and its data
 * survives; the derived columns added since (systems.shared_with, quality_roles, quality_contracts,
 * name_key) come out right. A backup taken at that old schema restores into today's Veikart too.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { restoreBackup, writeBackup } from '../../src/db/backup.ts';
import { codeSchemaVersion, databaseSchemaVersion } from '../../src/db/backup-schema.ts';
import { openDatabaseAt } from '../../src/db/backup-upgrade.ts';
import { openDatabase, queryRows, withActor, withSystem, type Database, type Db } from '../../src/db/database.ts';

const OLDEST = '0015_member_usage';
const DUMP = readFileSync('test/fixtures/upgrade/veikart-0015.sql', 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'veikart-upgrade-'));

const org = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const ELEMENTS = '00000000-0000-4000-8021-000000000001';
const EPHORTE = '00000000-0000-4000-8021-000000000002';
const SNASA_LEDER = '00000000-0000-4000-8002-000000000001';

// Tables the migrations after 0015 add rows to (cooperation_members: 0024 makes each host an accepted member
// of its own cooperation, with a new id; vendors and products: 0030 seeds the shared catalogue); their old rows must still all be there.
// asset_classes: 0029 gives every organization the default equipment classes, with new ids.
// org_data_versions (migration 0034): bookkeeping of the response cache, moved past every handed-out ETag by a restore.
const GROWING = new Set(['audit_log', 'national_goals', 'national_components', 'cooperation_members', 'vendors', 'products', 'asset_classes', 'org_data_versions']);

type Projection = Record<string, { columns: string[]; key: string[]; rows: Map<string, string> }>;

/** Every table's rows, as the old schema's columns only, keyed by primary key. */
async function project(db: Db, shape?: Projection): Promise<Projection> {
  return withSystem(db, async (tx) => {
    await tx.execute(sql`select set_config('timezone', 'UTC', true), set_config('datestyle', 'ISO, YMD', true)`);
    const out: Projection = {};
    const tables =
      shape ??
      Object.fromEntries(
        (
          await queryRows<{ name: string; columns: string[]; key: string[] }>(
            tx,
            sql`select c.relname as name,
                       array(select a.attname::text from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum) as columns,
                       array(select a.attname::text from pg_index i cross join lateral unnest(i.indkey) with ordinality k(attnum, n)
                               join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                              where i.indrelid = c.oid and i.indisprimary order by k.n) as key
                  from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'`,
          )
        ).map((t) => [t.name, { columns: t.columns, key: t.key, rows: new Map<string, string>() }]),
      );
    for (const [name, t] of Object.entries(tables)) {
      const cols = t.columns.map((c) => `"${c}"::text`).join(', ');
      const key = t.key.map((c) => `"${c}"::text`).join(', ');
      const rows = await queryRows<{ k: string; r: string }>(tx, sql.raw(`select to_json(array[${key}])::text as k, to_json(array[${cols}])::text as r from "${name}"`));
      out[name] = { columns: t.columns, key: t.key, rows: new Map(rows.map((r) => [r.k, r.r])) };
    }
    return out;
  });
}

interface Target {
  readonly name: string;
  /** A database at the old schema with the dump loaded; `upgrade` opens it as `npm start` does. */
  old(): Promise<{ db: Db; close(): Promise<void>; upgrade(): Promise<Database> }>;
}

const pglite: Target = {
  name: 'pglite',
  async old() {
    const dataDir = join(dir, `data-${randomBytes(4).toString('hex')}`);
    const database = await openDatabaseAt({ dataDir }, OLDEST);
    await database.exec(DUMP);
    return { db: database.db, close: () => database.close(), upgrade: () => openDatabase({ dataDir }) };
  },
};

function postgres(adminUrl: string): Target {
  return {
    name: 'postgres',
    async old() {
      const name = `veikart_upgrade_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const database = await openDatabaseAt({ databaseUrl: url.toString() }, OLDEST);
      await database.exec(DUMP);
      return {
        db: database.db,
        close: () => database.close(),
        async upgrade() {
          const opened = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
          return {
            ...opened,
            async close() {
              await opened.close();
              const c = new pg.Client({ connectionString: adminUrl });
              await c.connect();
              await c.query(`drop database if exists ${name} with (force)`);
              await c.end();
            },
          };
        },
      };
    },
  };
}

const targets = process.env.TEST_DATABASE_URL ? [pglite, postgres(process.env.TEST_DATABASE_URL)] : [pglite];

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The last test opens two databases (today's schema, and a throwaway one at 0015 that restore migrates): more time than the default.
describe.each(targets)('upgrade from $name database at migration 0015', { timeout: 240_000 }, (target) => {
  let before: Projection;
  let oldBackup: string;
  let upgraded: Database;

  beforeAll(async () => {
    const old = await target.old();
    const { upgrade } = old;
    try {
      expect(await databaseSchemaVersion(old.db)).toBe(OLDEST);
      before = await project(old.db);
      oldBackup = join(dir, `${target.name}-0015.jsonl.gz`);
      await writeBackup({ db: old.db, driver: target.name as 'pglite' | 'postgres' }, oldBackup);
    } finally {
      await old.close();
    }
    upgraded = await upgrade();
  });
  afterAll(async () => {
    await upgraded?.close();
  });

  it('migrates to the current schema and keeps every row of the old one', async () => {
    expect(await databaseSchemaVersion(upgraded.db)).toBe(codeSchemaVersion());
    expect(before.systems?.rows.size).toBe(3);
    const after = await project(upgraded.db, before);
    for (const [table, t] of Object.entries(before)) {
      const now = after[table]?.rows ?? new Map<string, string>();
      if (!GROWING.has(table)) expect([table, now.size]).toEqual([table, t.rows.size]);
      for (const [key, row] of t.rows) expect([table, key, now.get(key)]).toEqual([table, key, row]);
    }
  });

  it("computes the columns added since from the old data: sharing, quality facts, the list's sort key", async () => {
    const systems = await queryRows<{ id: string; shared_with: string; quality_roles: string; quality_contracts: string; name_key: string; replaced_by_id: string | null }>(
      upgraded.db,
      sql`select id, shared_with::text, quality_roles::text, quality_contracts::text, name_key, replaced_by_id from systems order by id`,
    );
    const byId = new Map(systems.map((s) => [s.id, s]));
    expect(byId.get(ELEMENTS)).toMatchObject({ shared_with: `{${org(1)},${org(2)}}`, quality_roles: '{system_owner,super_user}', name_key: 'elements' });
    expect(JSON.parse(byId.get(ELEMENTS)?.quality_contracts ?? '')).toEqual([
      { type: 'ssa_d', startDate: '2024-01-01', endDate: '2027-12-31' },
      { type: 'dpa', startDate: '2024-01-01', endDate: null },
    ]);
    expect(byId.get(EPHORTE)).toMatchObject({ shared_with: '{}', quality_roles: '{}', quality_contracts: '[]', name_key: 'ephorte', replaced_by_id: ELEMENTS });
    const [big] = await queryRows<{ yearly_cost: string }>(upgraded.db, sql`select yearly_cost::text from contracts where id = '00000000-0000-4000-8024-000000000003'`);
    expect(big?.yearly_cost).toBe('9007199254740993');
  });

  it('serves the old data under row-level security: a member kommune sees its own and the shared systems', async () => {
    const names = await withActor(upgraded.db, SNASA_LEDER, (tx) => queryRows<{ name: string }>(tx, sql`select name from systems order by name_key, id`));
    expect(names.map((n) => n.name)).toEqual(['Elements', 'Visma Flyt Skole']);
  });

  it('restores a backup taken at the old schema into the current one, upgraded on the way', async () => {
    const fresh = await openDatabase({ dataDir: 'memory://' });
    try {
      const result = await restoreBackup(fresh, oldBackup);
      expect(result).toMatchObject({ upgradedFrom: OLDEST, manifest: { schemaVersion: codeSchemaVersion() } });
      const restored = await project(fresh.db);
      const inPlace = await project(upgraded.db, restored);
      for (const [table, t] of Object.entries(restored)) {
        if (GROWING.has(table)) continue;
        expect([table, [...t.rows.entries()].sort()]).toEqual([table, [...(inPlace[table]?.rows.entries() ?? [])].sort()]);
      }
      // The old audit rows, as the old schema's columns (later migrations add columns, e.g. txid in 0025).
      const restoredOld = await project(fresh.db, before);
      for (const [key, row] of before.audit_log?.rows ?? []) expect(restoredOld.audit_log?.rows.get(key)).toBe(row);
    } finally {
      await fresh.close();
    }
  });
});
