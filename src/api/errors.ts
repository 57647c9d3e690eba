/** Turns every error into application/problem+json with Norwegian text. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { fieldLabel } from '../domain/labels.ts';
import type { FieldError } from '../domain/validation.ts';
import { Problem, conflict, forbidden, invalid, problemBody } from './problem.ts';

/** Unique constraints → the field the user typed and what to tell them. */
const UNIQUE_FIELDS: Record<string, FieldError> = {
  organizations_slug_unique: { field: 'slug', message: 'Kortnavnet er allerede i bruk av en annen organisasjon.' },
  organizations_kommunenummer_unique: { field: 'kommunenummer', message: 'Kommunenummeret er allerede registrert på en annen organisasjon.' },
  users_username_unique: { field: 'username', message: 'Brukernavnet er allerede i bruk.' },
  memberships_org_user: { field: 'username', message: 'Brukeren er allerede medlem av organisasjonen.' },
  cooperation_members_pair: { field: 'memberIds', message: 'Medlemmer kan bare stå én gang.' },
  organization_owners_pair: { field: 'owners', message: 'Eierkommuner kan bare stå én gang.' },
  national_goals_framework_code: { field: 'code', message: 'Koden finnes allerede i dette rammeverket.' },
  plan_revisions_period_number: { field: 'number', message: 'Revisjonsnummeret er allerede i bruk; prøv igjen.' },
  measures_revision_number: { field: 'number', message: 'Nummeret er allerede brukt av et annet tiltak i denne revisjonen.' },
  publications_one_per_org: { field: 'replace', message: 'En annen revisjon ble publisert samtidig; last inn på nytt og prøv igjen.' },
  systems_org_name_unique: { field: 'name', message: 'Et system med dette navnet finnes allerede i organisasjonen.' },
  suppliers_org_name_unique: { field: 'name', message: 'En leverandør med dette navnet finnes allerede i organisasjonen.' },
};

interface PgLikeError {
  code?: string;
  constraint?: string;
}

function pgError(err: unknown): PgLikeError | null {
  let e: unknown = err;
  for (let i = 0; i < 3 && e; i++) {
    if (typeof e === 'object' && e !== null && 'code' in e && typeof (e as PgLikeError).code === 'string' && /^[0-9A-Z]{5}$/.test((e as PgLikeError).code ?? '')) {
      return e as PgLikeError;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Forespørselen inneholder ugyldig JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Forespørselen mangler innhold.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Forespørselen er for stor.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Innholdstypen støttes ikke; send JSON.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Ugyldig innholdslengde.',
};

export function toProblem(err: unknown): Problem {
  if (err instanceof Problem) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = err.validation.map((v) => {
      const path = v.instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      return { field: path.join('.') || '(skjema)', message: `${fieldLabel(path)} ${v.message}` };
    });
    return invalid(errors);
  }
  const pg = pgError(err);
  if (pg?.code === '23505') {
    const field = (pg.constraint && UNIQUE_FIELDS[pg.constraint]) || { field: '(skjema)', message: 'Finnes allerede.' };
    return conflict(field.message, [field]);
  }
  if (pg?.code === '42501') return forbidden();
  if (pg?.code === 'VK001') return conflict('Revisjonen er vedtatt og kan ikke endres. Lag en ny revisjon for å gjøre endringer.');
  if (pg?.code === 'VK002') return conflict('En nyere revisjon av planen er allerede vedtatt. Et eldre utkast kan ikke vedtas etter den.');
  if (pg?.code === 'VK003') return invalid([{ field: 'adoptedDate', message: 'Vedtaksdato passer ikke med planperioden eller med vedtaket av revisjonen som gjelder.' }]);
  if (pg?.code === '23503') return new Problem(400, 'Ugyldige data', 'Posten viser til noe som ikke finnes, eller noe annet viser fortsatt til den.');
  const fe = err as FastifyError;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new Problem(fe.statusCode, 'Ugyldig forespørsel', (fe.code && FASTIFY_MESSAGES[fe.code]) || 'Forespørselen kunne ikke behandles.');
  }
  return new Problem(500, 'Intern feil', 'Noe gikk galt hos oss. Ingenting ble lagret. Prøv igjen, eller kontakt brukerstøtte.');
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const problem = toProblem(err);
    if (problem.status >= 500) request.log.error({ err }, 'request failed');
    for (const [k, v] of Object.entries(problem.headers)) reply.header(k, v);
    return reply.status(problem.status).type('application/problem+json').send(problemBody(problem));
  });
}
