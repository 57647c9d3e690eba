/** Public, no-login view of published plans: /innsyn/<org-slug> (HTML) and /innsyn/<org-slug>/plan.pdf. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withSystem, type Tx } from '../../db/database.ts';
import { findOrganizationBySlugOrNumber } from '../../db/queries/organizations.ts';
import { latestPublication, liveStatuses, loadRevision } from '../../db/queries/plan-periods.ts';
import { listNationalGoals } from '../../db/queries/national-goals.ts';
import { documentInput } from '../../db/queries/plan-document.ts';
import { publicationOptions } from '../../db/queries/followup.ts';
import { publicDocumentInput } from '../../domain/plan-document-input.ts';
import { periodRevisions } from '../../db/queries/plan-revisions.ts';
import { slugSchema } from '../../domain/organization.ts';
import { revisionInForce } from '../../domain/plan-revisions.ts';
import { renderInnsynPage, renderNoPlanPage, renderNotFoundPage } from '../innsyn-page.ts';
import { planDocumentResponse } from '../documents.ts';

/** Public pages may be cached briefly by browsers and proxies; they change only on (un)publish or status updates. */
const PUBLIC_CACHE = 'public, max-age=300, stale-while-revalidate=60';

async function published(tx: Tx, slug: string) {
  // Any text may arrive here: an address that is not a slug leads nowhere (HTML 404, never JSON).
  if (!slugSchema.safeParse(slug).success || /^\d{4}$/.test(slug)) return null;
  const org = await findOrganizationBySlugOrNumber(tx, slug);
  if (!org) return null;
  const pub = await latestPublication(tx, org.id);
  if (!pub) return { org, pub: null, revision: null } as const;
  const revision = await loadRevision(tx, org.id, pub.revisionId);
  // Only an adopted revision can be published; check again rather than trust the row.
  if (!revision || revision.status !== 'adopted') return { org, pub: null, revision: null } as const;
  return { org, pub, revision } as const;
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', PUBLIC_CACHE).send(body);
}

export function innsynRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ slug: z.string() });
  const notFoundPage = (reply: FastifyReply) => html(reply, 404, renderNotFoundPage());

  r.get('/innsyn/:slug', { schema: { hide: true, params } }, async (request, reply) => {
    const found = await withSystem(app.ctx.db, async (tx) => {
      const p = await published(tx, request.params.slug);
      if (!p?.revision || !p.pub) return p;
      const [live, national, siblings] = [await liveStatuses(tx, p.revision.periodId), await listNationalGoals(tx, p.org.id), await periodRevisions(tx, p.revision.periodId)];
      const inForce = revisionInForce(siblings);
      return { ...p, live, national, replacedBy: inForce && inForce.id !== p.revision.id ? inForce.number : null };
    });
    if (!found) return notFoundPage(reply);
    if (!('live' in found) || !found.revision || !found.pub) return html(reply, 404, renderNoPlanPage(found.org));
    return html(
      reply,
      200,
      renderInnsynPage({
        organization: { name: found.org.name, slug: found.org.slug, language: found.org.language },
        revision: found.revision,
        replacedBy: found.replacedBy,
        publishedAt: found.pub.publishedAt,
        liveStatus: found.live,
        nationalGoals: found.national.filter((n) => n.organizationId === null || n.organizationId === found.org.id),
        today: app.ctx.today(),
      }),
    );
  });

  r.get('/innsyn/:slug/plan.pdf', { schema: { hide: true, params } }, async (request, reply) => {
    const input = await withSystem(app.ctx.db, async (tx) => {
      const p = await published(tx, request.params.slug);
      if (!p?.revision) return null;
      const input = await documentInput(tx, p.org, p.revision);
      // The public PDF holds benefits and actual spend only when the publication chose to show them (issue 18).
      const options = (await publicationOptions(tx, p.org.id, p.revision.id)) ?? { showBenefits: false, showActuals: false };
      return publicDocumentInput(input, options);
    });
    if (!input) return notFoundPage(reply);
    reply.header('cache-control', PUBLIC_CACHE);
    return planDocumentResponse(reply, input, 'pdf', 'inline');
  });

  // Any other address under /innsyn leads nowhere: a page, not JSON.
  r.get('/innsyn', { schema: { hide: true } }, async (_request, reply) => notFoundPage(reply));
  r.get('/innsyn/*', { schema: { hide: true } }, async (_request, reply) => notFoundPage(reply));
}
