/** Benefit changes between two revisions, matched by lineage (a copied benefit keeps its lineage). */
import { z } from 'zod';
import type { Benefit } from './benefit.ts';

export const BENEFIT_COMPARED = ['kind', 'indicator', 'unit', 'baseline', 'owner', 'disposition', 'targets'] as const;

export const BenefitChangeSchema = z.object({
  change: z.enum(['added', 'removed', 'changed']),
  lineageId: z.uuid(),
  indicator: z.string(),
  measureTitle: z.string().nullable(),
  fields: z.array(z.object({ field: z.enum(BENEFIT_COMPARED), before: z.string().nullable(), after: z.string().nullable() })),
});
export type BenefitChange = z.infer<typeof BenefitChangeSchema>;

type Comparable = Pick<Benefit, 'lineageId' | 'measureId' | 'kind' | 'indicator' | 'unit' | 'baseline' | 'owner' | 'disposition' | 'targets'>;

function text(b: Comparable, field: (typeof BENEFIT_COMPARED)[number]): string | null {
  if (field === 'targets') return b.targets.length === 0 ? null : [...b.targets].sort((x, y) => x.year - y.year).map((t) => `${t.year}: ${t.value}`).join(', ');
  const v = b[field];
  return v === null || v === undefined ? null : String(v);
}

export function compareBenefits(before: readonly Comparable[], after: readonly Comparable[], measures: ReadonlyArray<{ id: string; title: string }>): BenefitChange[] {
  const title = (b: Comparable) => measures.find((m) => m.id === b.measureId)?.title ?? null;
  const old = new Map(before.map((b) => [b.lineageId, b]));
  const now = new Set(after.map((b) => b.lineageId));
  const out: BenefitChange[] = [];
  for (const b of after) {
    const o = old.get(b.lineageId);
    if (!o) {
      out.push({ change: 'added', lineageId: b.lineageId, indicator: b.indicator, measureTitle: title(b), fields: [] });
      continue;
    }
    const fields = BENEFIT_COMPARED.map((f) => ({ field: f, before: text(o, f), after: text(b, f) })).filter((f) => f.before !== f.after);
    if (fields.length > 0) out.push({ change: 'changed', lineageId: b.lineageId, indicator: b.indicator, measureTitle: title(b), fields });
  }
  for (const o of before) if (!now.has(o.lineageId)) out.push({ change: 'removed', lineageId: o.lineageId, indicator: o.indicator, measureTitle: null, fields: [] });
  return out;
}
