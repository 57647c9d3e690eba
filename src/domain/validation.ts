/**
 * Norwegian validation messages. Every message is a predicate ("må fylles ut") that follows the
 * field's label: "Kommunenummer må være fire sifre". Schemas give their own where it matters;
 * this map covers the rest (wrong type, missing field, unknown field).
 */
import { z } from 'zod';
import { fieldLabel } from './labels.ts';
import { message, type MessageId } from './messages.ts';

const TYPES = ['string', 'number', 'int', 'boolean', 'array', 'object', 'date'];

type RawIssue = z.core.$ZodRawIssue;

export function norwegianMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return message('required');
      return TYPES.includes(issue.expected) ? message(`type.${issue.expected}` as MessageId) : message('type.other', { type: issue.expected });
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? message('required') : message('minLength', { min: String(issue.minimum) });
      if (issue.origin === 'array') return message('minItems', { min: String(issue.minimum) });
      return message('minValue', { min: String(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return message('maxLength', { max: String(issue.maximum) });
      if (issue.origin === 'array') return message('maxItems', { max: String(issue.maximum) });
      return message('maxValue', { max: String(issue.maximum) });
    case 'invalid_value':
      return message('oneOf', { values: issue.values.map(String).join(', ') });
    case 'invalid_format':
      return message('badFormat');
    case 'unrecognized_keys':
      return message('unknownKeys', { keys: issue.keys.join(', ') });
    default:
      return message('invalid');
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
export const NUL_MESSAGE = message('nul');
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
  const missing = options.missing ?? message('required');
  return z
    .string({ error: message('required') })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: message('maxLength', { max }) })
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
    .max(max, { error: message('maxLength', { max }) })
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
  .date({ error: message('date') })
  .refine((d) => d >= MIN_DATE && d <= MAX_DATE, { error: DATE_RANGE_MESSAGE });

/** Versions are PostgreSQL `integer`: 1 … 2³¹ − 1. */
export const MAX_VERSION = 2 ** 31 - 1;
export const versionSchema = z
  .int()
  .min(1, { error: message('minValue', { min: 1 }) })
  .max(MAX_VERSION, { error: 'kan være høyst 2 147 483 647' });
