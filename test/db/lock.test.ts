import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { acquireDataDirLock, bootId, DataDirLockedError, parseHolder, pidNamespace, processStartTime } from '../../src/db/data-dir-lock.ts';

const hasProc = processStartTime(process.pid) !== null && bootId() !== null && pidNamespace() !== null;

describe('data directory lock after a crash', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'veikart-lock-'));
    dirs.push(d);
    return join(d, 'data');
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  /** A lock file as a process left it, last touched `ageSeconds` ago. */
  const leaveLock = (dir: string, content: string, ageSeconds = 0): void => {
    writeFileSync(`${dir}.lock`, content);
    const when = new Date(Date.now() - ageSeconds * 1000);
    utimesSync(`${dir}.lock`, when, when);
  };
  const holder = (fields: { pid: number; start?: string | null; boot?: string | null; ns?: string | null }) =>
    JSON.stringify({ start: processStartTime(fields.pid), boot: bootId(), ns: pidNamespace(), ...fields });
  const take = async (dir: string, timing = {}): Promise<void> => (await acquireDataDirLock(dir, timing))();

  it('restarts when the lock names our own pid from an earlier life (a container’s pid 1 after kill -9)', async () => {
    const dir = tempDir();
    // What the server wrote before it was killed: the pid only (older versions) …
    leaveLock(dir, String(process.pid));
    const database = await openDatabase({ dataDir: dir });
    try {
      expect(parseHolder(readFileSync(`${dir}.lock`, 'utf8'))?.pid).toBe(process.pid);
      // … and while this process holds it, a second opening is still refused.
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await database.close();
    }
    expect(existsSync(`${dir}.lock`)).toBe(false);

    // The same with a lock of the current format from an earlier start under the same pid.
    leaveLock(dir, holder({ pid: process.pid, start: '1' }));
    await take(dir);
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it.runIf(hasProc)('takes over a lock whose pid now belongs to another live process that started at another time or boot', async () => {
    const dir = tempDir();
    const other = process.ppid;
    leaveLock(dir, holder({ pid: other, start: `${processStartTime(other)}9` }));
    await take(dir);
    leaveLock(dir, holder({ pid: other, boot: 'a-boot-before-the-last-reboot' }));
    await take(dir);
    // Host pid 1 is alive outside a container too; a lock naming it from another start is stale.
    if (processStartTime(1) !== null) {
      leaveLock(dir, holder({ pid: 1, start: `${processStartTime(1)}9` }));
      await take(dir);
    }
  });

  it('refuses while the process named in the lock really runs, keeping the Norwegian message and the file', async () => {
    const dir = tempDir();
    const other = process.ppid;
    const live = holder({ pid: other });
    leaveLock(dir, live, 3600);
    await expect(take(dir)).rejects.toThrow(DataDirLockedError);
    await expect(take(dir)).rejects.toThrow(`er i bruk av en annen Veikart-prosess (pid ${other})`);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(live);
    // A lock of the older format naming a live process other than ours: it cannot tell, so it refuses.
    leaveLock(dir, String(other));
    await expect(take(dir)).rejects.toThrow(DataDirLockedError);
  });

  it('takes over a lock of a dead process and an unreadable lock file', async () => {
    const dir = tempDir();
    leaveLock(dir, holder({ pid: 2 ** 22 + 12345, start: '1' }));
    await take(dir);
    leaveLock(dir, '');
    await take(dir);
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it.runIf(hasProc)('judges a lock of another pid namespace by its heartbeat: a second container beside a running one is refused, a restart takes it over', async () => {
    const dir = tempDir();
    // Another container on the same volume, pid 1 there as here, touching its lock: refused.
    const fresh = holder({ pid: process.pid, start: '1', ns: 'pid:[4026530000]' });
    leaveLock(dir, fresh, 1);
    const waits: string[] = [];
    await expect(take(dir, { staleMs: 60_000, waitMs: 0, onWait: (m: string) => waits.push(m) })).rejects.toThrow('i en annen container eller et annet pid-navnerom');
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(fresh);
    // Restarted after kill -9, in a new namespace: the lock has not been touched for longer than staleMs.
    leaveLock(dir, fresh, 120);
    await take(dir, { staleMs: 60_000, waitMs: 0 });
    expect(existsSync(`${dir}.lock`)).toBe(false);
    // Waiting: the lock goes stale while we wait, and we are told once.
    leaveLock(dir, fresh, 59.8);
    await take(dir, { staleMs: 60_000, waitMs: 10_000, onWait: (m: string) => waits.push(m) });
    expect(waits).toEqual([expect.stringContaining('Venter til låsen har stått urørt i 60 s')]);
  });

  it('keeps touching its own lock while it holds it', async () => {
    const dir = tempDir();
    const release = await acquireDataDirLock(dir, { heartbeatMs: 20 });
    try {
      const long = new Date(Date.now() - 3600_000);
      utimesSync(`${dir}.lock`, long, long);
      while (Date.now() - statSync(`${dir}.lock`).mtimeMs > 60_000) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(Date.now() - statSync(`${dir}.lock`).mtimeMs).toBeLessThan(60_000);
    } finally {
      release();
    }
  });
});
