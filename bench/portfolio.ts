/**
 * Generated system-portfolio data for `npm run bench`: every kommune gets N systems (default 150,
 * i.e. 357 × 150 = 53 550) with suppliers, people, 3–5 roles and contracts, and an IKS with six owner
 * municipalities (5041–5046) owns M systems (default 300) shared with every owner, each owner with
 * its own super user on every shared system. Everything is written with set-based SQL
 * (`insert … select … generate_series`), a handful of statements per table whatever the size, so the
 * national dataset loads in seconds on PostgreSQL. Audit triggers stay on, as in production.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../src/db/database.ts';
import { insertOrganization, setOwners } from '../src/db/queries/organizations.ts';

/** Suppliers every organization registers (n = position, 1-based). */
const VENDORS: ReadonlyArray<readonly [string, string]> = [
  ['Visma', 'visma.no'],
  ['Tietoevry', 'tietoevry.com'],
  ['Acos', 'acos.no'],
  ['Sikri', 'sikri.no'],
  ['Unit4', 'unit4.com'],
  ['Norkart', 'norkart.no'],
  ['Kommuneforlaget', 'kf.no'],
  ['Microsoft', 'microsoft.com'],
  ['Telenor', 'telenor.no'],
  ['Atea', 'atea.no'],
  ['Crayon', 'crayon.com'],
  ['CGI', 'cgi.com'],
  ['Arkitektum', 'arkitektum.no'],
  ['Vigilo', 'vigilo.no'],
  ['IST', 'ist.com'],
  ['Netcompany', 'netcompany.no'],
  ['Framsikt', 'framsikt.no'],
  ['Infodoc', 'infodoc.no'],
  ['Evry Drift', 'evry.no'],
  ['Innovation Norway IT', 'innit.no'],
];

/** System products: name, vendor (1-based index into VENDORS), database, hosting, personal data, special category. */
const PRODUCTS: ReadonlyArray<readonly [string, number, string, string, boolean, boolean]> = [
  ['Visma Flyt Skole', 1, 'SQL Server', 'saas', true, false],
  ['Visma Flyt Barnehage', 1, 'SQL Server', 'saas', true, false],
  ['Visma Enterprise HRM', 1, 'Oracle', 'asp', true, false],
  ['Visma Flyt Sampro', 1, 'SQL Server', 'saas', true, true],
  ['Visma Familia', 1, 'SQL Server', 'asp', true, true],
  ['Gerica', 2, 'Oracle', 'own_server_room', true, true],
  ['Tieto Public 360', 2, 'SQL Server', 'asp', true, false],
  ['Tieto Agresso', 2, 'Oracle', 'asp', true, false],
  ['Acos WebSak', 3, 'SQL Server', 'own_server_room', true, false],
  ['Acos Sosialkontor', 3, 'SQL Server', 'own_server_room', true, true],
  ['Acos Barnevern', 3, 'SQL Server', 'iks', true, true],
  ['Elements', 4, 'Oracle', 'saas', true, false],
  ['ePhorte', 4, 'Oracle', 'own_server_room', true, false],
  ['Unit4 ERP', 5, 'SQL Server', 'saas', true, false],
  ['Unit4 Lønn', 5, 'SQL Server', 'saas', true, false],
  ['Norkart Komtek', 6, 'PostgreSQL', 'asp', true, false],
  ['Norkart Kommunekart', 6, 'PostgreSQL', 'saas', false, false],
  ['Norkart Matrikkelklient', 6, 'PostgreSQL', 'saas', true, false],
  ['KF Infoland', 7, 'SQL Server', 'saas', false, false],
  ['KF Bedre Styring', 7, 'SQL Server', 'saas', false, false],
  ['Microsoft 365', 8, 'Azure', 'saas', true, false],
  ['Microsoft Teams', 8, 'Azure', 'saas', true, false],
  ['Microsoft Entra ID', 8, 'Azure', 'saas', true, false],
  ['Telenor Bedriftsnett', 9, 'Ingen', 'saas', false, false],
  ['Atea Servicedesk', 10, 'SQL Server', 'asp', true, false],
  ['Crayon Lisensportal', 11, 'SQL Server', 'saas', false, false],
  ['CGI Helseplattform', 12, 'Oracle', 'asp', true, true],
  ['Arkitektum eByggesak', 13, 'PostgreSQL', 'saas', true, false],
  ['Vigilo Skole', 14, 'MySQL', 'saas', true, false],
  ['IST Everyday', 15, 'SQL Server', 'saas', true, false],
  ['IST Extens', 15, 'SQL Server', 'saas', true, false],
  ['Netcompany Digisos', 16, 'PostgreSQL', 'saas', true, true],
  ['Framsikt Budsjett', 17, 'SQL Server', 'saas', false, false],
  ['Infodoc Plan', 18, 'SQL Server', 'saas', false, false],
  ['Profil Helsestasjon', 19, 'Oracle', 'own_server_room', true, true],
  ['CosDoc Legekontor', 19, 'SQL Server', 'own_server_room', true, true],
  ['HsPro Helsestasjon', 2, 'SQL Server', 'own_server_room', true, true],
  ['WinMed Legevakt', 2, 'SQL Server', 'other_municipality', true, true],
  ['Sikri Elements Innsyn', 4, 'Oracle', 'saas', false, false],
  ['Visma Expense', 1, 'SQL Server', 'saas', true, false],
  ['Visma Ressursstyring', 1, 'SQL Server', 'saas', true, false],
  ['Acos Politisk møte', 3, 'SQL Server', 'own_server_room', false, false],
  ['Tieto Innkjøp', 2, 'Oracle', 'asp', false, false],
  ['Kommunal Rapport Nett', 7, 'Ingen', 'saas', false, false],
  ['Norkart Geoinnsyn', 6, 'PostgreSQL', 'saas', false, false],
  ['Arkitektum Planregister', 13, 'PostgreSQL', 'saas', false, false],
  ['Netcompany SvarUt-adapter', 16, 'PostgreSQL', 'saas', true, false],
  ['Unit4 Innkjøp', 5, 'SQL Server', 'saas', false, false],
  ['Microsoft Intune', 8, 'Azure', 'saas', true, false],
  ['Atea Backup', 10, 'Ingen', 'own_server_room', true, false],
];

