/**
 * Compares two revisions of a plan: measures matched by lineage (a copy keeps the lineage of its
 * original), reported as added, removed or changed, with per-year amount differences per kind.
 */
import { subtract, type Kroner } from './money.ts';
import { totalsOf, type CostKind, type CostLineLike } from './plan-totals.ts';

export interface ComparableMeasure {
  readonly lineageId: string;
  readonly number: string | null;
  readonly title: string;
  readonly description: string | null;
  readonly responsible: string | null;
  readonly status: string;
  readonly priority: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly focusAreaTitle: string | null;
  readonly lines: readonly CostLineLike[];
}

export const COMPARED_FIELDS = ['number', 'title', 'description', 'responsible', 'status', 'priority', 'startDate', 'endDate', 'focusAreaTitle'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface AmountDelta {
  readonly kind: CostKind;
  readonly year: number;
  readonly before: Kroner;
  readonly after: Kroner;
  readonly delta: Kroner;
}

export interface MeasureChange {
  readonly lineageId: string;
  readonly title: string;
  readonly fields: Array<{ field: ComparedField; before: string | null; after: string | null }>;
  readonly amounts: AmountDelta[];
}

export interface RevisionComparison {
  readonly added: Array<{ lineageId: string; title: string; total: Kroner }>;
  readonly removed: Array<{ lineageId: string; title: string; total: Kroner }>;
  readonly changed: MeasureChange[];
  /** Per kind and year over the whole plan: before, after and difference. */
  readonly totals: AmountDelta[];
}

function amountDeltas(before: readonly CostLineLike[], after: readonly CostLineLike[]): AmountDelta[] {
  const years = [...new Set([...before, ...after].map((l) => l.year))].sort();
  const a = totalsOf(before, years);
  const b = totalsOf(after, years);
  const out: AmountDelta[] = [];
  for (const kind of ['invest', 'drift'] as const) {
    for (const year of years) {
      const x = a.byYear[kind][year] ?? (0 as Kroner);
      const y = b.byYear[kind][year] ?? (0 as Kroner);
      if (x !== y) out.push({ kind, year, before: x, after: y, delta: subtract(y, x) });
    }
  }
  return out;
}

export function compareRevisions(before: readonly ComparableMeasure[], after: readonly ComparableMeasure[]): RevisionComparison {
  const old = new Map(before.map((m) => [m.lineageId, m]));
  const now = new Map(after.map((m) => [m.lineageId, m]));
  const added = after.filter((m) => !old.has(m.lineageId)).map((m) => ({ lineageId: m.lineageId, title: m.title, total: totalsOf(m.lines, []).total }));
  const removed = before.filter((m) => !now.has(m.lineageId)).map((m) => ({ lineageId: m.lineageId, title: m.title, total: totalsOf(m.lines, []).total }));
  const changed: MeasureChange[] = [];
  for (const m of after) {
    const o = old.get(m.lineageId);
    if (!o) continue;
    const fields = COMPARED_FIELDS.filter((f) => (o[f] ?? null) !== (m[f] ?? null)).map((f) => ({ field: f, before: o[f] ?? null, after: m[f] ?? null }));
    const amounts = amountDeltas(o.lines, m.lines);
    if (fields.length > 0 || amounts.length > 0) changed.push({ lineageId: m.lineageId, title: m.title, fields, amounts });
  }
  return { added, removed, changed, totals: amountDeltas(before.flatMap((m) => m.lines), after.flatMap((m) => m.lines)) };
}
