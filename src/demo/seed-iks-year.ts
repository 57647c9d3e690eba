/**
 * Demo figures for the IKS year of "Indre Namdal IKT IKS": statistics for 2016 and 2017, accounts per
 * ansvar for 2017 and three cost pools. No real årsmelding figures are available to the project, so
 * every number here is INVENTED and round (see README, "The IKS year"); only the owners are real.
 * Idempotent: nothing is written when the IKS already has metrics.
 */
import type { Tx } from '../db/database.ts';
import { saveAccounts } from '../db/queries/accounts.ts';
import { insertCostPools, poolNames } from '../db/queries/cost-pools.ts';
import { listMetrics, ownerSubjects, saveStatistics } from '../db/queries/statistics.ts';
import type { StatisticValue } from '../domain/statistics-import.ts';

/** Invented round figures per owner (ordered by kommunenummer) for 2017; 2016 is 90 % of them. */
const METRICS: Record<string, readonly number[]> = {
  'Feide-pålogginger': [40_000, 20_000, 10_000, 15_000, 50_000, 25_000],
  'Brev inn': [3_000, 1_500, 800, 1_000, 4_000, 1_700],
  'Brev ut': [2_500, 1_200, 600, 900, 3_500, 1_400],
  Brukerstøttesaker: [600, 300, 150, 200, 900, 350],
  Brukerkontoer: [400, 200, 100, 150, 600, 250],
};

const ACCOUNTS = [
  { ansvar: '1000', name: 'Drift og brukerstøtte', budget: 6_000_000, actual: 5_800_000 },
  { ansvar: '1100', name: 'Lisenser og avtaler', budget: 3_000_000, actual: 3_100_000 },
  { ansvar: '1200', name: 'Felles arkiv', budget: 1_000_000, actual: 900_000 },
];

export async function ensureIksYear(tx: Tx, iksId: string): Promise<void> {
  if ((await listMetrics(tx, iksId)).length > 0) return;
  const owners = await ownerSubjects(tx, iksId);
  const values: StatisticValue[] = [];
  for (const [metric, figures] of Object.entries(METRICS)) {
    owners.forEach((subject, i) => {
      const value = figures[i];
      if (value === undefined) return;
      values.push({ metric, subject, year: 2017, month: null, value, row: 0 });
      values.push({ metric, subject, year: 2016, month: null, value: (value / 10) * 9, row: 0 });
    });
  }
  await saveStatistics(tx, iksId, { metrics: Object.keys(METRICS), values });
  await saveAccounts(tx, iksId, 2017, ACCOUNTS.map((a) => ({ ...a, row: 0, printedDeviation: null })));
  const names = await poolNames(tx, iksId);
  const ansvar = (number: string) => names.find((n) => n.kind === 'ansvar' && n.name === number)?.id ?? null;
  const feide = names.find((n) => n.kind === 'metric' && n.name === 'Feide-pålogginger')?.id ?? null;
  // Felles arkiv is shared by 4 of the 6 owners, as the issue describes.
  const archive = owners.slice(0, 4).map((o) => o.organizationId);
  await insertCostPools(tx, iksId, 2017, [
    { name: 'Drift og brukerstøtte', ansvarId: ansvar('1000'), systemId: null, basis: 'actual', key: 'metric', metricId: feide, ownerIds: null, percentages: null, typedAmount: null },
    { name: 'Lisenser og avtaler', ansvarId: ansvar('1100'), systemId: null, basis: 'actual', key: 'equal', metricId: null, ownerIds: null, percentages: null, typedAmount: null },
    { name: 'Felles arkiv (refusjon av mindreforbruk)', ansvarId: ansvar('1200'), systemId: null, basis: 'deviation', key: 'fixed', metricId: null, ownerIds: archive, percentages: [4000, 2000, 2000, 2000], typedAmount: null },
  ]);
}
