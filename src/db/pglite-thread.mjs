// The PGlite instance, in a worker thread (see pglite-worker.ts): long statements run here and the
// server's event loop keeps answering. Plain JavaScript so it runs without a TypeScript loader.
// Messages: { id, op, ... } in, { id, ok, value | error } out. Transactions are PGlite's own
// (one at a time; a query outside one waits for it), held open between 'begin' and 'commit'/'rollback'.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';

const client = await PGlite.create(workerData.dataDir ?? undefined, {
  // int8 as string, like node-postgres, so both drivers return the same values.
  parsers: { [types.INT8]: (value) => value },
  // A data directory dumped by dumpDataDir (tests start from a migrated template this way).
  ...(workerData.loadDataDir ? { loadDataDir: new Blob([workerData.loadDataDir]) } : {}),
});

// Data version notifications (migration 0034) go to the main thread as they arrive: PGlite calls
// the listener while it reads a commit's result, so the message precedes the reply to that commit.
await client.listen('veikart_versions', (payload) => parentPort.postMessage({ notify: payload }));

/** Open transactions by id: the PGlite transaction object and how to end it. */
const open = new Map();
const raw = (value) => value;

function options(o) {
  if (!o) return undefined;
  const parsers = {};
  for (const oid of o.rawTypes ?? []) parsers[oid] = raw;
  return { rowMode: o.rowMode, parsers };
}

function errorOf(err) {
  const out = { message: String(err?.message ?? err), name: String(err?.name ?? 'Error') };
  if (err && typeof err === 'object') {
    for (const [k, v] of Object.entries(err)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
  }
  return out;
}

function begin(id) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = client
      .transaction(async (tx) => {
        const end = new Promise((endResolve) => open.set(id, { tx, end: endResolve }));
        settled = true;
        resolve(undefined);
        const how = await end;
        if (how === 'rollback') await tx.rollback();
      })
      .finally(() => open.delete(id));
    open.set(`done:${id}`, done);
    done.catch((err) => {
      if (!settled) reject(err);
    });
  });
}

async function finish(id, how) {
  const t = open.get(id);
  const done = open.get(`done:${id}`);
  open.delete(`done:${id}`);
  if (!t || !done) throw new Error('Transaction is closed');
  t.end(how);
  await done;
}

async function handle(msg) {
  switch (msg.op) {
    case 'query': {
      const target = msg.tx === undefined ? client : open.get(msg.tx)?.tx;
      if (!target) throw new Error('Transaction is closed');
      return target.query(msg.sql, msg.params, options(msg.options));
    }
    case 'exec': {
      const target = msg.tx === undefined ? client : open.get(msg.tx)?.tx;
      if (!target) throw new Error('Transaction is closed');
      return target.exec(msg.sql);
    }
    case 'begin':
      return begin(msg.tx);
    case 'commit':
      return finish(msg.tx, 'commit');
    case 'rollback':
      return finish(msg.tx, 'rollback');
    case 'dump': {
      const blob = await client.dumpDataDir(msg.compression ?? 'none');
      return new Uint8Array(await blob.arrayBuffer());
    }
    case 'close':
      await client.close();
      return undefined;
    default:
      throw new Error(`unknown op ${msg.op}`);
  }
}

parentPort.on('message', (msg) => {
  handle(msg).then(
    (value) => parentPort.postMessage({ id: msg.id, ok: true, value }),
    (err) => parentPort.postMessage({ id: msg.id, ok: false, error: errorOf(err) }),
  );
});
parentPort.postMessage({ ready: true });
