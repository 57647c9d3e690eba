import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dataQualityOrder, portfolioOverviewOf, supportRouteOf, type SupportRole } from './portfolio-overview.ts';
import type { RoleHolder, SystemListItem } from './portfolio.ts';

const person = (id: string, name: string): RoleHolder => ({ kind: 'person', id, name, title: null, unit: null, email: null, phone: null, url: null });
const supplier = (id: string, name: string): RoleHolder => ({ ...person(id, name), kind: 'supplier' });
const system = { systemId: 's', name: 'Sak', host: null, lifecycle: 'in_operation' as const, criticality: null };
const OWNER = 'owner';
const MEMBER = 'member';
const role = (r: SupportRole['role'], organizationId: string, holder: RoleHolder): SupportRole => ({ role: r, organizationId, systemOrgId: OWNER, holder });

describe('supportRouteOf', () => {
  it('makes the superbrukere 1st line and the operator then the vendor 2nd line when none is registered', () => {
    const route = supportRouteOf(OWNER, system, [role('super_user', OWNER, person('p1', 'Kari'))], supplier('v', 'Vendor'), supplier('o', 'Operator'));
    expect(route.firstLine.map((h) => h.name)).toEqual(['Kari']);
    expect(route.firstLineIsSuperUsers).toBe(true);
    expect(route.secondLine.map((h) => h.name)).toEqual(['Operator', 'Vendor']);
    expect(route.secondLineIsSuppliers).toBe(true);
  });

  it('names a supplier that is both operator and vendor once', () => {
    const both = supplier('v', 'Vendor');
    expect(supportRouteOf(OWNER, system, [], both, both).secondLine).toHaveLength(1);
  });

  it("uses the member's own roles, else the owner's", () => {
    const roles = [role('super_user', OWNER, person('p1', 'Eier')), role('super_user', MEMBER, person('p2', 'Medlem')), role('system_owner', OWNER, person('p3', 'Systemeier'))];
    const route = supportRouteOf(MEMBER, system, roles, null, null);
    expect(route.superUsers.map((h) => h.name)).toEqual(['Medlem']);
    expect(route.systemOwner.map((h) => h.name)).toEqual(['Systemeier']);
    expect(route.secondLine).toEqual([]);
    expect(route.secondLineIsSuppliers).toBe(false);
  });

  it('keeps a registered 1st and 2nd line', () => {
    const roles = [role('super_user', OWNER, person('p1', 'Kari')), role('support_first_line', OWNER, person('p2', 'Servicedesk')), role('support_second_line', OWNER, person('p3', 'IKT'))];
    const route = supportRouteOf(OWNER, system, roles, supplier('v', 'Vendor'), null);
    expect(route.firstLine.map((h) => h.name)).toEqual(['Servicedesk']);
    expect(route.firstLineIsSuperUsers).toBe(false);
    expect(route.secondLine.map((h) => h.name)).toEqual(['IKT']);
  });
});

const LIFECYCLES = ['planned', 'introducing', 'in_operation', 'phasing_out', 'retired'] as const;
const item = (name: string, lifecycle: (typeof LIFECYCLES)[number], score: number, gaps: string[]): SystemListItem =>
  ({ name, lifecycle, quality: { score, gaps } }) as unknown as SystemListItem;

describe('portfolio overview', () => {
  it('counts every system once by lifecycle and averages the quality of the systems in use', () => {
    const arb = fc.array(fc.record({ lifecycle: fc.constantFrom(...LIFECYCLES), score: fc.integer({ min: 0, max: 100 }) }), { maxLength: 30 });
    fc.assert(
      fc.property(arb, (rows) => {
        const systems = rows.map((r, i) => item(`S${i}`, r.lifecycle, r.score, []));
        const o = portfolioOverviewOf(systems, [], '2026-12-01');
        expect(Object.values(o.byLifecycle).reduce((a, b) => a + b, 0)).toBe(systems.length);
        const live = rows.filter((r) => r.lifecycle !== 'retired');
        expect(o.averageQuality).toBe(live.length === 0 ? null : Math.round(live.reduce((n, r) => n + r.score, 0) / live.length));
        expect(o.yearlyContractCost).toBe(0);
      }),
    );
  });

  it('counts gaps per kind, and orders data quality worst first without retired systems', () => {
    const systems = [item('B', 'in_operation', 50, ['owner']), item('A', 'in_operation', 50, ['owner', 'review']), item('C', 'retired', 0, ['owner'])];
    expect(portfolioOverviewOf(systems, [], '2026-12-01').gapCounts).toEqual({ owner: 3, review: 1 });
    expect(dataQualityOrder(systems).map((s) => s.name)).toEqual(['A', 'B']);
  });
});
