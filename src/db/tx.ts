/**
 * The database and transaction types and the two helpers every query module uses. A module that
 * database.ts imports (the reference data in queries/national-goals.ts and queries/national-components.ts, anything
 * it runs at start) imports these from here, not from database.ts, so src/db has no import loop.
 */
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Driver = 'pglite' | 'postgres';

/** Raw SQL returning rows; both drivers give `{ rows }`. */
export async function queryRows<T>(tx: Tx | Db, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * The steps of one transaction one after another, results in order (as `Promise.all` would give
 * them). A transaction is one connection, which runs one query at a time: pg queues overlapping
 * queries with a deprecation warning, and pg 9 will refuse them.
 */
export async function inTurn<T extends readonly unknown[]>(...steps: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as unknown as T;
}
