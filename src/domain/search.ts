/**
 * The global search in the header: what it finds and where each hit opens. Pure; the query is
 * src/db/queries/search.ts, the route src/api/routes/search.ts.
 */
import { z } from 'zod';
import { uuid } from './organization.ts';
import { NUL_MESSAGE, storableText } from './validation.ts';

export const SEARCH_TYPES = ['system', 'person', 'supplier', 'contract', 'measure', 'site'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Hits per type and request. */
export const SEARCH_LIMIT_PER_TYPE = 8;
export const SEARCH_MIN_LENGTH = 2;

export const SearchQuerySchema = z.object({
  q: z
    .string({ error: 'må fylles ut' })
    .trim()
    .min(SEARCH_MIN_LENGTH, { error: `må ha minst ${SEARCH_MIN_LENGTH} tegn` })
    .max(100, { error: 'kan ha høyst 100 tegn' })
    .refine(storableText, { error: NUL_MESSAGE }),
});

export const SearchHitSchema = z.object({
  type: z.enum(SEARCH_TYPES),
  id: uuid,
  name: z.string(),
  /** A short second line: the vendor of a system, a person's title, a contract's system, a measure's number. */
  detail: z.string().nullable(),
  organizationId: uuid,
  organizationName: z.string(),
  organizationSlug: z.string(),
  /** The web route that opens the hit. */
  path: z.string(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

/**
 * The search text as a LIKE prefix pattern (`\` escapes `%`, `_` and `\`), lower-cased as
 * PostgreSQL's lower() does for Norwegian letters.
 */
export function likePrefix(q: string): string {
  return `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The search text as a regular expression matching at the start of any word (ARE syntax, all metacharacters escaped). */
export function wordStartPattern(q: string): string {
  return `\\m${q.toLowerCase().replace(/[\\^$.|?*+()[\]{}]/g, (c) => `\\${c}`)}`;
}

/** Where a hit opens in the web app. `revisionId` is the measure's revision. */
export function searchPath(type: SearchType, slug: string, id: string, name: string, revisionId: string | null): string {
  const base = `/o/${encodeURIComponent(slug)}`;
  const q = `?q=${encodeURIComponent(name)}`;
  switch (type) {
    case 'system':
      return `${base}/systemer/${id}`;
    case 'person':
      return `${base}/personer${q}`;
    case 'supplier':
      return `${base}/leverandorer${q}`;
    case 'contract':
      return `${base}/avtaler${q}`;
    case 'measure':
      return revisionId ? `${base}/plan/r/${revisionId}/tiltak/${id}` : `${base}/plan`;
    case 'site':
      return `${base}/lokasjoner${q}`;
  }
}

/**
 * Whether `name` is a hit for `q` by the search's own rule (the name starts with the text, or a word in it does;
 * case-insensitive), so a list opened from a hit shows the rows the search would have found.
 */
export function matchesSearch(name: string, q: string): boolean {
  const text = q.trim().toLowerCase();
  if (text === '') return true;
  const escaped = text.replace(/[\\^$.|?*+()[\]{}]/g, (c) => `\\${c}`);
  return new RegExp(`(^|[^\\p{L}\\p{N}_])${escaped}`, 'u').test(name.toLowerCase());
}
