/**
 * What a plan document is built from (src/reports/plan-document.ts): read in one transaction by
 * src/db/queries/plan-document.ts, or made up by tests. Declared here so that src/db and
 * src/reports both depend on domain, not on each other.
 */
import type { NationalGoal, Revision } from './plan.ts';
import type { Site } from './site.ts';
import type { Risk } from './risk.ts';
import type { RiskMatrix } from './risk-matrix.ts';
import type { Benefit } from './benefit.ts';
import type { StatusReport } from './followup.ts';
import type { AgeProfileClass, Forecast } from './asset-forecast.ts';
import type { SystemTextValues } from './system-fields.ts';

/** A system of the appendix: its name, users, vendor and cooperation, and the declared text fields (system-fields.ts). */
export interface PlanDocumentSystem extends SystemTextValues {
  name: string;
  users: number | null;
  vendor: string | null;
  cooperation: string | null;
}

export interface PlanDocumentInput {
  organization: { name: string; kommunenummer: string | null; language: 'nb' | 'nn' };
  revision: Revision;
  /** Catalogue entries referenced by the goals (framework, code, title). */
  nationalGoals: NationalGoal[];
  /** Appendix "Lokasjoner" when non-empty. */
  sites: Site[];
  /** Appendix "Fagsystemer" when non-empty. */
  systems: PlanDocumentSystem[];
  /** Internal appendix "Risikobilde" (issue 16): only when asked for; never for innsyn or the public PDF. */
  riskPicture?: { matrix: RiskMatrix; risks: Risk[] } | null;
  /** Chapter "Gevinster og oppfølging" when there are benefits, reports or actual spend (optional: tests may leave it out). */
  followup?: { benefits: Benefit[]; reports: StatusReport[] };
  /** Appendix "Utstyr og utskifting" (issue 17) when asked for: the forecast over the plan period and the age profile. */
  equipment?: { forecast: Forecast; ageProfile: AgeProfileClass[] } | null;
  /** ISO date-time; printed as "Generert 22.11.2026" (Oslo date). */
  generatedAt: string;
}

/**
 * What the public (innsyn) plan PDF may show: benefits only when the publication shows benefits; status reports and
 * actual spend only when it shows actual spend. Benefit owners (personal data) never.
 */
export function publicDocumentInput(input: PlanDocumentInput, options: { showBenefits: boolean; showActuals: boolean }): PlanDocumentInput {
  const revision = options.showActuals ? input.revision : { ...input.revision, measures: input.revision.measures.map((m) => ({ ...m, actuals: [] })) };
  const benefits = options.showBenefits ? (input.followup?.benefits ?? []).map((b) => ({ ...b, owner: null })) : [];
  const reports = options.showActuals ? (input.followup?.reports ?? []) : [];
  return { ...input, revision, followup: { benefits, reports }, riskPicture: null };
}
