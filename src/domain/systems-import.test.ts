import { describe, expect, it } from 'vitest';
import type { SystemListItem } from './portfolio.ts';
import {
  EXPORT_COLUMNS,
  missingSuppliers,
  NEW_SYSTEM_VALUES,
  parseSystemTable,
  planSystemImport,
  systemTableRows,
  type ExistingSystem,
  type ImportProblem,
  type SystemTable,
} from './systems-import.ts';

/** Rows from `;`-separated lines. */
function table(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((line) => line.split(';'));
}

function parsed(rows: string[][]): SystemTable {
  const result = parseSystemTable(rows);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result.value;
}

function fatal(rows: string[][]): ImportProblem[] {
  const result = parseSystemTable(rows);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

const existing = (name: string, over: Partial<ExistingSystem> = {}): ExistingSystem => ({ ...NEW_SYSTEM_VALUES, id: `id-${name}`, name, version: 3, replacedById: null, ...over });

describe('parseSystemTable: header', () => {
  it('reads English headers (the Ringebu appendix) and reports an unknown column once, on the header row', () => {
    const t = parsed([
      ['system', 'users', 'vendor', 'cooperation', 'server_location', 'server_location_explained', 'database'],
      ['Gerica', '256', 'Tieto', 'TRUST', 'Ikomm AS', 'Felles IKT-selskap', 'Oracle'],
      ['Socio', '6', 'Tieto', '', 'Ringebu', '', 'Oracle'],
    ]);
    expect(t.rows).toEqual([
      { row: 2, name: 'Gerica', users: 256, vendor: 'Tieto', cooperation: 'TRUST', serverLocation: 'Ikomm AS', database: 'Oracle' },
      { row: 3, name: 'Socio', users: 6, vendor: 'Tieto', cooperation: null, serverLocation: 'Ringebu', database: 'Oracle' },
    ]);
    expect(t.problems).toEqual([{ row: 1, column: 'server_location_explained', message: 'Kolonnen «server_location_explained» er ukjent og er ikke importert.' }]);
  });

  it('reads Norwegian headers in any order and case, below a title row, and camelCase JSON keys', () => {
    const t = parsed(
      table(`
Fagsystemer i Ringebu kommune;;;;;;;;;;
;;;;;;;;;;
Database;Antall brukere;FAGSYSTEM;Samarbeid;Leverandør;Driftsleverandør;Serverplassering;Livsløp;Enheter;Beskrivelse;Personopplysninger
MS SQL;1 000;Visma skole;3K;Visma;IKT Nord;Sør-Fron;Under utfasing;Skole;Elevadministrasjon;ja
`),
    );
    expect(t.problems).toEqual([]);
    expect(t.rows).toEqual([
      {
        row: 4,
        name: 'Visma skole',
        users: 1000,
        vendor: 'Visma',
        operator: 'IKT Nord',
        cooperation: '3K',
        serverLocation: 'Sør-Fron',
        database: 'MS SQL',
        lifecycle: 'phasing_out',
        units: 'Skole',
        description: 'Elevadministrasjon',
        personalData: true,
      },
    ]);
    const json = parsed([
      ['system', 'serverLocation', 'personalData', 'leverandor', 'programleverandør', 'status'],
      ['A', 'Ringebu', 'nei', 'X', 'Y', 'retired'],
    ]);
    expect(json.rows[0]).toMatchObject({ serverLocation: 'Ringebu', personalData: false, vendor: 'X', lifecycle: 'retired' });
    const lifecycles = parsed(table('navn;status\nA;planned\nB;In use\nC;under innføring\nD;I DRIFT\nE;phasing_out\nF;Planlagt'));
    expect(lifecycles.rows.map((r) => r.lifecycle)).toEqual(['planned', 'in_operation', 'introducing', 'in_operation', 'phasing_out', 'planned']);
    expect(json.problems).toEqual([{ row: 1, column: 'programleverandør', message: 'Kolonnen «programleverandør» står flere ganger (som «leverandor»); bare den første er brukt.' }]);
  });

  it('refuses a file without a system column, and an empty file, as a whole', () => {
    const message = 'Fant ingen overskriftsrad med kolonnen «system» (eller «navn», «fagsystem»). Ingenting er importert.';
    expect(fatal(table('Program;Brukere\nGerica;256'))).toEqual([{ row: 0, column: 'system', message }]);
    expect(fatal([])).toEqual([{ row: 0, column: 'system', message }]);
  });

  it('reads past the computed datakvalitet column of an export without a note', () => {
    const t = parsed([[...EXPORT_COLUMNS], ['A', '', '', '', '', '', '', '', 'I drift', 'Kontortid', 'nei', '40']]);
    expect(t.problems).toEqual([]);
    expect(t.rows[0]).toMatchObject({ name: 'A', lifecycle: 'in_operation', criticality: 'office_hours', personalData: false, users: null });
  });
});

describe('parseSystemTable: rows and cells', () => {
  it('reports each unreadable cell with row and column, and keeps the row without that field', () => {
    const t = parsed(
      table(`
system;brukere;livsløp;kritikalitet;personopplysninger
Gerica;mange;I drift;24/7;ja
Socio;-3;gammel;Døgnkritisk (24/7);kanskje
Promed;12,5;Utfaset til fordel for ny løsning;hele tiden;x
`),
    );
    expect(t.rows).toEqual([
      { row: 2, name: 'Gerica', lifecycle: 'in_operation', criticality: 'round_the_clock', personalData: true },
      { row: 3, name: 'Socio', criticality: 'round_the_clock' },
      { row: 4, name: 'Promed', lifecycle: 'retired', personalData: true },
    ]);
    expect(t.problems).toEqual([
      { row: 2, column: 'brukere', message: 'Rad 2, kolonne «brukere»: «mange» er ikke et helt antall (brukere må være et helt tall, 0 eller mer); feltet er ikke importert.' },
      { row: 3, column: 'brukere', message: 'Rad 3, kolonne «brukere»: antallet kan ikke være negativt («-3») (brukere må være et helt tall, 0 eller mer); feltet er ikke importert.' },
      {
        row: 3,
        column: 'livsløp',
        message: 'Rad 3, kolonne «livsløp»: «gammel» er ikke et kjent livsløp (bruk Planlagt, I innføring, I drift, Under utfasing eller Utfaset); feltet er ikke importert.',
      },
      { row: 3, column: 'personopplysninger', message: 'Rad 3, kolonne «personopplysninger»: «kanskje» er ikke ja eller nei; feltet er ikke importert.' },
      { row: 4, column: 'brukere', message: 'Rad 4, kolonne «brukere»: «12,5» er ikke et helt antall (brukere må være et helt tall, 0 eller mer); feltet er ikke importert.' },
      {
        row: 4,
        column: 'kritikalitet',
        message: 'Rad 4, kolonne «kritikalitet»: «hele tiden» er ikke en kjent kritikalitet (bruk Døgnkritisk (24/7) eller Kontortid); feltet er ikke importert.',
      },
    ]);
  });

  it('skips rows without a name (blank rows silently) and a repeated name, and refuses over-long text', () => {
    const long = 'x'.repeat(201);
    const t = parsed(table(`navn;brukere;database\nGerica;1;Oracle\n;;\n;5;Oracle\ngerica;2;MS SQL\nSocio;3;${long}\n${'y'.repeat(201)};1;`));
    expect(t.rows).toEqual([
      { row: 2, name: 'Gerica', users: 1, database: 'Oracle' },
      { row: 6, name: 'Socio', users: 3 },
    ]);
    expect(t.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [4, 'navn', 'Rad 4, kolonne «navn»: navnet på systemet mangler; raden er hoppet over.'],
      [5, 'navn', 'Rad 5, kolonne «navn»: systemet «gerica» står også på rad 2; raden er hoppet over.'],
      [6, 'database', 'Rad 6, kolonne «database»: teksten kan ha høyst 200 tegn; feltet er ikke importert.'],
      [7, 'navn', 'Rad 7, kolonne «navn»: navnet kan ha høyst 200 tegn; raden er hoppet over.'],
    ]);
  });
});

