/**
 * Demo cost sharing in a cooperation: Ringebu hosts the 2K cooperation with Sør-Fron (from the ICT
 * strategy, src/demo/ringebu.json) and shares one cost pool of last year among its members by the
 * cooperation's own key (like → equal shares). The amount is INVENTED and round (see README, "Cost
 * sharing in a cooperation"); the cooperation, its members and its key are the demo's.
 * Idempotent: nothing is written when Ringebu already has a pool for the year.
 */
import type { Tx } from '../db/database.ts';
import { insertCostPools, listCostPools } from '../db/queries/cost-pools.ts';
import { cooperationIdsByName } from '../db/queries/demo.ts';
import { COOPERATION_SHARE_KEY } from '../domain/cost-sharing.ts';

export async function ensureRingebuCooperationPool(tx: Tx, ringebuId: string, year: number): Promise<void> {
  const cooperationId = (await cooperationIdsByName(tx)).get('2K');
  if (!cooperationId || (await listCostPools(tx, ringebuId, year)).length > 0) return;
  await insertCostPools(tx, ringebuId, year, [
    {
      name: 'Felles økonomi-, lønns- og barnehagesystem (2K)',
      ansvarId: null,
      systemId: null,
      basis: 'amount',
      key: COOPERATION_SHARE_KEY.like,
      metricId: null,
      ownerIds: null,
      percentages: null,
      typedAmount: 600_000,
      cooperationId,
    },
  ]);
}
