/** Errors as RFC 9457 `application/problem+json`, with Norwegian text. */
import type { FieldError } from '../domain/validation.ts';
import { message } from '../domain/messages.ts';

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'Problem';
  }
}

// Texts from the message catalogue (src/domain/i18n/messages.nb.ts); errors.ts writes them in nynorsk for nynorsk users.
export const unauthorized = (detail = message('mustLogIn')): Problem => new Problem(401, message('notLoggedInTitle'), detail);
export const forbidden = (detail = message('forbidden')): Problem => new Problem(403, message('forbiddenTitle'), detail);
export const notFound = (what = 'Ressursen'): Problem => new Problem(404, message('notFoundTitle'), message('notFound', { what }));
export const staleVersion = (what = 'Posten'): Problem => new Problem(409, message('staleTitle'), message('stale', { what }));
export const invalid = (errors: FieldError[]): Problem =>
  new Problem(400, message('invalidTitle'), errors.map((e) => (/[.!?]$/.test(e.message) ? e.message : `${e.message}.`)).join(' '), errors);
export const conflict = (detail: string, errors?: FieldError[]): Problem => new Problem(409, message('conflictTitle'), detail, errors);

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export function problemBody(p: Problem): ProblemBody {
  return {
    type: `urn:veikart:problem:${p.status}`,
    title: p.title,
    status: p.status,
    detail: p.detail,
    ...(p.errors ? { errors: p.errors } : {}),
  };
}
