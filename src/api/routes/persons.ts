/** Persons of an organization. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deletePerson, findPerson, insertPersons, listPersons, updatePerson } from '../../db/queries/persons.ts';
import { uuid } from '../../domain/organization.ts';
import { CreatePersonSchema, PersonSchema, UpdatePersonSchema } from '../../domain/portfolio.ts';
import { created, inOrg } from '../context.ts';
import { notFound } from '../problem.ts';
import { OrgParams } from '../shared.ts';
import { base, VersionQuery, staleOrMissing } from '../route-helpers.ts';

const PersonParams = z.object({ orgId: uuid, personId: uuid });

export function personRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portfolio'];
  r.get(`${base}/persons`, { schema: { tags, params: OrgParams, response: { 200: z.object({ data: z.array(PersonSchema) }) } } }, async (request) => {
    const { orgId } = request.params;
    return { data: await inOrg(request, orgId, 'data:read', ({ tx }) => listPersons(tx, orgId)) };
  });
  r.post(`${base}/persons`, { schema: { tags, params: OrgParams, body: CreatePersonSchema, response: { 201: z.object({ data: PersonSchema }) } } }, async (request, reply) => {
    const { orgId } = request.params;
    const [person] = await inOrg(request, orgId, 'data:write', ({ tx }) => insertPersons(tx, orgId, [request.body]));
    if (!person) throw notFound('Personen');
    return created(reply, person);
  });
  r.patch(`${base}/persons/:personId`, { schema: { tags, params: PersonParams, body: UpdatePersonSchema, response: { 200: z.object({ data: PersonSchema }) } } }, async (request) => {
    const { orgId, personId } = request.params;
    const data = await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      const person = await updatePerson(tx, orgId, personId, request.body);
      return person ?? staleOrMissing(findPerson(tx, orgId, personId).then(Boolean), 'Personen');
    });
    return { data };
  });
  r.delete(`${base}/persons/:personId`, { schema: { tags, params: PersonParams, querystring: VersionQuery } }, async (request, reply) => {
    const { orgId, personId } = request.params;
    await inOrg(request, orgId, 'data:write', async ({ tx }) => {
      if (!(await deletePerson(tx, orgId, personId, request.query.version))) await staleOrMissing(findPerson(tx, orgId, personId).then(Boolean), 'Personen');
    });
    return reply.code(204).send();
  });
}
