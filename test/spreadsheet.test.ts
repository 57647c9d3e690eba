import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type PlanTable, parseActionPlanTable, planTableRows } from '../src/domain/actionplan-import.ts';
import { SpreadsheetError, detectDelimiter, readTable, writeTable } from '../src/reports/spreadsheet.ts';

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/actionplan/${name}`, import.meta.url));

function importOk(rows: string[][]) {
  const result = parseActionPlanTable(rows);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const PLAN_DISCREPANCIES = [
  { row: '2 Utskifting av PC-er', column: '2022', type: 'invest', kind: 'unit_price', printed: 200000, computed: 212500 },
  { row: 'Office 365-lisenser', column: 'totalt', type: 'drift', kind: 'row_total', printed: 250000, computed: 240000 },
  { row: 'SUM invest', column: '2020', type: 'invest', kind: 'column_sum', printed: 1256000, computed: 1265000 },
  { row: 'SUM invest', column: 'totalt', type: 'invest', kind: 'column_sum', printed: 2061000, computed: 2070000 },
];

describe('readTable: CSV', () => {
  it('reads UTF-8 with BOM and semicolons, keeping row numbers', async () => {
    const rows = await readTable(fixture('handlingsplan-semikolon.csv'), 'handlingsplan.csv');
    expect(rows[0]).toEqual(['Handlingsplan 2020–2023']);
    expect(rows[1]).toEqual(['']);
    expect(rows[2]?.[2]).toBe('Satsingsområde');
    expect(rows[6]?.[5]).toBe('60 000,-');
    expect(rows).toHaveLength(12);
    const plan = importOk(rows);
    expect(plan.measures).toHaveLength(4);
    expect(plan.discrepancies).toEqual(PLAN_DISCREPANCIES);
  });

  it('reads commas with quoted amounts such as "1 052 500" and "60 000,-"', async () => {
    const rows = await readTable(fixture('handlingsplan-komma.csv'), 'plan.CSV');
    expect(rows[1]?.[5]).toBe('1 052 500');
    expect(rows[4]?.[5]).toBe('60 000,-');
    expect(importOk(rows).discrepancies).toEqual(PLAN_DISCREPANCIES);
  });

  it('reads Windows-1252 / latin1 text with æøå', async () => {
    const bytes = fixture('handlingsplan-latin1.csv');
    expect(bytes.includes(Buffer.from('ø', 'latin1'))).toBe(true);
    const rows = await readTable(bytes, 'plan.csv');
    expect(rows[0]).toEqual(['Handlingsplan 2020-2023 for Årdal kommune']);
    expect(rows[2]?.[1]).toBe('Økonomisystem i skyen');
    const plan = importOk(rows);
    expect(plan.measures.map((m) => [m.title, m.focusArea])).toEqual([
      ['Økonomisystem i skyen', 'Styring og ledelse'],
      ['Trådløst nett på sjukeheimen', 'Helse og omsorg'],
    ]);
    expect(plan.discrepancies).toEqual([]);
  });

  it('detects tab as delimiter and reads UTF-16 with BOM (Excel "Unicode-tekst")', async () => {
    const text = 'tiltak\ttype\t2020\r\nØkonomi\tdrift\t60 000,-\r\n';
    expect(detectDelimiter(text)).toBe('\t');
    expect(await readTable(Buffer.from(text), 'plan.txt')).toEqual([
      ['tiltak', 'type', '2020'],
      ['Økonomi', 'drift', '60 000,-'],
    ]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await readTable(utf16, 'plan.txt')).toEqual([
      ['tiltak', 'type', '2020'],
      ['Økonomi', 'drift', '60 000,-'],
    ]);
  });

  it('prefers ; over the commas inside amounts', () => {
    expect(detectDelimiter(';A;drift;60 000,-;60 000,-\n')).toBe(';');
    expect(detectDelimiter('a,b,"1 052 500; x"\n')).toBe(',');
  });

  it('reads an empty file as no rows, and a Uint8Array like a Buffer', async () => {
    expect(await readTable(new Uint8Array(), 'tom.csv')).toEqual([]);
    expect(await readTable(new TextEncoder().encode('a;b'), 'x.csv')).toEqual([['a', 'b']]);
  });

  it('throws SpreadsheetError with a Norwegian message for an unreadable CSV', async () => {
    await expect(readTable(Buffer.from('tiltak;type\n"Ikke lukket;drift\n'), 'feil.csv')).rejects.toThrow(SpreadsheetError);
    await expect(readTable(Buffer.from('tiltak;type\n"Ikke lukket;drift\n'), 'feil.csv')).rejects.toThrow(
      /Kunne ikke lese CSV-filen «feil\.csv»/,
    );
  });
});

describe('readTable: XLSX', () => {
  it('reads the first worksheet: numbers as integer text, formulas as their cached result, empty cells as ""', async () => {
    const rows = await readTable(fixture('handlingsplan.xlsx'), 'handlingsplan.xlsx');
    expect(rows[0]?.[0]).toBe('Handlingsplan 2020–2023');
    expect(rows[1]).toEqual([]);
    expect(rows[2]).toEqual(['Prosjektnr', 'Tiltak', 'Satsingsområde', 'Type', 'Enhetspris', '2020', '2021', 'Antall 2020', 'Antall 2021', 'Totalt']);
    expect(rows[3]).toEqual(['1', 'Nytt sak- og arkivsystem', 'Digitalisering', 'invest', '', '1052500', '', '', '', '1052500']);
    expect(rows[5]).toEqual(['', 'Office 365-lisenser', 'Digitalisering', 'drift', '', '60 000,-', '60000', '', '', '120000']);
    expect(rows[7]?.[5]).toBe('1265000');
    const plan = importOk(rows);
    expect(plan.measures.map((m) => m.title)).toEqual(['Nytt sak- og arkivsystem', 'Utskifting av PC-er', 'Office 365-lisenser']);
    expect(plan.measures[1]?.lines).toEqual([
      { kind: 'invest', year: 2020, amount: 212500, quantity: 25, unitPrice: 8500 },
      { kind: 'invest', year: 2021, amount: 170000, quantity: 20, unitPrice: 8500 },
    ]);
    // The sheet's own formula SUM(F5:G5) misses 20 × 8 500 in an empty 2021 cell.
    expect(plan.discrepancies).toEqual([
      { row: '2 Utskifting av PC-er', column: 'totalt', type: 'invest', kind: 'row_total', printed: 212500, computed: 382500 },
      { row: 'SUM invest', column: 'totalt', type: 'invest', kind: 'column_sum', printed: 1264999, computed: 1435000 },
    ]);
  });

  it('reads dates, booleans, rich text, hyperlinks, errors and fractions as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ark1');
    sheet.getRow(1).values = [
      new Date(Date.UTC(2026, 10, 22)),
      true,
      { richText: [{ text: 'Fet ', font: { bold: true } }, { text: 'tekst' }] },
      { text: 'Veikart', hyperlink: 'https://example.org' },
      { formula: '1/0', result: { error: '#DIV/0!' } },
      8500.5,
      0.1 + 0.2 + 99.7,
      { formula: 'A1', result: undefined } as unknown as ExcelJS.CellValue,
    ];
    const rows = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()), 'ark.xlsx');
    expect(rows).toEqual([['22.11.2026', 'SANN', 'Fet tekst', 'Veikart', '#DIV/0!', '8500,5', '100']]);
  });

  it('throws SpreadsheetError for a broken or old Excel file', async () => {
    await expect(readTable(Buffer.from('not a zip'), 'plan.xlsx')).rejects.toThrow(SpreadsheetError);
    await expect(readTable(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'plan.xlsx')).rejects.toThrow(
      /Kunne ikke lese Excel-filen «plan\.xlsx»/,
    );
    await expect(readTable(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'plan.xls')).rejects.toThrow(/\.xls/);
  });
});

describe('writeTable', () => {
  const rows = [
    ['prosjektnr', 'tiltak', 'satsingsområde', 'type', '2020', '2021', 'totalt'],
    ['007', 'Skanning; del 1', 'Digitalisering', 'invest', '1052500', '-5000', '1047500'],
    ['', 'Sitat "med" anførsel\nog linjeskift', 'Ærlig, øko og å', 'drift', '-', '', '0'],
    ['', 'SUM', '', 'invest', '1052500', '-5000', '1047500'],
  ];

  it('writes CSV as Norwegian Excel expects: BOM, semicolons, CRLF', async () => {
    const csv = await writeTable(rows, 'csv');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text).toContain('\r\n007;"Skanning; del 1";Digitalisering;invest;1052500;-5000;1047500\r\n');
    expect(await readTable(csv, 'eksport.csv')).toEqual(rows);
  });

  it('keeps CSV cells that look like formulas from running in Excel', async () => {
    const csv = (await writeTable([['=HYPERLINK("x")', '+1', '@SUM', '-A1', '-', '-5']], 'csv')).toString('utf8');
    expect(csv).toBe('\uFEFF"\'=HYPERLINK(""x"")";\'+1;\'@SUM;\'-A1;-;-5\r\n');
  });

  it('with column kinds, protects every text cell starting with -, =, + or @, never a number cell, and reads back unchanged', async () => {
    const rows = [
      ['navn', 'antall', 'merknad'],
      ['-Lager', '-5', '-'],
      ['=SUM(A1)', '12', '+47 22 22 22 22'],
      ['@navn', '0', '-5'],
      ["'=allerede beskyttet", '-1', "'vanlig apostrof"],
      ['\t=tab', '3', '-1+2'],
    ];
    const kinds = ['text', 'number', 'text'] as const;
    const csv = await writeTable(rows, 'csv', 'Ark', kinds);
    const lines = csv.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(0, 6)).toEqual([
      'navn;antall;merknad',
      "'-Lager;-5;'-",
      "'=SUM(A1);12;'+47 22 22 22 22",
      "'@navn;0;'-5",
      "''=allerede beskyttet;-1;'vanlig apostrof",
      "'\t=tab;3;'-1+2",
    ]);
    expect(await readTable(csv, 'x.csv')).toEqual(rows);
    // XLSX holds typed cells: no protection needed; negative numbers are numbers only in number columns.
    const xlsx = await writeTable(rows, 'xlsx', 'Ark', kinds);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as never);
    const sheet = workbook.getWorksheet('Ark')!;
    expect(sheet.getCell('B2').value).toBe(-5);
    expect(sheet.getCell('C4').value).toBe('-5');
    expect(sheet.getCell('A2').value).toBe('-Lager');
    expect(await readTable(xlsx, 'x.xlsx')).toEqual(rows);
  });

  it('writes XLSX: sheet Handlingsplan, bold frozen header, numbers with thousands grouping', async () => {
    const xlsx = await writeTable(rows, 'xlsx');
    expect(await readTable(xlsx, 'eksport.xlsx')).toEqual(rows);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as never);
    const sheet = workbook.getWorksheet('Handlingsplan');
    expect(sheet).toBeDefined();
    expect(sheet!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet!.getCell('A1').font?.bold).toBe(true);
    expect(sheet!.getCell('E1').value).toBe('2020');
    expect(sheet!.getCell('E2').value).toBe(1052500);
    expect(sheet!.getCell('E2').numFmt).toBe('#,##0');
    expect(sheet!.getCell('F2').value).toBe(-5000);
    expect(sheet!.getCell('A2').value).toBe('007');
    expect(sheet!.getCell('E3').value).toBe('-');
  });

  it('round trips a plan table through both formats', async () => {
    const table: PlanTable = {
      years: [2020, 2021, 2022, 2023],
      measures: [
        {
          number: '2',
          title: 'Utskifting av PC-er',
          focusArea: 'Infrastruktur',
          lines: [
            { kind: 'invest', year: 2020, amount: 212500, quantity: 25, unitPrice: 8500 },
            { kind: 'invest', year: 2023, amount: 85000, quantity: 10, unitPrice: 8500 },
          ],
        },
        {
          number: null,
          title: 'Office 365-lisenser',
          focusArea: 'Digitalisering',
          lines: [2020, 2021, 2022, 2023].map((year) => ({ kind: 'drift' as const, year, amount: 60000, quantity: null, unitPrice: null })),
        },
      ],
    };
    for (const format of ['csv', 'xlsx'] as const) {
      const rows = await readTable(await writeTable(planTableRows(table), format), `plan.${format}`);
      const plan = importOk(rows);
      expect(plan.measures).toEqual(table.measures);
      expect(plan.discrepancies).toEqual([]);
    }
  });
});

describe('large tables', () => {
  it('reads and imports a 10 000-row table', async () => {
    const table: PlanTable = {
      years: [2024, 2025, 2026, 2027],
      measures: Array.from({ length: 5000 }, (_, i) => ({
        number: String(i + 1),
        title: `Tiltak nummer ${i + 1}`,
        focusArea: i % 2 === 0 ? 'Infrastruktur' : 'Digitalisering',
        lines: [
          { kind: 'invest' as const, year: 2024, amount: 8500 * ((i % 40) + 1), quantity: (i % 40) + 1, unitPrice: 8500 },
          { kind: 'drift' as const, year: 2025 + (i % 3), amount: 1000 + i, quantity: null, unitPrice: null },
        ],
      })),
    };
    const rows = planTableRows(table);
    expect(rows.length).toBeGreaterThanOrEqual(10_000);
    for (const format of ['csv', 'xlsx'] as const) {
      const started = performance.now();
      const file = await writeTable(rows, format);
      const read = await readTable(file, `stor.${format}`);
      const plan = importOk(read);
      console.log(`${format}: ${read.length} rows written, read and imported in ${Math.round(performance.now() - started)} ms`);
      expect(plan.measures).toHaveLength(5000);
      expect(plan.discrepancies).toEqual([]);
    }
  });
});
