/**
 * Follow-up demo data for Ringebu's ICT strategy (issue 18): benefits on four measures, status
 * reports with actual spend on the adopted and published revision, the innsyn dashboard showing
 * benefits and spend, and the product catalogue links and "Hvem andre bruker" opt-in for Ringebu
 * and Indre Namdal IKT IKS.
 *
 * Where the figures come from:
 * - SvarUt saving up to 500 000 kr a year: Måsøy's ICT plan (issue 18), put on Ringebu's measure for
 *   electronic dialogue as a demo; the ramp-up (250 000 kr in 2026) is INVENTED.
 * - 1 581 change orders × at least 10 minutes = 263,5 hours a year: Indre Namdal's Autorisasjonsportal
 *   (issue 18, shared/domain.md), put on Ringebu's data-platform measure (single sign-on) as a demo.
 * - The quality and risk-reduction benefits follow the kinds in Ringebu's chapter on
 *   gevinstrealisering (shared/reading/ringebu-ikt-strategi.txt); their figures are INVENTED.
 * - Every measured value, status report text and actual-spend amount is INVENTED.
 */
import type { Tx } from '../db/tx.ts';
import { insertBenefit, insertStatusReport, listBenefits, listStatusReports, setPublicationOptions, upsertActuals, upsertBenefitResult } from '../db/queries/followup.ts';
import { hasSystemProducts, systemIdsByName } from '../db/queries/demo.ts';
import { listPlans, loadRevision } from '../db/queries/plan-periods.ts';
import { listProducts, setNetwork, setSystemProduct } from '../db/queries/products.ts';
import type { BenefitInput, BenefitResultInput } from '../domain/benefit.ts';
import type { StatusReportInput } from '../domain/followup.ts';
import type { CostKind } from '../domain/plan-totals.ts';

/** Measure number → its benefits. */
const BENEFITS: ReadonlyArray<{ measure: string; benefit: BenefitInput }> = [
  {
    measure: '2',
    benefit: { kind: 'economic', indicator: 'Sparte porto- og utsendingskostnader med SvarUt', unit: 'kr', baseline: 0, owner: 'Økonomisjef', disposition: 'budget_cut', targets: [{ year: 2026, value: 250_000 }, { year: 2027, value: 500_000 }, { year: 2028, value: 500_000 }] },
  },
  {
    measure: '6',
    // Tenths of an hour: 1 581 change orders × 10 minutes = 263,5 hours.
    benefit: { kind: 'time', indicator: 'Spart tid på tilgangsendringer (endringsordrer)', unit: 'timer', baseline: 0, owner: 'IKT-leder', disposition: 'better_service', targets: [{ year: 2027, value: 2_635 }, { year: 2028, value: 2_635 }] },
  },
  {
    measure: '1',
    benefit: { kind: 'quality', indicator: 'Henvendelser løst innen én arbeidsdag', unit: '%', baseline: 70, owner: 'IKT-leder', disposition: 'better_service', targets: [{ year: 2025, value: 75 }, { year: 2026, value: 80 }, { year: 2027, value: 85 }, { year: 2028, value: 90 }] },
  },
  {
    measure: '5',
    benefit: { kind: 'risk', indicator: 'Risiko for vannskade i datarommet (sannsynlighet × konsekvens)', unit: 'poeng', baseline: 12, owner: 'Eiendomssjef', targets: [{ year: 2025, value: 4 }] },
  },
];

/** Benefit indicator → measured values (INVENTED). */
const RESULTS: ReadonlyArray<{ indicator: string; result: BenefitResultInput }> = [
  { indicator: 'Sparte porto- og utsendingskostnader med SvarUt', result: { year: 2026, value: 180_000, comment: 'Januar–august: SvarUt i alle sektorer unntatt helse.' } },
  { indicator: 'Henvendelser løst innen én arbeidsdag', result: { year: 2025, value: 78, comment: 'Fra brukerstøttesystemet, hele 2025.' } },
  { indicator: 'Risiko for vannskade i datarommet (sannsynlighet × konsekvens)', result: { year: 2025, value: 4, comment: 'Skjerming og lekkasjealarm montert i oktober.' } },
];

/** Measure number → status reports with the actual spend to date (INVENTED). */
const REPORTS: ReadonlyArray<{ measure: string; report: StatusReportInput; actuals: ReadonlyArray<{ kind: CostKind; year: number; amount: number }> }> = [
  { measure: '4', report: { reportDate: '2025-06-30', status: 'done', summary: 'Mini-ROS for IKT-området er gjennomført og behandlet i ledergruppen.' }, actuals: [{ kind: 'drift', year: 2025, amount: 30_000 }] },
  { measure: '5', report: { reportDate: '2025-10-31', status: 'done', summary: 'Vannrørene er skjermet og lekkasjealarm er montert. Alarmen kostet mer enn anslått.' }, actuals: [{ kind: 'invest', year: 2025, amount: 24_500 }] },
  { measure: '1', report: { reportDate: '2025-12-31', status: 'on_track', summary: '78 % av henvendelsene ble løst innen én arbeidsdag i 2025.' }, actuals: [{ kind: 'drift', year: 2025, amount: 43_000 }] },
  { measure: '3', report: { reportDate: '2025-12-31', status: 'on_track', summary: '25 PC-er er byttet i 2025 som planlagt.' }, actuals: [{ kind: 'invest', year: 2025, amount: 212_500 }] },
  { measure: '3', report: { reportDate: '2026-08-31', status: 'at_risk', summary: 'Leveransen av årets PC-er er forsinket til oktober.' }, actuals: [] },
  { measure: '2', report: { reportDate: '2026-08-31', status: 'on_track', summary: 'SvarUt er tatt i bruk for utgående post i alle sektorer unntatt helse.' }, actuals: [{ kind: 'invest', year: 2026, amount: 110_000 }, { kind: 'drift', year: 2026, amount: 60_000 }] },
  { measure: '6', report: { reportDate: '2026-08-31', status: 'off_track', summary: 'Anskaffelsen er forsinket; piloten med tynnklient starter først i 2027.' }, actuals: [{ kind: 'invest', year: 2026, amount: 35_000 }] },
];

