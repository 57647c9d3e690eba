/**
 * The declared text fields of a system (src/domain/system-fields.ts) in SQL: one place for the
 * list, the detail, the document and the import to select and write them. Column names come from
 * the declaration (constants), never from input.
 */
import { sql, type SQL } from 'drizzle-orm';
import { SYSTEM_TEXT_FIELDS, type SystemTextValues } from '../../domain/system-fields.ts';

/** `a.server_location as "serverLocation", …`: the fields of table alias `a`, named as in the API. */
export function systemTextSelect(alias: string): SQL {
  return sql.raw(SYSTEM_TEXT_FIELDS.map((f) => `${alias}.${f.column} as "${f.key}"`).join(', '));
}

/** `a.server_location, …`: the columns of table alias `a`. */
export function systemTextColumns(alias: string): SQL {
  return sql.raw(SYSTEM_TEXT_FIELDS.map((f) => `${alias}.${f.column}`).join(', '));
}

/** `server_location = x.server_location, …`: an update from the record `x`. */
export function systemTextAssignments(from: string): SQL {
  return sql.raw(SYSTEM_TEXT_FIELDS.map((f) => `${f.column} = ${from}.${f.column}`).join(', '));
}

/** `server_location text, …`: the fields in a json_to_recordset column list. */
export function systemTextRecord(): SQL {
  return sql.raw(SYSTEM_TEXT_FIELDS.map((f) => `${f.column} text`).join(', '));
}

/** The fields of `values` keyed by column, for a JSON record the update reads. */
export function systemTextByColumn(values: Readonly<SystemTextValues>): Record<string, string | null> {
  return Object.fromEntries(SYSTEM_TEXT_FIELDS.map((f) => [f.column, values[f.key] ?? null]));
}
