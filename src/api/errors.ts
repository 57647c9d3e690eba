/** Turns every error into application/problem+json with Norwegian text. */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { fieldLabel } from '../domain/labels.ts';
import type { Language } from '../domain/organization.ts';
import { messageInNynorsk } from '../domain/i18n/messages.nn.ts';
import { fieldMessageInNynorsk, message } from '../domain/messages.ts';
import type { FieldError } from '../domain/validation.ts';
import { Problem, conflict, forbidden, invalid, problemBody } from './problem.ts';

/** Unique constraints → the field the user typed and what to tell them. */
const UNIQUE_FIELDS: Record<string, FieldError> = {
  organizations_slug_unique: { field: 'slug', message: 'Kortnavnet er allerede i bruk av en annen organisasjon.' },
  organizations_kommunenummer_unique: { field: 'kommunenummer', message: 'Kommunenummeret er allerede registrert på en annen organisasjon.' },
  users_username_unique: { field: 'username', message: 'Brukernavnet er allerede i bruk.' },
  memberships_org_user: { field: 'username', message: message('unique.member') },
  cooperation_members_pair: { field: 'memberIds', message: message('coop.memberTwice') },
  organization_owners_pair: { field: 'owners', message: message('unique.owner') },
  national_goals_framework_code: { field: 'code', message: message('unique.goalCode') },
  plan_revisions_period_number: { field: 'number', message: message('unique.revisionNumber') },
  measures_revision_number: { field: 'number', message: message('unique.measureNumber') },
  publications_one_per_org: { field: 'replace', message: message('unique.publication') },
  systems_org_name_unique: { field: 'name', message: 'Et system med dette navnet finnes allerede i organisasjonen.' },
  suppliers_org_name_unique: { field: 'name', message: 'En leverandør med dette navnet finnes allerede i organisasjonen.' },
  metrics_org_name: { field: 'name', message: message('unique.metric') },
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

/**
 * Fastify's own errors (body parsing, router), by code: title and detail in Norwegian. Their
 * English messages are never shown, since some repeat the request's URL or content type.
 */
const FASTIFY_ERRORS: Record<string, { title: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { title: 'Ugyldig forespørsel', detail: message('request.invalidJson') },
  FST_ERR_CTP_EMPTY_JSON_BODY: { title: 'Ugyldig forespørsel', detail: message('request.empty') },
  FST_ERR_CTP_BODY_TOO_LARGE: { title: 'For stor forespørsel', detail: message('request.tooLarge') },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { title: 'Innholdstypen støttes ikke', detail: message('request.mediaType') },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { title: 'Ugyldig forespørsel', detail: message('request.contentLength') },
  FST_ERR_CTP_EMPTY_TYPE: { title: 'Innholdstypen støttes ikke', detail: message('request.noType') },
  FST_ERR_CTP_INVALID_TYPE: { title: 'Innholdstypen støttes ikke', detail: message('request.badType') },
  FST_ERR_BAD_URL: { title: 'Ugyldig adresse', detail: message('request.badUrl') },
  FST_ERR_MAX_PARAM_LENGTH: { title: 'For lang adresse', detail: message('request.paramTooLong') },
};

/** Titles of the other 4xx statuses Fastify or Node may give. */
const STATUS_TITLES: Record<number, string> = {
  405: 'Metoden støttes ikke',
  408: 'Tidsavbrudd',
  413: 'For stor forespørsel',
  414: 'For lang adresse',
  415: 'Innholdstypen støttes ikke',
  431: 'For store overskrifter',
};

export function toProblem(err: unknown, language: Language = 'nb'): Problem {
  if (err instanceof Problem) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = err.validation.map((v) => {
      const path = v.instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      return { field: path.join('.') || '(skjema)', message: `${fieldLabel(path, language)} ${v.message}` };
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
  if (pg?.code === 'VK003') return invalid([{ field: 'adoptedDate', message: message('plan.adoptedDateMismatch') }]);
  if (pg?.code === '23503') return new Problem(400, 'Ugyldige data', 'Posten viser til noe som ikke finnes, eller noe annet viser fortsatt til den.');
  const fe = err as FastifyError;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const known = fe.code ? FASTIFY_ERRORS[fe.code] : undefined;
    return new Problem(fe.statusCode, known?.title ?? STATUS_TITLES[fe.statusCode] ?? 'Ugyldig forespørsel', known?.detail ?? 'Forespørselen kunne ikke behandles.');
  }
  return new Problem(500, message('serverErrorTitle'), message('serverError'));
}

/**
 * The language of the request's user: the web sends its interface language (the user's own choice,
 * else the organization's) as Accept-Language; other clients may too. Bokmål otherwise.
 */
export function requestLanguage(request: Pick<FastifyRequest, 'headers'>): Language {
  const header = request.headers['accept-language'];
  return typeof header === 'string' && /^\s*nn\b/i.test(header) ? 'nn' : 'nb';
}

/** The problem's texts in the language: nynorsk through the message table (src/domain/i18n/messages.nn.ts). */
function inLanguage(problem: Problem, language: Language): ReturnType<typeof problemBody> {
  const body = problemBody(problem);
  if (language === 'nb') return body;
  const errors = body.errors?.map((e) => ({ ...e, message: fieldMessageInNynorsk(e.field, e.message) }));
  // The detail of invalid data is its field messages in a row (problem.ts `invalid`): written again from the nynorsk ones.
  const sentences = (list: ReadonlyArray<{ message: string }>) => list.map((e) => (/[.!?]$/.test(e.message) ? e.message : `${e.message}.`)).join(' ');
  const detail = body.errors && errors && body.detail === sentences(body.errors) ? sentences(errors) : messageInNynorsk(body.detail);
  return { ...body, title: messageInNynorsk(body.title), detail, ...(errors === undefined ? {} : { errors }) };
}

export function sendProblem(reply: FastifyReply, problem: Problem, language: Language = 'nb'): FastifyReply {
  for (const [k, v] of Object.entries(problem.headers)) reply.header(k, v);
  return reply.status(problem.status).type('application/problem+json').send(inLanguage(problem, language));
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const language = requestLanguage(request);
    const problem = toProblem(err, language);
    if (problem.status >= 500) request.log.error({ err }, 'request failed');
    return sendProblem(reply, problem, language);
  });
}