/** Ringebu's own system → catalogue product (names as in Ringebu's strategy). */
const RINGEBU_PRODUCTS: Readonly<Record<string, string>> = {
  'Acos websak (inkl. intranett)': 'Acos WebSak',
  'Visma enterprise (øk/pers/lønn)': 'Visma Enterprise',
  Gerica: 'Gerica',
};
/** Indre Namdal IKT IKS's systems (the demo portfolio) → catalogue product. */
const IKS_PRODUCTS: Readonly<Record<string, string>> = {
  'Visma Enterprise økonomi og lønn': 'Visma Enterprise',
  'Profil pleie og omsorg': 'Profil',
  'Visma Flyt skole': 'Visma Flyt Skole',
};

/** Adds the demo benefits to a revision's measures (a draft: benefits are plan text). */
export async function addDemoBenefits(tx: Tx, organizationId: string, revisionId: string): Promise<void> {
  const revision = await loadRevision(tx, organizationId, revisionId);
  for (const { measure, benefit } of BENEFITS) {
    const m = revision?.measures.find((x) => x.number === measure);
    if (m) await insertBenefit(tx, organizationId, revisionId, m.id, benefit);
  }
}

/**
 * Status reports, actual spend and measured values on Ringebu's published revision, once (when it
 * has no report yet); then innsyn shows benefits and spend. A database seeded before benefits
 * existed gets them in the draft, the only revision that takes plan text.
 */
export async function ensureRingebuFollowup(tx: Tx, organizationId: string): Promise<void> {
  const period = (await listPlans(tx, organizationId)).find((p) => p.name === 'IKT-strategi 2025–2028');
  const published = period?.revisions.find((r) => r.publishedAt !== null && r.status === 'adopted');
  if (!period || !published) return;
  const draft = period.revisions.find((r) => r.status === 'draft');
  const adoptedBenefits = await listBenefits(tx, organizationId, published.id);
  if (draft && adoptedBenefits.length === 0 && (await listBenefits(tx, organizationId, draft.id)).length === 0) await addDemoBenefits(tx, organizationId, draft.id);
  if ((await listStatusReports(tx, organizationId, published.id)).length > 0) return;

  const revision = await loadRevision(tx, organizationId, published.id);
  const measureId = (number: string) => revision?.measures.find((m) => m.number === number)?.id;
  for (const { measure, report, actuals } of REPORTS) {
    const id = measureId(measure);
    if (!id) continue;
    await insertStatusReport(tx, organizationId, published.id, id, report);
    await upsertActuals(tx, organizationId, published.id, actuals.map((a) => ({ ...a, measureId: id })));
  }
  for (const { indicator, result } of RESULTS) {
    const benefit = adoptedBenefits.find((b) => b.indicator === indicator);
    if (benefit) await upsertBenefitResult(tx, organizationId, published.id, benefit.id, result);
  }
  await setPublicationOptions(tx, organizationId, published.id, { showBenefits: true, showActuals: true });
}

/**
 * Links the demo systems to the shared product catalogue and opts Ringebu and the IKS in to "Hvem
 * andre bruker", once (when the organization has no linked system). The contacts are the demo's own
 * invented people, marked public in the portfolio.
 */
export async function ensureDemoProducts(tx: Tx, ringebuId: string, iksId: string): Promise<void> {
  const catalogue = new Map((await listProducts(tx)).map((p) => [p.name, p.id]));
  const link = async (organizationId: string, map: Readonly<Record<string, string>>, contactName: string, contactEmail: string) => {
    if (await hasSystemProducts(tx, organizationId)) return;
    const systems = await systemIdsByName(tx, organizationId);
    for (const [system, product] of Object.entries(map)) {
      const systemId = systems.get(system);
      const productId = catalogue.get(product);
      if (systemId && productId) await setSystemProduct(tx, organizationId, systemId, productId);
    }
    await setNetwork(tx, organizationId, { optedIn: true, contactName, contactEmail });
  };
  await link(ringebuId, RINGEBU_PRODUCTS, 'Kari Nordmo, IKT-leder', 'kari.nordmo@ringebu.kommune.no');
  await link(iksId, IKS_PRODUCTS, 'Eva Namsos, systemkonsulent', 'eva@indrenamdal-ikt.no');
}
