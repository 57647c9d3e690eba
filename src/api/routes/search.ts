/** The global search in the header: one statement across the user's organizations (src/db/queries/search.ts). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { search } from '../../db/queries/search.ts';
import { SearchHitSchema, SearchQuerySchema } from '../../domain/search.ts';
import { asUser } from '../context.ts';

export function searchRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/search',
    { schema: { tags: ['search'], querystring: SearchQuerySchema, response: { 200: z.object({ data: z.array(SearchHitSchema) }) } } },
    async (request) => ({ data: await asUser(request, (tx) => search(tx, request.query.q)) }),
  );
}
