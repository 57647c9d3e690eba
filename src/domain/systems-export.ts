/**
 * The system list as a table that `parseSystemTable` (systems-import.ts) reads back: the round trip
 * export → import is lossless for every column written here, in bokmål and in nynorsk (headers and
 * choice labels follow the organization's language; the import reads both).
 */
import { labelsIn } from './labels.ts';
import type { Language } from './organization.ts';
import type { SystemListItem } from './portfolio.ts';
import { SYSTEM_TEXT_FIELDS } from './system-fields.ts';

/** A system as exported: the list item plus the lifecycle facts the list does not show. */
export type SystemExportItem = SystemListItem & {
  introducedYear?: number | null;
  replacedByName?: string | null;
  description?: string | null;
};

interface ExportColumn {
  /** The import field the header reads back into (see systems-import.ts). */
  field: string;
  nb: string;
  nn: string;
  cell: (s: SystemExportItem, language: Language) => string;
}

const yesNo = (v: boolean): string => (v ? 'ja' : 'nei');

/** The columns of an export, in order (the declared text fields after the cooperation). Imports match columns by header, not by place. */
export const SYSTEM_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { field: 'name', nb: 'system', nn: 'system', cell: (s) => s.name },
  { field: 'users', nb: 'brukere', nn: 'brukarar', cell: (s) => (s.users === null ? '' : String(s.users)) },
  { field: 'vendor', nb: 'leverandør', nn: 'leverandør', cell: (s) => s.vendorName ?? '' },
  { field: 'operator', nb: 'driftsleverandør', nn: 'driftsleverandør', cell: (s) => s.operatorName ?? '' },
  { field: 'cooperation', nb: 'samarbeid', nn: 'samarbeid', cell: (s) => s.cooperationName ?? '' },
  ...SYSTEM_TEXT_FIELDS.map((f) => ({ field: f.key, nb: f.header.nb, nn: f.header.nn, cell: (s: SystemExportItem) => s[f.key] ?? '' })),
  { field: 'lifecycle', nb: 'livsløp', nn: 'livsløp', cell: (s, l) => labelsIn(l).LIFECYCLE_LABELS[s.lifecycle] },
  { field: 'criticality', nb: 'kritikalitet', nn: 'kritikalitet', cell: (s, l) => (s.criticality ? labelsIn(l).CRITICALITY_LABELS[s.criticality] : '') },
  { field: 'personalData', nb: 'personopplysninger', nn: 'personopplysningar', cell: (s) => yesNo(s.personalData) },
  { field: 'quality', nb: 'datakvalitet', nn: 'datakvalitet', cell: (s) => String(s.quality.score) },
  { field: 'introducedYear', nb: 'innført', nn: 'innført', cell: (s) => (s.introducedYear === null || s.introducedYear === undefined ? '' : String(s.introducedYear)) },
  { field: 'successor', nb: 'erstattet av', nn: 'erstatta av', cell: (s) => s.replacedByName ?? '' },
  { field: 'description', nb: 'beskrivelse', nn: 'skildring', cell: (s) => s.description ?? '' },
];

/** The bokmål header row. */
export const EXPORT_COLUMNS: readonly string[] = SYSTEM_EXPORT_COLUMNS.map((c) => c.nb);

/** The system list as the table `parseSystemTable` reads back, headers and labels in `language`. */
export function systemTableRows(systems: readonly SystemExportItem[], language: Language = 'nb'): string[][] {
  return [SYSTEM_EXPORT_COLUMNS.map((c) => c[language]), ...systems.map((s) => SYSTEM_EXPORT_COLUMNS.map((c) => c.cell(s, language)))];
}
