/** The politicians' dashboard on innsyn: /innsyn/<org-slug>/oppfolging (HTML, no login, no JavaScript). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withSystem } from '../../db/database.ts';
import { listBenefits, listStatusReports, publicationOptions } from '../../db/queries/followup.ts';
import { findOrganizationBySlugOrNumber } from '../../db/queries/organizations.ts';
import { latestPublication, liveStatuses, loadRevision } from '../../db/queries/plan-periods.ts';
import { slugSchema } from '../../domain/organization.ts';
import { renderDashboardPage } from '../innsyn-dashboard.ts';
import { renderNoPlanPage, renderNotFoundPage } from '../innsyn-page.ts';

const PUBLIC_CACHE = 'public, max-age=300, stale-while-revalidate=60';

export function innsynDashboardRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/innsyn/:slug/oppfolging', { schema: { hide: true, params: z.object({ slug: z.string() }) } }, async (request, reply) => {
    const html = (status: number, body: string) => reply.code(status).type('text/html; charset=utf-8').header('cache-control', PUBLIC_CACHE).send(body);
    const slug = request.params.slug;
    if (!slugSchema.safeParse(slug).success || /^\d{4}$/.test(slug)) return html(404, renderNotFoundPage());
    // A fixed number of statements whatever the plan's size (test/api/followup.test.ts counts them).
    const found = await withSystem(app.ctx.db, async (tx) => {
      const org = await findOrganizationBySlugOrNumber(tx, slug);
      if (!org) return null;
      const pub = await latestPublication(tx, org.id);
      const revision = pub ? await loadRevision(tx, org.id, pub.revisionId) : null;
      if (!pub || !revision || revision.status !== 'adopted') return { org, revision: null } as const;
      const options = (await publicationOptions(tx, org.id, revision.id)) ?? { showBenefits: false, showActuals: false };
      return {
        org,
        revision,
        options,
        live: await liveStatuses(tx, revision.periodId),
        benefits: options.showBenefits ? await listBenefits(tx, org.id, revision.id) : null,
        reports: await listStatusReports(tx, org.id, revision.id),
      } as const;
    });
    if (!found) return html(404, renderNotFoundPage());
    if (!found.revision) return html(404, renderNoPlanPage(found.org));
    return html(
      200,
      renderDashboardPage({
        organization: { name: found.org.name, slug: found.org.slug, language: found.org.language },
        revision: found.revision,
        liveStatus: found.live,
        benefits: found.benefits,
        reports: found.reports,
        showActuals: found.options.showActuals,
        today: app.ctx.today(),
      }),
    );
  });
}
