/**
 * The system list as a table that `parseSystemTable` (systems-import.ts) reads back: the round trip
 * export → import is lossless for every column written here.
 */
import { CRITICALITY_LABELS, LIFECYCLE_LABELS } from './labels.ts';
import type { SystemListItem } from './portfolio.ts';

/** The columns of an export, in order. The lifecycle columns come last so older files still line up. */
export const EXPORT_COLUMNS = [
  'system',
  'brukere',
  'leverandør',
  'driftsleverandør',
  'samarbeid',
  'serverplassering',
  'database',
  'livsløp',
  'kritikalitet',
  'personopplysninger',
  'datakvalitet',
  'innført',
  'erstattet av',
  'beskrivelse',
] as const;

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
      s.serverLocation ?? '',
      s.database ?? '',
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
