/** The action plan (handlingsplan) part of the plan document. */
import type { Measure } from '../../domain/plan.ts';
import type { CostKind } from '../../domain/plan-totals.ts';
import { COST_KINDS } from '../../domain/plan-totals.ts';
import { formatKroner } from '../../domain/money.ts';
import type { BuildContext } from './context.ts';
import type { Block, DocRow, DocTable } from './model.ts';
import { amountAt, dash, EN_DASH } from './helpers.ts';

/** The action plan section (landscape): one table per cost kind, measures by focus area and year. */
export function actionPlanSection(ctx: BuildContext): Block[] {
  const { revision, s, heading, caption, years, periodText, areas, measuresByArea, orphanMeasures } = ctx;
  const groups: Array<{ title: string | null; areaKey: string; measures: Measure[] }> = [
    ...areas.map((a) => ({ title: a.title, areaKey: a.id, measures: measuresByArea.get(a.id) ?? [] })),
    { title: areas.length ? s.otherMeasures : null, areaKey: '', measures: orphanMeasures },
  ].filter((g) => g.measures.length > 0);
  const manyYears = years.length > 6;
  const money = (n: number): string => formatKroner(n, { unit: !manyYears });
  /** In measure rows an empty year is a dash, so the amounts stand out; sums always show the amount. */
  const cellMoney = (n: number): string => (n === 0 ? EN_DASH : money(n));
  // The "Nr." column only when some measure has a number (an import without prosjektnr has none);
  // a measure without a number in a numbered plan shows a dash, as on the web page.
  const numbered = revision.measures.some((m) => m.number !== null && m.number.trim() !== '');
  const nr = (cell: string): string[] => (numbered ? [cell] : []);

  const kindTable = (kind: CostKind): DocTable => {
    const hasKind = (m: Measure): boolean => m.lines.some((l) => l.kind === kind);
    const visible = groups.map((g) => ({ ...g, measures: g.measures.filter(hasKind) })).filter((g) => g.measures.length > 0);
    const showGroups = visible.length > 1 || (visible.length === 1 && visible[0]!.title !== null && areas.length > 1);
    const body: DocRow[] = [];
    for (const g of visible) {
      if (showGroups && g.title) body.push({ kind: 'group', cells: [g.title] });
      for (const m of g.measures) {
        const t = revision.totals.perMeasure[m.id];
        body.push({
          kind: 'data',
          cells: [...nr(dash(m.number)), m.title, ...years.map((y) => cellMoney(amountAt(t, kind, y))), money(t?.byKind[kind] ?? 0)],
        });
      }
      if (showGroups && g.title) {
        const t = revision.totals.perFocusArea[g.areaKey];
        body.push({
          kind: 'subtotal',
          cells: [...nr(''), `${s.sumOf} ${g.title}`, ...years.map((y) => money(amountAt(t, kind, y))), money(t?.byKind[kind] ?? 0)],
        });
      }
    }
    const overall = revision.totals.overall;
    return {
      id: `tabell-${kind}`,
      caption: caption(`${s.kinds[kind]} ${s.perMeasureAndYear}${manyYears ? ` (${s.kroner.toLowerCase()})` : ''}`),
      columns: [
        ...(numbered ? [{ header: s.number, align: 'left' as const, width: 1.1 }] : []),
        { header: s.measure, align: 'left', width: manyYears ? 5.5 : 5.4 },
        ...years.map((y) => ({ header: String(y), align: 'right' as const, width: manyYears ? 1.5 : 2 })),
        { header: s.total, align: 'right', width: manyYears ? 1.9 : 2.2 },
      ],
      header: [...nr(s.number), s.measure, ...years.map(String), s.total],
      body,
      footer: [
        {
          kind: 'total',
          cells: [...nr(''), `${s.sum} ${s.kinds[kind].toLowerCase()}`, ...years.map((y) => money(amountAt(overall, kind, y))), money(overall.byKind[kind])],
        },
      ],
      compact: true,
    };
  };

  const actionPlan: Block[] = [heading(1, `${s.actionPlan} ${periodText}`)];
  for (const kind of COST_KINDS) {
    actionPlan.push(heading(2, s.kinds[kind]));
    const table = kindTable(kind);
    if (table.body.length) actionPlan.push({ type: 'table', table });
    else actionPlan.push({ type: 'paragraph', runs: [{ text: s.noAmounts }], role: 'note' });
  }
  return actionPlan;
}
