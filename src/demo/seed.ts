/**
 * Demo data: Ringebu kommune (sites and cooperations from its ICT strategy), its partner
 * municipalities, and an IKS owned by municipalities 5041–5046. Idempotent: creates only what is
 * missing, so `npm run cli -- seed` can run on a database that already has data.
 */
import { hashPassword } from '../api/auth/passwords.ts';
import { findKommune } from '../domain/kommuner.ts';
import type { CostKey } from '../domain/cooperation.ts';
import type { OrgKind } from '../domain/organization.ts';
import type { Role } from '../domain/roles.ts';
import type { CreateSite } from '../domain/site.ts';
import { withSystem, type Db, type Tx } from '../db/database.ts';
import { createLocalUser, findUserByUsername } from '../db/queries/identity.ts';
import { acceptAllInvitations, insertCooperation } from '../db/queries/cooperations.ts';
import {
  countOrganizations,
  countSites,
  hasCooperation,
  hasPlanPeriod,
  insertDemoOrganization,
  organizationIdByNumber,
  organizationIdBySlug,
} from '../db/queries/demo.ts';
import { findMember, insertMembership } from '../db/queries/members.ts';
import { insertSites } from '../db/queries/sites.ts';
import { setOwners } from '../db/queries/organizations.ts';
import { ensureRingebuAssets } from './seed-assets.ts';
import { todayInOslo } from '../domain/portfolio-quality.ts';
import { adoptRevision, copyRevision, createPlan, loadRevision, publishRevision } from '../db/queries/plan-periods.ts';
import { insertFocusArea, insertGoal, insertMeasure, updateMeasure } from '../db/queries/plan-items.ts';
import type { CreateMeasure } from '../domain/plan.ts';
import { ensureIksPortfolio, ensureRingebuPortfolio } from './seed-portfolio.ts';
import { ensureIksAnnualReport } from './seed-annual-report.ts';
import { ensureDemoRisks } from './seed-risk.ts';
import ringebu from './ringebu.json' with { type: 'json' };
import { ensureIksYear } from './seed-iks-year.ts';
import { ensureRingebuCooperationPool } from './seed-cooperation-costs.ts';
import { addDemoBenefits, ensureDemoProducts, ensureRingebuFollowup } from './seed-followup.ts';

export const DEMO_PASSWORD = 'veikart-demo-2026';
export const IKS_SLUG = 'indre-namdal-iks';
export const IKS_OWNERS = ['5041', '5042', '5043', '5044', '5045', '5046'] as const;

interface DemoAccount {
  username: string;
  displayName: string;
  description: string;
  systemAdmin?: boolean;
  memberships: Array<[slug: string, role: Role]>;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', displayName: 'Systemadministrator', description: 'systemadministrator (alle organisasjoner)', systemAdmin: true, memberships: [] },
  { username: 'ringebu.leder', displayName: 'Kari Nordmo', description: 'IKT-leder, administrator i Ringebu kommune', memberships: [['ringebu', 'admin']] },
  { username: 'ringebu.redaktor', displayName: 'Ola Fåvang', description: 'redaktør i Ringebu kommune', memberships: [['ringebu', 'editor']] },
  { username: 'ringebu.leser', displayName: 'Per Kvitfjell', description: 'leser i Ringebu kommune', memberships: [['ringebu', 'reader']] },
  { username: 'sorfron.leder', displayName: 'Anne Hundorp', description: 'administrator i Sør-Fron kommune', memberships: [['sor-fron', 'admin']] },
  { username: 'snasa.redaktor', displayName: 'Inger Kjelvatn', description: 'redaktør i Snåase - Snåsa kommune (eier av IKS-et)', memberships: [['snasa', 'editor']] },
  { username: 'lierne.redaktor', displayName: 'Liv Sandvika', description: 'redaktør i Lierne kommune (eier av IKS-et)', memberships: [['lierne', 'editor']] },
  { username: 'iks.leder', displayName: 'Jon Grong', description: `daglig leder, administrator i Indre Namdal IKT IKS (lesetilgang i eierkommunene)`, memberships: [[IKS_SLUG, 'admin']] },
];