describe('planSystemImport', () => {
  const file = () =>
    parsed(
      table(`
system;brukere;leverandør;driftsleverandør;samarbeid;database
Visma enterprise;150;Visma;;2K;Oracle
Visma skole;90;VISMA;Visma;3K;MS SQL
Gerica;256;Tieto;;TRUST;Oracle
Acos websak;324;Acos;;;MS SQL
`),
    );

  const suppliers = [
    { id: 'visma', name: 'Visma' },
    { id: 'tieto', name: 'Tieto' },
    { id: 'acos', name: 'Acos' },
  ];
  const cooperations = [
    { id: 'c2', name: '2K' },
    { id: 'c3', name: '3K' },
  ];

  it('lists each missing supplier once, by its first spelling, and never a known one', () => {
    expect(missingSuppliers(file(), [{ id: 's1', name: 'tieto' }])).toEqual(['Visma', 'Acos']);
  });

  it('matches suppliers and cooperations by name case-insensitively, and reports an unknown cooperation once', () => {
    const plan = planSystemImport(file(), { suppliers, cooperations: [{ id: 'c2', name: '2k' }, ...cooperations.slice(1)], systems: [] });
    expect(plan.creates.map((c) => [c.name, c.vendorId, c.operatorId, c.cooperationId, c.users, c.lifecycle])).toEqual([
      ['Visma enterprise', 'visma', null, 'c2', 150, 'in_operation'],
      ['Visma skole', 'visma', 'visma', 'c3', 90, 'in_operation'],
      ['Gerica', 'tieto', null, null, 256, 'in_operation'],
      ['Acos websak', 'acos', null, null, 324, 'in_operation'],
    ]);
    expect(plan.rows.map((r) => [r.name, r.cooperation, r.cooperationMatched])).toEqual([
      ['Visma enterprise', '2K', true],
      ['Visma skole', '3K', true],
      ['Gerica', 'TRUST', false],
      ['Acos websak', null, false],
    ]);
    expect(plan.problems).toEqual([
      {
        row: 4,
        column: 'samarbeid',
        message: 'Rad 4, kolonne «samarbeid»: fant ikke samarbeidet «TRUST» blant samarbeidene organisasjonen er vertskommune for eller medlem av; systemet er importert uten samarbeid.',
      },
    ]);
  });

  it('updates an existing system by name only where the file differs, keeping what the file does not give', () => {
    const current = [
      existing('Visma Enterprise', { users: 150, vendorId: 'visma', cooperationId: 'c2', database: 'Oracle', lifecycle: 'phasing_out', description: 'Økonomi' }),
      existing('Gerica', { users: 200, vendorId: 'tieto', cooperationId: 'c9', database: 'Oracle', criticality: 'round_the_clock' }),
    ];
    const plan = planSystemImport(file(), { suppliers, cooperations, systems: current });
    expect(plan.creates.map((c) => c.name)).toEqual(['Visma skole', 'Acos websak']);
    expect(plan.unchanged).toBe(1);
    // Gerica: users changed; the unknown cooperation TRUST keeps the stored one; criticality is not in the file.
    expect(plan.updates).toEqual([
      {
        id: 'id-Gerica',
        version: 3,
        users: 256,
        vendorId: 'tieto',
        operatorId: null,
        cooperationId: 'c9',
        serverLocation: null,
        database: 'Oracle',
        softwareVersion: null,
        lifecycle: 'in_operation',
        criticality: 'round_the_clock',
        personalData: false,
        units: null,
        description: null,
        introducedYear: null,
      },
    ]);
  });

  it('a blank cell in a present column clears the field; a blank lifecycle keeps it', () => {
    const t = parsed(table('system;brukere;leverandør;livsløp\nGerica;;;'));
    const plan = planSystemImport(t, {
      suppliers: [{ id: 'tieto', name: 'Tieto' }],
      cooperations: [],
      systems: [existing('Gerica', { users: 200, vendorId: 'tieto', lifecycle: 'planned' })],
    });
    expect(plan.updates).toHaveLength(1);
    expect(plan.updates[0]).toMatchObject({ users: null, vendorId: null, lifecycle: 'planned' });
  });
});

