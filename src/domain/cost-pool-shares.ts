/**
 * From what the database holds about a year's cost pools (their definition, the figures of their
 * basis, the weights of their key, the owners) to each owner's share in kroner. One path for the
 * IKS's own page, the owners' "what we pay" view, the command line and the annual report.
 */
import { z } from 'zod';
import type { AnnualCostPool } from './annual-figures.ts';
import { deviationOf } from './accounts.ts';
import { add } from './money.ts';
import { COST_POOL_BASES, COST_SHARE_KEYS, poolShares, yearlyContractCost, type CostPoolBasis, type CostShareKey, type PoolOwner } from './cost-sharing.ts';

export interface PoolFactsRow {
  id: string;
  organizationId: string;
  organizationName: string;
  name: string;
  ansvar: string | null;
  basis: CostPoolBasis;
  key: CostShareKey;
  metric: string | null;
  ownerIds: string[] | null;
  percentages: number[] | null;
  typedAmount: number | null;
  budget: number | null;
  actual: number | null;
  printedDeviation: number | null;
  contracts: { startDate: string | null; endDate: string | null; yearlyCost: number | null }[];
  weights: Record<string, number>;
  /** The owners, or for a cooperation's pool its participants (accepted members, host included). */
  owners: PoolOwner[];
  cooperationId: string | null;
  cooperationName: string | null;
}

export const PoolResultSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  name: z.string(),
  ansvar: z.string().nullable(),
  basis: z.enum(COST_POOL_BASES),
  key: z.enum(COST_SHARE_KEYS),
  metric: z.string().nullable(),
  /** The cooperation whose participants share the pool; null = the owners. */
  cooperationId: z.uuid().nullable(),
  cooperation: z.string().nullable(),
  amount: z.int().nullable(),
  /** Why the pool cannot be shared (no figure for the year, all-zero weights, percentages not 100). */
  problem: z.string().nullable(),
  shares: z.array(
    z.object({ organizationId: z.uuid(), name: z.string(), kommunenummer: z.string().nullable(), slug: z.string(), weight: z.int(), amount: z.int() }),
  ),
});
export type PoolResult = z.infer<typeof PoolResultSchema>;

/** The amount of a pool for its year; null when its basis has no figure. */
export function poolAmount(row: PoolFactsRow, year: number): number | null {
  switch (row.basis) {
    case 'budget':
      return row.budget;
    case 'actual':
      return row.actual;
    case 'deviation':
      return row.budget === null && row.printedDeviation === null ? null : deviationOf(row);
    case 'system':
      // The system's yearly contract cost; a typed amount only when no contract gives one.
      return yearlyContractCost(row.contracts, year) ?? row.typedAmount;
    case 'amount':
      return row.typedAmount;
  }
}

export function computePools(rows: readonly PoolFactsRow[], year: number): PoolResult[] {
  return rows.map((row) => {
    const amount = poolAmount(row, year);
    const result = poolShares(
      { name: row.name, key: row.key, amount, ownerIds: row.ownerIds, percentages: row.percentages, weights: new Map(Object.entries(row.weights).map(([k, v]) => [k, Number(v)])) },
      row.owners,
    );
    const base = { id: row.id, organizationId: row.organizationId, organizationName: row.organizationName, name: row.name, ansvar: row.ansvar, basis: row.basis, key: row.key, metric: row.metric, cooperationId: row.cooperationId, cooperation: row.cooperationName };
    if (!result.ok) return { ...base, amount: result.amount, problem: result.message, shares: [] };
    return {
      ...base,
      amount: result.amount,
      problem: null,
      shares: result.shares.map((s) => ({ organizationId: s.owner.organizationId, name: s.owner.name, kommunenummer: s.owner.kommunenummer, slug: s.owner.slug, weight: s.weight, amount: s.amount })),
    };
  });
}

/** The annual report's cost sharing: pools that could be shared, and the total per owner (derived). */
export function annualCostSharing(pools: readonly PoolResult[]): { pools: AnnualCostPool[]; totalPerOwner: { name: string; kommunenummer: string | null; amount: number }[] } {
  const shared = pools.filter((p) => p.problem === null && p.amount !== null);
  const totals = new Map<string, { name: string; kommunenummer: string | null; amount: number }>();
  for (const p of shared) {
    for (const s of p.shares) {
      const t = totals.get(s.organizationId) ?? { name: s.name, kommunenummer: s.kommunenummer, amount: 0 };
      t.amount = add(t.amount, s.amount);
      totals.set(s.organizationId, t);
    }
  }
  return {
    pools: shared.map((p) => ({
      name: p.name,
      ansvar: p.ansvar,
      basis: p.basis,
      key: p.key,
      metric: p.metric,
      amount: p.amount!,
      shares: p.shares.map((s) => ({ name: s.name, kommunenummer: s.kommunenummer, amount: s.amount })),
    })),
    totalPerOwner: [...totals.values()],
  };
}
