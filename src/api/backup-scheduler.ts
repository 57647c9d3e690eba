/**
 * Daily backups of the embedded database while the server runs (VEIKART_BACKUP_DIR, _KEEP, _HOUR):
 * every few minutes it asks src/domain/backup-schedule.ts whether the day's backup is due, writes
 * it with src/db/backup.ts (a temporary file renamed when complete) and deletes the oldest beyond
 * KEEP. With PostgreSQL, several instances may share the database, so the server takes no backups
 * itself: run `npm run cli -- backup` (or pg_dump) from cron on one machine instead.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeBackup } from '../db/backup.ts';
import type { Database } from '../db/database.ts';
import { backupDue, backupFileName, backupScheduleFromEnv, backupsToDelete, type BackupSchedule } from '../domain/backup-schedule.ts';

export interface BackupScheduler {
  /** Takes the day's backup if it is due at `now`; returns the file written, or null when none was due. */
  runOnce(now?: Date): Promise<string | null>;
  /** Stops the timer and waits for a backup in progress. */
  stop(): Promise<void>;
}

export interface BackupSchedulerOptions {
  readonly database: Pick<Database, 'db' | 'driver'>;
  readonly schedule: BackupSchedule;
  readonly now?: () => Date;
  /** How often to check whether a backup is due (default 5 minutes); 0 starts no timer (tests). */
  readonly checkEveryMs?: number;
  readonly log?: (line: string) => void;
}

export function startBackupScheduler(options: BackupSchedulerOptions): BackupScheduler {
  const { database, schedule } = options;
  const clock = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  let running: Promise<string | null> | null = null;

  const backUp = async (now: Date): Promise<string | null> => {
    await mkdir(schedule.dir, { recursive: true });
    if (!backupDue(now, schedule.hour, await readdir(schedule.dir))) return null;
    const file = join(schedule.dir, backupFileName(now));
    const manifest = await writeBackup(database, file, now);
    const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
    const old = backupsToDelete(await readdir(schedule.dir), schedule.keep);
    for (const name of old) await rm(join(schedule.dir, name), { force: true });
    log(`Sikkerhetskopi skrevet til ${file} (${rows} rader)${old.length > 0 ? `; slettet ${old.length} eldre` : ''}.`);
    return file;
  };
  const runOnce = (now: Date = clock()): Promise<string | null> => {
    running ??= backUp(now).finally(() => {
      running = null;
    });
    return running;
  };

  const every = options.checkEveryMs ?? 5 * 60_000;
  const timer =
    every > 0
      ? setInterval(() => {
          runOnce().catch((err: unknown) => console.error(`Sikkerhetskopien feilet: ${(err as Error).message}`));
        }, every)
      : null;
  timer?.unref();
  return {
    runOnce,
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}

/**
 * `npm start`: the scheduler when VEIKART_BACKUP_DIR is set and the database is the embedded one.
 * Throws with a Norwegian message naming the variable when a setting is wrong.
 */
export function startBackupsFromEnv(database: Pick<Database, 'db' | 'driver'>, env: NodeJS.ProcessEnv = process.env): BackupScheduler | null {
  const parsed = backupScheduleFromEnv(env);
  if (!parsed.ok) throw new Error(parsed.message);
  const { schedule } = parsed;
  if (!schedule) return null;
  if (database.driver !== 'pglite') {
    console.log('VEIKART_BACKUP_DIR gjelder bare den innebygde databasen; med PostgreSQL tar du sikkerhetskopi med «npm run cli -- backup» fra cron.');
    return null;
  }
  console.log(`Daglig sikkerhetskopi fra kl. ${String(schedule.hour).padStart(2, '0')} (norsk tid) til ${schedule.dir}; de ${schedule.keep} nyeste beholdes.`);
  return startBackupScheduler({ database, schedule });
}
