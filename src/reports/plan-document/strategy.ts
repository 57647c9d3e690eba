/** The strategy part of the plan document. */
import type { Measure, NationalGoal } from '../../domain/plan.ts';
import { COST_KINDS, lineAmount } from '../../domain/plan-totals.ts';
import { formatKroner } from '../../domain/money.ts';
import { formatInteger } from '../../domain/format.ts';
import type { BuildContext } from './context.ts';
import type { Block, DocFact, TextRun } from './model.ts';
import { capitalize, measurePeriod, textBlocks, titleOf } from './helpers.ts';

/** The strategy section (portrait): introduction, vision, and per focus area its goals and measures. */
export function strategySection(ctx: BuildContext): Block[] {
  const { revision, s, heading, nationalById, goalsByArea, areas, measuresByArea, orphanMeasures } = ctx;
  const strategy: Block[] = [];
  const introduction = textBlocks(revision.introduction);
  if (introduction.length) strategy.push(heading(1, s.introduction), ...introduction);
  const vision = textBlocks(revision.vision, 'vision');
  if (vision.length) strategy.push(heading(1, s.vision), ...vision);

  /** A measure's heading is level 4 under "Tiltak i perioden", level 3 right under "Andre tiltak" (no skipped levels). */
  const measureBlocks = (m: Measure, level: 3 | 4 = 4): Block[] => {
    const blocks: Block[] = [heading(level, titleOf(m)), ...textBlocks(m.description)];
    const facts: DocFact[] = [];
    if (m.responsible) facts.push({ label: s.responsible, value: m.responsible });
    facts.push({ label: s.status, value: s.measureStatus[m.status] });
    facts.push({ label: s.priority, value: s.priorities[m.priority] });
    const period = measurePeriod(m, s);
    if (period) facts.push({ label: s.period, value: period });
    const t = revision.totals.perMeasure[m.id];
    if (t && (t.byKind.invest !== 0 || t.byKind.drift !== 0)) {
      const parts = COST_KINDS.filter((k) => t.byKind[k] !== 0).map((k) => `${s.kinds[k].toLowerCase()} ${formatKroner(t.byKind[k])}`);
      facts.push({ label: s.cost, value: capitalize(parts.join(', ')) });
    }
    const calculations = [...m.lines]
      .filter((l) => l.quantity !== null && l.unitPrice !== null)
      .sort((a, b) => a.year - b.year || a.kind.localeCompare(b.kind))
      .map(
        (l) =>
          `${s.kinds[l.kind]} ${l.year}: ${formatInteger(l.quantity!)} × ${formatKroner(l.unitPrice!)} = ${formatKroner(lineAmount(l))}` +
          (l.note ? ` (${l.note})` : ''),
      );
    calculations.forEach((value, i) => facts.push({ label: i === 0 ? s.calculation : '', value }));
    blocks.push({ type: 'facts', facts });
    return blocks;
  };

  if (areas.length || orphanMeasures.length) strategy.push(heading(1, s.focusAreas));
  for (const area of areas) {
    strategy.push(heading(2, area.title), ...textBlocks(area.description));
    const goals = goalsByArea.get(area.id) ?? [];
    if (goals.length) {
      strategy.push(heading(3, s.goals));
      strategy.push({
        type: 'bullets',
        items: goals.map((g) => {
          const served = g.nationalGoalIds
            .map((id) => nationalById.get(id))
            .filter((n): n is NationalGoal => n !== undefined)
            .map((n) => `${n.code} ${n.title}`);
          const runs: TextRun[] = [{ text: g.text }];
          if (served.length) runs.push({ text: ` (${served.join('; ')})`, italic: true });
          return runs;
        }),
      });
    }
    const measures = measuresByArea.get(area.id) ?? [];
    if (measures.length) {
      strategy.push(heading(3, s.measures));
      for (const m of measures) strategy.push(...measureBlocks(m));
    }
  }
  if (orphanMeasures.length) {
    strategy.push(heading(2, s.otherMeasures));
    for (const m of orphanMeasures) strategy.push(...measureBlocks(m, 3));
  }
  return strategy;
}
