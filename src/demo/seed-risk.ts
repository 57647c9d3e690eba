/**
 * Demo risk register for Ringebu: the data-room hazard of the strategy's appendix 5 ("Datarom/
 * driftssenter"): water pipes run through the server room; probability very low, consequence
 * very high; two options, moving the pipes (130 000 kr) or shielding them with a leak alarm
 * (20 000 kr). The shielding option is chosen and linked to the action plan's measure 5, which
 * the demo plan already holds. The existing controls are those the appendix lists. The residual
 * probability and consequence of each option are the demo's own judgement (the document gives none).
 */
import type { Tx } from '../db/tx.ts';
import { chosenOptionId, insertRisk, linkOption, listRisks, measureLineageByNumber } from '../db/queries/risks.ts';
import { listSites } from '../db/queries/sites.ts';

export async function ensureDemoRisks(tx: Tx, organizationId: string): Promise<void> {
  if ((await listRisks(tx, organizationId)).length > 0) return;
  const site = (await listSites(tx, organizationId)).find((s) => s.name.startsWith('Ringebu rådhus'));
  const riskId = await insertRisk(tx, organizationId, {
    title: 'Vannlekkasje i datarommet',
    siteIds: site ? [site.id] : [],
    systemIds: [],
    hazard: 'VVS-røranlegg med vannførende rør har føringsvei gjennom datarommet i kjelleren på rådhuset.',
    consequenceText: 'Brudd eller lekkasje på rørene kan gi stor skade og driftsstans på servere og annet nettverksutstyr.',
    controls: [
      'Datarom i kjellerrom med betongvegger, -gulv og -tak',
      'Eget kjøleanlegg',
      'Batterireserve og nødstrømsaggregat',
      'Elektronisk låssystem (adgangskontroll)',
      'Sikkerhetskopi over fiber til utstyr i en annen kommunal bygning',
    ],
    probability: 1,
    consequence: 5,
    dimensions: { service: 5, economy: 4 },
    status: 'treating',
    reviewDate: '2026-12-31',
    references: 'Ringebu kommune, IKT-strategi, vedlegg 5 (Datarom/driftssenter); Uninett «Kravspesifikasjon for IKT-rom»',
    options: [
      { description: 'Legge om rørene utenom datarommet', lines: [{ kind: 'invest', year: 2025, amount: 130_000 }], residualProbability: 1, residualConsequence: 1, chosen: false },
      { description: 'Skjerming av rørene mot vannsprut og alarm for lekkasje/fuktighet', lines: [{ kind: 'invest', year: 2025, amount: 20_000 }], residualProbability: 1, residualConsequence: 3, chosen: true },
    ],
  });
  const option = await chosenOptionId(tx, riskId);
  const lineage = await measureLineageByNumber(tx, organizationId, '5', 'Sikring av datarommet mot vannlekkasje');
  if (option && lineage) await linkOption(tx, organizationId, option, lineage);
}
