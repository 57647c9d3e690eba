import { describe, expect, it } from 'vitest';
import { backupDue, backupFileName, backupScheduleFromEnv, backupsToDelete, osloClock } from './backup-schedule.ts';

describe('scheduled backups', () => {
  it('reads the settings, with defaults, and names the variable that is wrong', () => {
    expect(backupScheduleFromEnv({})).toEqual({ ok: true, schedule: null });
    expect(backupScheduleFromEnv({ VEIKART_BACKUP_DIR: '/var/backups/veikart' })).toEqual({ ok: true, schedule: { dir: '/var/backups/veikart', keep: 7, hour: 2 } });
    expect(backupScheduleFromEnv({ VEIKART_BACKUP_DIR: 'b', VEIKART_BACKUP_KEEP: '30', VEIKART_BACKUP_HOUR: '0' })).toEqual({ ok: true, schedule: { dir: 'b', keep: 30, hour: 0 } });
    expect(backupScheduleFromEnv({ VEIKART_BACKUP_DIR: 'b', VEIKART_BACKUP_KEEP: '0' })).toEqual({ ok: false, message: expect.stringContaining('VEIKART_BACKUP_KEEP') });
    expect(backupScheduleFromEnv({ VEIKART_BACKUP_DIR: 'b', VEIKART_BACKUP_KEEP: 'sju' })).toEqual({ ok: false, message: expect.stringContaining('VEIKART_BACKUP_KEEP') });
    expect(backupScheduleFromEnv({ VEIKART_BACKUP_DIR: 'b', VEIKART_BACKUP_HOUR: '24' })).toEqual({ ok: false, message: expect.stringContaining('VEIKART_BACKUP_HOUR') });
    expect(backupScheduleFromEnv({ VEIKART_BACKUP_DIR: 'b', VEIKART_BACKUP_HOUR: '2.5' })).toEqual({ ok: false, message: expect.stringContaining('VEIKART_BACKUP_HOUR') });
  });

  it('reads the clock in Oslo time, summer and winter', () => {
    expect(osloClock(new Date('2026-12-06T01:05:00Z'))).toEqual({ date: '2026-12-06', hour: 2, minute: 5 });
    expect(osloClock(new Date('2026-06-30T22:30:00Z'))).toEqual({ date: '2026-07-01', hour: 0, minute: 30 });
    expect(backupFileName(new Date('2026-12-06T01:00:00Z'))).toBe('veikart-2026-12-06-0200.jsonl.gz');
    expect(backupFileName(new Date('2026-07-01T00:07:00Z'))).toBe('veikart-2026-07-01-0207.jsonl.gz');
  });

  it('is due once a day from the hour, Oslo time, and catches up after the hour when none was taken', () => {
    const yesterday = ['veikart-2026-12-05-0200.jsonl.gz'];
    expect(backupDue(new Date('2026-12-06T00:59:00Z'), 2, yesterday)).toBe(false); // 01:59 in Oslo
    expect(backupDue(new Date('2026-12-06T01:00:00Z'), 2, yesterday)).toBe(true); // 02:00 in Oslo
    expect(backupDue(new Date('2026-12-06T01:05:00Z'), 2, [...yesterday, 'veikart-2026-12-06-0200.jsonl.gz'])).toBe(false);
    expect(backupDue(new Date('2026-12-06T13:00:00Z'), 2, yesterday)).toBe(true); // the server was down at 02:00
    expect(backupDue(new Date('2026-12-06T22:59:00Z'), 0, ['veikart-2026-12-06-0000.jsonl.gz'])).toBe(false); // 23:59, today's taken
    expect(backupDue(new Date('2026-12-06T23:00:00Z'), 0, ['veikart-2026-12-06-0000.jsonl.gz'])).toBe(true); // midnight: a new day
    // Summer time: 02:00 in Oslo is 00:00 UTC.
    expect(backupDue(new Date('2026-07-01T00:00:00Z'), 2, [])).toBe(true);
    expect(backupDue(new Date('2026-06-30T23:59:00Z'), 2, [])).toBe(false);
    // Other files in the directory do not count as the day's backup.
    expect(backupDue(new Date('2026-12-06T01:00:00Z'), 2, ['manuell-2026-12-06.jsonl.gz', 'veikart-2026-12-06-0200.jsonl.gz.123.tmp'])).toBe(true);
  });

  it('deletes the oldest scheduled backups beyond KEEP and nothing else', () => {
    const files = [
      'veikart-2026-12-03-0200.jsonl.gz',
      'veikart-2026-11-30-0200.jsonl.gz',
      'veikart-2026-12-01-1415.jsonl.gz',
      'veikart-2026-12-02-0200.jsonl.gz',
      'for-flytting.jsonl.gz',
      'veikart-2026-12-04-0200.jsonl.gz.999.tmp',
    ];
    expect(backupsToDelete(files, 2)).toEqual(['veikart-2026-11-30-0200.jsonl.gz', 'veikart-2026-12-01-1415.jsonl.gz']);
    expect(backupsToDelete(files, 4)).toEqual([]);
    expect(backupsToDelete(files, 7)).toEqual([]);
    expect(backupsToDelete(files, 1)).toEqual(['veikart-2026-11-30-0200.jsonl.gz', 'veikart-2026-12-01-1415.jsonl.gz', 'veikart-2026-12-02-0200.jsonl.gz']);
  });
});
