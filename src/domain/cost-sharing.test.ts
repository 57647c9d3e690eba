import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cooperationParticipants,
  cooperationPoolProblem,
  CostShareError,
  parsePercent,
  poolKey,
  poolShares,
  shareAmount,
  type CooperationMembership,
  type PoolOwner,
} from './cost-sharing.ts';
import { COST_KEYS } from './cooperation.ts';
import { MAX_KRONER } from './money.ts';

const owners: PoolOwner[] = ['5041', '5042', '5043', '5044', '5045', '5046'].map((n) => ({ organizationId: `id-${n}`, name: `Kommune ${n}`, kommunenummer: n, slug: `k${n}` }));

describe('shareAmount (largest remainder, ties by kommunenummer)', () => {
  it('shares 100 003 kr equally among 4 of 6 owners: 25 001 to the three lowest kommunenummer, 25 000 to the fourth, 0 to the others', () => {
    const result = poolShares(
      { name: 'Felles drift', key: 'equal', amount: 100_003, ownerIds: ['id-5046', 'id-5044', 'id-5042', 'id-5043'], percentages: null, weights: new Map() },
      owners,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.shares.map((s) => [s.owner.kommunenummer, s.amount])).toEqual([
      ['5041', 0],
      ['5042', 25_001],
      ['5043', 25_001],
      ['5044', 25_001],
      ['5045', 0],
      ['5046', 25_000],
    ]);
  });

  it('shares in proportion to a metric, and the shares sum to the pool', () => {
    const weights = new Map([['id-5041', 57_598], ['id-5042', 12_001], ['id-5043', 0], ['id-5044', 3], ['id-5045', 999], ['id-5046', 40_000]]);
    const result = poolShares({ name: 'Feide', key: 'metric', amount: 1_052_500, ownerIds: null, percentages: null, weights }, owners);
    if (!result.ok) throw new Error(result.message);
    expect(result.shares.reduce((s, x) => s + x.amount, 0)).toBe(1_052_500);
    expect(result.shares.find((s) => s.owner.kommunenummer === '5043')!.amount).toBe(0);
    // 1 052 500 × 57 598 / 110 601 = 548 113.4…
    expect(result.shares[0]!.amount).toBeGreaterThanOrEqual(548_113);
    expect(result.shares[0]!.amount).toBeLessThanOrEqual(548_114);
  });

  it('shares a refund (negative amount) exactly like a cost', () => {
    expect(shareAmount(-100_003, [{ key: '5042', weight: 1 }, { key: '5041', weight: 1 }, { key: '5043', weight: 1 }], 'Refusjon')).toEqual([-33_334, -33_335, -33_334]);
  });

  it('refuses all-zero weights with a message naming the pool', () => {
    expect(() => shareAmount(1000, [{ key: '5041', weight: 0 }, { key: '5042', weight: 0 }], 'Lisenser')).toThrow(CostShareError);
    expect(() => shareAmount(1000, [{ key: '5041', weight: 0 }], 'Lisenser')).toThrow(/«Lisenser».*null/);
    const r = poolShares({ name: 'Lisenser', key: 'users', amount: 10, ownerIds: null, percentages: null, weights: new Map() }, owners);
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('«Lisenser»') });
  });

  it('fixed percentages must add up to 100; decimals are hundredths', () => {
    expect(parsePercent('33,33')).toBe(3333);
    expect(parsePercent('33.34 %')).toBe(3334);
    expect(parsePercent('101')).toBeNull();
    const bad = poolShares({ name: 'Fast', key: 'fixed', amount: 100, ownerIds: ['id-5041', 'id-5042'], percentages: [5000, 4000], weights: new Map() }, owners);
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('100') });
    const good = poolShares({ name: 'Fast', key: 'fixed', amount: 100, ownerIds: ['id-5041', 'id-5042', 'id-5043'], percentages: [3333, 3333, 3334], weights: new Map() }, owners);
    if (!good.ok) throw new Error(good.message);
    expect(good.shares.map((s) => s.amount)).toEqual([33, 33, 34, 0, 0, 0]);
  });

  it('property: the shares add up exactly to the amount, zero weights get zero, and no share is off its quota by a krone or more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX_KRONER, max: MAX_KRONER }),
        fc.array(fc.nat({ max: 10_000_000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0)),
        (amount, raw) => {
          const weights = raw.map((weight, i) => ({ key: String(1000 + ((i * 7) % 12)).padStart(4, '0') + i, weight }));
          const shares = shareAmount(amount, weights, 'P');
          expect(shares.reduce((s, x) => s + x, 0)).toBe(amount);
          const total = raw.reduce((s, w) => s + w, 0);
          shares.forEach((s, i) => {
            if (raw[i] === 0) expect(s).toBe(0);
            const quota = (amount * raw[i]!) / total;
            expect(Math.abs(s - quota)).toBeLessThan(1 + 1e-6 * Math.abs(quota));
            expect(Math.sign(s) === 0 || Math.sign(s) === Math.sign(amount)).toBe(true);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: equal shares differ by at most one krone, and the larger ones go to the lowest keys', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_KRONER }), fc.integer({ min: 1, max: 20 }), (amount, n) => {
        const shares = shareAmount(amount, Array.from({ length: n }, (_, i) => ({ key: String(1000 + i), weight: 1 })), 'P');
        expect(shares.reduce((s, x) => s + x, 0)).toBe(amount);
        for (let i = 1; i < n; i++) expect(shares[i - 1]! - shares[i]!).toBeGreaterThanOrEqual(0);
        expect(shares[0]! - shares[n - 1]!).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('a cooperation\'s pool (the cooperation cost key feeds the same model)', () => {
  const member = (n: string, state: CooperationMembership['state']): CooperationMembership => ({ organizationId: `id-${n}`, name: `Kommune ${n}`, kommunenummer: n, slug: `k${n}`, state });

  it('takes the accepted members, the host included, and defaults the key to the cooperation\'s own', () => {
    const members = [member('3439', 'accepted'), member('5042', 'invited'), member('3401', 'accepted'), member('5044', 'declined')];
    expect(cooperationParticipants(members).map((p) => p.kommunenummer)).toEqual(['3401', '3439']);
    expect(poolKey(null, 'like')).toBe('equal');
    expect(poolKey(null, 'fast')).toBe('fixed');
    expect(poolKey(null, 'brukere')).toBe('users');
    expect(poolKey(null, 'innbyggere')).toBe('metric');
    expect(poolKey(null, 'forbruk')).toBe('metric');
    expect(poolKey('fixed', 'like')).toBe('fixed');
    expect(poolKey(undefined, null)).toBeNull();
    expect(cooperationPoolProblem(undefined, 'id-3439')).toMatch(/finnes ikke/);
    expect(cooperationPoolProblem({ id: 'c', name: '2K', costKey: 'like', members: [member('3439', 'accepted'), member('5042', 'invited')] }, 'id-3439')).toMatch(/«2K» har ingen medlemmer/);
    expect(cooperationPoolProblem({ id: 'c', name: '2K', costKey: 'like', members: members }, 'id-3439')).toBeNull();
  });

  it('property: the shares go to the accepted members only and add up exactly to the pool, for any memberships, amount and key', () => {
    const states = fc.constantFrom<CooperationMembership['state']>('accepted', 'invited', 'declined');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 101, max: 5699 }), { minLength: 1, maxLength: 15 }),
        fc.array(states, { minLength: 15, maxLength: 15 }),
        fc.integer({ min: -MAX_KRONER, max: MAX_KRONER }),
        fc.constantFrom(...COST_KEYS),
        fc.array(fc.nat({ max: 100_000 }), { minLength: 15, maxLength: 15 }),
        (numbers, stateOf, amount, costKey, raw) => {
          const members = numbers.map((n, i) => member(String(n).padStart(4, '0'), i === 0 ? 'accepted' : stateOf[i]!));
          const participants = cooperationParticipants(members);
          expect(participants.map((p) => p.organizationId).sort()).toEqual(members.filter((m) => m.state === 'accepted').map((m) => m.organizationId).sort());
          const key = poolKey(null, costKey)!;
          const weights = new Map(participants.map((p, i) => [p.organizationId, raw[i]! + 1]));
          const percentages = participants.map((_, i) => (i === 0 ? 10_000 : 0));
          const result = poolShares({ name: 'Samarbeid', key, amount, ownerIds: null, percentages, weights }, participants);
          if (!result.ok) throw new Error(result.message);
          expect(result.shares.map((s) => s.owner.organizationId)).toEqual(participants.map((p) => p.organizationId));
          expect(result.shares.reduce((s, x) => s + x.amount, 0)).toBe(amount);
        },
      ),
      { numRuns: 300 },
    );
  });
});
