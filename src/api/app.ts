/** Builds the Fastify application: security headers, sessions, API routes, OpenAPI, and the web app. */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import '../domain/validation.ts';
import { todayInOslo } from '../domain/portfolio-quality.ts';
import type { Database } from '../db/database.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandler, sendProblem } from './errors.ts';
import { Problem, notFound, problemBody } from './problem.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes, registerSessionHooks } from './routes/auth.ts';
import { cooperationRoutes } from './routes/cooperations.ts';
import { memberRoutes } from './routes/members.ts';
import { organizationRoutes } from './routes/organizations.ts';
import { planRoutes } from './routes/plans.ts';
import { planImportRoutes } from './routes/plan-import.ts';
import { healthRoutes } from './routes/health.ts';
import { innsynRoutes } from './routes/innsyn.ts';
import { siteRoutes } from './routes/sites.ts';
import { searchRoutes } from './routes/search.ts';
import { systemRoutes } from './routes/systems.ts';
import { shareRoutes } from './routes/shares.ts';
import { systemRoleRoutes } from './routes/system-roles.ts';
import { personRoutes } from './routes/persons.ts';
import { supplierRoutes } from './routes/suppliers.ts';
import { contractRoutes } from './routes/contracts.ts';
import { integrationRoutes } from './routes/integrations.ts';
import { portfolioViewRoutes } from './routes/portfolio-views.ts';
import { systemImportRoutes } from './routes/systems-import.ts';
import { registerRoutes } from './routes/registers.ts';
import { accountsRoutes } from './routes/accounts.ts';
import { costPoolRoutes } from './routes/cost-pools.ts';
import { statisticsRoutes } from './routes/statistics.ts';
import { annualReportRoutes } from './routes/annual-report.ts';
import { OidcService, type OidcOptions } from './auth/oidc.ts';
import { oidcRoutes } from './routes/oidc.ts';
import { identityProviderRoutes } from './routes/identity-providers.ts';
import { riskRoutes } from './routes/risks.ts';
import { securityDocumentRoutes } from './routes/security-documents.ts';
import { riskFileRoutes } from './routes/risk-files.ts';
import { continuityRoutes } from './routes/continuity.ts';
import { followupRoutes } from './routes/followup.ts';
import { innsynDashboardRoutes } from './routes/innsyn-dashboard.ts';
import { productRoutes } from './routes/products.ts';
import { assetRoutes } from './routes/assets.ts';
import { assetForecastRoutes } from './routes/asset-forecast.ts';
import { DEFAULT_CACHE_MAX_BYTES, registerResponseCache, type CacheOptions } from './response-cache.ts';

export interface AppOptions {
  readonly database: Database;
  /** Built web app (vite build output). Omitted → API only. */
  readonly webDir?: string | undefined;
  /** true, or pino options (a test passes a stream to capture the log). */
  readonly logger?: boolean | { readonly level?: string; readonly stream?: { write(msg: string): void } };
  readonly trustProxy?: boolean;
  /** Today's date (YYYY-MM-DD) for date rules; default the date in Oslo. main.ts pins it with VEIKART_TODAY. */
  readonly today?: () => string;
  /** Sign-in with OpenID Connect (VEIKART_SECRET_KEY and friends, read by main.ts). */
  readonly oidc?: OidcOptions;
  /** The response cache and ETags (VEIKART_CACHE, VEIKART_CACHE_MAX_BYTES, read by main.ts); default on, 64 MB. */
  readonly cache?: CacheOptions;
}

