import { describe, expect, it } from 'vitest';
import { annualContractCost, contractAlert, noticeDeadline, queryContracts, type ContractListItem } from './contracts.ts';

const today = '2026-12-06';

describe('contractAlert', () => {
  it('reports a notice deadline that has passed while the contract still runs', () => {
    // Ends 19.02.2027 with three months' notice: the deadline was 19.11.2026.
    expect(contractAlert({ endDate: '2027-02-19', noticeMonths: 3, systemLifecycle: 'in_operation' }, today)).toEqual({
      kind: 'notice_passed',
      date: '2026-11-19',
      daysLeft: -17,
    });
    expect(noticeDeadline({ endDate: '2027-02-19', noticeMonths: 3 })).toBe('2026-11-19');
  });

  it('reports an upcoming notice deadline before the end date', () => {
    expect(contractAlert({ endDate: '2027-06-30', noticeMonths: 6, systemLifecycle: 'in_operation' }, today)).toEqual({
      kind: 'notice',
      date: '2026-12-30',
      daysLeft: 24,
    });
  });

  it('reports an end date within the window, and nothing when both are far off', () => {
    expect(contractAlert({ endDate: '2027-01-31', noticeMonths: null, systemLifecycle: null }, today)).toEqual({ kind: 'ends', date: '2027-01-31', daysLeft: 56 });
    expect(contractAlert({ endDate: '2028-01-31', noticeMonths: 3, systemLifecycle: 'in_operation' }, today)).toBeNull();
    expect(contractAlert({ endDate: null, noticeMonths: 3, systemLifecycle: 'in_operation' }, today)).toBeNull();
  });

  it('reports a contract that expired while its system is still in use (lifecycle not ended)', () => {
    for (const lifecycle of ['introducing', 'in_operation', 'phasing_out'] as const) {
      expect(contractAlert({ endDate: '2026-10-01', noticeMonths: 3, systemLifecycle: lifecycle }, today)).toEqual({
        kind: 'expired',
        date: '2026-10-01',
        daysLeft: -66,
      });
    }
    expect(contractAlert({ endDate: '2026-10-01', noticeMonths: 3, systemLifecycle: 'retired' }, today)).toBeNull();
    expect(contractAlert({ endDate: '2026-10-01', noticeMonths: null, systemLifecycle: null }, today)).toBeNull();
  });
});

describe('annualContractCost', () => {
  it('counts only the contracts that run today', () => {
    expect(
      annualContractCost(
        [
          { startDate: '2025-01-01', endDate: '2027-12-31', yearlyCost: 1_000_000 },
          { startDate: null, endDate: null, yearlyCost: 52_500 },
          { startDate: '2020-01-01', endDate: '2026-12-05', yearlyCost: 999 }, // ended yesterday
          { startDate: '2027-01-01', endDate: null, yearlyCost: 777 }, // not started
          { startDate: null, endDate: today, yearlyCost: null },
        ],
        today,
      ),
    ).toBe(1_052_500);
  });
});

describe('queryContracts', () => {
  const item = (title: string, over: Partial<ContractListItem>): ContractListItem => ({
    id: title,
    organizationId: '00000000-0000-4000-8000-000000000000',
    systemId: null,
    systemName: null,
    supplierId: null,
    supplierName: null,
    type: 'ssa_v',
    title,
    startDate: null,
    endDate: null,
    noticeMonths: null,
    yearlyCost: null,
    licenceCount: null,
    note: null,
    documentUrl: null,
    caseNumber: null,
    systemLifecycle: null,
    version: 1,
    noticeDate: null,
    alert: null,
    ...over,
  });
  const list = [
    item('A', { endDate: '2027-05-01', noticeDate: '2027-02-01', type: 'dpa', supplierName: 'Visma', supplierId: 'v' }),
    item('B', { endDate: '2027-01-01', noticeDate: '2026-12-20', supplierName: 'Acos', supplierId: 'a' }),
    item('C', {}),
  ];
  it('sorts by notice deadline, end date and supplier, empty values last', () => {
    expect(queryContracts(list, { sort: 'noticeDate' }).map((c) => c.title)).toEqual(['B', 'A', 'C']);
    expect(queryContracts(list, { sort: 'endDate', desc: true }).map((c) => c.title)).toEqual(['A', 'B', 'C']);
    expect(queryContracts(list, { sort: 'supplier' }).map((c) => c.title)).toEqual(['B', 'A', 'C']);
  });
  it('filters by type, supplier and date ranges', () => {
    expect(queryContracts(list, { type: 'dpa' }).map((c) => c.title)).toEqual(['A']);
    expect(queryContracts(list, { supplierId: 'a' }).map((c) => c.title)).toEqual(['B']);
    expect(queryContracts(list, { endFrom: '2027-02-01' }).map((c) => c.title)).toEqual(['A']);
    expect(queryContracts(list, { noticeTo: '2026-12-31' }).map((c) => c.title)).toEqual(['B']);
  });
});
