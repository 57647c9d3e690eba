/**
 * Backup and restore (README "Sikkerhetskopi og gjenoppretting"): seed, change, back up, restore
 * elsewhere and compare every table row for row in primary-key order; on PGlite and, when
 * TEST_DATABASE_URL is set, across PostgreSQL and PGlite both ways.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startBackupScheduler } from '../../src/api/backup-scheduler.ts';
import { runCli } from '../../src/cli/index.ts';
import { BackupError, readManifest, restoreBackup, writeBackup } from '../../src/db/backup.ts';
import { codeSchemaVersion } from '../../src/db/backup-schema.ts';
import { queryRows, withSystem, type Database, type Db } from '../../src/db/database.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { backends, type Backend } from '../support/db.ts';

const dir = mkdtempSync(join(tmpdir(), 'veikart-backup-'));

/** Every application table's rows as text, in primary-key order (a table without one: by every column). */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  return withSystem(db, async (tx) => {
    await tx.execute(sql`select set_config('timezone', 'UTC', true), set_config('datestyle', 'ISO, YMD', true)`);
    const tables = await queryRows<{ name: string; key: string | null }>(
      tx,
      sql`select c.relname as name,
                 (select string_agg(quote_ident(a.attname), ', ' order by k.n) from pg_index i
                    cross join lateral unnest(i.indkey) with ordinality as k(attnum, n)
                    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                   where i.indrelid = c.oid and i.indisprimary) as key
            from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
             -- The data versions (migration 0034) are restored and then moved past every ETag handed out before.
             and c.relname <> 'org_data_versions' order by 1`,
    );
    const out: Record<string, string[]> = {};
    for (const t of tables) {
      const rows = await queryRows<{ r: string }>(tx, sql.raw(`select t::text as r from "${t.name}" t order by ${t.key ?? 't::text'}`));
      out[t.name] = rows.map((r) => r.r);
    }
    return out;
  });
}

/** Demo data plus changes that exercise the tricky parts: text escapes, a self reference, derived and generated columns, audit rows, bigint ids. */
async function seedAndChange(database: Database): Promise<void> {
  await seedDemo(database.db);
  await withSystem(database.db, async (tx) => {
    const systems = await queryRows<{ id: string }>(tx, sql`select id from systems order by id limit 2`);
    const [a, b] = systems;
    if (!a || !b) throw new Error('demo data has no systems');
    await tx.execute(sql`update systems set name = ${'Sak/arkiv «ny» \\ "sitat"\nlinje 2 – æøå 😀'}, replaced_by_id = ${b.id} where id = ${a.id}`);
    await tx.execute(sql`delete from system_shares where id = (select id from system_shares order by id limit 1)`);
    await tx.execute(sql`insert into login_attempts (username, ip, success, at) values ('ringebu.leder', '10.0.0.1', false, '2026-03-29 01:30:00.123456+01')`);
  });
}

interface Pair {
  readonly from: Backend;
  readonly to: Backend;
}

const pairs: Pair[] = backends.flatMap((from) => backends.map((to) => ({ from, to })));

