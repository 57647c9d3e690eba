/** Small SQL helpers shared by the query modules. */
import { sql, type SQL } from 'drizzle-orm';

/** A Postgres uuid[] literal; ids are validated UUIDs, so no quoting is needed. */
export function uuids(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/** The input without its undefined fields (an update sets only what it was given). */
export function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