/**
 * Fastify's `frameworkErrors`: errors the router meets before any route or hook runs (a URL that
 * does not decode, a path parameter over `maxParamLength`). `headers` sets the security headers,
 * which the onRequest hook never gets to set for these.
 */
export function frameworkErrors(headers: (request: FastifyRequest, reply: FastifyReply) => void) {
  return (err: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    headers(request, reply);
    void sendProblem(reply, toProblem(err, requestLanguage(request)), requestLanguage(request));
  };
}

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser refuses before Fastify sees them (a
 * request line or headers over Node's 16 KB limit, malformed HTTP, a client timeout). It answers on
 * the raw socket, as the default does, with a problem in Norwegian, and closes the connection.
 */
/** Node counts the request line into its header limit: a first line without its end in the 8 KB received so far is a URL too long. */
function requestLineTooLong(err: NodeJS.ErrnoException): boolean {
  const raw = (err as { rawPacket?: unknown }).rawPacket;
  if (!Buffer.isBuffer(raw)) return false;
  const end = raw.indexOf('\r\n');
  return end === -1 ? raw.length >= 8192 : end >= 8192;
}

export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const problem =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? new Problem(408, 'Tidsavbrudd', 'Forespørselen kom ikke fram i tide. Prøv igjen.')
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? requestLineTooLong(err)
          ? new Problem(414, 'For lang adresse', 'Adressen er for lang.')
          : new Problem(431, 'For store overskrifter', 'Overskriftene i forespørselen er for store.')
        : new Problem(400, 'Ugyldig forespørsel', 'Forespørselen kunne ikke leses.');
  const body = JSON.stringify(problemBody(problem));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n" +
        'Cache-Control: no-store\r\n' +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
