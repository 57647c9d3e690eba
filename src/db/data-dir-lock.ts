/**
 * The lock file `<dataDir>.lock` that keeps a second process off an embedded database directory.
 * PGlite has no lock between processes and loses rows when two open one directory.
 *
 * The file names its holder by pid, the pid's start time (field 22 of /proc/<pid>/stat), the boot
 * id (/proc/sys/kernel/random/boot_id) and its pid namespace (/proc/self/ns/pid), and the holder
 * touches it every few seconds (a heartbeat). A pid alone is not enough: after `kill -9` the file
 * stays, and a pid is reused, above all in a container, where the restarted server is pid 1 again.
 *
 * - Another boot: no process of it still runs, so the lock is stale.
 * - The same pid namespace (or a lock or system without namespace ids): the pid decides. The lock
 *   is stale when its process is dead, when it names this very process without this process holding
 *   it (an earlier life under the same pid), or when the pid now belongs to a process that started
 *   at another time. Otherwise it is held, and we refuse at once.
 * - Another pid namespace (a container restarted, or another container on the same volume): its
 *   pids mean nothing here, so the heartbeat decides. The lock is stale once it has not been touched
 *   for `staleMs`; a restart waits up to that long, and a second container beside a running one is
 *   refused, since the running one keeps touching the file.
 */
import { closeSync, linkSync, openSync, readFileSync, readlinkSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

/** What a lock file says about its holder. The ids are null in a lock written without /proc, or by an older version (which wrote the pid only). */
export interface LockHolder {
  readonly pid: number;
  readonly start: string | null;
  readonly boot: string | null;
  readonly ns: string | null;
}

export interface LockTiming {
  /** How often the holder touches the lock file (default 5 s). */
  readonly heartbeatMs?: number;
  /** A lock of another pid namespace untouched this long is stale (default 30 s). */
  readonly staleMs?: number;
  /** How long to wait for such a lock to go stale before refusing (default: staleMs and a heartbeat). */
  readonly waitMs?: number;
  /** Told once when waiting for a lock of another pid namespace. */
  readonly onWait?: (message: string) => void;
}

const HEARTBEAT_MS = 5_000;
const STALE_MS = 30_000;

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

export function pidNamespace(): string | null {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return null;
  }
}

export function currentHolder(): LockHolder {
  return { pid: process.pid, start: processStartTime(process.pid), boot: bootId(), ns: pidNamespace() };
}

/** The holder a lock file names: `{"pid":…,"start":…,"boot":…,"ns":…}`, or a bare pid (older versions). Null when unreadable. */
export function parseHolder(text: string): LockHolder | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), start: null, boot: null, ns: null };
  try {
    const value = JSON.parse(trimmed) as Partial<Record<keyof LockHolder, unknown>>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return null;
    const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
    return { pid: value.pid, start: text(value.start), boot: text(value.boot), ns: text(value.ns) };
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
 * What the holder named in a lock file is: `live` (another process, or this one, holds it), `stale`,
 * or `elsewhere` (another pid namespace, where its pid tells nothing: the heartbeat decides).
 */
export function judgeHolder(holder: LockHolder, lockPath: string): 'live' | 'stale' | 'elsewhere' {
  const boot = bootId();
  if (holder.boot !== null && boot !== null && holder.boot !== boot) return 'stale';
  if (holder.ns !== null && holder.ns !== pidNamespace()) return 'elsewhere';
  if (holder.pid === process.pid) return held.has(lockPath) ? 'live' : 'stale';
  if (!isAlive(holder.pid)) return 'stale';
  const start = processStartTime(holder.pid);
  if (holder.start !== null && start !== null && holder.start !== start) return 'stale';
  return 'live';
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

function ageMs(path: string): number | null {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

function lockedError(dataDir: string, holder: LockHolder, elsewhere: boolean): DataDirLockedError {
  return new DataDirLockedError(
    `Databasemappen ${resolve(dataDir)} er i bruk av en annen Veikart-prosess (pid ${holder.pid}${elsewhere ? ' i en annen container eller et annet pid-navnerom' : ''}). ` +
      'Stopp den først, eller bruk en annen mappe med VEIKART_DATA_DIR.',
  );
}

/** Takes `<dataDir>.lock`, or throws DataDirLockedError naming the live holder. Returns the release function. */
export async function acquireDataDirLock(dataDir: string, timing: LockTiming = {}): Promise<() => void> {
  const heartbeatMs = timing.heartbeatMs ?? HEARTBEAT_MS;
  const staleMs = timing.staleMs ?? STALE_MS;
  const deadline = Date.now() + (timing.waitMs ?? staleMs + heartbeatMs);
  const lockPath = `${resolve(dataDir)}.lock`;
  const mine = JSON.stringify(currentHolder());
  let told = false;
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      createExclusive(lockPath, mine);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const text = readOrNull(lockPath);
      if (text === null) continue; // removed meanwhile: try again
      const holder = parseHolder(text);
      const verdict = holder ? judgeHolder(holder, lockPath) : 'stale';
      if (holder && verdict === 'live') throw lockedError(dataDir, holder, false);
      if (holder && verdict === 'elsewhere') {
        const age = ageMs(lockPath) ?? staleMs;
        if (age < staleMs) {
          if (Date.now() >= deadline) throw lockedError(dataDir, holder, true);
          if (!told) {
            told = true;
            timing.onWait?.(
              `Databasemappen ${resolve(dataDir)} er låst av pid ${holder.pid} i en annen container eller et annet pid-navnerom. ` +
                `Venter til låsen har stått urørt i ${Math.round(staleMs / 1000)} s …`,
            );
          }
          attempt--; // waiting is not an attempt
          await sleep(Math.max(10, Math.min(staleMs - age, deadline - Date.now(), 1000)));
          continue;
        }
      }
      // Stale (or unreadable). Remove it only if it is still the file we judged, so a process that
      // took it over meanwhile keeps its lock.
      if (readOrNull(lockPath) === text) rmSync(lockPath, { force: true });
      continue;
    }
    return holdLock(lockPath, mine, heartbeatMs);
  }
  throw new DataDirLockedError(`Kunne ikke låse databasemappen ${resolve(dataDir)}`);
}

/** Keeps the lock: touches it every heartbeat while it is still ours, and removes it on release or exit. */
function holdLock(lockPath: string, mine: string, heartbeatMs: number): () => void {
  held.add(lockPath);
  const heartbeat = setInterval(() => {
    if (readOrNull(lockPath) !== mine) return;
    const now = new Date();
    try {
      utimesSync(lockPath, now, now);
    } catch {
      /* gone: nothing to keep */
    }
  }, heartbeatMs);
  heartbeat.unref();
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    held.delete(lockPath);
    process.removeListener('exit', release);
    if (readOrNull(lockPath) === mine) rmSync(lockPath, { force: true });
  };
  process.once('exit', release);
  return release;
}
