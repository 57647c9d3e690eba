/**
 * The annual report's figures (statistics, accounts, cost sharing) for one organization and year,
 * read in the caller's transaction: five statements whatever the number of owners, metrics or years
 * (subjects, metrics, values, accounts, cost-pool facts). Every sum is derived here from its parts.
 */
import type { Tx } from '../tx.ts';
import type { AnnualFigures, AnnualStatistics } from '../../domain/annual-figures.ts';
import { annualCostSharing, computePools } from '../../domain/cost-pool-shares.ts';
import { monthSeries, type StatisticsYear } from '../../domain/statistics.ts';
import { accountsYear } from './accounts.ts';
import { costPoolFacts } from './cost-pools.ts';
import { statisticsYear } from './statistics.ts';

export async function loadAnnualFigures(tx: Tx, organizationId: string, year: number): Promise<AnnualFigures> {
  const statistics = await statisticsYear(tx, organizationId, year);
  const accounts = await accountsYear(tx, organizationId, year);
  const pools = computePools(
    (await costPoolFacts(tx, organizationId, year)).filter((p) => p.organizationId === organizationId),
    year,
  );
  return {
    year,
    statistics: annualStatistics(statistics, organizationId),
    accounts: {
      lines: accounts.lines.map((l) => ({ ansvar: l.ansvar, name: l.name, budget: l.budget, actual: l.actual, deviation: l.deviation })),
      total: accounts.total,
    },
    costSharing: annualCostSharing(pools),
  };
}

/** The report year's table (owners by kommunenummer, then the organization itself if it has values) and the history. */
export function annualStatistics(s: StatisticsYear, organizationId: string): AnnualStatistics {
  const value = (metricId: string, subjectId: string) => s.values.find((v) => v.metricId === metricId && v.subjectId === subjectId)?.value ?? null;
  const subjects = s.subjects.filter((sub) => sub.organizationId !== organizationId || s.values.some((v) => v.subjectId === organizationId));
  const rows = subjects.map((sub) => ({ name: sub.name, kommunenummer: sub.kommunenummer, values: s.metrics.map((m) => value(m.id, sub.organizationId)) }));
  const history = s.metrics.map((m) => {
    const own = s.history.filter((h) => h.metricId === m.id && h.year <= s.year);
    const years = [...new Set(own.map((h) => h.year))].sort((a, b) => a - b);
    return {
      metric: m.name,
      years,
      rows: subjects.map((sub) => ({
        name: sub.name,
        values: years.map((y) => own.find((h) => h.year === y && h.subjectId === sub.organizationId)?.value ?? null),
      })),
    };
  });
  return {
    metrics: s.metrics.map((m) => ({ name: m.name, unit: m.unit, description: m.description })),
    rows,
    totals: s.metrics.map((m) => s.totals.find((t) => t.metricId === m.id)?.total ?? null),
    history: history.filter((h) => h.years.length > 0),
    months: s.metrics.flatMap((m) => {
      const series = monthSeries(s, m.id);
      return series ? [{ metric: m.name, unit: m.unit, rows: series.rows.map((r) => ({ name: r.name, values: r.values, total: r.total })), totals: series.totals, total: series.total }] : [];
    }),
  };
}
