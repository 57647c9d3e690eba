/** `backup --out FILE` and `restore FILE [--force]` (README: "Sikkerhetskopi og gjenoppretting"). */
import { BackupError, restoreBackup, writeBackup } from '../db/backup.ts';
import type { Database } from '../db/database.ts';
import { CliError } from './index.ts';

const rowsIn = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

export async function backupCommand(database: Database, out: string | boolean | undefined): Promise<string> {
  if (typeof out !== 'string') throw new CliError('Oppgi filen med --out, for eksempel --out veikart-2026-12-06.jsonl.gz');
  try {
    const manifest = await writeBackup(database, out);
    const tables = Object.keys(manifest.counts).length;
    return `Skrev sikkerhetskopi til ${out}: ${tables} tabeller, ${rowsIn(manifest.counts)} rader, skjemaversjon ${manifest.schemaVersion}.`;
  } catch (err) {
    throw asCliError(err);
  }
}

export async function restoreCommand(database: Database, file: string | undefined, force: boolean): Promise<string> {
  if (!file) throw new CliError('Oppgi filen: npm run cli -- restore FIL [--force]');
  try {
    const { manifest, upgradedFrom } = await restoreBackup(database, file, { force });
    const from = `${manifest.backend === 'pglite' ? 'innebygd database' : 'PostgreSQL'}, ${manifest.createdAt}`;
    const upgraded = upgradedFrom ? ` Den ble oppgradert fra skjemaversjon ${upgradedFrom}.` : '';
    return `Gjenopprettet ${rowsIn(manifest.counts)} rader i ${Object.keys(manifest.counts).length} tabeller fra ${file} (${from}).${upgraded}`;
  } catch (err) {
    throw asCliError(err);
  }
}

function asCliError(err: unknown): unknown {
  if (err instanceof BackupError) return new CliError(err.message);
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') return new CliError(`Kan ikke bruke filen: ${(err as Error).message}`);
  return err;
}