/** Name variants: products × variants gives distinct names within one organization. */
const VARIANTS = ['', ' Mobil', ' Rapport', ' Integrasjon', ' Test', ' Arkiv', ' Kurs', ' Portal'];

const FIRST = ['Kari', 'Ola', 'Ingrid', 'Per', 'Marit', 'Jon', 'Anne', 'Lars', 'Silje', 'Knut', 'Hilde', 'Morten', 'Tone', 'Geir', 'Randi', 'Arne', 'Liv', 'Trond', 'Berit', 'Eirik'];
const LAST = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl'];
const TITLES = ['Rådgiver', 'Seniorrådgiver', 'Systemansvarlig', 'Superbruker', 'Enhetsleder', 'Fagleder', 'Konsulent', 'IKT-koordinator'];
const UNITS = ['Oppvekst', 'Helse og omsorg', 'Økonomi', 'Personal', 'Teknisk', 'Plan og bygg', 'Kultur', 'Servicetorget', 'NAV', 'IKT'];
const PERSONS_PER_ORG = 40;

function textArray(values: readonly string[]): SQL {
  return sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`}::text[]`;
}

function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

const productValues = sql.join(
  PRODUCTS.map(([name, vendor, database, hosting, personal, special], i) => sql`(${i + 1}::int, ${name}::text, ${vendor}::int, ${database}::text, ${hosting}::text, ${personal}::boolean, ${special}::boolean)`),
  sql`, `,
);

const OPERATORS = ['Atea', 'Evry Drift', 'Telenor', 'Innovation Norway IT'];

/**
 * Suppliers, people, `perOrg` systems with 3–5 roles and 1–2 contracts each, for every organization
 * in `orgIds`, in five statements whatever the number of organizations.
 */
