import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX, LEVELS, levelOf, levelOfScore, matrixCounts, matrixProblem, SCALE, type Level, type RiskMatrix } from './risk-matrix.ts';
import { consequenceDrivers, effectiveConsequence, measureFromOption, riskView, type StoredRisk } from './risk.ts';

const scale = fc.integer({ min: 1, max: 5 });
const level = fc.constantFrom<Level>(...LEVELS);
const grid: fc.Arbitrary<RiskMatrix> = fc.array(fc.array(level, { minLength: 5, maxLength: 5 }), { minLength: 5, maxLength: 5 });
const RANK: Record<Level, number> = { low: 0, medium: 1, high: 2 };

const base: StoredRisk = {
  id: '00000000-0000-4000-8000-000000000001',
  organizationId: '00000000-0000-4000-8000-000000000002',
  title: 'Vannlekkasje i datarommet',
  siteIds: [],
  systemIds: [],
  objects: [],
  hazard: null,
  consequenceText: null,
  controls: [],
  probability: 1,
  consequence: 5,
  dimensions: {},
  ownerId: null,
  ownerName: null,
  status: 'open',
  closeReason: null,
  reviewDate: null,
  references: null,
  version: 1,
  options: [],
};

describe('risk levels', () => {
  it('the level is the grid cell of probability × consequence, whatever the grid', () => {
    fc.assert(
      fc.property(grid, scale, scale, (m, p, c) => {
        expect(levelOf(m, p, c)).toBe(m[p - 1]![c - 1]);
      }),
    );
  });

  it('the default grid follows the score and never falls as probability or consequence grows', () => {
    expect(matrixProblem(DEFAULT_MATRIX)).toBeNull();
    fc.assert(
      fc.property(scale, scale, (p, c) => {
        expect(levelOf(null, p, c)).toBe(levelOfScore(p * c));
        if (p < 5) expect(RANK[levelOf(null, p + 1, c)]).toBeGreaterThanOrEqual(RANK[levelOf(null, p, c)]);
        if (c < 5) expect(RANK[levelOf(null, p, c + 1)]).toBeGreaterThanOrEqual(RANK[levelOf(null, p, c)]);
      }),
    );
    // Ringebu's data room: very unlikely, very serious → must be considered (medium).
    expect(levelOf(null, 1, 5)).toBe('medium');
    expect(levelOf(null, 5, 5)).toBe('high');
    expect(levelOf(null, 1, 1)).toBe('low');
  });

  it('matrix counts: every risk in one cell, the cells and the levels both sum to the number of risks', () => {
    fc.assert(
      fc.property(grid, fc.array(fc.record({ probability: scale, consequence: scale }), { maxLength: 60 }), (m, risks) => {
        const counts = matrixCounts(m, risks);
        const cells = counts.cells.flat().reduce((a, b) => a + b, 0);
        expect(cells).toBe(risks.length);
        expect(counts.levels.low + counts.levels.medium + counts.levels.high).toBe(risks.length);
        for (const l of LEVELS) {
          const inCells = SCALE.flatMap((p) => SCALE.map((c) => (m[p - 1]![c - 1] === l ? counts.cells[p - 1]![c - 1]! : 0))).reduce((a, b) => a + b, 0);
          expect(counts.levels[l]).toBe(inCells);
        }
      }),
    );
  });

  it('the highest consequence counts (overall or per dimension); score and level are derived from it', () => {
    fc.assert(
      fc.property(scale, fc.option(scale, { nil: null }), fc.dictionary(fc.constantFrom('life', 'service', 'economy', 'reputation', 'privacy'), scale), (p, c, dims) => {
        fc.pre(c !== null || Object.keys(dims).length > 0);
        const effective = effectiveConsequence(c, dims);
        expect(effective).toBe(Math.max(...[...(c === null ? [] : [c]), ...Object.values(dims)]));
        const view = riskView({ ...base, probability: p, consequence: c, dimensions: dims }, null, '2026-01-01');
        expect(view.score).toBe(p * effective);
        expect(view.level).toBe(levelOf(null, p, effective));
      }),
    );
  });

  it('the drivers of the consequence are exactly the sources holding the highest value', () => {
    fc.assert(
      fc.property(fc.option(scale, { nil: null }), fc.dictionary(fc.constantFrom('life', 'service', 'economy', 'reputation', 'privacy'), scale), (c, dims) => {
        const drivers = consequenceDrivers(c, dims);
        if (c === null && Object.keys(dims).length === 0) {
          expect(drivers).toEqual([]);
          return;
        }
        const effective = effectiveConsequence(c, dims);
        const value = (k: string): number | undefined => (k === 'overall' ? (c ?? undefined) : dims[k as keyof typeof dims]);
        expect(drivers.length).toBeGreaterThan(0);
        for (const k of drivers) expect(value(k)).toBe(effective);
        for (const k of ['overall', 'life', 'service', 'economy', 'reputation', 'privacy'].filter((k) => !drivers.includes(k as never))) {
          const v = value(k);
          if (v !== undefined) expect(v).toBeLessThan(effective);
        }
      }),
    );
    expect(consequenceDrivers(3, { service: 4, life: 2 })).toEqual(['service']);
    expect(consequenceDrivers(4, { privacy: 4 })).toEqual(['overall', 'privacy']);
  });

  it('option sums come from the lines (the measure\'s once linked); the residual level from the chosen option', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ kind: fc.constantFrom('invest' as const, 'drift' as const), amount: fc.integer({ min: 0, max: 10_000_000 }) }), { maxLength: 10 }), (lines) => {
        const own = lines.map((l) => ({ ...l, year: 2026, quantity: null, unitPrice: null }));
        const view = riskView(
          {
            ...base,
            options: [
              { id: 'a', position: 0, description: 'A', lines: own, residualProbability: 1, residualConsequence: 3, chosen: true, measure: null, measureLineageId: null, version: 1 },
            ],
          },
          null,
          '2026-01-01',
        );
        const [o] = view.options;
        expect(o!.invest + o!.drift).toBe(lines.reduce((s, l) => s + l.amount, 0));
        expect(view.residualLevel).toBe('low');
      }),
    );
    const linked = riskView(
      {
        ...base,
        options: [
          {
            id: 'a', position: 0, description: 'A', chosen: true, residualProbability: null, residualConsequence: null, version: 1,
            lines: [{ kind: 'invest', year: 2026, amount: 20_000, quantity: null, unitPrice: null }],
            measureLineageId: '00000000-0000-4000-8000-000000000009',
            measure: {
              id: '00000000-0000-4000-8000-000000000008', lineageId: '00000000-0000-4000-8000-000000000009', revisionId: '00000000-0000-4000-8000-000000000007',
              revisionNumber: 2, revisionStatus: 'draft', periodName: 'P', number: null, title: 'T',
              lines: [{ kind: 'invest', year: 2026, amount: null, quantity: 3, unitPrice: 10_000 }],
            },
          },
        ],
      },
      null,
      '2026-01-01',
    );
    expect(linked.options[0]!.invest).toBe(30_000);
  });

  it('"Lag tiltak" takes the chosen option within the plan period', () => {
    const view = riskView(
      { ...base, options: [{ id: 'a', position: 0, description: 'Skjerming og alarm', lines: [{ kind: 'invest', year: 2014, amount: 20_000, quantity: null, unitPrice: null }], residualProbability: null, residualConsequence: null, chosen: true, measure: null, measureLineageId: null, version: 1 }] },
      null,
      '2026-01-01',
    );
    expect(measureFromOption(view, 'a', { startYear: 2014, endYear: 2017 })).toMatchObject({ ok: true, value: { priority: 'medium', lines: [{ amount: 20_000 }] } });
    expect(measureFromOption(view, 'a', { startYear: 2026, endYear: 2029 })).toMatchObject({ ok: false, field: 'options.0.lines.0.year' });
  });
});
