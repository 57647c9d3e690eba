/**
 * What a plan document is built from (src/reports/plan-document.ts): read in one transaction by
 * src/db/queries/plan-document.ts, or made up by tests. Declared here so that src/db and
 * src/reports both depend on domain, not on each other.
 */
import type { NationalGoal, Revision } from './plan.ts';
import type { Site } from './site.ts';
import type { AgeProfileClass, Forecast } from './asset-forecast.ts';

export interface PlanDocumentSystem {
  name: string;
  users: number | null;
  vendor: string | null;
  cooperation: string | null;
  serverLocation: string | null;
  database: string | null;
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
  /** Appendix "Utstyr og utskifting" (issue 17) when asked for: the forecast over the plan period and the age profile. */
  equipment?: { forecast: Forecast; ageProfile: AgeProfileClass[] } | null;
  /** ISO date-time; printed as "Generert 22.11.2026" (Oslo date). */
  generatedAt: string;
}
