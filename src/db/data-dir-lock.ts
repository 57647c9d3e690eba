/**
 * The lock file `<dataDir>.lock` that keeps a second process off an embedded database directory.
 * PGlite has no lock between processes and loses rows when two open one directory.
 *
 * The file names its holder by pid, the pid's start time (field 22 of /proc/<pid>/stat) and the
 * boot id (/proc/sys/kernel/random/boot_id). A pid alone is not enough: after `kill -9` the file
 * stays, and a pid is reused, above all in a container, where the restarted server is pid 1 again.
 * The lock is taken over when its holder is dead, when it names this very process without this
 * process holding it (an earlier life under the same pid), or when the pid now belongs to a process
 * that started at another time or in another boot. Where /proc is missing (macOS), the pid
 * decides, with the same rule for our own pid.
 */
import { closeSync, linkSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

/** What a lock file says about its holder. `start` and `boot` are null in a lock written without /proc (or by an older version, which wrote the pid only). */
export interface LockHolder {
  readonly pid: number;
  readonly start: string | null;
  readonly boot: string | null;
}

/** Lock files this process holds now (absolute paths). */
const held = new Set<string>();

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), or null without /proc. */
export function processStartTime(pid: number): string | null {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // Field 2 (the command) is in parentheses and may hold spaces and parentheses itself.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[22 - 3] ?? null;
}

export function bootId(): string | null {
  return readOrNull('/proc/sys/kernel/random/boot_id')?.trim() || null;
}

export function currentHolder(): LockHolder {
  return { pid: process.pid, start: processStartTime(process.pid), boot: bootId() };
}

/** The holder a lock file names: `{"pid":…,"start":…,"boot":…}`, or a bare pid (older versions). Null when unreadable. */
export function parseHolder(text: string): LockHolder | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), start: null, boot: null };
  try {
    const value = JSON.parse(trimmed) as Partial<Record<keyof LockHolder, unknown>>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return null;
    return { pid: value.pid, start: typeof value.start === 'string' ? value.start : null, boot: typeof value.boot === 'string' ? value.boot : null };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the holder named in a lock file still runs and is another process. `lockPath` tells
 * whether this process holds that lock itself (then it is alive, as a second opening in one process).
 */
export function holderIsLive(holder: LockHolder, lockPath: string): boolean {
  if (holder.pid === process.pid) return held.has(lockPath);
  if (!isAlive(holder.pid)) return false;
  const boot = bootId();
  if (holder.boot !== null && boot !== null && holder.boot !== boot) return false;
  const start = processStartTime(holder.pid);
  if (holder.start !== null && start !== null && holder.start !== start) return false;
  return true;
}

/**
 * Creates `path` with `content`, failing with EEXIST when it exists. The content is written to a
 * file of its own first and linked into place, so the lock file appears whole: a process starting
 * at the same time never reads a half-written one and takes it for stale. A file system without
 * hard links gets an exclusive create and write instead.
 */
function createExclusive(path: string, content: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  try {
    linkSync(temp, path);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
  } finally {
    rmSync(temp, { force: true });
  }
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
}

/** Takes `<dataDir>.lock`, or throws DataDirLockedError naming the live holder. Returns the release function. */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = `${resolve(dataDir)}.lock`;
  const mine = JSON.stringify(currentHolder());
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      createExclusive(lockPath, mine);
      held.add(lockPath);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        held.delete(lockPath);
        process.removeListener('exit', release);
        if (readOrNull(lockPath) === mine) rmSync(lockPath, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const text = readOrNull(lockPath);
      if (text === null) continue; // removed meanwhile: try again
      const holder = parseHolder(text);
      if (holder && holderIsLive(holder, lockPath)) {
        throw new DataDirLockedError(
          `Databasemappen ${resolve(dataDir)} er i bruk av en annen Veikart-prosess (pid ${holder.pid}). ` +
            'Stopp den først, eller bruk en annen mappe med VEIKART_DATA_DIR.',
        );
      }
      // Stale (or unreadable). Remove it only if it is still the file we judged, so a process that
      // took it over meanwhile keeps its lock.
      if (readOrNull(lockPath) === text) rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(`Kunne ikke låse databasemappen ${resolve(dataDir)}`);
}
