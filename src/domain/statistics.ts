/**
 * Statistics (måltall): metrics per organization (name, optional unit and description) and their
 * values per subject (an owner kommune, or the organization itself), year and optional month.
 * Values are whole numbers (Feide log-ins, letters, cases, accounts): `57.598`, `57 598` and `57598`
 * all read as 57 598. How a cell names a kommune (`matchSubject`) is declared here once and used by
 * every import (statistics, cost pools).
 */
import { z } from 'zod';
import { findKommune } from './kommuner.ts';
import { add } from './money.ts';
import { optionalText, requiredText } from './validation.ts';

export const MetricInputSchema = z.object({
  name: requiredText(200),
  unit: optionalText(40),
  description: optionalText(2000),
});
export type MetricInput = z.infer<typeof MetricInputSchema>;

/** A change of a metric's name, unit or description; `version` guards against a lost update. */
export const UpdateMetricSchema = MetricInputSchema.partial().extend({ version: z.int().min(1) });
export type UpdateMetric = z.infer<typeof UpdateMetricSchema>;

/** What still uses a metric (a metric is deleted only when nothing does). */
export interface MetricUsage {
  values: number;
  pools: number;
}

/** Why a metric cannot be deleted, in bokmål (the API's language), or null when it can. */
export function metricInUse(name: string, usage: MetricUsage): string | null {
  const parts: string[] = [];
  if (usage.values > 0) parts.push(`${usage.values} ${usage.values === 1 ? 'verdi' : 'verdier'}`);
  if (usage.pools > 0) parts.push(`${usage.pools} ${usage.pools === 1 ? 'fordeling' : 'fordelinger'}`);
  if (parts.length === 0) return null;
  return `Måltallet «${name}» brukes av ${parts.join(' og ')} og kan derfor ikke slettes.`;
}

export const MetricSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  unit: z.string().nullable(),
  description: z.string().nullable(),
  version: z.int(),
});
export type Metric = z.infer<typeof MetricSchema>;

/** The largest value a statistic holds (PostgreSQL bigint, and exact in JavaScript). */
export const MAX_STATISTIC = Number.MAX_SAFE_INTEGER;

/** `57.598`, `57 598`, `57598`, `−12` → the whole number; null when the text is not one. */
export function parseStatistic(text: string): number | null {
  let t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  let negative = false;
  if (/^[-−–]/.test(t)) {
    negative = true;
    t = t.slice(1);
  }
  if (/^\d{1,3}([.,]\d{3})+$/.test(t) && !/^\d{1,3}([.,]\d{3})*[.,]\d{1,2}$/.test(t)) t = t.replace(/[.,]/g, '');
  if (/^\d+,0+$/.test(t)) t = t.replace(/,0+$/, '');
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  if (!Number.isSafeInteger(n)) return null;
  return negative ? -n : n;
}

/** Who a statistics row may be about: the organization's owners and the organization itself. */
export interface Subject {
  organizationId: string;
  name: string;
  slug: string;
  kommunenummer: string | null;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/^(kommune|kommunen)\s+/, '')
    .replace(/\s+(kommune|kommunen|kommune iks)$/, '')
    .trim();
}

/** Every name a subject answers to: its number, slug, name, official kommune name and each part of a double name. */
function namesOf(s: Subject): string[] {
  const names = [s.kommunenummer ?? '', s.slug, s.name];
  const official = s.kommunenummer ? findKommune(s.kommunenummer)?.navn : undefined;
  for (const full of [s.name, official ?? '']) {
    const base = normalise(full);
    names.push(base);
    for (const part of base.split(/\s+[-–]\s+/)) names.push(part);
  }
  return [...new Set(names.map(normalise).filter((n) => n !== ''))];
}

/**
 * Finds the subject a cell names: a kommunenummer, a slug or name, or a kommune's name with or
 * without "kommune", including either part of a double name ("Snåsa" → "Snåase - Snåsa kommune").
 */
