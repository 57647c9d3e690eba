/** Everything a plan document needs, read in one transaction. */
import type { Tx } from '../database.ts';
import type { PlanDocumentInput } from '../../domain/plan-document-input.ts';
import type { Organization } from '../../domain/organization.ts';
import type { Revision } from '../../domain/plan.ts';
import { listNationalGoals } from './national-goals.ts';
import { listSites } from './sites.ts';
import { documentSystems } from './overview.ts';
import { listBenefits, listStatusReports } from './followup.ts';
import { registerForecast } from './asset-plan.ts';
import { ageProfile } from '../../domain/asset-forecast.ts';

/** The appendix «Utstyr og utskifting»: the register's forecast over the plan period, and its age profile in the first year. */
async function equipmentInput(tx: Tx, organizationId: string, revision: Revision): Promise<PlanDocumentInput['equipment']> {
  const { startYear: from, endYear: to } = revision.period;
  const r = await registerForecast(tx, organizationId, { from, to, priceChangePercent: 0 });
  return { forecast: r.forecast, ageProfile: ageProfile(r.groups, r.classes, from) };
}

export async function documentInput(tx: Tx, org: Organization, revision: Revision, options: { equipment?: boolean } = {}): Promise<PlanDocumentInput> {
  const goalIds = new Set(revision.goals.flatMap((g) => g.nationalGoalIds));
  return {
    organization: { name: org.name, kommunenummer: org.kommunenummer, language: org.language },
    revision,
    nationalGoals: (await listNationalGoals(tx, org.id)).filter((n) => goalIds.has(n.id)),
    sites: await listSites(tx, org.id),
    systems: await documentSystems(tx, org.id),
    followup: { benefits: await listBenefits(tx, org.id, revision.id), reports: await listStatusReports(tx, org.id, revision.id) },
    ...(options.equipment ? { equipment: await equipmentInput(tx, org.id, revision) } : {}),
    generatedAt: new Date().toISOString(),
  };
}
