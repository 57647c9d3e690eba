/**
 * Backup and restore in one portable, logical format that works the same on the embedded database
 * (PGlite) and on PostgreSQL, so a backup of one restores into the other (README: "Sikkerhetskopi og
 * gjenoppretting", "Flytte til PostgreSQL").
 *
 * The file is gzip-compressed JSON lines:
 *   line 1          the manifest (format, schema version = latest migration, time, backend, rows per table, sequences);
 *   per table       a header `{"table": …, "columns": […], "rows": n}`, then n rows, each a JSON array of
 *                   the columns' PostgreSQL text forms (null for NULL), in primary-key order;
 *   last line       `{"end": true}`, so a cut-off file is refused.
 * Tables come in foreign-key order. Every value is read as PostgreSQL's own text form under fixed
 * settings (UTC, ISO dates, hex bytea) and cast back to the column's type on restore, so jsonb,
 * arrays, bytea, bigint and timestamps round-trip exactly, whatever the server.
 *
 * A backup reads every organization's rows as the owner (row-level security does not apply to it),
 * in one read-only repeatable-read transaction (one consistent snapshot). A restore runs in one
 * transaction on the owner connection: empties the tables, switches the user triggers off (audit
 * log, derived columns, the adopted-revision guard) so the rows go in exactly as they were,
 * derived columns (systems.shared_with, quality_*) included, generated ones (name_key) computed
 * again; loads the tables in foreign-key order (foreign keys stay checked), sets the sequences,
 * checks the counts against the manifest and switches the triggers back on. Any failure rolls it all back.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db, type Driver, type Tx } from './database.ts';
import { codeSchemaVersion, databaseSchemaVersion, enabledTriggers, migrationJournal, portableTextSettings, quoteIdent, readCatalog, type TableInfo } from './backup-schema.ts';
import { openDatabaseAt } from './backup-upgrade.ts';

export const BACKUP_FORMAT = 'veikart-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: number;
  /** Latest migration applied to the database that was backed up, e.g. `0022_list_top_k`. */
  readonly schemaVersion: string;
  /** ISO time the snapshot was taken. */
  readonly createdAt: string;
  readonly backend: Driver;
  /** Rows per table, in the order the tables follow in the file. */
  readonly counts: Record<string, number>;
  readonly sequences: Array<{ sequence: string; lastValue: string; isCalled: boolean }>;
}

/** A backup or restore refused or failed for a reason the operator can act on (Norwegian message). */
export class BackupError extends Error {
  override name = 'BackupError';
}

const FETCH_ROWS = 1000;
const INSERT_ROWS = 1000;
const INSERT_CHARS = 4_000_000;

