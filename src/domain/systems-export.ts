/**
 * The system list as a table that `parseSystemTable` (systems-import.ts) reads back: the round trip
 * export → import is lossless for every column written here.
 */
import { CRITICALITY_LABELS, LIFECYCLE_LABELS } from './labels.ts';
import type { SystemListItem } from './portfolio.ts';
import { SYSTEM_TEXT_FIELDS } from './system-fields.ts';

/** The columns of an export, in order (the declared text fields after the cooperation). Imports match columns by header, not by place. */
export const EXPORT_COLUMNS: readonly string[] = [
  'system',
  'brukere',
  'leverandør',
  'driftsleverandør',
  'samarbeid',
  ...SYSTEM_TEXT_FIELDS.map((f) => f.header.nb),
  'livsløp',
  'kritikalitet',
  'personopplysninger',
  'datakvalitet',
  'innført',
  'erstattet av',
  'beskrivelse',
];

/** A system as exported: the list item plus the lifecycle facts the list does not show. */
export type SystemExportItem = SystemListItem & {
  introducedYear?: number | null;
  replacedByName?: string | null;
  description?: string | null;
};

/** The system list as the table `parseSystemTable` reads back (labels in Norwegian). */
export function systemTableRows(systems: readonly SystemExportItem[]): string[][] {
  return [
    [...EXPORT_COLUMNS],
    ...systems.map((s) => [
      s.name,
      s.users === null ? '' : String(s.users),
      s.vendorName ?? '',
      s.operatorName ?? '',
      s.cooperationName ?? '',
      ...SYSTEM_TEXT_FIELDS.map((f) => s[f.key] ?? ''),
      LIFECYCLE_LABELS[s.lifecycle],
      s.criticality ? CRITICALITY_LABELS[s.criticality] : '',
      s.personalData ? 'ja' : 'nei',
      String(s.quality.score),
      s.introducedYear === null || s.introducedYear === undefined ? '' : String(s.introducedYear),
      s.replacedByName ?? '',
      s.description ?? '',
    ]),
  ];
}
