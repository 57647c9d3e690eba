/**
 * The IKS year as files: statistics, accounts and cost-pool tables read from CSV/XLSX (through the
 * spreadsheet reader and its zip guard; an unreadable file is one whole-file problem and nothing is
 * imported), an owner's shares as XLSX, and the statistics charts as SVG (echarts, server-side).
 */
import { parseAccountsTable, type AccountsImportResult } from '../domain/accounts-import.ts';
import { parseCostPoolsTable, type CostPoolsImportResult, type PoolImportCooperations } from '../domain/cost-sharing-import.ts';
import { labelsIn } from '../domain/labels.ts';
import type { Language } from '../domain/organization.ts';
import type { PoolResult } from '../domain/cost-pool-shares.ts';
import type { Subject } from '../domain/statistics.ts';
import { parseStatisticsTable, type StatisticsImportResult } from '../domain/statistics-import.ts';
import { readTableOrProblem, writeTable } from './spreadsheet.ts';

export async function parseStatisticsFile(data: Buffer | Uint8Array, filename: string, subjects: readonly Subject[], year?: number): Promise<StatisticsImportResult> {
  const read = await readTableOrProblem(data, filename);
  if (!read.ok) return read;
  return parseStatisticsTable(read.rows, subjects, year === undefined ? {} : { year });
}

export async function parseAccountsFile(data: Buffer | Uint8Array, filename: string): Promise<AccountsImportResult> {
  const read = await readTableOrProblem(data, filename);
  if (!read.ok) return read;
  return parseAccountsTable(read.rows);
}

export async function parseCostPoolsFile(data: Buffer | Uint8Array, filename: string, owners: readonly Subject[], hosted?: PoolImportCooperations): Promise<CostPoolsImportResult> {
  const read = await readTableOrProblem(data, filename);
  if (!read.ok) return read;
  return parseCostPoolsTable(read.rows, owners, hosted);
}

/** One owner's (or cooperation member's) shares for a year as XLSX: one row per pool with the IKS or host, the cooperation, the key and the share. */
export async function exportOwnerShares(pools: readonly PoolResult[], ownerId: string, year: number, language: Language = 'nb'): Promise<Buffer> {
  const labels = labelsIn(language);
  const h = labels.OWNER_SHARES_EXPORT;
  const rows = [[h.year, h.organization, h.cooperation, h.pool, h.ansvar, h.basis, h.key, h.metric, h.amount, h.share]];
  for (const p of pools) {
    const mine = p.shares.find((s) => s.organizationId === ownerId);
    rows.push([
      String(year),
      p.organizationName,
      p.cooperation ?? '',
      p.name,
      p.ansvar ?? '',
      labels.COST_POOL_BASIS_WORDS[p.basis],
      labels.COST_SHARE_KEY_WORDS[p.key],
      p.metric ?? '',
      p.amount === null ? '' : String(p.amount),
      mine ? String(mine.amount) : '',
    ]);
  }
  return writeTable(rows, 'xlsx', h.sheet, ['number', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'number', 'number']);
}
