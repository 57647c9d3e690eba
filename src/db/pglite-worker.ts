/**
 * PGlite in a worker thread (src/db/pglite-thread.mjs), behind an object with the part of PGlite's
 * interface that drizzle's pglite driver uses (query, exec, transaction). PGlite runs its WebAssembly
 * on the calling thread, so on the main thread one long import blocked every other request (a
 * 10 000-row import held /api/health for 4.3 s); here statements run on the worker and the HTTP
 * event loop stays free. Transactions keep PGlite's semantics: one at a time, other queries wait,
 * an error in the callback rolls back.
 */
import { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';

interface Reply {
  readonly id?: number;
  readonly ready?: boolean;
  /** A notification on veikart_versions (migration 0034), posted before the reply to the commit that sent it. */
  readonly notify?: string;
  readonly ok?: boolean;
  readonly value?: unknown;
  readonly error?: Record<string, unknown> & { message: string; name: string };
}

type WireOptions = { rowMode?: 'array' | 'object'; rawTypes?: number[] } | undefined;

/** drizzle passes parsers that return the text unchanged (dates, intervals…); they are sent as type ids. */
function wireOptions(options: QueryOptions | undefined): WireOptions {
  if (!options) return undefined;
  const rawTypes = Object.keys(options.parsers ?? {}).map(Number);
  return { ...(options.rowMode ? { rowMode: options.rowMode } : {}), rawTypes };
}

/** An Error with the database's fields (code, constraint, detail…), as PGlite would have thrown it. */
function rebuild(e: NonNullable<Reply['error']>): Error {
  const err = new Error(e.message);
  Object.assign(err, e);
  return err;
}

export interface PgliteWorker {
  /** A stand-in for the PGlite instance, for drizzle-orm/pglite. */
  readonly client: PGlite;
  /** True while a statement runs or a transaction is open: a new statement would wait for it. */
  busy(): boolean;
  /** The data directory as a tarball (PGlite's dumpDataDir), for `loadDataDir` of a later open. */
  dumpDataDir(): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * `onNotify`: called with each payload of the data-version notifications (response cache).
 * `loadDataDir`: a tarball made by dumpDataDir to start from instead of an empty cluster (tests open
 * a migrated template this way); absent in production.
 */
export async function openPgliteWorker(dataDir: string | null, onNotify?: (payload: string) => void, loadDataDir?: Uint8Array): Promise<PgliteWorker> {
  const worker = new Worker(new URL('./pglite-thread.mjs', import.meta.url), { workerData: { dataDir, loadDataDir } });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 1;
  let transactions = 0;
  let failed: Error | null = null;
  const failAll = (err: Error): void => {
    failed = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`PGlite-tråden stoppet (kode ${code})`)));
    worker.on('message', (m: Reply) => {
      if (m.ready) return resolve();
      if (m.notify !== undefined) return onNotify?.(m.notify);
      const p = m.id === undefined ? undefined : pending.get(m.id);
      if (!p || m.id === undefined) return;
      pending.delete(m.id);
      idle();
      if (m.ok) p.resolve(m.value);
      else p.reject(m.error ? rebuild(m.error) : new Error('PGlite-feil'));
    });
  });
  // The thread keeps the process alive only while work is outstanding, as a socket would: a CLI
  // command that ends without closing the database still exits.
  const idle = (): void => {
    if (pending.size === 0 && transactions === 0) worker.unref();
  };
  idle();
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`PGlite-tråden stoppet (kode ${code})`)));

  const call = <T>(message: Record<string, unknown>): Promise<T> => {
    if (failed) return Promise.reject(failed);
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      worker.ref();
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...message, id });
    });
  };
  const query = <T>(tx: number | undefined, text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> =>
    call<Results<T>>({ op: 'query', tx, sql: text, params: params ?? [], options: wireOptions(options) });
  const exec = (tx: number | undefined, text: string): Promise<Array<Results>> => call<Array<Results>>({ op: 'exec', tx, sql: text });

  const client = {
    query: <T>(text: string, params?: unknown[], options?: QueryOptions) => query<T>(undefined, text, params, options),
    exec: (text: string) => exec(undefined, text),
    async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
      const id = next++;
      transactions++;
      try {
        return await inTransaction(id, fn);
      } finally {
        transactions--;
        idle();
      }
    },
  } as unknown as PGlite;

  async function inTransaction<T>(id: number, fn: (tx: Transaction) => Promise<T>): Promise<T> {
    await call({ op: 'begin', tx: id });
    let closed = false;
    const tx = {
      query: <R>(text: string, params?: unknown[], options?: QueryOptions) => query<R>(id, text, params, options),
      exec: (text: string) => exec(id, text),
      async rollback() {
        closed = true;
        await call({ op: 'rollback', tx: id });
      },
      get closed() {
        return closed;
      },
    } as unknown as Transaction;
    let value: T;
    try {
      value = await fn(tx);
    } catch (err) {
      if (!closed) {
        closed = true;
        await call({ op: 'rollback', tx: id }).catch(() => undefined);
      }
      throw err;
    }
    if (!closed) {
      closed = true;
      await call({ op: 'commit', tx: id });
    }
    return value;
  }

  return {
    client,
    busy: () => transactions > 0 || pending.size > 0,
    dumpDataDir: () => call<Uint8Array>({ op: 'dump' }),
    async close() {
      try {
        await call({ op: 'close' });
      } finally {
        await worker.terminate();
      }
    },
  };
}
