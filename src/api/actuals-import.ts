/**
 * Import of actual spend (regnskap) into a revision, shared by the API route and the command line.
 * Default: the rows that match a measure are imported and the others reported, in one transaction.
 * `strict`: all or nothing — any unreadable row, unknown measure or wrong printed total imports
 * nothing (the caller's transaction is rolled back by the thrown problem).
 */
import type { Tx } from '../db/database.ts';
import { listPlans } from '../db/queries/plan-periods.ts';
import { measureKeys, upsertActuals } from '../db/queries/followup.ts';
import { findRevision } from '../db/queries/plan-periods.ts';
import { matchActuals, parseActuals, type RowProblem, type TotalDiscrepancy } from '../domain/actuals-import.ts';
import { revisionInForce } from '../domain/plan-revisions.ts';
import { formatKroner } from '../domain/money.ts';
import { readTableOrProblem } from '../reports/spreadsheet.ts';
import { Problem, invalid, notFound } from './problem.ts';
import { tooLargeAs413 } from './shared.ts';
import { message } from '../domain/messages.ts';

export interface ActualsImportReport {
  readonly revisionId: string;
  readonly strict: boolean;
  /** (measure, kind, year) amounts written. */
  readonly imported: number;
  /** Rows not imported: unreadable cells, unknown measures, years outside the period. */
  readonly skipped: RowProblem[];
  readonly discrepancies: TotalDiscrepancy[];
}

function discrepancyMessage(d: TotalDiscrepancy): RowProblem {
  return { row: d.row, column: 'regnskap', message: message('actuals.sumMismatch', { row: d.row, printed: formatKroner(d.printed), computed: formatKroner(d.computed) }) };
}

/** The revision to import into: the one given, else the revision in force (or the newest) of the newest plan. */
export async function importTargetRevision(tx: Tx, organizationId: string, revisionId?: string): Promise<string> {
  if (revisionId) return revisionId;
  const plans = await listPlans(tx, organizationId);
  const plan = plans[0];
  const rev = plan ? (revisionInForce(plan.revisions) ?? plan.revisions[plan.revisions.length - 1]) : undefined;
  if (!rev) throw notFound('Planen');
  return rev.id;
}

export async function importActuals(tx: Tx, organizationId: string, revisionId: string, file: Buffer, filename: string, strict: boolean): Promise<ActualsImportReport> {
  const rev = await findRevision(tx, organizationId, revisionId);
  if (!rev) throw notFound('Revisjonen');
  const table = await tooLargeAs413(readTableOrProblem(file, filename));
  if (!table.ok) throw invalid(table.problems.map((p) => ({ field: 'file', message: p.message })));
  const parsed = parseActuals(table.rows);
  if (!parsed.ok) throw invalid(parsed.problems.map((p) => ({ field: 'file', message: p.message })));
  const { matched, unknown } = matchActuals(parsed.value.rows, await measureKeys(tx, organizationId, revisionId), rev.period);
  const skipped = [...parsed.value.problems, ...unknown].sort((a, b) => a.row - b.row);
  const { discrepancies } = parsed.value;
  if (strict && (skipped.length > 0 || discrepancies.length > 0)) {
    const all = [...skipped, ...discrepancies.map(discrepancyMessage)];
    throw new Problem(
      400,
      'Ugyldige data',
      `Ingenting er importert (alt eller ingenting): ${all.length} rad${all.length === 1 ? '' : 'er'} kan ikke brukes.`,
      all.map((p) => ({ field: 'file', message: p.message })),
    );
  }
  await upsertActuals(tx, organizationId, revisionId, matched);
  return { revisionId, strict, imported: matched.length, skipped, discrepancies };
}
