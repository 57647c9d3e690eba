/** Shared parts of the year pages: addresses, the year picker and the labels of bases and keys. */
import { useSearchParams } from 'react-router';
import { Field, Label, Select } from '@digdir/designsystemet-react';
import type { CostPoolBasis, CostShareKey } from '../../../domain/cost-sharing.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';

export const yearUrl = (slug: string, year?: number): string => `/o/${slug}/ar${year ? `?ar=${year}` : ''}`;
export const yearImportUrl = (slug: string, kind: ImportKind, year: number): string => `/o/${slug}/ar/import/${kind}?ar=${year}`;
export const paymentsUrl = (slug: string, year?: number): string => `/o/${slug}/ar/betaling${year ? `?ar=${year}` : ''}`;

export const IMPORT_KINDS = ['statistikk', 'regnskap', 'fordeling'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const BASIS_KEYS: Record<CostPoolBasis, MessageKey> = {
  budget: 'year.basis.budget',
  actual: 'year.basis.actual',
  deviation: 'year.basis.deviation',
  system: 'year.basis.system',
  amount: 'year.basis.amount',
};
export const KEY_KEYS: Record<CostShareKey, MessageKey> = {
  equal: 'year.key.equal',
  fixed: 'year.key.fixed',
  metric: 'year.key.metric',
  users: 'year.key.users',
};

const FIRST_YEAR = 2010;

/** The year in the address (`?ar=2017`), by default last year. */
export function useYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const fallback = new Date().getFullYear() - 1;
  const raw = Number(params.get('ar'));
  const year = Number.isInteger(raw) && raw >= 1900 && raw <= 2200 ? raw : fallback;
  return [year, (y: number) => setParams((p) => ({ ...Object.fromEntries(p), ar: String(y) }), { replace: true })];
}

/** A select of years (from 2010 to next year, plus any with figures). */
export function YearPicker({ id, year, years, onChange }: { id: string; year: number; years?: readonly number[]; onChange: (year: number) => void }) {
  const t = useT();
  const now = new Date().getFullYear();
  const all = new Set<number>([...(years ?? []), year]);
  for (let y = FIRST_YEAR; y <= now + 1; y++) all.add(y);
  return (
    <Field className="form-field year-picker">
      <Label htmlFor={id}>{t('year.picker')}</Label>
      <Select id={id} value={String(year)} onChange={(e) => onChange(Number(e.target.value))}>
        {[...all].sort((a, b) => b - a).map((y) => (
          <Select.Option key={y} value={String(y)}>
            {y}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
