import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { acquireDataDirLock, bootId, DataDirLockedError, parseHolder, processStartTime } from '../../src/db/data-dir-lock.ts';

const hasProc = processStartTime(process.pid) !== null && bootId() !== null;

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
  const leaveLock = (dir: string, content: string): void => writeFileSync(`${dir}.lock`, content);

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
    leaveLock(dir, JSON.stringify({ pid: process.pid, start: '1', boot: bootId() }));
    const release = acquireDataDirLock(dir);
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it.runIf(hasProc)('takes over a lock whose pid now belongs to another live process that started at another time or boot', () => {
    const dir = tempDir();
    const other = process.ppid;
    const otherStart = processStartTime(other);
    expect(otherStart).not.toBeNull();
    leaveLock(dir, JSON.stringify({ pid: other, start: `${otherStart}9`, boot: bootId() }));
    acquireDataDirLock(dir)();
    leaveLock(dir, JSON.stringify({ pid: other, start: otherStart, boot: 'a-boot-before-the-last-reboot' }));
    acquireDataDirLock(dir)();
    // Host pid 1 is alive outside a container too; a lock naming it from another start is stale.
    const initStart = processStartTime(1);
    if (initStart !== null) {
      leaveLock(dir, JSON.stringify({ pid: 1, start: `${initStart}9`, boot: bootId() }));
      acquireDataDirLock(dir)();
    }
  });

  it('refuses while the process named in the lock really runs, keeping the Norwegian message and the file', () => {
    const dir = tempDir();
    const other = process.ppid;
    const live = JSON.stringify({ pid: other, start: processStartTime(other), boot: bootId() });
    leaveLock(dir, live);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(`er i bruk av en annen Veikart-prosess (pid ${other})`);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(live);
    // A lock of the older format naming a live process other than ours: it cannot tell, so it refuses.
    leaveLock(dir, String(other));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
  });

  it('takes over a lock of a dead process and an unreadable lock file', () => {
    const dir = tempDir();
    leaveLock(dir, JSON.stringify({ pid: 2 ** 22 + 12345, start: '1', boot: bootId() }));
    acquireDataDirLock(dir)();
    leaveLock(dir, '');
    acquireDataDirLock(dir)();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});
