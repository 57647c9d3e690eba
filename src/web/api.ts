/** Thin JSON client for the Veikart API: `{ data }` envelopes, problem+json errors, CSRF header; Accept-Language is the interface language, so errors come in it. */
import { labelLanguage } from './labels.ts';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an authenticated request gets 401 (the session has ended). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toProblem(status: number, body: unknown): Problem {
  if (!isRecord(body)) return { status };
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(isRecord).map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }))
    : undefined;
  return {
    status,
    type: typeof body.type === 'string' ? body.type : undefined,
    title: typeof body.title === 'string' ? body.title : undefined,
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    errors,
  };
}

export interface RequestOptions {
  /** Skip the global 401 handler (login and session probing handle 401 themselves). */
  readonly allowUnauthorized?: boolean;
  /** Return the whole body instead of its `data` (for lists with a `total` beside `data`). */
  readonly envelope?: boolean;
}

export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': labelLanguage() };
  let payload: string | undefined;
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body ?? {});
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { status: 0 });
  }
  return readResponse<T>(response, options);
}

async function readResponse<T>(response: Response, options: RequestOptions): Promise<T> {
  if (response.status === 204) return undefined as T;
  let parsed: unknown = null;
  const text = await response.text();
  if (text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && !options.allowUnauthorized) onUnauthorized?.();
    throw new ApiError(response.status, toProblem(response.status, parsed));
  }
  if (isRecord(parsed) && 'data' in parsed && !options.envelope) return parsed.data as T;
  return parsed as T;
}

/**
 * POSTs raw bytes (a file) as `application/octet-stream` with the CSRF header; the answer is handled like
 * any JSON request (`{ data }`, problem+json → ApiError).
 */
export async function postBytes<T>(path: string, bytes: Blob | ArrayBuffer): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': labelLanguage(), 'content-type': 'application/octet-stream' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, body: bytes, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { status: 0 });
  }
  return readResponse<T>(response, {});
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path, {}),
};

export function orgPath(orgId: string, rest = ''): string {
  return `/api/v1/organizations/${encodeURIComponent(orgId)}${rest}`;
}
