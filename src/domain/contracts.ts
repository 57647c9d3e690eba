/**
 * Contract rules shared by the API and every page: the alert for one contract (notice deadline
 * coming or passed, end date coming, expired while the system still runs), the one definition of
 * "annual contract cost", and the sorting and filtering of the contract list. `today` is passed in.
 */
import { z } from 'zod';
import { sum } from './money.ts';
import { RENEWAL_ALERT_DAYS, type Contract, type ContractAlert, type ContractListItem, type Lifecycle } from './portfolio.ts';
import { daysBetween, monthsBefore } from './portfolio-quality.ts';

// The alert and list-item shapes live beside ContractSchema (the system detail sends them too).
export { CONTRACT_ALERT_KINDS, ContractAlertSchema, ContractListItemSchema } from './portfolio.ts';
export type { ContractAlert, ContractAlertKind, ContractListItem } from './portfolio.ts';

export interface ContractAlertFacts {
  readonly endDate: string | null;
  readonly noticeMonths: number | null;
  /** The lifecycle of the contract's system; null when the contract has no system. */
  readonly systemLifecycle: Lifecycle | null;
}

/** A system still runs while it is being introduced, in operation or phased out. */
const RUNNING: ReadonlySet<Lifecycle> = new Set(['introducing', 'in_operation', 'phasing_out']);

/** The last day to give notice: the end date minus the notice period, null without both. */
export function noticeDeadline(c: Pick<ContractAlertFacts, 'endDate' | 'noticeMonths'>): string | null {
  return c.endDate !== null && c.noticeMonths !== null && c.noticeMonths > 0 ? monthsBefore(c.endDate, c.noticeMonths) : null;
}

/**
 * The alert for one contract, most urgent first:
 * - expired (end date passed) while its system still runs;
 * - the notice deadline has passed but the contract has not ended ("oppsigelsesfristen gikk ut …");
 * - the notice deadline falls within the window;
 * - the end date falls within the window.
 * A contract without an end date, or ended with no running system, gives none.
 */
export function contractAlert(c: ContractAlertFacts, today: string, windowDays = RENEWAL_ALERT_DAYS): ContractAlert | null {
  if (c.endDate === null) return null;
  if (c.endDate < today) {
    return c.systemLifecycle !== null && RUNNING.has(c.systemLifecycle) ? { kind: 'expired', date: c.endDate, daysLeft: daysBetween(today, c.endDate) } : null;
  }
  const notice = noticeDeadline(c);
  if (notice !== null) {
    const left = daysBetween(today, notice);
    if (left < 0) return { kind: 'notice_passed', date: notice, daysLeft: left };
    if (left <= windowDays) return { kind: 'notice', date: notice, daysLeft: left };
  }
  const left = daysBetween(today, c.endDate);
  return left <= windowDays ? { kind: 'ends', date: c.endDate, daysLeft: left } : null;
}

/** A contract runs on `today` when it has started (or has no start) and has not ended (or has no end). */
export function isContractActive(c: Pick<Contract, 'startDate' | 'endDate'>, today: string): boolean {
  return (c.startDate === null || c.startDate <= today) && (c.endDate === null || c.endDate >= today);
}

/** THE annual contract cost: the yearly cost of the contracts that run today, whole kroner. */
export function annualContractCost(list: readonly Pick<Contract, 'startDate' | 'endDate' | 'yearlyCost'>[], today: string): number {
  return sum(list.filter((c) => isContractActive(c, today)).map((c) => c.yearlyCost ?? 0));
}

export function contractListItem(c: Contract, today: string): ContractListItem {
  return { ...c, noticeDate: noticeDeadline(c), alert: contractAlert(c, today) };
}

export const CONTRACT_SORTS = ['endDate', 'noticeDate', 'type', 'supplier', 'title', 'yearlyCost'] as const;
export type ContractSort = (typeof CONTRACT_SORTS)[number];

export interface ContractQuery {
  readonly type?: string | undefined;
  readonly supplierId?: string | undefined;
  /** Inclusive ranges of ISO dates. */
  readonly endFrom?: string | undefined;
  readonly endTo?: string | undefined;
  readonly noticeFrom?: string | undefined;
  readonly noticeTo?: string | undefined;
  readonly sort?: ContractSort | undefined;
  readonly desc?: boolean | undefined;
}

const inRange = (value: string | null, from?: string, to?: string): boolean =>
  (from === undefined && to === undefined) || (value !== null && (from === undefined || value >= from) && (to === undefined || value <= to));

function sortValue(c: ContractListItem, sort: ContractSort): string | number | null {
  switch (sort) {
    case 'endDate':
      return c.endDate;
    case 'noticeDate':
      return c.noticeDate;
    case 'type':
      return c.type;
    case 'supplier':
      return c.supplierName?.toLocaleLowerCase('nb') ?? null;
    case 'title':
      return c.title.toLocaleLowerCase('nb');
    case 'yearlyCost':
      return c.yearlyCost;
  }
}

/** Filters and sorts the list; empty values sort last either way, ties by title. */
export function queryContracts(list: readonly ContractListItem[], q: ContractQuery): ContractListItem[] {
  const sort = q.sort ?? 'endDate';
  const dir = q.desc ? -1 : 1;
  return list
    .filter(
      (c) =>
        (q.type === undefined || c.type === q.type) &&
        (q.supplierId === undefined || c.supplierId === q.supplierId) &&
        inRange(c.endDate, q.endFrom, q.endTo) &&
        inRange(c.noticeDate, q.noticeFrom, q.noticeTo),
    )
    .sort((a, b) => {
      const x = sortValue(a, sort);
      const y = sortValue(b, sort);
      if (x !== y) {
        if (x === null) return 1;
        if (y === null) return -1;
        const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'nb');
        if (cmp !== 0) return cmp * dir;
      }
      return a.title.localeCompare(b.title, 'nb') || a.id.localeCompare(b.id);
    });
}
