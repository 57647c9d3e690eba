/**
 * Scheduled backups of the embedded database (README "Sikkerhetskopi og gjenoppretting"): the
 * settings, when a backup is due and which old backups to delete. Pure: the time is passed in.
 *
 * A backup is due once a day, at or after the configured hour in Oslo time, when the directory holds
 * no backup from that Oslo date yet; so a server that was down at the hour takes the day's backup
 * when it is up again. The files are named by their Oslo date and time
 * (`veikart-2026-12-06-0200.jsonl.gz`), so the names sort oldest first; only files named that way
 * are ever deleted.
 */

export interface BackupSchedule {
  /** Directory the daily backups go to (VEIKART_BACKUP_DIR). */
  readonly dir: string;
  /** How many daily backups to keep (VEIKART_BACKUP_KEEP, default 7). */
  readonly keep: number;
  /** Hour of the day, Oslo time, from which the day's backup is taken (VEIKART_BACKUP_HOUR, default 2). */
  readonly hour: number;
}

export const DEFAULT_BACKUP_KEEP = 7;
export const DEFAULT_BACKUP_HOUR = 2;

/** The schedule from the environment: null when VEIKART_BACKUP_DIR is not set; a Norwegian message naming the variable when a value is wrong. */
export function backupScheduleFromEnv(env: Readonly<Record<string, string | undefined>>): { ok: true; schedule: BackupSchedule | null } | { ok: false; message: string } {
  const dir = env.VEIKART_BACKUP_DIR?.trim();
  if (!dir) return { ok: true, schedule: null };
  const keep = wholeNumber(env.VEIKART_BACKUP_KEEP, DEFAULT_BACKUP_KEEP);
  if (keep === null || keep < 1) return { ok: false, message: `VEIKART_BACKUP_KEEP må være et helt tall fra 1 og oppover (var «${env.VEIKART_BACKUP_KEEP}»).` };
  const hour = wholeNumber(env.VEIKART_BACKUP_HOUR, DEFAULT_BACKUP_HOUR);
  if (hour === null || hour > 23) return { ok: false, message: `VEIKART_BACKUP_HOUR må være en time fra 0 til 23 (var «${env.VEIKART_BACKUP_HOUR}»).` };
  return { ok: true, schedule: { dir, keep, hour } };
}

function wholeNumber(value: string | undefined, fallback: number): number | null {
  if (value === undefined || value.trim() === '') return fallback;
  return /^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : null;
}

const OSLO = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Date (`YYYY-MM-DD`), hour and minute of `now` in Oslo. */
export function osloClock(now: Date): { date: string; hour: number; minute: number } {
  const parts = Object.fromEntries(OSLO.formatToParts(now).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute) };
}

const BACKUP_FILE = /^veikart-(\d{4}-\d{2}-\d{2})-(\d{4})\.jsonl\.gz$/;

/** The name of a scheduled backup taken at `now`: `veikart-<Oslo date>-<HHMM>.jsonl.gz`. */
export function backupFileName(now: Date): string {
  const { date, hour, minute } = osloClock(now);
  return `veikart-${date}-${String(hour).padStart(2, '0')}${String(minute).padStart(2, '0')}.jsonl.gz`;
}

/** Is the day's backup due at `now`, given the file names in the backup directory? */
export function backupDue(now: Date, hour: number, existing: readonly string[]): boolean {
  const clock = osloClock(now);
  if (clock.hour < hour) return false;
  return !existing.some((name) => BACKUP_FILE.exec(name)?.[1] === clock.date);
}

/** The scheduled backups to delete so that the newest `keep` remain (other files are never touched). */
export function backupsToDelete(existing: readonly string[], keep: number): string[] {
  const backups = existing.filter((name) => BACKUP_FILE.test(name)).sort();
  return backups.slice(0, Math.max(0, backups.length - keep));
}
