/**
 * Exports in the organization's language (issue 12): the cell values of choices (status, type,
 * line type, ownership, basis, key) are written in nynorsk for a nynorsk organization, and the
 * imports read both languages back.
 */
import { describe, expect, it } from 'vitest';
import { CONTRACT_COLUMNS } from './contract.ts';
import { parseCostPoolsTable } from './cost-sharing-import.ts';
import { INTEGRATION_COLUMNS } from './integration.ts';
import { labelsIn } from './labels.ts';
import type { Contract, Integration } from './portfolio.ts';
import { registerRows } from './register.ts';
import { parseRiskTable, riskTableRows } from './risk-import.ts';
import { riskView, type StoredRisk } from './risk.ts';
import type { Site } from './site.ts';
import { SITE_COLUMNS } from './site.ts';
import { parseSiteTable } from './site-import.ts';

const site = (name: string, lineType: Site['lineType'], ownership: Site['ownership']) =>
  ({ id: name, name, users: 12, capacityMbps: 100, lineType, ownership, provider: 'Eidsiva', note: null, version: 1 }) as unknown as Site;

describe('register exports in nynorsk', () => {
  it('write the site list’s choices in nynorsk, and the import reads them back (and the bokmål ones)', () => {
    const sites = [site('Rådhuset', 'kobber', 'leid'), site('Skulen', 'annet', 'eid'), site('Hallen', 'fiber', null)];
    const nn = registerRows(SITE_COLUMNS, sites, 'nn');
    expect(nn[0]).toContain('eigarskap');
    expect(nn[1]).toEqual(expect.arrayContaining([labelsIn('nn').LINE_TYPE_LABELS.kobber, labelsIn('nn').OWNERSHIP_LABELS.leid]));
    expect(nn[1]).toContain('Kopar');
    expect(nn[2]).toContain('Kommunalt eigd');
    for (const language of ['nn', 'nb'] as const) {
      const read = parseSiteTable(registerRows(SITE_COLUMNS, sites, language));
      if (!read.ok) throw new Error(JSON.stringify(read.problems));
      expect(read.value.problems, language).toEqual([]);
      expect(
        read.value.rows.map((r) => [r.name, r.values.lineType, r.values.ownership]),
        language,
      ).toEqual([
        ['Rådhuset', 'kobber', 'leid'],
        ['Skulen', 'annet', 'eid'],
        ['Hallen', 'fiber', null],
      ]);
    }
  });

  it('write contract types and integration choices in the language', () => {
    const contract = { title: 'Drift', type: 'other', systemName: null, supplierName: null, startDate: '2026-01-01', endDate: null } as unknown as Contract;
    const [nbRow, nnRow] = (['nb', 'nn'] as const).map((l) => registerRows(CONTRACT_COLUMNS, [contract], l)[1]);
    expect(nbRow).toContain(labelsIn('nb').CONTRACT_TYPE_LABELS.other);
    expect(nnRow).toContain(labelsIn('nn').CONTRACT_TYPE_LABELS.other);
    expect(nnRow).toContain('01.01.2026');
    const integration = { fromSystem: { name: 'A' }, toSystem: { name: 'B' }, toComponent: null, direction: 'one_way', data: null, standard: 'other', status: 'retired' } as unknown as Integration;
    const cells = registerRows(INTEGRATION_COLUMNS, [integration], 'nn')[1];
    expect(cells).toEqual(expect.arrayContaining(['Éin veg', 'Avvikla']));
  });
});

describe('the risk export in nynorsk', () => {
  it('writes the status in nynorsk, and the import reads it back', () => {
    const stored = { id: 'r1', organizationId: 'o', title: 'Brann', siteIds: [], systemIds: [], objects: [], hazard: null, consequenceText: null, controls: [], probability: 2, consequence: 3, dimensions: {}, ownerId: null, ownerName: null, status: 'closed', closeReason: 'Flytta', reviewDate: null, references: null, version: 1, options: [] } as unknown as StoredRisk;
    const rows = riskTableRows([riskView(stored, null, '2026-01-01')], 'nn');
    expect(rows[1]).toContain(labelsIn('nn').RISK_STATUS_LABELS.closed);
    const read = parseRiskTable(rows, 2026);
    expect(JSON.stringify(read)).not.toContain('ikke en status');
    expect(read.ok && read.value.risks[0]?.input.status).toBe('closed');
  });
});

describe('cost pools in nynorsk', () => {
  it('read the nynorsk words of basis, key and headers', () => {
    const owners = [{ organizationId: 'a', name: 'Snåsa kommune', kommunenummer: '5041', slug: 'snasa' }];
    const read = parseCostPoolsTable(
      [
        ['ansvar', 'grunnlag', 'nøkkel', 'kommunar', 'måltal', 'namn'],
        ['1000', 'rekneskap', 'lik', '', '', 'Drift'],
        ['1001', 'budsjett', 'måltal', '', 'Saker', 'Saker'],
      ],
      owners as never,
    );
    expect(read.ok && read.problems).toEqual([]);
    expect(read.ok && read.pools.map((p) => [p.name, p.basis, p.key, p.metric])).toEqual([
      ['Drift', 'actual', 'equal', null],
      ['Saker', 'budget', 'metric', 'Saker'],
    ]);
  });
});
