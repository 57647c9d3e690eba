/**
 * Norwegian validation messages. Every message is a predicate ("må fylles ut") that follows the
 * field's label: "Kommunenummer må være fire sifre". Schemas give their own where it matters;
 * this map covers the rest (wrong type, missing field, unknown field).
 */
import { z } from 'zod';
import { fieldLabel } from './labels.ts';

const TYPE_NAMES: Record<string, string> = {
  string: 'tekst',
  number: 'et tall',
  int: 'et heltall',
  boolean: 'ja/nei',
  array: 'en liste',
  object: 'et objekt',
  date: 'en dato',
};

type RawIssue = z.core.$ZodRawIssue;

export function norwegianMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'må fylles ut';
      return `må være ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'må fylles ut' : `må ha minst ${issue.minimum} tegn`;
      if (issue.origin === 'array') return `må ha minst ${issue.minimum} element`;
      return `må være minst ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `kan ha høyst ${issue.maximum} tegn`;
      if (issue.origin === 'array') return `kan ha høyst ${issue.maximum} elementer`;
      return `kan være høyst ${issue.maximum}`;
    case 'invalid_value':
      return `må være en av: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return 'har ugyldig format';
    case 'unrecognized_keys':
      return `har ukjente felt: ${issue.keys.join(', ')}`;
    default:
      return 'er ugyldig';
  }
}

z.config({ customError: (issue) => norwegianMessage(issue) });

export interface FieldError {
  /** Dotted path of the input field, e.g. `kommunenummer` or `owners.0.staffAccess`. */
  readonly field: string;
  /** Whole Norwegian sentence naming the field. */
  readonly message: string;
}

export function fieldErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldError[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(skjema)',
    message: `${fieldLabel(issue.path)} ${issue.message}`,
  }));
}

// ------------------------------------------------------------------ shared field schemas

/** PostgreSQL `text` cannot hold U+0000, so no text field may contain it. */
export const NUL_MESSAGE = 'inneholder et ugyldig tegn (NUL)';
const hasNoNul = (s: string): boolean => !s.includes('\u0000');

/** True when the text can be stored: it holds no NUL (U+0000). For importers that read cells. */
export function storableText(s: string): boolean {
  return hasNoNul(s);
}

/**
 * A required text a person types: trimmed, at least one character, at most `max`, no NUL.
 * `missing` replaces «må fylles ut» where the field deserves a hint.
 */
export function requiredText(max: number, options: { missing?: string } = {}) {
  const missing = options.missing ?? 'må fylles ut';
  return z
    .string({ error: 'må fylles ut' })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `kan ha høyst ${max} tegn` })
    .refine(hasNoNul, { error: NUL_MESSAGE });
}

/**
 * An optional text: trimmed, at most `max` characters, no NUL; empty becomes null, and the field
 * may be left out or null. `check` adds a rule for non-empty text (e.g. an e-mail address).
 */
export function optionalText(max: number, check?: { test: (s: string) => boolean; message: string }) {
  let s = z
    .string()
    .trim()
    .max(max, { error: `kan ha høyst ${max} tegn` })
    .refine(hasNoNul, { error: NUL_MESSAGE });
  if (check) s = s.refine((v) => v === '' || check.test(v), { error: check.message });
  return s.transform((v) => (v === '' ? null : v)).nullish();
}

/**
 * Dates must lie within 1900–2200. Nothing the app records (contracts, measures, decisions,
 * planned ends) is older than 1900 or planned beyond 2200, and the range keeps every date a
 * four-digit year PostgreSQL stores (year 0000 does not exist there).
 */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2200-12-31';
/** The range in the form the user types it, for messages. */
export const DATE_RANGE_MESSAGE = 'må være mellom 01.01.1900 og 31.12.2200';

/** A calendar date `YYYY-MM-DD` within MIN_DATE … MAX_DATE. */
export const dateSchema = z.iso
  .date({ error: 'må være en dato (ÅÅÅÅ-MM-DD)' })
  .refine((d) => d >= MIN_DATE && d <= MAX_DATE, { error: DATE_RANGE_MESSAGE });

/** Versions are PostgreSQL `integer`: 1 … 2³¹ − 1. */
export const MAX_VERSION = 2 ** 31 - 1;
export const versionSchema = z
  .int()
  .min(1, { error: 'må være minst 1' })
  .max(MAX_VERSION, { error: 'kan være høyst 2 147 483 647' });
