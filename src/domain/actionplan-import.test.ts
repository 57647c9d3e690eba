import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ActionPlanImport,
  type CostKind,
  type ImportProblem,
  type PlanTable,
  type PlanTableLine,
  type PlanTableMeasure,
  lineAmount,
  parseActionPlanTable,
  planTableRows,
} from './actionplan-import.ts';
import { sum } from './money.ts';

/** Rows from `;`-separated lines, the way a Norwegian Excel CSV export looks. */
function table(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((line) => line.split(';'));
}

function imported(rows: string[][]): ActionPlanImport {
  const result = parseActionPlanTable(rows);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result.value;
}

function problems(rows: string[][]): ImportProblem[] {
  const result = parseActionPlanTable(rows);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

const HEADER =
  'Prosjektnr;Tiltak;Satsingsområde;Type;Enhetspris;2020;2021;2022;2023;Antall 2020;Antall 2021;Antall 2022;Antall 2023;Totalt';

/**
 * Modelled on a real "Handlingsplan 2020–2023": a title row, INVEST/DRIFT rows per project,
 * SUM rows, and the arithmetic errors such tables contain:
 * - row 6: 2022 says 200 000 but 25 × 8 500 = 212 500 (unit_price); 2023 has only antall × enhetspris
 * - row 7: totalt 250 000 but 4 × 60 000 = 240 000 (row_total)
 * - row 8: blank totalt (not a discrepancy), `-` for zero, type written `Investering`
 * - row 11: SUM invest 2020 printed 1 256 000 (1 265 000) and totalt 2 061 000 (2 070 000)
 * - row 12: SUM drift right, blank totalt
 * - row 13: grand total without type (not checked)
 */
const PLAN = table(`
Handlingsplan 2020–2023;;;;;;;;;;;;;
;;;;;;;;;;;;;
${HEADER}
1;Nytt sak- og arkivsystem;Digitalisering;invest;;1 052 500;;;;;;;;1 052 500
1;Nytt sak- og arkivsystem;Digitalisering;drift;;105936;105936;105936;105936;;;;;423 744
2;Utskifting av PC-er;Infrastruktur;invest;8 500;212 500;170 000;200 000;;25;20;25;10;667 500
;Office 365-lisenser;Digitalisering;drift;;60 000,-;60 000,-;60 000,-;60 000,-;;;;;250 000,-
3;Trådløst nett i skolene;Infrastruktur;Investering;;-;350 000;-;-;;;;;
3;Trådløst nett i skolene;;drift;;;12 000;12 000;12 000;;;;;36 000
;;;;;;;;;;;;;
;SUM;;invest;;1 256 000;520 000;200 000;85 000;;;;;2 061 000
;Sum;;DRIFT;;165 936;177 936;177 936;177 936;;;;;
;TOTALT;;;;1;2;3;4;;;;;5
`);

describe('parseActionPlanTable on a handlingsplan', () => {
  const plan = imported(PLAN);

  it('reads the years and the measures, grouped by prosjektnr + tiltak', () => {
    expect(plan.years).toEqual([2020, 2021, 2022, 2023]);
    expect(plan.measures.map((m) => [m.number, m.title, m.focusArea])).toEqual([
      ['1', 'Nytt sak- og arkivsystem', 'Digitalisering'],
      ['2', 'Utskifting av PC-er', 'Infrastruktur'],
      [null, 'Office 365-lisenser', 'Digitalisering'],
      ['3', 'Trådløst nett i skolene', 'Infrastruktur'],
    ]);
  });

  it('keeps quantity × unit price where it agrees, the printed amount where it does not', () => {
    const pcs = plan.measures[1];
    expect(pcs?.lines).toEqual([
      { kind: 'invest', year: 2020, amount: 212500, quantity: 25, unitPrice: 8500 },
      { kind: 'invest', year: 2021, amount: 170000, quantity: 20, unitPrice: 8500 },
      { kind: 'invest', year: 2022, amount: 200000, quantity: null, unitPrice: null },
      { kind: 'invest', year: 2023, amount: 85000, quantity: 10, unitPrice: 8500 },
    ]);
  });

  it('makes one line per kind and non-zero year', () => {
    const sak = plan.measures[0];
    expect(sak?.lines.map((l) => [l.kind, l.year, l.amount])).toEqual([
      ['invest', 2020, 1052500],
      ['drift', 2020, 105936],
      ['drift', 2021, 105936],
      ['drift', 2022, 105936],
      ['drift', 2023, 105936],
    ]);
    const wifi = plan.measures[3];
    expect(wifi?.lines.map((l) => [l.kind, l.year, l.amount])).toEqual([
      ['invest', 2021, 350000],
      ['drift', 2021, 12000],
      ['drift', 2022, 12000],
      ['drift', 2023, 12000],
    ]);
  });

  it('computes the totals from the lines, every year present', () => {
    expect(plan.totals).toEqual({
      invest: { '2020': 1265000, '2021': 520000, '2022': 200000, '2023': 85000 },
      drift: { '2020': 165936, '2021': 177936, '2022': 177936, '2023': 177936 },
    });
  });

  it('reports each discrepancy exactly once, with printed and computed values', () => {
    expect(plan.discrepancies).toEqual([
      { row: '2 Utskifting av PC-er', column: '2022', type: 'invest', kind: 'unit_price', printed: 200000, computed: 212500 },
      { row: 'Office 365-lisenser', column: 'totalt', type: 'drift', kind: 'row_total', printed: 250000, computed: 240000 },
      { row: 'SUM invest', column: '2020', type: 'invest', kind: 'column_sum', printed: 1256000, computed: 1265000 },
      { row: 'SUM invest', column: 'totalt', type: 'invest', kind: 'column_sum', printed: 2061000, computed: 2070000 },
    ]);
  });

  it('finds nothing to report when the printed totals are right', () => {
    const fixed = PLAN.map((row) => [...row]);
    fixed[5]![7] = '212 500';
    fixed[5]![13] = '680 000';
    fixed[6]![13] = '240 000';
    fixed[10]![5] = '1 265 000';
    fixed[10]![7] = '212 500';
    fixed[10]![13] = '2 082 500';
    const result = imported(fixed);
    expect(result.discrepancies).toEqual([]);
    expect(result.measures[1]?.lines[2]).toEqual({ kind: 'invest', year: 2022, amount: 212500, quantity: 25, unitPrice: 8500 });
  });
});

describe('parseActionPlanTable details', () => {
  it('accepts any column order, case and surrounding whitespace in the header', () => {
    const rows = table(`
  TOTALT ;2021; type ;TILTAK;2020
250;100;Drift;Lisenser;150
`);
    const plan = imported(rows);
    expect(plan.years).toEqual([2020, 2021]);
    expect(plan.measures).toEqual([
      {
        number: null,
        title: 'Lisenser',
        focusArea: null,
        lines: [
          { kind: 'drift', year: 2020, amount: 150, quantity: null, unitPrice: null },
          { kind: 'drift', year: 2021, amount: 100, quantity: null, unitPrice: null },
        ],
      },
    ]);
    expect(plan.discrepancies).toEqual([]);
  });

  it('adds two rows with the same prosjektnr, tiltak and type per year', () => {
    const rows = table(`
prosjektnr;tiltak;type;enhetspris;2020;2021;antall 2020;totalt
4;Skanning;invest;;10 000;;;10 000
4;Skanning;invest;;5 000;2 000;;7 000
5;Nettbrett;invest;4 000;;;3;12 000
5;Nettbrett;invest;4 000;;;2;8 000
6;Skjermer;invest;1 000;;;3;3 000
6;Skjermer;invest;2 000;;;1;
SUM;;invest;;40 000;2 000;;42 000
`);
    const plan = imported(rows);
    expect(plan.measures.map((m) => m.lines)).toEqual([
      [
        { kind: 'invest', year: 2020, amount: 15000, quantity: null, unitPrice: null },
        { kind: 'invest', year: 2021, amount: 2000, quantity: null, unitPrice: null },
      ],
      [{ kind: 'invest', year: 2020, amount: 20000, quantity: 5, unitPrice: 4000 }],
      [{ kind: 'invest', year: 2020, amount: 5000, quantity: null, unitPrice: null }],
    ]);
    expect(plan.discrepancies).toEqual([]);
  });

  it('takes a SUM row type from its label and skips a grand total without type', () => {
    const rows = table(`
prosjektnr;tiltak;type;2020;totalt
1;A;invest;100;100
1;A;drift;50;50
SUM INVEST;;;90;
;Sum drift;;50;50
TOTALT;;;1;1
`);
    expect(imported(rows).discrepancies).toEqual([
      { row: 'SUM invest', column: '2020', type: 'invest', kind: 'column_sum', printed: 90, computed: 100 },
    ]);
  });

  it('skips empty rows and section headings without amounts', () => {
    const rows = table(`
tiltak;satsingsområde;type;2020
;;;
;Infrastruktur;;
;;;-
Brannmur;Infrastruktur;invest;90 000
`);
    expect(imported(rows).measures).toHaveLength(1);
  });

  it('keeps a measure without amounts', () => {
    const plan = imported(table('tiltak;type;2020\nVelferdsteknologi;invest;'));
    expect(plan.measures).toEqual([{ number: null, title: 'Velferdsteknologi', focusArea: null, lines: [] }]);
    expect(plan.totals).toEqual({ invest: { '2020': 0 }, drift: { '2020': 0 } });
  });

  it('treats - as a printed zero: a - total next to amounts is a discrepancy', () => {
    const plan = imported(table('tiltak;type;2020;totalt\nA;drift;100;-'));
    expect(plan.discrepancies).toEqual([
      { row: 'A', column: 'totalt', type: 'drift', kind: 'row_total', printed: 0, computed: 100 },
    ]);
  });

  it('ignores antall without enhetspris', () => {
    const plan = imported(table('tiltak;type;2020;antall 2020\nA;invest;100;4'));
    expect(plan.measures[0]?.lines).toEqual([{ kind: 'invest', year: 2020, amount: 100, quantity: null, unitPrice: null }]);
  });

  it('lineAmount is quantity × unit price when both are set, else the amount', () => {
    expect(lineAmount({ kind: 'invest', year: 2020, amount: 1, quantity: 25, unitPrice: 8500 })).toBe(212500);
    expect(lineAmount({ kind: 'invest', year: 2020, amount: 1, quantity: null, unitPrice: 8500 })).toBe(1);
  });
});

describe('parseActionPlanTable problems', () => {
  it('needs a header row with tiltak', () => {
    expect(problems(table('Handlingsplan 2020–2023\nprosjekt;type;2020'))).toEqual([
      { row: 0, column: 'tiltak', message: 'Fant ingen overskriftsrad med kolonnen «tiltak».' },
    ]);
    expect(problems([])).toHaveLength(1);
  });

  it('needs a type column', () => {
    expect(problems(table('Handlingsplan\ntiltak;2020\nA;100'))).toEqual([
      { row: 2, column: 'type', message: 'Kolonnen «type» mangler.' },
    ]);
  });

  it('needs year columns', () => {
    expect(problems(table('tiltak;type;totalt\nA;invest;100'))).toEqual([
      { row: 1, column: '', message: 'Rad 1: fant ingen årskolonner (for eksempel «2020») i overskriftsraden.' },
    ]);
  });

  it('rejects duplicate year headers and antall without a year column', () => {
    expect(problems(table('tiltak;type;2020;2021; 2020 ;antall 2022\nA;invest;1;2;3;4'))).toEqual([
      { row: 1, column: '2020', message: 'Rad 1: årskolonnen «2020» står flere ganger.' },
      { row: 1, column: 'antall 2022', message: 'Rad 1: kolonnen «antall 2022» har ingen årskolonne «2022».' },
    ]);
  });

  it('rejects an unknown type, a missing type, a bad amount, a negative quantity and a nameless row, all at once', () => {
    const rows = table(`
Handlingsplan 2020–2023;;;;;
prosjektnr;tiltak;type;enhetspris;2020;2021;antall 2020
1;A;invest;;100;;
2;B;annet;;100;;
3;C;;;100;;
4;D;drift;;100;;
5;E;drift;;100;12,5x;
6;F;invest;8 500;;;-3
7;;invest;;100;;
8;G;invest;8.5;;;2,5
SUM;;annet;;;;
`);
    expect(problems(rows)).toEqual([
      { row: 4, column: 'type', message: 'Rad 4, kolonne «type»: «annet» må være invest eller drift.' },
      { row: 5, column: 'type', message: 'Rad 5, kolonne «type»: typen mangler; skriv invest eller drift.' },
      { row: 7, column: '2021', message: 'Rad 7, kolonne «2021»: «12,5x» er ikke et beløp.' },
      { row: 8, column: 'antall 2020', message: 'Rad 8, kolonne «antall 2020»: antallet kan ikke være negativt («-3»).' },
      { row: 9, column: 'tiltak', message: 'Rad 9, kolonne «tiltak»: tiltaket mangler navn, men raden har beløp.' },
      { row: 10, column: 'enhetspris', message: 'Rad 10, kolonne «enhetspris»: «8.5» er ikke et beløp.' },
      { row: 10, column: 'antall 2020', message: 'Rad 10, kolonne «antall 2020»: «2,5» er ikke et helt antall.' },
      { row: 11, column: 'type', message: 'Rad 11, kolonne «type»: «annet» må være invest eller drift.' },
    ]);
  });

  it('rejects a bad amount in a SUM row', () => {
    expect(problems(table('tiltak;type;2020\nSUM;invest;mye'))).toEqual([
      { row: 2, column: '2020', message: 'Rad 2, kolonne «2020»: «mye» er ikke et beløp.' },
    ]);
  });

  it('reports amounts that overflow instead of throwing', () => {
    // 100 × 10 000 000 000 kr: each cell within the limit (MAX_KRONER), the product beyond it.
    const result = parseActionPlanTable(table(`tiltak;type;enhetspris;2020;antall 2020\nA;invest;10000000000;;100`));
    expect(result).toEqual({
      ok: false,
      problems: [{ row: 2, column: 'antall 2020', message: 'Rad 2, kolonne «antall 2020»: beløpet er for stort.' }],
    });
    const big = String(60_000_000_000);
    const sums = parseActionPlanTable(table(`tiltak;type;2020\nA;invest;${big}\nB;invest;${big}\nC;invest;${big}`));
    expect(sums).toEqual({
      ok: false,
      problems: [{ row: 0, column: '', message: 'Summen av tiltakene i revisjonen blir for stor (over 100 000 000 000 kr).' }],
    });
    const row = parseActionPlanTable(table(`prosjektnr;tiltak;type;2020;2021\n3;A;invest;${big};${big}`));
    expect(row).toEqual({
      ok: false,
      problems: [{ row: 2, column: 'totalt', message: 'Rad 2: summen for 3 A blir for stor (over 100 000 000 000 kr).' }],
    });
  });

  it('caps the problems at 100', () => {
    const rows = [['tiltak', 'type', '2020'], ...Array.from({ length: 150 }, (_, i) => [`T${i}`, 'invest', 'x'])];
    const found = problems(rows);
    expect(found).toHaveLength(100);
    expect(found[0]?.message).toBe('Rad 2, kolonne «2020»: «x» er ikke et beløp.');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const trimmedText = fc
  .string({ minLength: 1, maxLength: 12, unit: 'grapheme' })
  .map((s) => s.trim())
  .filter((s) => s !== '');
const titleText = trimmedText.filter((s) => !/^(sum|totalt)(\s+(invest|investering|drift))?$/i.test(s.replace(/\s+/g, ' ')));

const lineArb = (kind: CostKind, year: number): fc.Arbitrary<PlanTableLine> =>
  fc.oneof(
    fc.integer({ min: -1e9, max: 1e9 }).filter((n) => n !== 0).map((amount) => ({ kind, year, amount, quantity: null, unitPrice: null })),
    fc
      .record({ quantity: fc.integer({ min: 1, max: 1000 }), unitPrice: fc.constantFrom(8500, 4000, -250, 1) })
      .map(({ quantity, unitPrice }) => ({ kind, year, amount: quantity * unitPrice, quantity, unitPrice })),
  );

const planTableArb: fc.Arbitrary<PlanTable> = fc
  .uniqueArray(fc.integer({ min: 2000, max: 2099 }), { minLength: 1, maxLength: 5 })
  .chain((years) => {
    const slots = years.flatMap((year) => (['invest', 'drift'] as const).map((kind) => ({ kind, year })));
    const measure = fc.record({
      // A measure number (plan-revisions.ts): 1, 12, 2.1 …, unique among the measures.
      number: fc.option(fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.')), { nil: null }),
      title: titleText,
      focusArea: fc.option(trimmedText, { nil: null }),
      lines: fc
        .subarray(slots)
        .chain(
          (chosen): fc.Arbitrary<PlanTableLine[]> =>
            chosen.length === 0 ? fc.constant([]) : fc.tuple(...chosen.map(({ kind, year }) => lineArb(kind, year))),
        ),
    });
    return fc.record({
      years: fc.constant([...years].sort((a, b) => a - b)),
      measures: fc.uniqueArray(measure, { maxLength: 6, selector: (m) => m.number ?? `\u0000${m.title}` }),
    });
  });

function normalised(measures: PlanTableMeasure[]): PlanTableMeasure[] {
  const order = (l: PlanTableLine) => `${l.kind}:${l.year}`;
  return measures
    .map((m) => ({ ...m, lines: [...m.lines].sort((a, b) => order(a).localeCompare(order(b))) }))
    .sort((a, b) => `${a.number ?? ''}\u0000${a.title}`.localeCompare(`${b.number ?? ''}\u0000${b.title}`));
}

/** What one row per measure and kind can express: one enhetspris per row, else amounts only. */
function expressible(table: PlanTable): PlanTableMeasure[] {
  return table.measures.map((m) => ({
    ...m,
    lines: m.lines.map((line) => {
      const prices = new Set(m.lines.filter((l) => l.kind === line.kind && l.unitPrice !== null).map((l) => l.unitPrice));
      return prices.size > 1 ? { ...line, quantity: null, unitPrice: null } : line;
    }),
  }));
}

describe('planTableRows', () => {
  it('writes the header, a row per measure and kind, and SUM rows', () => {
    const rows = planTableRows({
      years: [2020, 2021],
      measures: [
        {
          number: '2',
          title: 'Utskifting av PC-er',
          focusArea: 'Infrastruktur',
          lines: [
            { kind: 'drift', year: 2021, amount: 1000, quantity: null, unitPrice: null },
            { kind: 'invest', year: 2020, amount: 212500, quantity: 25, unitPrice: 8500 },
          ],
        },
      ],
    });
    expect(rows).toEqual([
      ['prosjektnr', 'tiltak', 'satsingsområde', 'type', 'enhetspris', '2020', '2021', 'antall 2020', 'antall 2021', 'totalt'],
      ['2', 'Utskifting av PC-er', 'Infrastruktur', 'invest', '8500', '212500', '', '25', '', '212500'],
      ['2', 'Utskifting av PC-er', 'Infrastruktur', 'drift', '', '', '1000', '', '', '1000'],
      ['', 'SUM', '', 'invest', '', '212500', '0', '', '', '212500'],
      ['', 'SUM', '', 'drift', '', '0', '1000', '', '', '1000'],
    ]);
  });

  it('leaves out enhetspris and antall when no line has them, and amounts only for mixed unit prices', () => {
    const rows = planTableRows({
      years: [2020, 2021],
      measures: [
        {
          number: null,
          title: 'Skjermer',
          focusArea: null,
          lines: [
            { kind: 'invest', year: 2020, amount: 3000, quantity: 3, unitPrice: 1000 },
            { kind: 'invest', year: 2021, amount: 4000, quantity: 2, unitPrice: 2000 },
          ],
        },
      ],
    });
    expect(rows[0]).toEqual(['prosjektnr', 'tiltak', 'satsingsområde', 'type', '2020', '2021', 'totalt']);
    expect(rows[1]).toEqual(['', 'Skjermer', '', 'invest', '3000', '4000', '7000']);
  });

  it('round trip: parseActionPlanTable(planTableRows(t)) gives back the measures with zero discrepancies', () => {
    fc.assert(
      fc.property(planTableArb, (t) => {
        const plan = imported(planTableRows(t));
        expect(plan.years).toEqual(t.years);
        expect(normalised(plan.measures)).toEqual(normalised(expressible(t)));
        expect(plan.discrepancies).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('round trip keeps quantity and unit price when each row has one unit price', () => {
    fc.assert(
      fc.property(planTableArb, (t) => {
        fc.pre(expressible(t).every((m, i) => JSON.stringify(m) === JSON.stringify(t.measures[i])));
        expect(normalised(imported(planTableRows(t)).measures)).toEqual(normalised(t.measures));
      }),
      { numRuns: 200 },
    );
  });
});

describe('totals', () => {
  function lineSum(measures: PlanTableMeasure[], kind: CostKind, year: number): number {
    return sum(measures.flatMap((m) => m.lines.filter((l) => l.kind === kind && l.year === year).map(lineAmount)));
  }

  it('equal the sum of the lines of any table', () => {
    fc.assert(
      fc.property(planTableArb, (t) => {
        const plan = imported(planTableRows(t));
        for (const kind of ['invest', 'drift'] as const) {
          expect(Object.keys(plan.totals[kind])).toEqual(t.years.map(String));
          for (const year of t.years) {
            expect(plan.totals[kind][String(year)]).toBe(lineSum(t.measures, kind, year));
            expect(plan.totals[kind][String(year)]).toBe(lineSum(plan.measures, kind, year));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('equal the sum of the imported lines for arbitrary cell text, and the import never throws', () => {
    const cell = fc.oneof(
      fc.constantFrom('', '-', '0', '60 000,-', '1 052 500', '1.052.500', '105936', '-5 000', '12,5x', 'SUM', 'Totalt', 'invest', 'drift', 'Investering', 'annet', '3', '-3'),
      fc.string({ maxLength: 6 }),
    );
    const header = ['prosjektnr', 'tiltak', 'type', 'enhetspris', '2020', '2021', 'antall 2020', 'totalt'];
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 0, maxLength: 9 }), { maxLength: 12 }), (body) => {
        const result = parseActionPlanTable([header, ...body]);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          expect(result.problems.length).toBeLessThanOrEqual(100);
          return;
        }
        for (const kind of ['invest', 'drift'] as const) {
          for (const year of [2020, 2021]) {
            expect(result.value.totals[kind][String(year)]).toBe(lineSum(result.value.measures, kind, year));
          }
        }
        for (const m of result.value.measures) for (const l of m.lines) expect(l.amount).not.toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});
