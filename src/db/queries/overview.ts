/** Organization-wide views of the portfolio: data quality, the overview, the plan document's system appendix. */
import { inTurn, type Tx } from '../tx.ts';
import { listSystems, systemRows } from './system-list.ts';
import { listContracts } from './contracts.ts';
import { dataQualityOrder, portfolioOverviewOf } from '../../domain/portfolio-overview.ts';
import type { PortfolioOverview, SystemListItem } from '../../domain/portfolio.ts';
import type { PlanDocumentSystem } from '../../domain/plan-document-input.ts';
import { systemTextValues } from '../../domain/system-fields.ts';

/** All systems with their quality, worst first (the organization-wide data-quality view). */
export async function dataQuality(tx: Tx, organizationId: string, today: string): Promise<SystemListItem[]> {
  const { data } = await listSystems(tx, organizationId, {}, today);
  return dataQualityOrder(data);
}

export async function portfolioOverview(tx: Tx, organizationId: string, today: string): Promise<PortfolioOverview> {
  const [{ data }, contractList] = await inTurn(() => listSystems(tx, organizationId, {}, today), () => listContracts(tx, organizationId));
  return portfolioOverviewOf(data, contractList, today);
}

/** The plan document's system appendix: systems in use (own and shared), one query. */
export async function documentSystems(tx: Tx, organizationId: string): Promise<PlanDocumentSystem[]> {
  const rows = await systemRows(tx, organizationId, {});
  return rows
    .filter((r) => r.lifecycle !== 'retired' && r.lifecycle !== 'planned')
    .map((r) => ({ name: r.name, users: r.users, vendor: r.vendorName, cooperation: r.cooperationName ?? r.hostName, ...systemTextValues(r) }));
}
