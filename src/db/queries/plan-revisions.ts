/** Facts the revision rules need (plan-revisions.ts in the domain): a period's revisions, the publication, measure numbers. */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../database.ts';
import { measures, planPeriods, planRevisions, publications } from '../schema.ts';
import type { RevisionFacts } from '../../domain/plan-revisions.ts';

/** The revisions of a period: number, status and adoption date. */
export async function periodRevisions(tx: Tx, periodId: string): Promise<Array<Required<RevisionFacts>>> {
  return tx
    .select({ id: planRevisions.id, number: planRevisions.number, status: planRevisions.status, adoptedDate: planRevisions.adoptedDate })
    .from(planRevisions)
    .where(eq(planRevisions.periodId, periodId))
    .orderBy(asc(planRevisions.number));
}

/** The organization's published revision (innsyn shows one), or null. */
export async function currentPublication(tx: Tx, organizationId: string): Promise<{ revisionId: string; number: number; periodName: string } | null> {
  const [row] = await tx
    .select({ revisionId: publications.revisionId, number: planRevisions.number, periodName: planPeriods.name })
    .from(publications)
    .innerJoin(planRevisions, eq(planRevisions.id, publications.revisionId))
    .innerJoin(planPeriods, eq(planPeriods.id, planRevisions.periodId))
    .where(eq(publications.organizationId, organizationId))
    .limit(1);
  return row ?? null;
}

/** The numbered measures of a revision. */
export async function measureNumbers(tx: Tx, revisionId: string): Promise<Array<{ id: string; number: string | null; title: string }>> {
  return tx
    .select({ id: measures.id, number: measures.number, title: measures.title })
    .from(measures)
    .where(and(eq(measures.revisionId, revisionId), isNotNull(measures.number)));
}
