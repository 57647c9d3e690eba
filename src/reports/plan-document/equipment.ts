/**
 * The optional appendix «Utstyr og utskifting» (issue 17): the replacement forecast per class and
 * year of the plan period, and the age profile per class. Off unless the document is asked for
 * with it (input.equipment set). Its strings (nb/nn) are kept here.
 */
import { formatInteger } from '../../domain/format.ts';
import { formatKroner } from '../../domain/money.ts';
import type { BuildContext } from './context.ts';
import type { Block } from './model.ts';

const STRINGS = {
  nb: {
    title: 'Utstyr og utskifting',
    intro: (overdue: string, year: number) => `Utskiftingsprognosen er regnet fra utstyrsregisteret. Utstyr som har passert levetiden før ${year}, er regnet i ${year}: ${overdue}.`,
    forecast: 'Utskifting per klasse og år (enheter og kostnad)',
    ages: 'Aldersprofil: enheter per klasse etter alder i år',
    cls: 'Klasse',
    sum: 'Sum',
    units: 'Enheter',
    older: (n: number) => `${n}+`,
  },
  nn: {
    title: 'Utstyr og utskifting',
    intro: (overdue: string, year: number) => `Utskiftingsprognosen er rekna frå utstyrsregisteret. Utstyr som har passert levetida før ${year}, er rekna i ${year}: ${overdue}.`,
    forecast: 'Utskifting per klasse og år (einingar og kostnad)',
    ages: 'Aldersprofil: einingar per klasse etter alder i år',
    cls: 'Klasse',
    sum: 'Sum',
    units: 'Einingar',
    older: (n: number) => `${n}+`,
  },
} as const;

/** Ages from this one up are one column. */
const OLDEST_COLUMN = 8;

export function equipmentAppendix(ctx: BuildContext, hasAppendixHeading: boolean): Block[] {
  const equipment = ctx.input.equipment;
  if (!equipment || equipment.forecast.classes.length === 0) return [];
  const { heading, caption } = ctx;
  const t = STRINGS[ctx.language];
  const f = equipment.forecast;
  const years = Object.keys(f.years);
  const cell = (q: { quantity: number; amount: number }) => (q.quantity === 0 ? '\u2013' : `${formatInteger(q.quantity)} / ${formatKroner(q.amount)}`);
  const blocks: Block[] = [];
  if (!hasAppendixHeading) blocks.push({ ...heading(1, ctx.s.appendices), newPage: true } as Block);
  blocks.push(heading(2, t.title));
  blocks.push({ type: 'paragraph', role: 'body', runs: [{ text: t.intro(`${formatInteger(f.overdue.quantity)} / ${formatKroner(f.overdue.amount)}`, f.from) }] });
  blocks.push({
    type: 'table',
    table: {
      id: 'tabell-utskifting',
      caption: caption(t.forecast),
      columns: [{ header: t.cls, align: 'left' as const, width: 2.6 }, ...years.map((y) => ({ header: y, align: 'right' as const, width: 2 })), { header: t.sum, align: 'right' as const, width: 2.2 }],
      header: [t.cls, ...years, t.sum],
      body: f.classes.map((c) => ({ kind: 'data' as const, cells: [c.className, ...years.map((y) => cell(c.years[y]!)), formatKroner(c.total.amount)] })),
      footer: [{ kind: 'total' as const, cells: [t.sum, ...years.map((y) => formatKroner(f.years[y]!.amount)), formatKroner(f.total.amount)] }],
      compact: true,
    },
  });
  const ages = Array.from({ length: OLDEST_COLUMN + 1 }, (_, a) => a);
  blocks.push({
    type: 'table',
    table: {
      id: 'tabell-aldersprofil',
      caption: caption(`${t.ages} ${f.from}`),
      columns: [{ header: t.cls, align: 'left' as const, width: 2.6 }, ...ages.map((a) => ({ header: a === OLDEST_COLUMN ? t.older(a) : String(a), align: 'right' as const, width: 1 })), { header: t.units, align: 'right' as const, width: 1.6 }],
      header: [t.cls, ...ages.map((a) => (a === OLDEST_COLUMN ? t.older(a) : String(a))), t.units],
      body: equipment.ageProfile.map((c) => {
        const count = (a: number) =>
          a === OLDEST_COLUMN ? Object.entries(c.ages).reduce((n, [age, q]) => (Number(age) >= OLDEST_COLUMN ? n + q : n), 0) : (c.ages[String(a)] ?? 0);
        return { kind: 'data' as const, cells: [c.className, ...ages.map((a) => (count(a) === 0 ? '\u2013' : formatInteger(count(a)))), formatInteger(c.quantity)] };
      }),
      footer: [],
      compact: true,
    },
  });
  return blocks;
}