describe('the system version column (declared in system-fields.ts)', () => {
  it('reads «versjon», «programversjon» and «softwareVersion», and refuses a version over 50 characters with row and column', () => {
    for (const header of ['versjon', 'Programversjon', 'softwareVersion']) {
      expect(parsed(table(`system;${header}\nGerica;4.2.1`)).rows[0]).toEqual({ row: 2, name: 'Gerica', softwareVersion: '4.2.1' });
    }
    const long = parsed(table(`system;versjon\nGerica;${'1.'.repeat(26)}\nSocio;`));
    expect(long.rows).toEqual([{ row: 2, name: 'Gerica' }, { row: 3, name: 'Socio', softwareVersion: null }]);
    expect(long.problems).toEqual([{ row: 2, column: 'versjon', message: 'Rad 2, kolonne «versjon»: teksten kan ha høyst 50 tegn; feltet er ikke importert.' }]);
  });
});

const sample: SystemListItem = {
  id: '00000000-0000-4000-8000-000000000001',
  organizationId: '00000000-0000-4000-8000-000000000002',
  host: null,
  name: 'Gerica',
  vendorName: 'Tieto',
  operatorName: 'Ikomm',
  hosting: null,
  serverLocation: 'Ikomm AS',
  database: 'Oracle',
  softwareVersion: '4.2.1',
  users: 256,
  units: null,
  cooperationName: 'TRUST',
  lifecycle: 'phasing_out',
  criticality: 'round_the_clock',
  personalData: true,
  specialCategoryData: false,
  quality: { score: 40, gaps: [] },
};