export function subjectMatcher(subjects: readonly Subject[]): (text: string) => Subject | null {
  const index = new Map<string, Subject | null>();
  for (const s of subjects) {
    for (const n of namesOf(s)) {
      const known = index.get(n);
      // A name two subjects answer to matches neither.
      index.set(n, known === undefined || known === s ? s : null);
    }
  }
  return (text: string) => {
    const key = normalise(text);
    return key === '' ? null : (index.get(key) ?? null);
  };
}

/** A row whose first cell is `Totalt` or `Sum` holds printed totals. */
export function isTotalLabel(text: string): boolean {
  return /^(totalt|total|sum|sum totalt|i alt)$/i.test(text.trim().replace(/:$/, ''));
}

// ------------------------------------------------------------------ what the pages read

export const StatisticsYearSchema = z.object({
  year: z.int(),
  /** Every year with any value, ascending, for the year picker and the line charts. */
  years: z.array(z.int()),
  metrics: z.array(MetricSchema),
  subjects: z.array(z.object({ organizationId: z.uuid(), name: z.string(), kommunenummer: z.string().nullable() })),
  /** The year's yearly values (month null): one entry per subject and metric that has a value. */
  values: z.array(z.object({ metricId: z.uuid(), subjectId: z.uuid(), value: z.number() })),
  /** Per metric, the sum over subjects for the year (derived). */
  totals: z.array(z.object({ metricId: z.uuid(), total: z.number().nullable() })),
  /** Every year's yearly values, for the line per kommune over years. */
  history: z.array(z.object({ metricId: z.uuid(), subjectId: z.uuid(), year: z.int(), value: z.number() })),
  /** The year's monthly values (month 1–12), for the month charts. */
  months: z.array(z.object({ metricId: z.uuid(), subjectId: z.uuid(), month: z.int().min(1).max(12), value: z.number() })),
});
export type StatisticsYear = z.infer<typeof StatisticsYearSchema>;

export const yearSchema = z.coerce
  .number({ error: 'må være et årstall' })
  .int({ error: 'må være et årstall' })
  .min(1900, { error: 'må være mellom 1900 og 2200' })
  .max(2200, { error: 'må være mellom 1900 og 2200' });

// ------------------------------------------------------------------ monthly series

/** Month abbreviations, the same in bokmål and nynorsk (jan–des). */
export const MONTH_ABBREVIATIONS = ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'] as const;

export interface MonthSeries {
  /** One row per subject with any monthly value: the twelve months (null when none) and the sum of the months it has. */
  rows: { subjectId: string; name: string; values: (number | null)[]; total: number }[];
  /** Per month, the sum over the rows (null when no row has a value that month). */
  totals: (number | null)[];
  /** The sum of every monthly value of the year. */
  total: number;
}

/** A metric's monthly series of the year, per subject and summed; null when the metric has no monthly value. */
export function monthSeries(s: Pick<StatisticsYear, 'subjects' | 'months'>, metricId: string): MonthSeries | null {
  const own = s.months.filter((v) => v.metricId === metricId);
  if (own.length === 0) return null;
  const rows = s.subjects
    .filter((sub) => own.some((v) => v.subjectId === sub.organizationId))
    .map((sub) => {
      const values = MONTH_ABBREVIATIONS.map((_, i) => own.find((v) => v.subjectId === sub.organizationId && v.month === i + 1)?.value ?? null);
      return { subjectId: sub.organizationId, name: sub.name, values, total: values.reduce<number>((sum, v) => add(sum, v ?? 0), 0) };
    });
  const totals = MONTH_ABBREVIATIONS.map((_, i) => {
    const present = rows.map((r) => r.values[i]).filter((v): v is number => v !== null && v !== undefined);
    return present.length === 0 ? null : present.reduce((sum, v) => add(sum, v), 0);
  });
  return { rows, totals, total: rows.reduce((sum, r) => add(sum, r.total), 0) };
}
