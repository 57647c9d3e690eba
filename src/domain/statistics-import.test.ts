import { describe, expect, it } from 'vitest';
import { parseAccountsTable } from './accounts-import.ts';
import { parseCostPoolsTable, splitPercentages } from './cost-sharing-import.ts';
import { parseStatistic, type Subject } from './statistics.ts';
import { parseStatisticsTable } from './statistics-import.ts';

const subjects: Subject[] = [
  { organizationId: 'a', name: 'Snåsa kommune', slug: 'snasa', kommunenummer: '5041' },
  { organizationId: 'b', name: 'Røyrvik kommune', slug: 'royrvik', kommunenummer: '5043' },
  { organizationId: 'c', name: 'Grong kommune', slug: 'grong', kommunenummer: '5045' },
  { organizationId: 'i', name: 'Indre Namdal IKT IKS', slug: 'indre-namdal', kommunenummer: null },
];
const csv = (text: string) => text.trim().split('\n').map((l) => l.split(';'));

describe('statistics import', () => {
  it('reads numbers as 57.598, 57 598 and 57598', () => {
    expect(parseStatistic('57.598')).toBe(57_598);
    expect(parseStatistic('57 598')).toBe(57_598);
    expect(parseStatistic('57598')).toBe(57_598);
    expect(parseStatistic('1.234.567')).toBe(1_234_567);
    expect(parseStatistic('12,5')).toBeNull();
    expect(parseStatistic('mange')).toBeNull();
  });

  it('matches kommuner by number, name, either part of a double name, with or without «kommune»', () => {
    const r = parseStatisticsTable(csv('kommune;Feide\nSnåsa;1\nRaarvihke - Røyrvik;2\n5045;3\nIndre Namdal IKT IKS;4\nSnåase kommune;5'), subjects, { year: 2017 });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.values.map((v) => [v.subject.organizationId, v.value])).toEqual([['a', 1], ['b', 2], ['c', 3], ['i', 4]]);
    expect(r.value.problems).toEqual([{ row: 6, column: 'kommune', message: 'Snåsa kommune står også på rad 2; raden er ikke importert.' }]);
  });

  it('a wide table with one wrong printed total reports exactly that one; a correct one none', () => {
    const wrong = parseStatisticsTable(csv('kommune;Feide;Brev inn\nSnåsa;57.598;100\nRøyrvik;1 000;50\nTotalt;58.598;151'), subjects, { year: 2017 });
    if (!wrong.ok) throw new Error('not ok');
    expect(wrong.value.totals).toEqual({ Feide: 58_598, 'Brev inn': 150 });
    expect(wrong.value.discrepancies).toEqual([{ metric: 'Brev inn', printed: 151, computed: 150 }]);
    const right = parseStatisticsTable(csv('kommune;Feide;Brev inn\nSnåsa;57.598;100\nRøyrvik;1 000;50\nSum;58 598;150'), subjects, { year: 2017 });
    expect(right.ok && right.value.discrepancies).toEqual([]);
  });

  it('reports unknown kommuner and non-numbers with row and column, and reads the long shape over years', () => {
    const r = parseStatisticsTable(csv('kommune;år;måltall;verdi\nSnåsa;2016;Feide;10\nSnåsa;2017;Feide;12\nOslo;2017;Feide;5\nGrong;2017;Feide;mange\nTotalt;2017;Feide;12'), subjects);
    if (!r.ok) throw new Error('not ok');
    expect(r.value).toMatchObject({ shape: 'long', year: 2017, metrics: ['Feide'], totals: { Feide: 22 }, discrepancies: [] });
    expect(r.value.problems).toEqual([
      { row: 4, column: 'kommune', message: '«Oslo» er verken en av eierne eller medlem av et samarbeid organisasjonen er vert for.' },
      { row: 5, column: 'verdi', message: '«mange» er ikke et helt tall.' },
    ]);
  });

  it('a wide table needs a year', () => {
    expect(parseStatisticsTable(csv('kommune;Feide\nSnåsa;1'), subjects)).toMatchObject({ ok: false });
  });
});

describe('accounts import', () => {
  it('reads budget and accounts, derives the deviation and checks the printed total', () => {
    const r = parseAccountsTable(csv('ansvar;navn;budsjett;regnskap\n1000;Drift;1 000 000;900 000\n1100;Lisenser;500 000;550 000\nTotalt;;1 500 000;1 450 001'));
    if (!r.ok) throw new Error('not ok');
    expect(r.value.total).toEqual({ budget: 1_500_000, actual: 1_450_000, deviation: 50_000 });
    expect(r.value.discrepancies).toEqual([{ column: 'regnskap', printed: 1_450_001, computed: 1_450_000 }]);
  });

  it('reads the deviation alone, and reports a bad cell with row and column', () => {
    const r = parseAccountsTable(csv('ansvar;navn;avvik\n1000;Drift;-20 000\n1100;Lisenser;tja'));
    if (!r.ok) throw new Error('not ok');
    expect(r.value.total).toEqual({ budget: null, actual: null, deviation: -20_000 });
    expect(r.value.problems).toEqual([{ row: 3, column: 'avvik', message: '«tja» er ikke et kronebeløp.' }]);
  });
});

describe('cost pools import', () => {
  it('reads keys, owner subsets and percentages', () => {
    const r = parseCostPoolsTable(csv('ansvar;grunnlag;nøkkel;kommuner;prosenter\n1000;regnskap;fast;5041, 5043;60, 40\n1100;budsjett;lik;;\n1200;avvik;fast;Snåsa;50\n1300;tull;lik;;'), subjects.slice(0, 3));
    if (!r.ok) throw new Error('not ok');
    expect(r.pools.map((p) => [p.ansvar, p.key, p.owners?.map((o) => o.organizationId) ?? null, p.percentages])).toEqual([
      ['1000', 'fixed', ['a', 'b'], [6000, 4000]],
      ['1100', 'equal', null, null],
    ]);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([[4, 'prosenter'], [5, 'grunnlag']]);
    expect(splitPercentages('33,33, 33,33, 33,34')).toEqual(['33,33', '33,33', '33,34']);
  });
});