function kommuneSlug(nummer: string): string {
  const k = findKommune(nummer);
  if (!k) throw new Error(`unknown kommune ${nummer}`);
  // "Snåase - Snåsa" → "snasa": the last form is the Norwegian one.
  const name = k.navn.split(' - ').at(-1) ?? k.navn;
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

async function ensureOrg(tx: Tx, slug: string, name: string, kind: OrgKind, kommunenummer: string | null): Promise<string> {
  return (await organizationIdBySlug(tx, slug)) ?? insertDemoOrganization(tx, slug, name, kind, kommunenummer);
}

async function ensureKommune(tx: Tx, nummer: string): Promise<string> {
  const k = findKommune(nummer);
  if (!k) throw new Error(`unknown kommune ${nummer}`);
  const byNumber = await organizationIdByNumber(tx, nummer);
  if (byNumber) return byNumber;
  return ensureOrg(tx, kommuneSlug(nummer), `${k.navn} kommune`, 'kommune', nummer);
}

async function ensureCooperation(
  tx: Tx,
  hostId: string,
  name: string,
  description: string,
  costKey: CostKey,
  memberIds: string[],
): Promise<void> {
  if (await hasCooperation(tx, hostId, name)) return;
  const id = await insertCooperation(tx, hostId, { name, description, costKey, memberIds });
  // The demo's members have said yes: each listed organization is an accepted member.
  await acceptAllInvitations(tx, id);
}

async function ensureSites(tx: Tx, organizationId: string, list: readonly CreateSite[]): Promise<void> {
  if ((await countSites(tx, organizationId)) === 0) await insertSites(tx, organizationId, list);
}

function ownerSites(name: string): CreateSite[] {
  const short = name.replace(/ kommune$/, '').split(' - ').at(-1) ?? name;
  return [
    { name: `${short} rådhus`, users: 45, capacityMbps: 1000, lineType: 'fiber', ownership: 'eid', provider: null, note: null },
    { name: `${short} skole`, users: 30, capacityMbps: 500, lineType: 'fiber', ownership: 'leid', provider: 'Telenor', note: null },
    { name: `${short} helsetun`, users: 25, capacityMbps: 100, lineType: 'fiber', ownership: 'leid', provider: 'NTE', note: null },
  ];
}

type DemoMeasure = Omit<CreateMeasure, 'goalIds' | 'actuals' | 'status' | 'priority' | 'focusAreaId'> & {
  area: number;
  status?: CreateMeasure['status'];
  priority?: CreateMeasure['priority'];
};

/**
 * Ringebu's strategy (vision, goal areas and goals as printed) with measures taken from its list of
 * strategies. The amounts are illustrative demo figures, except the data-room measure (20 000 kr,
 * one of the two options in the plan's risk appendix).
 */
const DEMO_MEASURES: DemoMeasure[] = [
  { area: 0, number: '1', title: 'Operativ brukerstøtte med kort responstid', responsible: 'IKT-leder', status: 'in_progress', startDate: '2025-01-01', endDate: '2028-12-31', lines: [{ kind: 'drift', year: 2025, amount: 45000 }, { kind: 'drift', year: 2026, amount: 45000 }, { kind: 'drift', year: 2027, amount: 45000 }, { kind: 'drift', year: 2028, amount: 45000 }] },
  { area: 0, number: '2', title: 'Elektronisk dialog og selvbetjening', description: 'Apps, chat og heldigitale skjema på nett.', responsible: 'Servicetorget', startDate: '2026-01-01', endDate: '2027-12-31', lines: [{ kind: 'invest', year: 2026, amount: 120000 }, { kind: 'drift', year: 2026, amount: 80000 }, { kind: 'drift', year: 2027, amount: 80000 }, { kind: 'drift', year: 2028, amount: 80000 }] },
  { area: 0, number: '3', title: 'Utskifting av PC-er', description: 'Fireårig utskiftingsplan, 25 maskiner i året.', responsible: 'IKT-avdelingen', status: 'in_progress', priority: 'high', startDate: '2025-01-01', endDate: '2028-12-31', lines: [{ kind: 'invest', year: 2025, quantity: 25, unitPrice: 8500 }, { kind: 'invest', year: 2026, quantity: 25, unitPrice: 8500 }, { kind: 'invest', year: 2027, quantity: 25, unitPrice: 8800 }, { kind: 'invest', year: 2028, quantity: 25, unitPrice: 8800 }] },
  { area: 1, number: '4', title: 'Mini-ROS for IKT-området', description: 'Risiko- og sårbarhetsanalyse som grunnlag for prioriteringer.', responsible: 'Rådmannen', status: 'done', priority: 'high', startDate: '2025-01-01', endDate: '2025-06-30', lines: [{ kind: 'drift', year: 2025, amount: 30000 }] },
  { area: 1, number: '5', title: 'Sikring av datarommet mot vannlekkasje', description: 'Skjerming av vannrørene i datarommet mot vannsprut og alarm for lekkasje/fuktighet (20 000 kr). Alternativet, å legge om rørene utenom rommet, er anslått til 130 000 kr (vedlegg 5).', responsible: 'Eiendomsavdelingen', priority: 'high', startDate: '2025-03-01', endDate: '2025-10-31', lines: [{ kind: 'invest', year: 2025, amount: 20000 }] },
  { area: 1, number: '6', title: 'Felles dataplattform med tynnklient og enkel pålogging', responsible: 'IKT-leder', startDate: '2026-01-01', endDate: '2027-06-30', lines: [{ kind: 'invest', year: 2026, amount: 450000 }, { kind: 'drift', year: 2027, amount: 60000 }, { kind: 'drift', year: 2028, amount: 60000 }] },
  { area: 2, number: '7', title: 'Plan for strategisk kompetanseutvikling', responsible: 'Personalsjef', startDate: '2025-09-01', endDate: '2026-06-30', lines: [{ kind: 'drift', year: 2025, amount: 25000 }, { kind: 'drift', year: 2026, amount: 50000 }] },
  { area: 2, number: '8', title: 'Egen fiber til kommunale lokasjoner', description: 'Tilstrekkelig linjekapasitet; eie egen fiber der det er lønnsomt.', responsible: 'IKT-leder', priority: 'low', startDate: '2027-01-01', endDate: '2028-12-31', lines: [{ kind: 'invest', year: 2027, amount: 350000 }, { kind: 'invest', year: 2028, amount: 300000 }] },
];

/** Ringebu's ICT strategy 2025–2028: revision 1 adopted and published (/innsyn/ringebu), revision 2 a draft. */
async function ensureDemoPlan(tx: Tx, organizationId: string): Promise<void> {
  if (await hasPlanPeriod(tx, organizationId)) return;
  const strategy = ringebu.strategy;
  const { revisionId } = await createPlan(tx, organizationId, { name: 'IKT-strategi 2025–2028', startYear: 2025, endYear: 2028, vision: strategy.vision });
  const areaIds: string[] = [];
  for (const area of strategy.areas) {
    const areaId = await insertFocusArea(tx, organizationId, revisionId, { title: area.title, description: `${area.leadIn} …` });
    areaIds.push(areaId);
    for (const goal of area.goals) await insertGoal(tx, organizationId, revisionId, { focusAreaId: areaId, text: goal, nationalGoalIds: [] });
  }
  for (const m of DEMO_MEASURES) {
    const { area, ...rest } = m;
    await insertMeasure(tx, organizationId, revisionId, { ...rest, focusAreaId: areaIds[area] ?? null, status: m.status ?? 'planned', priority: m.priority ?? 'medium', goalIds: [], actuals: [] });
  }
  await addDemoBenefits(tx, organizationId, revisionId);
  await adoptRevision(tx, organizationId, revisionId, 1, '2024-12-12', 'K-sak 081/24');
  await publishRevision(tx, organizationId, revisionId);
  const adopted = await loadRevision(tx, organizationId, revisionId);
  if (!adopted) return;
  const draftId = await copyRevision(tx, organizationId, adopted);
  const draft = await loadRevision(tx, organizationId, draftId);
  const platform = draft?.measures.find((x) => x.number === '6');
  if (platform) {
    await updateMeasure(tx, organizationId, draftId, platform.id, {
      version: platform.version,
      status: 'in_progress',
      lines: [{ kind: 'invest', year: 2026, amount: 520000 }, { kind: 'drift', year: 2027, amount: 60000 }, { kind: 'drift', year: 2028, amount: 60000 }],
    });
  }
}

/** Loads the demo data; returns true when anything was created. */
export async function seedDemo(db: Db): Promise<void> {
  const hashes = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) hashes.set(a.username, await hashPassword(DEMO_PASSWORD));

  await withSystem(db, async (tx) => {
    const ringebuId = await ensureKommune(tx, '3439');
    const sorFronId = await ensureKommune(tx, '3438');
    const nordFronId = await ensureKommune(tx, '3436');
    const lillehammerId = await ensureKommune(tx, '3405');
    const oyerId = await ensureKommune(tx, '3440');
    const gausdalId = await ensureKommune(tx, '3441');
    const byName: Record<string, string> = {
      Ringebu: ringebuId,
      'Sør-Fron': sorFronId,
      'Nord-Fron': nordFronId,
      Lillehammer: lillehammerId,
      Øyer: oyerId,
      Gausdal: gausdalId,
    };
    const hostOf: Record<string, string> = { '2K': ringebuId, '3K': sorFronId, TRUST: lillehammerId };
    for (const c of ringebu.cooperations) {
      const hostId = hostOf[c.code];
      if (!hostId) continue;
      const members = c.municipalities.map((m) => byName[m]).filter((id): id is string => id !== undefined);
      await ensureCooperation(tx, hostId, c.code, c.description, c.code === 'TRUST' ? 'innbyggere' : 'like', members);
    }
    await ensureSites(tx, ringebuId, ringebu.sites as CreateSite[]);
    await ensureDemoPlan(tx, ringebuId);
    await ensureRingebuPortfolio(tx, ringebuId, ringebu.systems);
    await ensureDemoRisks(tx, ringebuId);
    await ensureRingebuAssets(tx, ringebuId, Number(todayInOslo().slice(0, 4)));
    await ensureRingebuCooperationPool(tx, ringebuId, Number(todayInOslo().slice(0, 4)) - 1);

    const iksId = await ensureOrg(tx, IKS_SLUG, 'Indre Namdal IKT IKS', 'iks', null);
    const ownerIds: string[] = [];
    for (const nummer of IKS_OWNERS) {
      const id = await ensureKommune(tx, nummer);
      ownerIds.push(id);
      const k = findKommune(nummer);
      await ensureSites(tx, id, ownerSites(k?.navn ?? nummer));
    }
    await setOwners(tx, iksId, ownerIds.map((organizationId) => ({ organizationId, staffAccess: 'reader' as const })));
    await ensureIksPortfolio(tx, iksId, ownerIds.map((id, i) => ({ id, kommunenummer: IKS_OWNERS[i] ?? '' })));
    await ensureIksYear(tx, iksId);
    await ensureIksAnnualReport(tx, iksId);
    await ensureRingebuFollowup(tx, ringebuId);
    await ensureDemoProducts(tx, ringebuId, iksId);
    await ensureCooperation(tx, iksId, 'Felles fagsystemer Indre Namdal', 'Eierkommunene deler sak/arkiv, økonomi og helse-/omsorgssystemer driftet av IKS-et.', 'innbyggere', ownerIds);

    const slugs = new Map<string, string>([['ringebu', ringebuId], ['sor-fron', sorFronId], [IKS_SLUG, iksId], ['snasa', ownerIds[0] ?? ''], ['lierne', ownerIds[1] ?? '']]);
    for (const a of DEMO_ACCOUNTS) {
      let user = await findUserByUsername(tx, a.username);
      if (!user) {
        user = await createLocalUser(tx, {
          username: a.username,
          displayName: a.displayName,
          email: `${a.username}@example.no`,
          passwordHash: hashes.get(a.username) ?? '',
          systemAdmin: a.systemAdmin ?? false,
        });
      }
      for (const [slug, role] of a.memberships) {
        const orgId = slugs.get(slug);
        if (!orgId) continue;
        if (!(await findMember(tx, orgId, user.id))) await insertMembership(tx, orgId, user.id, role);
      }
    }
  });
}

/** Seeds only a database without organizations (first start). */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  if ((await countOrganizations(db)) > 0) return false;
  await seedDemo(db);
  return true;
}
