/** Shared by the follow-up parts of the web: the API path, value parsing and display per benefit kind. */
import { formatTenths, parseTenths, type BenefitKind } from '../../../domain/benefit.ts';
import { formatKroner, parseKroner } from '../../../domain/money.ts';
import { orgPath } from '../../api.ts';

export const followupPath = (orgId: string, revisionId: string, rest = '') => orgPath(orgId, `/revisions/${revisionId}${rest}`);

/** A value as typed → its stored whole number (kroner, tenths of an hour, or the unit itself); null when empty; the text when wrong. */
export function parseValue(kind: BenefitKind, text: string): number | null | string {
  const t = text.trim();
  if (t === '') return null;
  if (kind === 'economic') return parseKroner(t) ?? text;
  if (kind === 'time') return parseTenths(t) ?? text;
  const n = t.replace(/[\s\u00a0]/g, '').replace('−', '-');
  return /^-?\d+$/.test(n) ? Number(n) : text;
}

export function formatValue(kind: BenefitKind, value: number | null | undefined, unit: string | null = null): string {
  if (value === null || value === undefined) return '–';
  if (kind === 'economic') return formatKroner(value);
  if (kind === 'time') return `${formatTenths(value)} t`;
  return `${new Intl.NumberFormat('nb-NO').format(value).replace(/\s/g, '\u00a0')}${unit ? ` ${unit}` : ''}`;
}

/** The value as it stands in an input (no unit). */
export function inputValue(kind: BenefitKind, value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return kind === 'time' ? formatTenths(value) : String(value);
}
