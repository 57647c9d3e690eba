/**
 * Demo system portfolio: Ringebu kommune's 22 systems (Vedlegg 4 of its ICT strategy) with their
 * cooperations, vendors and a few roles and contracts; and the IKS's shared systems with a
 * superbruker in each owner municipality. Idempotent: does nothing for an organization that
 * already has systems.
 */
import type { Tx } from '../db/database.ts';
import { cooperationIdsByName, hasSystems, setSystemsReviewed, systemIdsByName, systemVersion } from '../db/queries/demo.ts';
import { addSystemRole } from '../db/queries/system-roles.ts';
import { insertContracts } from '../db/queries/contracts.ts';
import { insertIntegration } from '../db/queries/integrations.ts';
import { insertPersons } from '../db/queries/persons.ts';
import { insertSuppliers } from '../db/queries/suppliers.ts';
import { insertSystems } from '../db/queries/systems.ts';
import { listNationalComponents } from '../db/queries/national-components.ts';
import { setShares } from '../db/queries/shares.ts';
import type { CreateContract, CreatePerson, CreateSystem, Lifecycle } from '../domain/portfolio.ts';
import { todayInOslo } from '../domain/portfolio-quality.ts';

interface RingebuSystem {
  name: string;
  users: number | null;
  vendor: string | null;
  cooperation: string | null;
  serverLocation: string | null;
  serverLocationNote: string | null;
  database: string | null;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function ensureRingebuPortfolio(tx: Tx, ringebuId: string, list: readonly RingebuSystem[]): Promise<void> {
  if (await hasSystems(tx, ringebuId)) return;
  const today = todayInOslo();
  const vendorNames = [...new Set(list.map((s) => s.vendor).filter((v): v is string => v !== null))].sort();
  const vendors = await insertSuppliers(tx, ringebuId, [
    ...vendorNames.map((name) => ({ name, ...(name === 'Visma' ? { supportPhone: '+47 46 40 40 00', supportUrl: 'https://www.visma.no/kundesenter' } : {}) })),
    { name: 'Ringebu kommune IKT-avdelingen', supportPhone: '61 28 30 00', supportEmail: 'ikt@ringebu.kommune.no' },
  ]);
  const vendorId = new Map(vendors.map((v) => [v.name, v.id]));
  const ownIt = vendorId.get('Ringebu kommune IKT-avdelingen') ?? null;
  const coopId = await cooperationIdsByName(tx);
  const personalData = new Set(['Visma enterprise (øk/pers/lønn)', 'Visma skole', 'Visma barnehage', 'Visma familia', 'Notus turnusplan', 'Profdoc Vision', 'Gerica', 'Socio', 'Acos websak (inkl. intranett)', 'Visma HSpro']);
  const special = new Set(['Profdoc Vision', 'Gerica', 'Socio', 'Visma familia']);
  const inputs: CreateSystem[] = list.map((s) => ({
    name: s.name,
    users: s.users,
    vendorId: s.vendor ? (vendorId.get(s.vendor) ?? null) : null,
    operatorId: s.serverLocation === 'Ringebu' ? ownIt : null,
    hosting: s.serverLocation === 'Ringebu' ? 'own_server_room' : 'other_municipality',
    serverLocation: s.serverLocation,
    description: s.serverLocationNote ? `Serverplassering: ${s.serverLocationNote}` : null,
    database: s.database,
    cooperationId: s.cooperation ? (coopId.get(s.cooperation) ?? null) : null,
    lifecycle: s.name === 'Fond 2000' ? ('phasing_out' satisfies Lifecycle) : 'in_operation',
    criticality: s.name === 'Gerica' || s.name === 'Profdoc Vision' ? 'round_the_clock' : 'office_hours',
    personalData: personalData.has(s.name),
    specialCategoryData: special.has(s.name),
    ...(s.name === 'Fond 2000' ? { plannedEnd: '2026-06-30' } : {}),
  }));
  await insertSystems(tx, ringebuId, inputs);
  const ids = await systemIdsByName(tx, ringebuId);
  const people: CreatePerson[] = [
    { name: 'Kari Nordmo', title: 'IKT-leder', unit: 'IKT-avdelingen', email: 'kari.nordmo@ringebu.kommune.no', phone: '61 28 30 10', publicContact: true },
    { name: 'Ola Fåvang', title: 'IKT-konsulent', unit: 'IKT-avdelingen', email: 'ola.favang@ringebu.kommune.no', phone: '61 28 30 11', publicContact: true },
    { name: 'Randi Sletten', title: 'Økonomisjef', unit: 'Økonomi', email: 'randi.sletten@ringebu.kommune.no', phone: '61 28 30 20' },
    { name: 'Tor Kvam', title: 'Lønnskonsulent', unit: 'Økonomi', email: 'tor.kvam@ringebu.kommune.no' },
    { name: 'Live Bjørke', title: 'Arkivleder', unit: 'Servicetorget', email: 'live.bjorke@ringebu.kommune.no', phone: '61 28 30 30', publicContact: true },
    { name: 'Mona Tronsli', title: 'Enhetsleder pleie og omsorg', unit: 'Helse og omsorg', email: 'mona.tronsli@ringebu.kommune.no' },
    { name: 'Erik Brekken', title: 'Systemansvarlig Gerica', unit: 'Helse og omsorg', email: 'erik.brekken@ringebu.kommune.no', phone: '61 28 31 00' },
  ];
  const persons = await insertPersons(tx, ringebuId, people);
  const pid = (name: string): string => persons.find((p) => p.name === name)?.id ?? '';
  const roles: Array<[system: string, role: Parameters<typeof addSystemRole>[4]]> = [
    ['Visma enterprise (øk/pers/lønn)', { role: 'system_owner', personId: pid('Randi Sletten') }],
    ['Visma enterprise (øk/pers/lønn)', { role: 'super_user', personId: pid('Tor Kvam') }],
    ['Visma enterprise (øk/pers/lønn)', { role: 'support_second_line', supplierId: vendorId.get('Visma') ?? null }],
    ['Acos websak (inkl. intranett)', { role: 'system_owner', personId: pid('Live Bjørke') }],
    ['Acos websak (inkl. intranett)', { role: 'super_user', personId: pid('Live Bjørke') }],
    ['Acos websak (inkl. intranett)', { role: 'support_second_line', supplierId: vendorId.get('Acos') ?? null }],
    ['Gerica', { role: 'system_owner', personId: pid('Mona Tronsli') }],
    ['Gerica', { role: 'system_manager', personId: pid('Erik Brekken') }],
    ['Gerica', { role: 'super_user', personId: pid('Erik Brekken') }],
    ['Gerica', { role: 'support_second_line', supplierId: vendorId.get('Tieto') ?? null }],
  ];
  for (const [system, input] of roles) {
    const systemId = ids.get(system);
    if (systemId) await addSystemRole(tx, ringebuId, ringebuId, systemId, input);
  }
  // Support from the own IT department for every system on the own server room.
  for (const s of inputs) {
    const systemId = ids.get(s.name);
    if (systemId && s.operatorId) await addSystemRole(tx, ringebuId, ringebuId, systemId, { role: 'support_first_line', personId: pid('Ola Fåvang') });
  }
  const contracts: CreateContract[] = [
    { systemId: ids.get('Visma enterprise (øk/pers/lønn)'), supplierId: vendorId.get('Visma'), type: 'ssa_v', title: 'Vedlikehold Visma Enterprise', startDate: '2022-01-01', endDate: addDays(today, 75), noticeMonths: 3, yearlyCost: 412500, licenceCount: 150 },
    { systemId: ids.get('Visma enterprise (øk/pers/lønn)'), supplierId: vendorId.get('Visma'), type: 'dpa', title: 'Databehandleravtale Visma', startDate: '2022-01-01' },
    { systemId: ids.get('Acos websak (inkl. intranett)'), supplierId: vendorId.get('Acos'), type: 'ssa_v', title: 'Vedlikehold Acos Websak', startDate: '2021-01-01', endDate: addDays(today, 400), noticeMonths: 6, yearlyCost: 186000, licenceCount: 324 },
    { systemId: ids.get('Acos websak (inkl. intranett)'), supplierId: vendorId.get('Acos'), type: 'dpa', title: 'Databehandleravtale Acos', startDate: '2021-01-01' },
    { systemId: ids.get('Gerica'), supplierId: vendorId.get('Tieto'), type: 'ssa_l', title: 'Gerica via TRUST (Ikomm AS)', startDate: '2020-01-01', endDate: addDays(today, 45), yearlyCost: 268000, licenceCount: 256 },
    { systemId: ids.get('Profdoc Vision'), supplierId: vendorId.get('Comp.gr.'), type: 'ssa_v', title: 'Vedlikehold Profdoc Vision', startDate: '2018-01-01', endDate: '2025-12-31', yearlyCost: 54000 },
  ];
  await insertContracts(tx, ringebuId, contracts);
  const components = await listNationalComponents(tx);
  const component = (code: string): string | null => components.find((c) => c.code === code)?.id ?? null;
  const websak = ids.get('Acos websak (inkl. intranett)');
  const komtek = ids.get('KomTek');
  const gisline = ids.get('GISline');
  if (websak) {
    await insertIntegration(tx, ringebuId, { fromSystemId: websak, toComponentId: component('svarut-svarinn'), standard: 'svarut', data: 'Utgående og inngående brev', direction: 'two_way', status: 'active' });
    if (komtek) await insertIntegration(tx, ringebuId, { fromSystemId: komtek, toSystemId: websak, standard: 'noark5', data: 'Saker og dokumenter fra kommunaltekniske tjenester', direction: 'one_way', status: 'active' });
  }
  if (gisline) await insertIntegration(tx, ringebuId, { fromSystemId: gisline, toComponentId: component('matrikkelen'), standard: 'rest', data: 'Eiendom, adresse og bygning', direction: 'one_way', status: 'active' });
  const visma = ids.get('Visma enterprise (øk/pers/lønn)');
  const notus = ids.get('Notus turnusplan');
  if (visma && notus) await insertIntegration(tx, ringebuId, { fromSystemId: notus, toSystemId: visma, standard: 'manual', data: 'Variabel lønn fra turnus (dobbeltregistrering)', direction: 'one_way', status: 'active' });
  // Reviewed last year for most systems; a few are overdue (data-quality demo).
  await setSystemsReviewed(tx, ringebuId, addDays(today, -120));
}

interface IksSystem {
  name: string;
  vendor: string;
  users: number;
  database: string | null;
  personalData: boolean;
  special?: boolean;
  criticality: 'round_the_clock' | 'office_hours';
  /** Owner kommunenummer the system is shared with (all six when omitted). */
  sharedWith?: readonly string[];
}

const IKS_SYSTEMS: readonly IksSystem[] = [
  { name: 'Elements sak/arkiv', vendor: 'Sikri', users: 210, database: 'MS SQL', personalData: true, criticality: 'office_hours' },
  { name: 'Visma Enterprise økonomi og lønn', vendor: 'Visma', users: 140, database: 'Oracle', personalData: true, criticality: 'office_hours' },
  { name: 'Profil pleie og omsorg', vendor: 'Visma', users: 320, database: 'Oracle', personalData: true, special: true, criticality: 'round_the_clock' },
  { name: 'Visma Flyt skole', vendor: 'Visma', users: 180, database: null, personalData: true, criticality: 'office_hours' },
  { name: 'Komtek kommunaltekniske tjenester', vendor: 'Norkart', users: 30, database: 'MS SQL', personalData: true, criticality: 'office_hours', sharedWith: ['5041', '5042', '5045'] },
  { name: 'ISY Eiendom', vendor: 'Norconsult', users: 12, database: 'MS SQL', personalData: false, criticality: 'office_hours', sharedWith: ['5044', '5045', '5046'] },
  { name: 'Microsoft 365', vendor: 'Microsoft', users: 900, database: null, personalData: true, criticality: 'round_the_clock' },
];

const SUPER_USERS: Record<string, readonly string[]> = {
  '5041': ['Inger Kjelvatn', 'Åsmund Snåsvatn'],
  '5042': ['Liv Sandvika', 'Petter Nordli'],
  '5043': ['Marit Røyrvik', 'Nils Tunnsjø'],
  '5044': ['Berit Trones', 'Geir Brekkvasselv'],
  '5045': ['Hilde Harran', 'Ole Formofoss'],
  '5046': ['Sissel Kongsmoen', 'Tore Høylandet'],
};

export async function ensureIksPortfolio(tx: Tx, iksId: string, owners: ReadonlyArray<{ id: string; kommunenummer: string }>): Promise<void> {
  if (await hasSystems(tx, iksId)) return;
  const today = todayInOslo();
  const vendorNames = [...new Set(IKS_SYSTEMS.map((s) => s.vendor))].sort();
  const vendors = await insertSuppliers(tx, iksId, [
    ...vendorNames.map((name) => ({ name })),
    { name: 'Indre Namdal IKT IKS driftssenter', supportPhone: '74 33 20 00', supportEmail: 'brukerstotte@indrenamdal-ikt.no', supportUrl: 'https://indrenamdal-ikt.no/hjelp' },
  ]);
  const vendorId = new Map(vendors.map((v) => [v.name, v.id]));
  const operator = vendorId.get('Indre Namdal IKT IKS driftssenter') ?? null;
  await insertSystems(
    tx,
    iksId,
    IKS_SYSTEMS.map((s) => ({
      name: s.name,
      users: s.users,
      vendorId: vendorId.get(s.vendor) ?? null,
      operatorId: s.name === 'Microsoft 365' ? null : operator,
      hosting: s.name === 'Microsoft 365' ? 'saas' : 'iks',
      serverLocation: s.name === 'Microsoft 365' ? 'Microsoft (EU/EØS)' : 'IKS-ets datasenter, Grong',
      database: s.database,
      lifecycle: 'in_operation',
      criticality: s.criticality,
      personalData: s.personalData,
      specialCategoryData: s.special ?? false,
    })),
  );
  await setSystemsReviewed(tx, iksId, addDays(today, -60));
  const ids = await systemIdsByName(tx, iksId);
  const staff = await insertPersons(tx, iksId, [
    { name: 'Jon Grong', title: 'Daglig leder', unit: 'Indre Namdal IKT IKS', email: 'jon.grong@indrenamdal-ikt.no', phone: '74 33 20 01', publicContact: true },
    { name: 'Eva Namsos', title: 'Systemkonsulent', unit: 'Fagsystemer', email: 'eva@indrenamdal-ikt.no', phone: '74 33 20 10', publicContact: true },
  ]);
  const [manager, consultant] = staff;
  for (const s of IKS_SYSTEMS) {
    const systemId = ids.get(s.name);
    if (!systemId) continue;
    if (manager) await addSystemRole(tx, iksId, iksId, systemId, { role: 'system_owner', personId: manager.id });
    if (consultant) await addSystemRole(tx, iksId, iksId, systemId, { role: 'system_manager', personId: consultant.id });
    if (operator && s.name !== 'Microsoft 365') await addSystemRole(tx, iksId, iksId, systemId, { role: 'support_first_line', supplierId: operator });
    const vendor = vendorId.get(s.vendor);
    if (vendor) await addSystemRole(tx, iksId, iksId, systemId, { role: 'support_second_line', supplierId: vendor });
    const members = owners.filter((o) => !s.sharedWith || s.sharedWith.includes(o.kommunenummer));
    await setShares(tx, iksId, systemId, {
      version: (await systemVersion(tx, systemId)) ?? 1,
      shares: members.map((o, i) => ({ organizationId: o.id, users: Math.max(5, Math.round(s.users / 6) + i * 3) })),
    });
  }
  // Each owner municipality has its own superbruker for each shared system.
  for (const o of owners) {
    const names = SUPER_USERS[o.kommunenummer] ?? [];
    const people = await insertPersons(tx, o.id, names.map((name, i) => ({ name, title: i === 0 ? 'Superbruker fagsystemer' : 'Superbruker helse og omsorg', email: `${name.toLowerCase().replace(/[^a-zæøå]+/g, '.').replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a')}@kommune.example.no`, publicContact: true })));
    for (const s of IKS_SYSTEMS) {
      if (s.sharedWith && !s.sharedWith.includes(o.kommunenummer)) continue;
      const systemId = ids.get(s.name);
      const person = s.special ? people[1] : people[0];
      if (systemId && person) await addSystemRole(tx, o.id, iksId, systemId, { role: 'super_user', personId: person.id });
    }
  }
  const contract = (system: string, input: Omit<CreateContract, 'systemId'>): CreateContract => ({ ...input, systemId: ids.get(system) ?? null });
  await insertContracts(tx, iksId, [
    contract('Elements sak/arkiv', { supplierId: vendorId.get('Sikri'), type: 'ssa_l', title: 'Elements skytjeneste', startDate: '2023-01-01', endDate: addDays(today, 60), noticeMonths: 1, yearlyCost: 640000, licenceCount: 210 }),
    contract('Elements sak/arkiv', { supplierId: vendorId.get('Sikri'), type: 'dpa', title: 'Databehandleravtale Sikri', startDate: '2023-01-01' }),
    contract('Visma Enterprise økonomi og lønn', { supplierId: vendorId.get('Visma'), type: 'ssa_v', title: 'Visma Enterprise vedlikehold', startDate: '2021-01-01', endDate: addDays(today, 500), noticeMonths: 6, yearlyCost: 980000, licenceCount: 140 }),
    contract('Visma Enterprise økonomi og lønn', { supplierId: vendorId.get('Visma'), type: 'dpa', title: 'Databehandleravtale Visma', startDate: '2021-01-01' }),
    contract('Profil pleie og omsorg', { supplierId: vendorId.get('Visma'), type: 'ssa_v', title: 'Profil vedlikehold', startDate: '2019-01-01', endDate: addDays(today, 200), noticeMonths: 6, yearlyCost: 1052500, licenceCount: 320 }),
    contract('Microsoft 365', { supplierId: vendorId.get('Microsoft'), type: 'ssa_l', title: 'Microsoft 365 for kommunene', startDate: '2024-07-01', endDate: addDays(today, 300), yearlyCost: 2150000, licenceCount: 900 }),
    contract('Microsoft 365', { supplierId: vendorId.get('Microsoft'), type: 'dpa', title: 'Databehandleravtale Microsoft', startDate: '2024-07-01' }),
  ]);
  const components = await listNationalComponents(tx);
  const component = (code: string): string | null => components.find((c) => c.code === code)?.id ?? null;
  const elements = ids.get('Elements sak/arkiv');
  const profil = ids.get('Profil pleie og omsorg');
  const flyt = ids.get('Visma Flyt skole');
  if (elements) {
    await insertIntegration(tx, iksId, { fromSystemId: elements, toComponentId: component('eformidling'), standard: 'other', data: 'Post til og fra andre offentlige virksomheter', direction: 'two_way', status: 'active' });
    await insertIntegration(tx, iksId, { fromSystemId: elements, toComponentId: component('svarut-svarinn'), standard: 'svarut', data: 'Utgående brev til innbyggere', direction: 'one_way', status: 'active' });
    if (profil) await insertIntegration(tx, iksId, { fromSystemId: profil, toSystemId: elements, standard: 'gi_fiks_arkiv', data: 'Vedtak og journalnotater til arkiv', direction: 'one_way', status: 'planned' });
  }
  if (profil) await insertIntegration(tx, iksId, { fromSystemId: profil, toComponentId: component('folkeregisteret'), standard: 'rest', data: 'Personopplysninger om tjenestemottakere', direction: 'one_way', status: 'active' });
  if (flyt) await insertIntegration(tx, iksId, { fromSystemId: flyt, toComponentId: component('id-porten'), standard: 'other', data: 'Innlogging for foresatte', direction: 'one_way', status: 'active' });
}