export const DEFAULT_WEB_DIR = join(process.cwd(), 'dist', 'web');

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * Browser features the app never uses, denied to it and to anything embedded in it, so an injected
 * script cannot ask for them either. Only features Chromium knows: it warns in the console about
 * every other name (battery, bluetooth, ambient-light-sensor).
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  // Helmet's security headers, its middleware built once: @fastify/helmet builds it again on every
  // request (parsing the policy each time; 1.5–2.7 % of the server's CPU in a profile of the list).
  const helmetHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    crossOriginEmbedderPolicy: false,
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'same-origin' },
  });
  const securityHeaders = (req: IncomingMessage, res: ServerResponse, done: (err?: Error) => void): void => {
    res.setHeader('permissions-policy', PERMISSIONS_POLICY);
    helmetHeaders(req, res, (err?: unknown) => done(err instanceof Error ? err : undefined));
  };

  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1_048_576,
    // Errors before any route or hook runs, as problems in Norwegian that do not repeat the URL.
    frameworkErrors: frameworkErrors((request, reply) => securityHeaders(request.raw, reply.raw, () => undefined)),
    clientErrorHandler,
  });
  app.decorate('ctx', { db: options.database.db, driver: options.database.driver, today: options.today ?? (() => todayInOslo()) });
  app.setValidatorCompiler(validatorCompiler);
  // Requests are validated by the Zod schemas. Responses are typed by the same schemas at compile
  // time and documented in OpenAPI, but not re-validated at run time: that cost 2.6–3.5 ms per
  // 300-row list (measured), more than the database query.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  registerErrorHandler(app);
  // Until this process has run the migrations (the server listens before it runs them, see
  // main.ts), only /api/health answers; everything else gets 503.
  const starting = new Problem(503, 'Veikart starter', 'Veikart oppdaterer databasen. Prøv igjen om litt.', undefined, { 'retry-after': '5' });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (err) => {
      if (err || options.database.migrated() || request.url.startsWith('/api/health')) done(err);
      else void sendProblem(reply, starting);
    }),
  );
  // Level 3: the 143 KB system list (300 rows) compresses in 0.30 ms instead of 0.53 ms at level 4
  // and 0.79 ms at the default 6, for 6 % (13 %) more bytes; zlib's levels 1–3 use its faster strategy.
  // Responses up to 256 KB (every list and table page) are compressed in one synchronous call
  // (0.1–0.5 ms) instead of through a zlib stream on the threadpool, whose setup and scheduling
  // cost more than the compression on a 2-core machine (CPU profile: ~0.5 ms per response).
  await app.register(fastifyCompress, { threshold: 1024, syncThreshold: 256 * 1024, zlibOptions: { level: 3 } });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Veikart API',
        version: '1.0.0',
        description:
          'IKT-styring for kommuner og IKS. Alle endringer krever en innlogget økt (cookie) og CSRF-nøkkel i `x-csrf-token`. Feil returneres som application/problem+json.',
      },
    },
    transform: jsonSchemaTransform,
  });

  registerSessionHooks(app);
  registerResponseCache(app, options.database, options.cache ?? { enabled: true, maxBytes: DEFAULT_CACHE_MAX_BYTES });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  healthRoutes(app, options.database);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const oidc = new OidcService(options.oidc ?? {});
  authRoutes(app, oidc);
  oidcRoutes(app, oidc);
  identityProviderRoutes(app, oidc);
  organizationRoutes(app);
  memberRoutes(app);
  siteRoutes(app);
  cooperationRoutes(app);
  auditRoutes(app);
  planRoutes(app);
  planImportRoutes(app);
  followupRoutes(app);
  productRoutes(app);
  innsynDashboardRoutes(app);
  innsynRoutes(app);
  // The portfolio, one plugin per noun.
  portfolioViewRoutes(app);
  systemRoutes(app);
  shareRoutes(app);
  systemRoleRoutes(app);
  personRoutes(app);
  supplierRoutes(app);
  contractRoutes(app);
  integrationRoutes(app);
  systemImportRoutes(app);
  registerRoutes(app);
  statisticsRoutes(app);
  accountsRoutes(app);
  costPoolRoutes(app);
  riskRoutes(app);
  securityDocumentRoutes(app);
  riskFileRoutes(app);
  continuityRoutes(app);
  assetRoutes(app);
  assetForecastRoutes(app);
  searchRoutes(app);
  annualReportRoutes(app);

  const webDir = options.webDir;
  const hasWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      // Hashed assets are served by @fastify/static; every other path is a page of the single-page app.
      reply.header('cache-control', 'no-cache');
      return reply.type('text/html').sendFile('index.html', { cacheControl: false });
    }
    const problem = notFound('Adressen');
    return reply.status(404).type('application/problem+json').send(problemBody(problem));
  });

  return app;
}
