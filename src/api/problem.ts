/** Errors as RFC 9457 `application/problem+json`, with Norwegian text. */
import type { FieldError } from '../domain/validation.ts';

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

export const unauthorized = (detail = 'Du må logge inn.'): Problem => new Problem(401, 'Ikke innlogget', detail);
export const forbidden = (detail = 'Du har ikke tilgang til dette.'): Problem => new Problem(403, 'Ingen tilgang', detail);
export const notFound = (what = 'Ressursen'): Problem => new Problem(404, 'Finnes ikke', `${what} finnes ikke, eller du har ikke tilgang til den.`);
export const staleVersion = (what = 'Posten'): Problem =>
  new Problem(
    409,
    'Endret av noen andre',
    `${what} er endret av noen andre siden du åpnet den. Last inn på nytt for å se endringene; ingenting ble lagret.`,
  );
export const invalid = (errors: FieldError[]): Problem =>
  new Problem(400, 'Ugyldige data', errors.map((e) => (/[.!?]$/.test(e.message) ? e.message : `${e.message}.`)).join(' '), errors);
export const conflict = (detail: string, errors?: FieldError[]): Problem => new Problem(409, 'Konflikt', detail, errors);

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