async function generatePortfolio(tx: Tx, orgIds: readonly string[], perOrg: number, hostingOverride: string | null): Promise<void> {
  if (perOrg > PRODUCTS.length * VARIANTS.length) throw new Error(`at most ${PRODUCTS.length * VARIANTS.length} systems per organization`);
  const orgs = uuidArray(orgIds);
  const vendorValues = sql.join(
    VENDORS.map(([name, domain], i) => sql`(${i + 1}::int, ${name}::text, ${domain}::text)`),
    sql`, `,
  );
  const productValues = sql.join(
    PRODUCTS.map(
      ([name, vendor, database, hosting, personal, special], i) =>
        sql`(${i + 1}::int, ${name}::text, ${VENDORS[vendor - 1]?.[0] ?? 'Visma'}::text, ${database}::text, ${hosting}::text, ${personal}::boolean, ${special}::boolean)`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    insert into suppliers (organization_id, name, organization_number, support_phone, support_email, support_url)
    select o.id, v.name, (910000000 + v.n * 104729)::text, '+47 ' || (21000000 + v.n * 11117)::text,
           'kundestotte@' || v.domain, 'https://' || v.domain || '/support'
    from unnest(${orgs}) as o(id) cross join (values ${vendorValues}) as v(n, name, domain)`);
  await tx.execute(sql`
    insert into persons (organization_id, name, title, unit, email, phone, public_contact)
    select o.id, f.name || ' ' || l.name, (${textArray(TITLES)})[1 + g % ${TITLES.length}], (${textArray(UNITS)})[1 + (g * 3) % ${UNITS.length}],
           lower(f.name || '.' || l.name || g) || '@kommune.example.no', '+47 ' || (90000000 + g * 1013)::text, g % 3 = 0
    from unnest(${orgs}) as o(id)
    cross join generate_series(1, ${PERSONS_PER_ORG}) g
    cross join lateral (select (${textArray(FIRST)})[1 + g % ${FIRST.length}] as name) f
    cross join lateral (select (${textArray(LAST)})[1 + (g * 7 + g / ${FIRST.length}) % ${LAST.length}] as name) l`);
  await tx.execute(sql`
    insert into systems (organization_id, name, description, vendor_id, operator_id, hosting, server_location, database, users, units,
                         lifecycle, introduced_year, planned_end, criticality, personal_data, special_category_data, last_reviewed_at)
    select o.id, p.name || (${textArray(VARIANTS)})[1 + (g - 1) / ${PRODUCTS.length}],
           'Generert system nr. ' || g || ' (ytelsestest).',
           v.id, case when g % 4 <> 0 then op.id end,
           coalesce(${hostingOverride}::text, p.hosting),
           case coalesce(${hostingOverride}::text, p.hosting) when 'own_server_room' then 'Serverrom rådhuset' when 'iks' then 'IKS-driftssenteret' end,
           p.database, 5 + (g * 37) % 400, (${textArray(UNITS)})[1 + g % ${UNITS.length}],
           case when g % 31 = 0 then 'retired' when g % 23 = 0 then 'phasing_out' when g % 29 = 0 then 'planned' when g % 17 = 0 then 'introducing' else 'in_operation' end,
           2005 + g % 19,
           case when g % 23 = 0 then current_date + 200 when g % 41 = 0 then current_date - 30 end,
           case g % 3 when 0 then 'round_the_clock' when 1 then 'office_hours' end,
           p.personal, p.special,
           case when g % 5 <> 0 then current_date - (g * 13) % 600 end
    from unnest(${orgs}) as o(id)
    cross join generate_series(1, ${perOrg}) g
    join (values ${productValues}) as p(idx, name, vendor_name, database, hosting, personal, special) on p.idx = 1 + (g - 1) % ${PRODUCTS.length}
    join suppliers v on v.organization_id = o.id and v.name = p.vendor_name
    left join suppliers op on op.organization_id = o.id and op.name = (${textArray(OPERATORS)})[1 + g % ${OPERATORS.length}]`);
  const numbered = sql`
    s as (select id, organization_id, vendor_id, name, personal_data, row_number() over (partition by organization_id order by name, id) as n
          from systems where organization_id = any(${orgs})),
    p as (select id, organization_id, row_number() over (partition by organization_id order by name, id) as n
          from persons where organization_id = any(${orgs}))`;
  // 3–5 roles: owner, manager and super user always; first line for two in three; second line (the vendor) for one in three.
  await tx.execute(sql`
    with ${numbered}
    insert into system_roles (organization_id, system_org_id, system_id, role, person_id, supplier_id)
    select s.organization_id, s.organization_id, s.id, r.role,
           case when r.role <> 'support_second_line' then p.id end,
           case when r.role = 'support_second_line' then s.vendor_id end
    from s
    cross join (values (1, 'system_owner'), (2, 'system_manager'), (3, 'super_user'), (4, 'support_first_line'), (5, 'support_second_line')) as r(k, role)
    left join p on p.organization_id = s.organization_id and p.n = 1 + (s.n * 7 + r.k * 13) % ${PERSONS_PER_ORG}
    where r.k <= 3 + s.n % 3`);
  // The main contract; a data processing agreement for most systems with personal data.
  await tx.execute(sql`
    with ${numbered}
    insert into contracts (organization_id, system_id, supplier_id, type, title, start_date, end_date, notice_months, yearly_cost, licence_count)
    select s.organization_id, s.id, s.vendor_id,
           case when k.kind = 'dpa' then 'dpa' else (array['ssa_d', 'ssa_v', 'ssa_b', 'ssa_l'])[1 + s.n % 4] end,
           case when k.kind = 'dpa' then 'Databehandleravtale ' else 'Avtale ' end || s.name,
           current_date - (365 + (s.n * 53) % 1500)::int,
           case when s.n % 7 = 0 then null else current_date + ((s.n * 17) % 1100 - 150)::int end,
           3 * (1 + s.n % 4), 20000 + (s.n * 7919) % 900000, 10 + s.n % 500
    from s cross join (values ('main'), ('dpa')) as k(kind)
    where k.kind = 'main' or (s.personal_data and s.n % 4 <> 3)`);
}

export interface PortfolioDataset {
  iksId: string;
  ownerIds: string[];
  /** The owner municipality benchmarked (its own systems plus the IKS's shared ones). */
  ownerId: string;
  /** The kommune benchmarked in the national dataset. */
  kommuneId: string;
  counts: Record<string, number>;
}

export const IKS_OWNERS = ['5041', '5042', '5043', '5044', '5045', '5046'];

/**
 * The portfolio datasets on top of the kommuner already in the database (every kommune in the
 * official list): `perKommune` systems in each, and an IKS owned by 5041–5046 with `iksSystems`
 * systems shared with all six owners, each owner with its own super user (and, for half the
 * systems, its own first line) on every shared system.
 */
export async function seedPortfolio(tx: Tx, opts: { perKommune: number; iksSystems: number; ownerNummer: string; kommuneNummer: string }): Promise<PortfolioDataset> {
  const kommuner = await queryRows<{ id: string; kommunenummer: string }>(tx, sql`select id, kommunenummer from organizations where kind = 'kommune' and kommunenummer is not null`);
  const byNummer = new Map(kommuner.map((k) => [k.kommunenummer, k.id]));
  const ownerIds = IKS_OWNERS.map((n) => {
    const id = byNummer.get(n);
    if (!id) throw new Error(`kommune ${n} missing`);
    return id;
  });
  const iks = await insertOrganization(tx, { name: 'Bench Indre Namdal IKT IKS', slug: 'bench-iks', kind: 'iks', kommunenummer: null, language: 'nb' });
  await setOwners(tx, iks.id, ownerIds.map((organizationId) => ({ organizationId, staffAccess: 'reader' as const })));
  await generatePortfolio(tx, kommuner.map((k) => k.id), opts.perKommune, null);
  await generatePortfolio(tx, [iks.id], opts.iksSystems, 'iks');
  const owners = uuidArray(ownerIds);
  await tx.execute(sql`
    insert into system_shares (organization_id, system_id, member_id, users)
    select s.organization_id, s.id, o.id, 5 + (abs(hashtext(s.name)) + o.k::int * 7) % 120
    from systems s cross join unnest(${owners}) with ordinality as o(id, k)
    where s.organization_id = ${iks.id}`);
  // Each owner's own super user on every shared system, and its own first line on half of them.
  await tx.execute(sql`
    with s as (select id, organization_id, row_number() over (order by name, id) as n from systems where organization_id = ${iks.id}),
         p as (select id, organization_id, row_number() over (partition by organization_id order by name, id) as n from persons where organization_id = any(${owners}))
    insert into system_roles (organization_id, system_org_id, system_id, role, person_id)
    select p.organization_id, s.organization_id, s.id, r.role, p.id
    from s cross join (values (0, 'super_user'), (1, 'support_first_line')) as r(k, role)
    join p on p.n = 1 + (s.n * 3 + r.k * 17) % ${PERSONS_PER_ORG}
    where r.k = 0 or s.n % 2 = 0`);
  // Integrations between the IKS's systems and to national components.
  await tx.execute(sql`
    with s as (select id, organization_id, row_number() over (order by name, id) as n from systems where organization_id = ${iks.id}),
         c as (select id, row_number() over (order by code) as n, count(*) over () as total from national_components)
    insert into integrations (organization_id, from_system_id, to_system_id, to_component_id, direction, data, standard, status)
    select s.organization_id, s.id, case when s.n % 3 <> 0 then t.id end, case when s.n % 3 = 0 then c.id end,
           case when s.n % 2 = 0 then 'two_way' else 'one_way' end, 'Saksdokumenter og metadata',
           (array['noark5', 'gi_fiks_arkiv', 'svarut', 'rest', 'file'])[1 + s.n % 5], 'active'
    from s
    left join s t on t.n = 1 + s.n % ${opts.iksSystems}
    left join c on c.n = 1 + s.n % c.total`);
  const [counts] = await queryRows<Record<string, string>>(
    tx,
    sql`select (select count(*) from systems) as systems, (select count(*) from suppliers) as suppliers, (select count(*) from persons) as persons,
          (select count(*) from system_roles) as roles, (select count(*) from system_shares) as shares, (select count(*) from contracts) as contracts,
          (select count(*) from integrations) as integrations`,
  );
  const ownerId = byNummer.get(opts.ownerNummer);
  const kommuneId = byNummer.get(opts.kommuneNummer);
  if (!ownerId || !kommuneId) throw new Error('benchmark kommune missing');
  return { iksId: iks.id, ownerIds, ownerId, kommuneId, counts: Object.fromEntries(Object.entries(counts ?? {}).map(([k, v]) => [k, Number(v)])) };
}
