/**
 * Conditional requests and the response cache (issue 20) for the list and detail reads in
 * CACHED_ROUTES. A read's key is the user, the access fingerprint, the data versions of every
 * organization whose data the user can be shown (migration 0034: bumped in the same transaction
 * as every write), today's date, the language and the normalized URL. It is the ETag: a matching
 * If-None-Match gets 304, and a cached body is sent as stored (compressed), both without running
 * the route. The session and the versions come from memory (CacheState) when the database's
 * version feed is live; else one statement (veikart_cache_scope) reads them. Only 200 responses
 * of a valid session are stored. A miss runs the route as before: it checks the session and the
 * access again, and its data are at least as new as the key's versions (read before it).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { readCacheScope } from '../db/queries/data-versions.ts';
import { tokenHash } from '../db/queries/identity.ts';
import { ByteLru, CacheState } from './cache-state.ts';

export interface CacheOptions {
  /** VEIKART_CACHE=on|off (default on). */
  readonly enabled: boolean;
  /** VEIKART_CACHE_MAX_BYTES (default 64 MB): the bound of the stored bodies. */
  readonly maxBytes: number;
}

export const DEFAULT_CACHE_MAX_BYTES = 64 * 1024 * 1024;

/** The cache settings from the environment (read by main.ts; routes read no process.env). */
export function cacheOptionsFromEnv(env: NodeJS.ProcessEnv): CacheOptions {
  const bytes = Number.parseInt(env.VEIKART_CACHE_MAX_BYTES ?? '', 10);
  return { enabled: env.VEIKART_CACHE !== 'off', maxBytes: Number.isFinite(bytes) && bytes > 0 ? bytes : DEFAULT_CACHE_MAX_BYTES };
}

/**
 * The reads that may be answered from the cache: JSON lists and details whose rows row-level
 * security limits to the user's organizations, their IKS owners, cooperation partners and shared
 * systems' hosts and members (the organizations veikart_cache_scope versions). Left out: exports
 * and documents (large, streamed), the audit log, and reads that show data of organizations
 * outside that set (who else uses a product, share candidates, the directory, statistics about us).
 */
export const CACHED_ROUTES: ReadonlySet<string> = new Set([
  '/api/v1/organizations',
  '/api/v1/organizations/:orgId',
  '/api/v1/search',
  ...[
    'sites',
    'sites/:siteId',
    'systems',
    'systems/:systemId',
    'system-matrix',
    'support',
    'suppliers',
    'contracts',
    'persons',
    'integrations',
    'portfolio',
    'data-quality',
    'members',
    'plans',
    'revisions/:revisionId',
    'revisions/:revisionId/actionplan',
    'risks',
    'risks/:riskId',
    'assets',
    'assets/:assetId',
  ].map((path) => `/api/v1/organizations/:orgId/${path}`),
]);

interface Stored {
  readonly body: Buffer;
  readonly type: string;
  readonly encoding: string | undefined;
  readonly size: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The response cache's key and ETag for this read, when it may be stored. */
    cacheEntry: { key: string; etag: string } | null;
  }
}

/** The URL with its query parameters in one order, so the same question has one key. */
function normalizedUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  params.sort();
  const query = params.toString();
  return query === '' ? url.slice(0, q) : `${url.slice(0, q)}?${query}`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === etag.slice(2);
  });
}

export function registerResponseCache(app: FastifyInstance, database: Database, options: CacheOptions): void {
  const feed = database.onVersions && database.versionsLive ? { on: database.onVersions, live: database.versionsLive } : null;
  if (!options.enabled || !feed) return;
  const lookupDb = database.quiet ?? database.db;
  const state = new CacheState();
  const bodies = new ByteLru<Stored>(options.maxBytes);
  const unsubscribe = feed.on((payload) => state.apply(payload));
  app.addHook('onClose', async () => {
    unsubscribe();
    bodies.clear();
  });
  app.decorateRequest('cacheEntry', null);

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' || !request.sessionToken || !CACHED_ROUTES.has(request.routeOptions.url ?? '')) return;
    const hash = tokenHash(request.sessionToken);
    let known = feed.live() ? state.lookup(hash, Date.now()) : null;
    if (!known) {
      const mark = state.mark();
      const scope = await readCacheScope(lookupDb, hash);
      // No valid session: the route answers (401) as it always does.
      if (!scope) return;
      if (feed.live()) state.remember(hash, scope, mark);
      known = { scope, versions: scope.versions.map(Number) };
    }
    const { scope, versions } = known;
    const parts = [
      scope.userId,
      scope.access,
      scope.orgs.map((org, i) => `${org}:${versions[i]}`).join(','),
      app.ctx.today(),
      request.headers['accept-language'] ?? '',
      normalizedUrl(request.url),
    ];
    const digest = createHash('sha256').update(parts.join('\n')).digest('base64url');
    const etag = `W/"${digest}"`;
    reply.header('cache-control', 'private, no-cache');
    reply.header('vary', 'Accept-Encoding, Accept-Language, Cookie');
    if (matches(request.headers['if-none-match'], etag)) {
      reply.header('etag', etag);
      return reply.code(304).send();
    }
    const key = `${digest}|${request.headers['accept-encoding'] ?? ''}`;
    const hit = bodies.get(key);
    if (hit) {
      reply.header('etag', etag).header('content-type', hit.type);
      if (hit.encoding) reply.header('content-encoding', hit.encoding);
      return reply.code(200).send(hit.body);
    }
    request.cacheEntry = { key, etag };
    return undefined;
  });

  // After @fastify/compress's onSend (registered earlier), so the stored body is the compressed one.
  app.addHook('onSend', async (request, reply, payload) => {
    const entry = request.cacheEntry;
    if (!entry || reply.statusCode !== 200) return payload;
    reply.header('etag', entry.etag);
    if (reply.hasHeader('set-cookie')) return payload;
    const body = Buffer.isBuffer(payload) ? payload : typeof payload === 'string' ? Buffer.from(payload) : null;
    if (body) {
      const encoding = reply.getHeader('content-encoding');
      bodies.set(entry.key, {
        body,
        type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
        encoding: typeof encoding === 'string' && encoding !== 'identity' ? encoding : undefined,
        size: body.length + entry.key.length * 2 + 200,
      });
    }
    return payload;
  });
}
