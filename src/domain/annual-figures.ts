/**
 * The figures of an IKS's (or any organization's) year that the annual report (årsmelding) prints:
 * statistics per owner, accounts per ansvar and the cost sharing between owners. Read by
 * src/db/queries/annual-figures.ts, printed by src/reports/annual-report/. Declared here so that db and
 * reports both depend on domain only. Every sum here is derived by the loader from its parts (money
 * through src/domain/money.ts); the report prints them and adds nothing itself.
 */

export interface AnnualStatisticsRow {
  /** The owner kommune's (or the IKS's own) display name. */
  name: string;
  kommunenummer: string | null;
  /** One value per metric, in the order of `AnnualStatistics.metrics`; null when none was recorded. */
  values: (number | null)[];
}

export interface AnnualStatistics {
  metrics: { name: string; unit: string | null; description: string | null }[];
  /** The report year's values: owners ordered by kommunenummer, then the organization itself. */
  rows: AnnualStatisticsRow[];
  /** Per metric, the sum over `rows` (null when no row has a value). */
  totals: (number | null)[];
  /** Year-over-year series per metric, for the line charts: the years that have any value, up to the report year. */
  history: { metric: string; years: number[]; rows: { name: string; values: (number | null)[] }[] }[];
  /** The report year's monthly series per metric that has any (jan–des), per kommune with the sums (derived). */
  months: { metric: string; unit: string | null; rows: { name: string; values: (number | null)[]; total: number }[]; totals: (number | null)[]; total: number }[];
}

export interface AnnualAccountLine {
  ansvar: string;
  name: string;
  /** Integer kroner; null when the source printed only the deviation. */
  budget: number | null;
  actual: number | null;
  /** budget − actual: positive is mindreforbruk, negative merforbruk. */
  deviation: number;
}

export interface AnnualAccounts {
  lines: AnnualAccountLine[];
  total: { budget: number | null; actual: number | null; deviation: number };
}

export type CostPoolBasis = 'budget' | 'actual' | 'deviation' | 'system' | 'amount';
export type CostShareKey = 'equal' | 'fixed' | 'metric' | 'users';

export interface AnnualCostPool {
  name: string;
  ansvar: string | null;
  basis: CostPoolBasis;
  key: CostShareKey;
  /** The metric's name for key `metric`, else null. */
  metric: string | null;
  /** Integer kroner; the shares add up to exactly this. */
  amount: number;
  /** Every owner, including those with a 0 share, ordered by kommunenummer. */
  shares: { name: string; kommunenummer: string | null; amount: number }[];
}

export interface AnnualFigures {
  year: number;
  statistics: AnnualStatistics;
  accounts: AnnualAccounts;
  costSharing: { pools: AnnualCostPool[]; totalPerOwner: { name: string; kommunenummer: string | null; amount: number }[] };
}

export function emptyAnnualFigures(year: number): AnnualFigures {
  return {
    year,
    statistics: { metrics: [], rows: [], totals: [], history: [], months: [] },
    accounts: { lines: [], total: { budget: null, actual: null, deviation: 0 } },
    costSharing: { pools: [], totalPerOwner: [] },
  };
}