/** Writes a backup of the whole database to `file` (via a temporary file, renamed when complete). */
export async function writeBackup(database: Pick<Database, 'db' | 'driver'>, file: string, now: Date = new Date()): Promise<BackupManifest> {
  const temporary = `${file}.${process.pid}.tmp`;
  const gzip = createGzip();
  const out = createWriteStream(temporary);
  gzip.pipe(out);
  const failed = new Promise<never>((_, reject) => {
    out.once('error', reject);
    gzip.once('error', reject);
  });
  failed.catch(() => undefined);
  const write = async (line: string): Promise<void> => {
    if (!gzip.write(`${line}\n`)) await Promise.race([once(gzip, 'drain'), failed]);
  };
  try {
    const manifest = await database.db.transaction(
      async (tx) => {
        await portableTextSettings(tx);
        const schemaVersion = await databaseSchemaVersion(tx);
        const catalog = await readCatalog(tx);
        const counts: Record<string, number> = {};
        for (const table of catalog.tables) {
          const [row] = await queryRows<{ n: string }>(tx, sql.raw(`select count(*)::text as n from ${quoteIdent(table.name)}`));
          counts[table.name] = Number(row?.n ?? 0);
        }
        const sequences: BackupManifest['sequences'] = [];
        for (const s of catalog.sequences) {
          const [row] = await queryRows<{ last_value: string; is_called: boolean }>(tx, sql.raw(`select last_value::text, is_called from ${quoteIdent(s.sequence)}`));
          if (row) sequences.push({ sequence: s.sequence, lastValue: row.last_value, isCalled: row.is_called });
        }
        const manifest: BackupManifest = {
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          schemaVersion,
          createdAt: now.toISOString(),
          backend: database.driver,
          counts,
          sequences,
        };
        await write(JSON.stringify(manifest));
        for (const table of catalog.tables) {
          await write(JSON.stringify({ table: table.name, columns: table.columns.map((c) => c.name), rows: counts[table.name] }));
          await writeRows(tx, table, write);
        }
        await write(JSON.stringify({ end: true }));
        return manifest;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    gzip.end();
    await Promise.race([once(out, 'close'), failed]);
    await rename(temporary, file);
    return manifest;
  } catch (err) {
    gzip.destroy();
    out.destroy();
    await rm(temporary, { force: true });
    throw err;
  }
}

/** The table's rows in primary-key order, each as a JSON array of the columns' text forms, through a cursor. */
async function writeRows(tx: Tx, table: TableInfo, write: (line: string) => Promise<void>): Promise<void> {
  const values = table.columns.map((c) => `${quoteIdent(c.name)}::text`).join(', ');
  const order = table.key.map(quoteIdent).join(', ');
  await tx.execute(sql.raw(`declare veikart_backup no scroll cursor for select to_json(array[${values}]::text[])::text as r from ${quoteIdent(table.name)} order by ${order}`));
  for (;;) {
    const rows = await queryRows<{ r: string }>(tx, sql.raw(`fetch forward ${FETCH_ROWS} from veikart_backup`));
    for (const row of rows) await write(row.r);
    if (rows.length < FETCH_ROWS) break;
  }
  await tx.execute(sql.raw('close veikart_backup'));
}

/** The lines of a backup file, unzipped, one at a time; a line read too far can be put back. */
class BackupLines {
  private readonly input;
  private readonly gunzip = createGunzip();
  private readonly lines;
  private readonly iterator: AsyncIterator<string>;
  private pending: string | undefined;

  constructor(file: string) {
    this.input = createReadStream(file);
    this.input.once('error', (err) => this.gunzip.destroy(err));
    this.lines = createInterface({ input: this.input.pipe(this.gunzip), crlfDelay: Number.POSITIVE_INFINITY });
    this.iterator = this.lines[Symbol.asyncIterator]();
  }

  async next(): Promise<string | undefined> {
    if (this.pending !== undefined) {
      const line = this.pending;
      this.pending = undefined;
      return line;
    }
    try {
      const { value, done } = await this.iterator.next();
      return done ? undefined : value;
    } catch (err) {
      throw new BackupError(`Sikkerhetskopien kan ikke leses (${(err as Error).message}). Er filen hel, og laget med «backup»?`);
    }
  }

  /** The next line, or an error saying the file ends too early. */
  async required(): Promise<string> {
    const line = await this.next();
    if (line === undefined) throw new BackupError('Sikkerhetskopien slutter for tidlig (filen er avkortet).');
    return line;
  }

  unread(line: string): void {
    this.pending = line;
  }

  close(): void {
    this.lines.close();
    this.input.destroy();
    this.gunzip.destroy();
  }
}

/** Reads and checks the manifest (the first line) of a backup file. */
export async function readManifest(file: string): Promise<BackupManifest> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new BackupError(`Finner ikke filen ${file}.`);
  const lines = new BackupLines(file);
  try {
    return parseManifest(await lines.next());
  } finally {
    lines.close();
  }
}

function parseManifest(line: string | undefined): BackupManifest {
  let value: Partial<BackupManifest> | undefined;
  try {
    value = line === undefined ? undefined : (JSON.parse(line) as Partial<BackupManifest>);
  } catch {
    value = undefined;
  }
  if (!value || value.format !== BACKUP_FORMAT) throw new BackupError('Filen er ikke en sikkerhetskopi fra Veikart (manifestet mangler).');
  if (value.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(`Sikkerhetskopien har formatversjon ${value.formatVersion}; denne versjonen av Veikart leser bare versjon ${BACKUP_FORMAT_VERSION}.`);
  }
  const counts = value.counts;
  const countsOk = counts !== null && typeof counts === 'object' && Object.values(counts).every((n) => Number.isSafeInteger(n) && n >= 0);
  if (typeof value.schemaVersion !== 'string' || typeof value.createdAt !== 'string' || !countsOk || !Array.isArray(value.sequences)) {
    throw new BackupError('Manifestet i sikkerhetskopien er ufullstendig.');
  }
  return value as BackupManifest;
}

export interface RestoreOptions {
  /** Replace the data of a database that is not empty. */
  readonly force?: boolean;
}

export interface RestoreResult {
  readonly manifest: BackupManifest;
  /** Set when the backup came from an older schema version and was upgraded on the way in. */
  readonly upgradedFrom?: string;
}

/**
 * Restores a backup into the database (already migrated to this code's schema). Refuses a backup
 * from a newer Veikart, and a database that holds organizations or users unless `force`. A backup
 * from an older schema version is first loaded into a throwaway embedded database at its own
 * version, migrated there, and then restored.
 */
export async function restoreBackup(database: Pick<Database, 'db'>, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const manifest = await readManifest(file);
  const journal = migrationJournal();
  const from = journal.findIndex((e) => e.tag === manifest.schemaVersion);
  const current = await databaseSchemaVersion(database.db);
  const to = journal.findIndex((e) => e.tag === current);
  if (from < 0 || from > to) {
    throw new BackupError(
      `Sikkerhetskopien er laget av en nyere versjon av Veikart (skjemaversjon ${manifest.schemaVersion}; denne har ${current}). Oppgrader Veikart før du gjenoppretter.`,
    );
  }
  await refuseNonEmpty(database.db, options.force === true);
  if (from < to) {
    const upgraded = await upgradeBackupFile(file, manifest.schemaVersion, current);
    try {
      const result = await restoreBackup(database, upgraded.file, { force: true });
      return { manifest: result.manifest, upgradedFrom: manifest.schemaVersion };
    } finally {
      await upgraded.cleanup();
    }
  }
  await database.db.transaction(async (tx) => {
    await loadBackup(tx, file);
  });
  return { manifest };
}

async function refuseNonEmpty(db: Db, force: boolean): Promise<void> {
  if (force) return;
  const [row] = await queryRows<{ organizations: string; users: string }>(
    db,
    sql`select (select count(*) from organizations)::text as organizations, (select count(*) from users)::text as users`,
  );
  if (Number(row?.organizations ?? 0) > 0 || Number(row?.users ?? 0) > 0) {
    throw new BackupError(
      `Databasen er ikke tom (${row?.organizations} organisasjoner, ${row?.users} brukere). ` +
        'Gjenopprett til en tom database, eller legg til --force for å erstatte alt som ligger der.',
    );
  }
}

/** A backup from an older schema, loaded into a throwaway database at that schema, migrated and written again. */
async function upgradeBackupFile(file: string, from: string, to: string): Promise<{ file: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'veikart-restore-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const scratch = await openDatabaseAt({ dataDir: 'memory://' }, from);
    try {
      await scratch.db.transaction((tx) => loadBackup(tx, file));
      await scratch.migrateTo(to);
      const upgraded = join(dir, 'upgraded.jsonl.gz');
      await writeBackup(scratch, upgraded);
      return { file: upgraded, cleanup };
    } finally {
      await scratch.close();
    }
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/** Replaces every table's rows with the backup's, in the transaction `tx` (see the file comment). */
async function loadBackup(tx: Tx, file: string): Promise<BackupManifest> {
  const lines = new BackupLines(file);
  try {
    const manifest = parseManifest(await lines.next());
    await portableTextSettings(tx);
    const catalog = await readCatalog(tx);
    const tables = new Map(catalog.tables.map((t) => [t.name, t]));
    const expected = Object.keys(manifest.counts).sort();
    const present = [...tables.keys()].sort();
    if (expected.join() !== present.join()) {
      throw new BackupError(`Tabellene i sikkerhetskopien (${expected.join(', ')}) er ikke de samme som i databasen (${present.join(', ')}).`);
    }
    await tx.execute(sql.raw(`truncate table ${catalog.tables.map((t) => quoteIdent(t.name)).join(', ')} restart identity`));
    const triggers = await enabledTriggers(tx);
    for (const t of triggers) await tx.execute(sql.raw(`alter table ${quoteIdent(t.table)} disable trigger ${quoteIdent(t.trigger)}`));
    const loaded = new Set<string>();
    for (;;) {
      const line = await lines.required();
      const header = JSON.parse(line) as { table?: string; columns?: string[]; rows?: number; end?: boolean };
      if (header.end === true) break;
      const table = header.table === undefined ? undefined : tables.get(header.table);
      if (!table || loaded.has(table.name) || !Array.isArray(header.columns)) throw new BackupError(`Uventet linje i sikkerhetskopien: ${line.slice(0, 80)}`);
      const missing = table.references.filter((r) => !loaded.has(r));
      if (missing.length > 0) throw new BackupError(`Tabellen ${table.name} kommer før ${missing.join(', ')} i sikkerhetskopien.`);
      const rows = await loadTable(tx, table, header.columns, lines);
      const count = manifest.counts[table.name];
      if (rows !== count || header.rows !== count) {
        throw new BackupError(`Tabellen ${table.name} har ${rows} rader i sikkerhetskopien, men manifestet sier ${count}. Filen er endret eller skadet.`);
      }
      loaded.add(table.name);
    }
    if (loaded.size !== tables.size) throw new BackupError('Sikkerhetskopien mangler tabeller.');
    for (const table of catalog.tables) {
      const [row] = await queryRows<{ n: string }>(tx, sql.raw(`select count(*)::text as n from ${quoteIdent(table.name)}`));
      if (Number(row?.n) !== manifest.counts[table.name]) throw new BackupError(`Tabellen ${table.name} fikk ${row?.n} rader, manifestet sier ${manifest.counts[table.name]}.`);
    }
    const known = new Set(catalog.sequences.map((s) => s.sequence));
    for (const s of manifest.sequences) {
      if (!known.has(s.sequence)) continue;
      await tx.execute(sql`select setval(${quoteIdent(s.sequence)}::regclass, ${s.lastValue}::bigint, ${s.isCalled})`);
    }
    for (const t of triggers) await tx.execute(sql.raw(`alter table ${quoteIdent(t.table)} enable trigger ${quoteIdent(t.trigger)}`));
    // Data versions move past every ETag handed out before (migration 0034; absent in older schemas).
    await tx.execute(
      sql.raw(`do $$ begin if to_regproc('veikart_versions_after_restore') is not null then perform veikart_versions_after_restore(); end if; end $$`),
    );
    return manifest;
  } finally {
    lines.close();
  }
}

/**
 * Inserts one table's rows (the lines after its header) in batches; returns how many. Columns that
 * reference the same table are set in a second step, once every row is in.
 */
async function loadTable(tx: Tx, table: TableInfo, columns: string[], lines: BackupLines): Promise<number> {
  const types = new Map(table.columns.map((c) => [c.name, c.type]));
  const unknown = columns.filter((c) => !types.has(c));
  if (unknown.length > 0 || new Set(columns).size !== table.columns.length) {
    throw new BackupError(`Kolonnene i ${table.name} stemmer ikke med databasen (${unknown.join(', ') || 'kolonner mangler'}).`);
  }
  const self = new Set(table.selfReferences);
  const target = sql.raw(`${quoteIdent(table.name)} (${columns.map(quoteIdent).join(', ')})`);
  const values = sql.raw(columns.map((c, i) => (self.has(c) ? `null::${types.get(c)}` : `(r->>${i})::${types.get(c)}`)).join(', '));
  const keyAt = table.key.map((k) => columns.indexOf(k));
  const selfAt = table.selfReferences.map((c) => columns.indexOf(c));
  const later: string[] = [];
  let batch: string[] = [];
  let chars = 0;
  let count = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await tx.execute(sql`insert into ${target} select ${values} from json_array_elements(${`[${batch.join(',')}]`}::json) as x(r)`);
    batch = [];
    chars = 0;
  };
  for (;;) {
    const line = await lines.required();
    if (!line.startsWith('[')) {
      lines.unread(line);
      break;
    }
    batch.push(line);
    chars += line.length;
    count++;
    if (selfAt.length > 0) {
      const row = JSON.parse(line) as Array<string | null>;
      if (selfAt.some((i) => row[i] !== null)) later.push(JSON.stringify([...keyAt.map((i) => row[i]), ...selfAt.map((i) => row[i])]));
    }
    if (batch.length >= INSERT_ROWS || chars >= INSERT_CHARS) await flush();
  }
  await flush();
  if (later.length > 0) {
    const sets = sql.raw(table.selfReferences.map((c, j) => `${quoteIdent(c)} = (r->>${keyAt.length + j})::${types.get(c)}`).join(', '));
    const match = sql.raw(table.key.map((k, i) => `t.${quoteIdent(k)} = (r->>${i})::${types.get(k)}`).join(' and '));
    for (let i = 0; i < later.length; i += INSERT_ROWS) {
      const part = `[${later.slice(i, i + INSERT_ROWS).join(',')}]`;
      await tx.execute(sql`update ${sql.raw(quoteIdent(table.name))} t set ${sets} from json_array_elements(${part}::json) as x(r) where ${match}`);
    }
  }
  return count;
}
