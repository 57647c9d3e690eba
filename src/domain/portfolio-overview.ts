/**
 * Organization-wide rules over the portfolio, pure functions of the facts and today's date: the
 * renewal alerts in order, the overview's aggregates, the data-quality order, and the support
 * route's fallbacks ("Hvem kontakter jeg?").
 */
import { annualContractCost, contractAlert } from './contracts.ts';
import type { Contract, PortfolioOverview, RenewalAlert, RoleHolder, SupportRoute, SystemListItem, SystemRole } from './portfolio.ts';

/** Contracts with an alert, the most urgent first (ties by title, A–Å). */
export function renewalAlerts(list: readonly Contract[], today: string): RenewalAlert[] {
  return list
    .flatMap((contract) => {
      const alert = contractAlert(contract, today);
      return alert ? [{ contract, ...alert }] : [];
    })
    .sort((a, b) => a.daysLeft - b.daysLeft || a.contract.title.localeCompare(b.contract.title, 'nb'));
}

/** Systems in use (not retired), worst data quality first, ties by name (A–Å). */
export function dataQualityOrder(systems: readonly SystemListItem[]): SystemListItem[] {
  return systems.filter((s) => s.lifecycle !== 'retired').sort((a, b) => a.quality.score - b.quality.score || a.name.localeCompare(b.name, 'nb'));
}

/**
 * The overview: systems per lifecycle, gaps per kind, the average quality of the systems in use
 * (rounded, null when none), the renewal alerts and the annual contract cost.
 */
export function portfolioOverviewOf(systems: readonly SystemListItem[], contracts: readonly Contract[], today: string): PortfolioOverview {
  const byLifecycle: Record<string, number> = {};
  const gapCounts: Record<string, number> = {};
  for (const s of systems) {
    byLifecycle[s.lifecycle] = (byLifecycle[s.lifecycle] ?? 0) + 1;
    for (const g of s.quality.gaps) gapCounts[g] = (gapCounts[g] ?? 0) + 1;
  }
  const live = systems.filter((s) => s.lifecycle !== 'retired');
  return {
    systems: systems.length,
    byLifecycle,
    averageQuality: live.length === 0 ? null : Math.round(live.reduce((n, s) => n + s.quality.score, 0) / live.length),
    gapCounts,
    alerts: renewalAlerts(contracts, today),
    yearlyContractCost: annualContractCost(contracts, today),
  };
}

/** A role on a system as the support route needs it: which organization registered it, and for which system owner. */
export interface SupportRole {
  readonly role: SystemRole;
  readonly organizationId: string;
  readonly systemOrgId: string;
  readonly holder: RoleHolder;
}

/**
 * The support route of one system for the asking organization. Each role is the organization's
 * own, else the owner's. The support model municipalities use (Ringebu's "styringsmodell for IKT
 * brukerstøtte"): the superbruker is 1st line unless another is registered; 2nd line is the
 * operator, then the vendor (once each), unless another is registered.
 */
export function supportRouteOf(
  organizationId: string,
  system: Pick<SupportRoute, 'systemId' | 'name' | 'host' | 'lifecycle' | 'criticality'>,
  roles: readonly SupportRole[],
  vendor: RoleHolder | null,
  operator: RoleHolder | null,
): SupportRoute {
  const mine = roles.filter((x) => x.organizationId === organizationId);
  const owners = roles.filter((x) => x.organizationId === x.systemOrgId);
  const pick = (role: SystemRole): RoleHolder[] => {
    const own = mine.filter((x) => x.role === role);
    return (own.length > 0 ? own : owners.filter((x) => x.role === role)).map((x) => x.holder);
  };
  const superUsers = pick('super_user');
  const firstLine = pick('support_first_line');
  const secondLine = pick('support_second_line');
  const suppliersAsSecond = [operator, vendor].filter((h, i, all): h is RoleHolder => h !== null && all.findIndex((o) => o?.id === h.id) === i);
  return {
    ...system,
    superUsers,
    firstLine: firstLine.length > 0 ? firstLine : superUsers,
    firstLineIsSuperUsers: firstLine.length === 0 && superUsers.length > 0,
    secondLine: secondLine.length > 0 ? secondLine : suppliersAsSecond,
    secondLineIsSuppliers: secondLine.length === 0 && suppliersAsSecond.length > 0,
    systemOwner: pick('system_owner'),
    vendor,
    operator,
  };
}
