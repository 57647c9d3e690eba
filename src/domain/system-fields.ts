/**
 * One declaration per free-text field of a system (issue 12): its API key, its database column,
 * its length limit, its label in bokmål and nynorsk, its header in exports and imports, and whether
 * the plan document's systems appendix prints it. Everything else derives from this list:
 * - the create/update schemas and the list and detail schemas (portfolio.ts);
 * - the field labels of both catalogues (i18n/labels.nb.ts and labels.nn.ts spread `fieldLabelsOf`);
 * - the database selects of the list, the detail, the document and the import (src/db/queries);
 * - the import headers (both languages, and the key itself as `serverLocation` or `server location`),
 *   the export columns and the JSON export keys (systems-import.ts, systems-export.ts);
 * - the columns of the plan document's systems appendix.
 * Adding a text field: a migration, a column in src/db/schema/portfolio.ts, an entry here, and the
 * form and the list where it should show.
 *
 * Data only, with no imports: the label catalogues read it, and they are read by validation.ts.
 */

export interface SystemTextField {
  /** The key in the API, the domain and the JSON export. */
  readonly key: string;
  /** The column of the systems table. */
  readonly column: string;
  /** Most characters the field takes. */
  readonly max: number;
  readonly label: { readonly nb: string; readonly nn: string };
  /** The column header in exports; imports accept both languages' headers and `aliases`. */
  readonly header: { readonly nb: string; readonly nn: string };
  readonly aliases: readonly string[];
  /** Relative width of the field's column in the plan document's systems appendix; null: not printed. */
  readonly documentWidth: number | null;
}

export const SYSTEM_TEXT_FIELDS = [
  {
    key: 'serverLocation',
    column: 'server_location',
    max: 200,
    label: { nb: 'Serverplassering', nn: 'Serverplassering' },
    header: { nb: 'serverplassering', nn: 'serverplassering' },
    aliases: [],
    documentWidth: 2.6,
  },
  {
    key: 'database',
    column: 'database',
    max: 200,
    label: { nb: 'Database', nn: 'Database' },
    header: { nb: 'database', nn: 'database' },
    aliases: [],
    documentWidth: 2.2,
  },
  {
    key: 'softwareVersion',
    column: 'software_version',
    max: 50,
    label: { nb: 'Versjon', nn: 'Versjon' },
    header: { nb: 'versjon', nn: 'versjon' },
    aliases: ['programversjon', 'software version'],
    documentWidth: 1.6,
  },
] as const satisfies readonly SystemTextField[];

export type SystemTextKey = (typeof SYSTEM_TEXT_FIELDS)[number]['key'];
/** The declared text fields of a system, as stored (null: not given). */
export type SystemTextValues = { [K in SystemTextKey]: string | null };

/** The declared text fields of `source`, each null when absent. */
export function systemTextValues(source: Partial<Record<SystemTextKey, string | null | undefined>>): SystemTextValues {
  return Object.fromEntries(SYSTEM_TEXT_FIELDS.map((f) => [f.key, source[f.key] ?? null])) as SystemTextValues;
}

/** The declared fields' labels in one language, for the field-label catalogue of that language. */
export function fieldLabelsOf(language: 'nb' | 'nn'): Record<SystemTextKey, string> {
  return Object.fromEntries(SYSTEM_TEXT_FIELDS.map((f) => [f.key, f.label[language]])) as Record<SystemTextKey, string>;
}
