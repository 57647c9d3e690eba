/** The public (innsyn) plan PDF shows benefits and actual spend only as the publication chose, and never a benefit owner or the risk picture. */
import { describe, expect, it } from 'vitest';
import { publicDocumentInput } from '../../src/domain/plan-document-input.ts';
import type { Benefit } from '../../src/domain/benefit.ts';
import { buildFixture, id } from './plan-fixture.ts';

const benefit = (measureId: string): Benefit => ({
  id: id(), lineageId: id(), measureId, position: 0, kind: 'time', indicator: 'Spart tid', unit: 'timer', baseline: 0,
  owner: 'Kari Nordmann', disposition: null, targets: [], results: [], version: 1,
});

describe('publicDocumentInput', () => {
  const input = buildFixture();
  const measure = input.revision.measures[0]!;
  const withFollowup = {
    ...input,
    revision: { ...input.revision, measures: input.revision.measures.map((m, i) => (i === 0 ? { ...m, actuals: [{ year: 2025, amount: 1000, kind: 'invest' }] } : m)) },
    followup: { benefits: [benefit(measure.id)], reports: [] },
    riskPicture: { matrix: null, risks: [] },
  } as unknown as typeof input;

  it('hides benefits, actual spend and the risk picture unless the publication shows them', () => {
    const hidden = publicDocumentInput(withFollowup, { showBenefits: false, showActuals: false });
    expect(hidden.followup).toEqual({ benefits: [], reports: [] });
    expect(hidden.revision.measures.every((m) => m.actuals.length === 0)).toBe(true);
    expect(hidden.riskPicture).toBeNull();
  });

  it('shows benefits without their owner, and actual spend, when chosen', () => {
    const shown = publicDocumentInput(withFollowup, { showBenefits: true, showActuals: true });
    expect(shown.followup?.benefits.map((b) => [b.indicator, b.owner])).toEqual([['Spart tid', null]]);
    expect(shown.revision.measures[0]?.actuals).toHaveLength(1);
  });
});
