/** The optional appendix «Utstyr og utskifting» (issue 17): off by default, the forecast and the age profile when chosen. */
import { describe, expect, it } from 'vitest';
import { ageProfile, forecast } from '../../src/domain/asset-forecast.ts';
import { formatKroner } from '../../src/domain/money.ts';
import { renderDocx } from '../../src/reports/docx.ts';
import { buildPlanDocument, type Block } from '../../src/reports/plan-document/index.ts';
import { buildFixture } from './plan-fixture.ts';

const classes = [
  { id: 'pc', name: 'PC', unitPrice: 8500 },
  { id: 'sw', name: 'Switch', unitPrice: 20000 },
];
const groups = [
  { classId: 'pc', quantity: 25, purchaseYear: 2021, lifetime: 4, unitPrice: 8500 },
  { classId: 'sw', quantity: 4, purchaseYear: 2016, lifetime: 8, unitPrice: 20000 },
];
const tables = (blocks: readonly Block[]) => blocks.flatMap((b) => (b.type === 'table' ? [b.table] : []));

describe('plan document: equipment appendix', () => {
  it('is left out unless chosen, and shows the forecast per class and the age profile when chosen', async () => {
    const input = buildFixture();
    const { startYear: from, endYear: to } = input.revision.period;
    const without = buildPlanDocument(input);
    expect(tables(without.sections.flatMap((s) => s.blocks)).some((t) => t.id === 'tabell-utskifting')).toBe(false);

    const f = forecast(groups, classes, { from, to });
    const doc = buildPlanDocument({ ...input, equipment: { forecast: f, ageProfile: ageProfile(groups, classes, from) } });
    const blocks = doc.sections.flatMap((s) => s.blocks);
    expect(blocks.some((b) => b.type === 'heading' && b.text === 'Utstyr og utskifting')).toBe(true);
    const forecastTable = tables(blocks).find((t) => t.id === 'tabell-utskifting')!;
    expect(forecastTable.body.map((r) => r.cells[0])).toEqual(['PC', 'Switch']);
    expect(forecastTable.footer[0]!.cells.at(-1)).toBe(formatKroner(f.total.amount));
    expect(tables(blocks).find((t) => t.id === 'tabell-aldersprofil')!.body).toHaveLength(2);
    expect((await renderDocx(doc)).length).toBeGreaterThan(1000);
  });
});