// Most tests open a database of their own (every migration runs): more time than the suite's default.
describe('backup and restore', { timeout: 240_000 }, () => {
  const sources = new Map<string, { database: Database; file: string; before: Record<string, string[]> }>();

  beforeAll(async () => {
    for (const backend of backends) {
      const database = await backend.open();
      await seedAndChange(database);
      const file = join(dir, `${backend.name}.jsonl.gz`);
      await writeBackup(database, file);
      sources.set(backend.name, { database, file, before: await snapshot(database.db) });
    }
  });
  afterAll(async () => {
    for (const s of sources.values()) await s.database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(pairs.map((p) => [p.from.name, p.to.name, p] as const))('restores a %s backup into an empty %s database, every row equal', async (_from, _to, pair) => {
    const source = sources.get(pair.from.name);
    if (!source) throw new Error('no source');
    const target = await pair.to.open();
    try {
      const result = await restoreBackup(target, source.file);
      expect(result.manifest.backend).toBe(pair.from.name);
      const after = await snapshot(target.db);
      expect(Object.keys(after)).toEqual(Object.keys(source.before));
      for (const table of Object.keys(source.before)) expect({ table, rows: after[table] }).toEqual({ table, rows: source.before[table] });
      // The restore wrote no audit rows of its own, and derived columns came out as they were.
      const [derived] = await queryRows<{ n: string }>(target.db, sql`select count(*)::text as n from systems where cardinality(shared_with) > 0`);
      expect(Number(derived?.n)).toBeGreaterThan(0);
      // The triggers are on again: a change after the restore is audited and keeps the derived columns.
      await withSystem(target.db, (tx) => tx.execute(sql`delete from system_shares where id = (select id from system_shares order by id limit 1)`));
      const [audit] = await queryRows<{ n: string }>(target.db, sql`select count(*)::text as n from audit_log`);
      expect(Number(audit?.n)).toBe((source.before.audit_log?.length ?? 0) + 1);
      // New rows get ids after the restored ones.
      await withSystem(target.db, (tx) => tx.execute(sql`insert into login_attempts (username, ip, success) values ('x', '10.0.0.2', true)`));
    } finally {
      await target.close();
    }
  });

  it('writes a manifest with the schema version, the time, the backend and the rows per table', async () => {
    const source = sources.get('pglite');
    if (!source) throw new Error('no source');
    const manifest = await readManifest(source.file);
    expect(manifest).toMatchObject({ format: 'veikart-backup', formatVersion: 1, schemaVersion: codeSchemaVersion(), backend: 'pglite' });
    expect(Number.isNaN(Date.parse(manifest.createdAt))).toBe(false);
    for (const [table, rows] of Object.entries(source.before)) expect([table, manifest.counts[table]]).toEqual([table, rows.length]);
    // Tables come in foreign-key order.
    const order = Object.keys(manifest.counts);
    expect(order.indexOf('organizations')).toBeLessThan(order.indexOf('systems'));
    expect(order.indexOf('systems')).toBeLessThan(order.indexOf('system_shares'));
  });

  it('refuses to overwrite a database with data unless forced', async () => {
    const source = sources.get('pglite');
    if (!source) throw new Error('no source');
    const target = (backends[0] as Backend).open();
    const database = await target;
    try {
      await withSystem(database.db, (tx) => tx.execute(sql`insert into organizations (slug, name, kind) values ('annen', 'Annen kommune', 'kommune')`));
      await expect(restoreBackup(database, source.file)).rejects.toThrow(/Databasen er ikke tom \(1 organisasjoner, 0 brukere\).*--force/);
      const [still] = await queryRows<{ n: string }>(database.db, sql`select count(*)::text as n from organizations`);
      expect(still?.n).toBe('1');
      await restoreBackup(database, source.file, { force: true });
      expect(await snapshot(database.db)).toEqual(source.before);
    } finally {
      await database.close();
    }
  });

  it('refuses a file whose rows do not match its manifest, a cut-off file and a backup from a newer Veikart, and writes nothing', async () => {
    const source = sources.get('pglite');
    if (!source) throw new Error('no source');
    const lines = gunzipSync(readFileSync(source.file)).toString('utf8').split('\n');
    const manifest = JSON.parse(lines[0] ?? '') as { counts: Record<string, number>; schemaVersion: string };
    const tampered = join(dir, 'tampered.jsonl.gz');
    writeFileSync(tampered, gzipSync([JSON.stringify({ ...manifest, counts: { ...manifest.counts, systems: (manifest.counts.systems ?? 0) + 1 } }), ...lines.slice(1)].join('\n')));
    const cut = join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    const newer = join(dir, 'newer.jsonl.gz');
    writeFileSync(newer, gzipSync([JSON.stringify({ ...manifest, schemaVersion: '9999_future' }), ...lines.slice(1)].join('\n')));
    const notBackup = join(dir, 'not-a-backup.jsonl.gz');
    writeFileSync(notBackup, readFileSync('package.json'));

    const database = await (backends[0] as Backend).open();
    try {
      const before = await snapshot(database.db);
      await expect(restoreBackup(database, tampered)).rejects.toThrow(/Tabellen systems har \d+ rader i sikkerhetskopien, men manifestet sier \d+/);
      await expect(restoreBackup(database, cut)).rejects.toThrow(/slutter for tidlig/);
      await expect(restoreBackup(database, newer)).rejects.toThrow(/nyere versjon av Veikart/);
      await expect(restoreBackup(database, notBackup)).rejects.toBeInstanceOf(BackupError);
      expect(await snapshot(database.db)).toEqual(before);
    } finally {
      await database.close();
    }
  });

  it('backs up and restores from the command line', async () => {
    const source = sources.get('pglite');
    if (!source) throw new Error('no source');
    const file = join(dir, 'cli.jsonl.gz');
    expect(await runCli(['backup', '--out', file], source.database)).toMatch(/^Skrev sikkerhetskopi til .*cli\.jsonl\.gz: \d+ tabeller, \d+ rader, skjemaversjon 0\d{3}_/);
    const database = await (backends[0] as Backend).open();
    try {
      expect(await runCli(['restore', file], database)).toMatch(/^Gjenopprettet \d+ rader i \d+ tabeller fra .*\(innebygd database, /);
      await expect(runCli(['restore', file], database)).rejects.toThrow(/--force/);
      expect(await runCli(['restore', file, '--force'], database)).toMatch(/^Gjenopprettet/);
      expect(await snapshot(database.db)).toEqual(source.before);
      await expect(runCli(['restore', join(dir, 'missing.jsonl.gz')], database)).rejects.toThrow(/Finner ikke filen .*missing\.jsonl\.gz/);
      await expect(runCli(['backup'], database)).rejects.toThrow(/--out/);
    } finally {
      await database.close();
    }
  });

  it('the scheduler writes the day\'s backup into its directory when due, once, and deletes the oldest beyond KEEP', async () => {
    const source = sources.get('pglite');
    if (!source) throw new Error('no source');
    const backupDir = join(dir, 'scheduled');
    const logged: string[] = [];
    const scheduler = startBackupScheduler({ database: source.database, schedule: { dir: backupDir, keep: 2, hour: 2 }, checkEveryMs: 0, log: (l) => logged.push(l) });
    try {
      expect(await scheduler.runOnce(new Date('2026-12-04T00:30:00Z'))).toBeNull(); // 01:30 in Oslo: not yet
      for (const day of ['2026-12-04', '2026-12-05', '2026-12-06']) {
        const written = await scheduler.runOnce(new Date(`${day}T01:00:00Z`));
        expect(written).toBe(join(backupDir, `veikart-${day}-0200.jsonl.gz`));
        expect(await scheduler.runOnce(new Date(`${day}T01:05:00Z`))).toBeNull(); // taken already today
      }
      writeFileSync(join(backupDir, 'manuell.jsonl.gz'), 'x');
      expect(readdirSync(backupDir).sort()).toEqual(['manuell.jsonl.gz', 'veikart-2026-12-05-0200.jsonl.gz', 'veikart-2026-12-06-0200.jsonl.gz']);
      const manifest = await readManifest(join(backupDir, 'veikart-2026-12-06-0200.jsonl.gz'));
      expect(manifest.createdAt).toBe('2026-12-06T01:00:00.000Z');
      expect(manifest.counts.organizations).toBe(source.before.organizations?.length);
      expect(logged.at(-1)).toMatch(/^Sikkerhetskopi skrevet til .*veikart-2026-12-06-0200\.jsonl\.gz \(\d+ rader\); slettet 1 eldre\.$/);
    } finally {
      await scheduler.stop();
    }
  });
});
