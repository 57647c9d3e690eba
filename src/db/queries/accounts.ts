/** Accounts per ansvar and year. Fixed number of statements per call. */
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../tx.ts';
import { accountsTotal, deviationOf, type AccountsYear } from '../../domain/accounts.ts';
import type { ImportedAccountLine } from '../../domain/accounts-import.ts';

/** Creates or renames the ansvar and inserts or replaces the year's lines: two statements. */
export async function saveAccounts(tx: Tx, organizationId: string, year: number, lines: readonly ImportedAccountLine[]): Promise<{ lines: number }> {
  if (lines.length === 0) return { lines: 0 };
  const json = JSON.stringify(lines.map((l) => ({ number: l.ansvar, name: l.name, budget: l.budget, actual: l.actual, deviation: l.printedDeviation })));
  await tx.execute(sql`
    insert into ansvar (organization_id, number, name)
    select ${organizationId}::uuid, x.number, x.name from json_to_recordset(${json}::json) as x(number text, name text)
    on conflict (organization_id, number) do update set name = excluded.name, version = ansvar.version + 1, updated_at = now()
      where ansvar.name is distinct from excluded.name`);
  const saved = await queryRows<{ id: string }>(
    tx,
    sql`insert into account_lines (organization_id, ansvar_id, year, budget, actual, printed_deviation)
        select ${organizationId}::uuid, a.id, ${year}, x.budget, x.actual, x.deviation
          from json_to_recordset(${json}::json) as x(number text, name text, budget bigint, actual bigint, deviation bigint)
          join ansvar a on a.organization_id = ${organizationId}::uuid and a.number = x.number
        on conflict (ansvar_id, year) do update
          set budget = excluded.budget, actual = excluded.actual, printed_deviation = excluded.printed_deviation,
              version = account_lines.version + 1, updated_at = now()
        returning id`,
  );
  return { lines: saved.length };
}

interface Row {
  kind: 'ansvar' | 'line' | 'year';
  id: string | null;
  number: string | null;
  name: string | null;
  year: number | null;
  budget: string | null;
  actual: string | null;
  printed_deviation: string | null;
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));

/** The ansvar, the year's lines and the years that have lines: one statement. */
export async function accountsYear(tx: Tx, organizationId: string, year: number): Promise<AccountsYear> {
  const rows = await queryRows<Row>(
    tx,
    sql`select 'ansvar' as kind, a.id, a.number, a.name, null::int as year, null::bigint as budget, null::bigint as actual, null::bigint as printed_deviation
          from ansvar a where a.organization_id = ${organizationId}::uuid
        union all
        select 'line', l.ansvar_id, null, null, l.year, l.budget, l.actual, l.printed_deviation
          from account_lines l where l.organization_id = ${organizationId}::uuid and l.year = ${year}
        union all
        select distinct 'year', null::uuid, null, null, l.year, null::bigint, null::bigint, null::bigint
          from account_lines l where l.organization_id = ${organizationId}::uuid`,
  );
  const ansvar = rows
    .filter((r) => r.kind === 'ansvar')
    .map((r) => ({ id: r.id!, number: r.number!, name: r.name! }))
    .sort((a, b) => a.number.localeCompare(b.number, 'nb', { numeric: true }));
  const byId = new Map(ansvar.map((a) => [a.id, a]));
  const figures = rows
    .filter((r) => r.kind === 'line' && byId.has(r.id!))
    .map((r) => ({ a: byId.get(r.id!)!, budget: num(r.budget), actual: num(r.actual), printedDeviation: num(r.printed_deviation) }))
    .sort((x, y) => x.a.number.localeCompare(y.a.number, 'nb', { numeric: true }));
  const lines = figures.map((f) => ({ ansvarId: f.a.id, ansvar: f.a.number, name: f.a.name, budget: f.budget, actual: f.actual, deviation: deviationOf(f) }));
  return {
    year,
    years: rows.filter((r) => r.kind === 'year').map((r) => Number(r.year)).sort((a, b) => a - b),
    lines,
    total: accountsTotal(figures),
    ansvar,
  };
}
