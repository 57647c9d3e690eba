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