describe('systemTableRows', () => {
  const item = (over: Partial<SystemListItem>): SystemListItem => ({
    id: '00000000-0000-4000-8000-000000000001',
    organizationId: '00000000-0000-4000-8000-000000000002',
    host: null,
    name: 'Gerica',
    vendorName: 'Tieto',
    operatorName: null,
    hosting: null,
    serverLocation: 'Ikomm AS',
    database: 'Oracle',
    softwareVersion: '4.2.1',
    users: 256,
    units: null,
    cooperationName: 'TRUST',
    lifecycle: 'phasing_out',
    criticality: 'round_the_clock',
    personalData: true,
    specialCategoryData: false,
    quality: { score: 40, gaps: [] },
    ...over,
  });

  it('writes Norwegian labels that parseSystemTable reads back to the same values, without problems', () => {
    const rows = systemTableRows([item({}), item({ name: 'Bibliofil', vendorName: null, users: null, cooperationName: null, lifecycle: 'in_operation', criticality: null, personalData: false })]);
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows[1]).toEqual(['Gerica', '256', 'Tieto', '', 'TRUST', 'Ikomm AS', 'Oracle', '4.2.1', 'Under utfasing', 'Døgnkritisk (24/7)', 'ja', '40', '', '', '']);
    const back = parsed(rows);
    expect(back.problems).toEqual([]);
    expect(back.rows).toEqual([
      { row: 2, name: 'Gerica', users: 256, vendor: 'Tieto', operator: null, cooperation: 'TRUST', serverLocation: 'Ikomm AS', database: 'Oracle', softwareVersion: '4.2.1', lifecycle: 'phasing_out', criticality: 'round_the_clock', personalData: true, introducedYear: null, successor: null, description: null },
      { row: 3, name: 'Bibliofil', users: null, vendor: null, operator: null, cooperation: null, serverLocation: 'Ikomm AS', database: 'Oracle', softwareVersion: '4.2.1', lifecycle: 'in_operation', criticality: null, personalData: false, introducedYear: null, successor: null, description: null },
    ]);
  });
});

