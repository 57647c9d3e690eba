/** The audit log as a CSV file: one line per changed field, the entry's columns repeated. */
import type { AuditEntry } from '../domain/audit.ts';
import { formatDateTime } from '../domain/format.ts';
import { TABLE_LABELS } from '../domain/labels.ts';
import { writeTable } from './spreadsheet.ts';

const ACTION_TEXT: Record<AuditEntry['action'], string> = { insert: 'Opprettet', update: 'Endret', delete: 'Slettet' };
const HEADER = ['Tidspunkt', 'Bruker', 'Handling', 'Type', 'Objekt', 'Del', 'Felt', 'Før', 'Etter'];

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function auditCsvRows(entries: readonly AuditEntry[]): string[][] {
  const rows: string[][] = [HEADER];
  for (const e of entries) {
    const head = [
      formatDateTime(e.at),
      e.actor?.displayName ?? 'System',
      ACTION_TEXT[e.action],
      TABLE_LABELS[e.tableName] ?? e.tableName,
      e.name ?? '',
    ];
    if (e.fields.length === 0) rows.push([...head, '', '', '', '']);
    for (const f of e.fields) {
      rows.push([...head, TABLE_LABELS[f.tableName] ?? f.tableName, f.field, cellText(f.before), cellText(f.after)]);
    }
  }
  return rows;
}

export async function exportAuditCsv(entries: readonly AuditEntry[]): Promise<Buffer> {
  return writeTable(auditCsvRows(entries), 'csv');
}
