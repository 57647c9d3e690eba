/**
 * `/api/health` (liveness: the server runs and reaches its database; it stays 200 while migrations
 * run, so an orchestrator does not restart an instance in the middle of them) and
 * `/api/health/ready` (readiness: 503 while migrations run or the schema is behind the code).
 * Both report the schema version: the latest migration applied and the latest this code ships.
 */
import type { FastifyInstance } from 'fastify';
import type { Database, SchemaState } from '../../db/database.ts';

function schemaBody(state: SchemaState) {
  return {
    version: state.applied?.version ?? null,
    tag: state.applied?.tag ?? null,
    expected: { version: state.expected.version, tag: state.expected.tag },
    migrating: state.migrating,
    ...(state.newer ? { newer: true } : {}),
  };
}

export function healthRoutes(app: FastifyInstance, database: Database): void {
  const check = async () => {
    const started = performance.now();
    try {
      const state = await database.schemaState();
      const latencyMs = Math.round(performance.now() - started);
      return { state, database: { status: state.migrating ? 'migrating' : 'ok', driver: database.driver, latencyMs } };
    } catch {
      return { state: null, database: { status: 'unavailable', driver: database.driver } };
    }
  };

  app.get('/api/health', { schema: { hide: true } }, async (_request, reply) => {
    // The embedded database has one connection: while an import holds it, a query would wait for the
    // import, so liveness answers from the worker's state instead (see src/db/pglite-worker.ts).
    // Whether migrations are done is known without a query.
    if (database.busy?.()) {
      const migrated = database.migrated();
      return { status: 'ok', ready: migrated, database: { status: 'busy', driver: database.driver }, schema: { migrating: !migrated } };
    }
    const { state, database: db } = await check();
    if (!state) {
      reply.code(503);
      return { status: 'error', ready: false, database: db };
    }
    return { status: 'ok', ready: state.ready, database: db, schema: schemaBody(state) };
  });

  app.get('/api/health/ready', { schema: { hide: true } }, async (_request, reply) => {
    const { state, database: db } = await check();
    const status = !state ? 'unavailable' : state.ready ? 'ready' : state.migrating ? 'migrating' : 'behind';
    if (status !== 'ready') reply.code(503);
    return { status, ready: status === 'ready', database: db, ...(state ? { schema: schemaBody(state) } : {}) };
  });
}