describe('systemTableRows in nynorsk', () => {
  it('writes nynorsk headers and labels that parseSystemTable reads back to the same values as the bokmål export', () => {
    const systems = [
      { ...sample, introducedYear: 2011, replacedByName: 'Bibliofil', description: 'Pleie og omsorg' },
      { ...sample, name: 'Bibliofil', lifecycle: 'retired' as const, criticality: 'office_hours' as const, personalData: false, softwareVersion: null },
    ];
    const nn = systemTableRows(systems, 'nn');
    expect(nn[0]).toEqual(['system', 'brukarar', 'leverandør', 'driftsleverandør', 'samarbeid', 'serverplassering', 'database', 'versjon', 'livsløp', 'kritikalitet', 'personopplysningar', 'datakvalitet', 'innført', 'erstatta av', 'skildring']);
    expect(nn[2]).toContain('Utfasa');
    const back = parsed(nn);
    expect(back.problems).toEqual([]);
    expect(back.rows).toEqual(parsed(systemTableRows(systems, 'nb')).rows);
    expect(back.rows[0]).toMatchObject({ users: 256, successor: 'Bibliofil', description: 'Pleie og omsorg', softwareVersion: '4.2.1', personalData: true });
  });
});

describe('lifecycle columns: innført, status (Utfaset), erstattet av, beskrivelse', () => {
  const rows = [
    ['system', 'innført', 'status', 'erstattet av', 'beskrivelse'],
    ['Ephorte', '2008', '(Utfaset)', 'Elements', 'Sak/arkiv'],
    ['Elements', '2017', 'I drift', '', 'Nytt sak/arkiv'],
    ['Fronter', '2006', 'utfaset', 'Ukjent LMS', ''],
    ['Gammel', 'sytten', '', 'Gammel', ''],
  ];

  it('reads the year, «(Utfaset)» and «utfaset» as retired, the successor and the description', () => {
    const t = parsed(rows);
    expect(t.rows.map((r) => [r.name, r.introducedYear, r.lifecycle, r.successor, r.description])).toEqual([
      ['Ephorte', 2008, 'retired', 'Elements', 'Sak/arkiv'],
      ['Elements', 2017, 'in_operation', null, 'Nytt sak/arkiv'],
      ['Fronter', 2006, 'retired', 'Ukjent LMS', null],
      ['Gammel', undefined, undefined, 'Gammel', null],
    ]);
    expect(t.problems).toEqual([{ row: 5, column: 'innført', message: 'Rad 5, kolonne «innført»: «sytten» er ikke et årstall (1950–2100); feltet er ikke importert.' }]);
  });

  it('matches the successor among own systems and the file; an unknown name or the system itself is a problem with row and column', () => {
    const plan = planSystemImport(parsed(rows), { suppliers: [], cooperations: [], systems: [existing('elements', { introducedYear: 2017 })] });
    expect(plan.successors).toEqual([{ name: 'Ephorte', successor: 'elements' }]);
    expect(plan.creates.map((c) => [c.name, c.introducedYear, c.lifecycle])).toEqual([
      ['Ephorte', 2008, 'retired'],
      ['Fronter', 2006, 'retired'],
      ['Gammel', null, 'in_operation'],
    ]);
    expect(plan.problems.filter((p) => p.column === 'erstattet av')).toEqual([
      { row: 4, column: 'erstattet av', message: 'Rad 4, kolonne «erstattet av»: fant ikke systemet «Ukjent LMS» blant organisasjonens systemer eller i filen; feltet er ikke importert.' },
      { row: 5, column: 'erstattet av', message: 'Rad 5, kolonne «erstattet av»: et system kan ikke erstatte seg selv («Gammel»); feltet er ikke importert.' },
    ]);
  });

  it('a changed successor alone makes an update; the same successor leaves the system unchanged', () => {
    const t = parsed([['system', 'erstattet av'], ['Ephorte', 'Elements'], ['Elements', '']]);
    const same = planSystemImport(t, { suppliers: [], cooperations: [], systems: [existing('Ephorte', { replacedById: 'id-Elements' }), existing('Elements')] });
    expect([same.updates.length, same.unchanged, same.successors]).toEqual([0, 2, []]);
    const changed = planSystemImport(t, { suppliers: [], cooperations: [], systems: [existing('Ephorte'), existing('Elements', { replacedById: 'id-Ephorte' })] });
    expect(changed.updates.map((u) => u.id)).toEqual(['id-Ephorte', 'id-Elements']);
    expect(changed.successors).toEqual([
      { name: 'Ephorte', successor: 'Elements' },
      { name: 'Elements', successor: null },
    ]);
  });
});
