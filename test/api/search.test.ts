/** The global search in the header: five types and more in one organization, prefixes, æøå, escaping, the minimum, and never another tenant. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystem } from '../../src/db/database.ts';
import { insertSites } from '../../src/db/queries/sites.ts';
import { createPlan } from '../../src/db/queries/plan-periods.ts';
import { insertFocusArea, insertMeasure } from '../../src/db/queries/plan-items.ts';
import { addSystemRole } from '../../src/db/queries/system-roles.ts';
import { insertContracts } from '../../src/db/queries/contracts.ts';
import { insertPersons } from '../../src/db/queries/persons.ts';
import { insertSuppliers } from '../../src/db/queries/suppliers.ts';
import { insertSystems } from '../../src/db/queries/systems.ts';
import { setShares } from '../../src/db/queries/shares.ts';
import type { SearchHit } from '../../src/domain/search.ts';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeOwners, makeUser, startTestApp, type Client, type TestContext, type TestOrg } from '../support/factories.ts';

describe.each(backends)('global search ($name)', (backend) => {
  let t: TestContext;
  let org: TestOrg;
  let foreign: TestOrg;
  let reader: Client;
  let outsider: Client;

  async function fill(o: TestOrg, prefix: string): Promise<void> {
    await withSystem(t.database.db, async (tx) => {
      const [supplierId] = (await insertSuppliers(tx, o.id, [{ name: `${prefix}Øst Leverandør` }, { name: 'Ærlig Data AS' }])).map((s) => s.id);
      const [systemId, vismaId] = await insertSystems(tx, o.id, [
        { name: `${prefix}Østre sak`, vendorId: supplierId ?? null },
        { name: 'Visma Flyt Skole' },
        { name: '100% oppetid' },
        { name: '100 prosent' },
        { name: 'a_b system' },
        { name: 'axb system' },
      ]);
      const [personId] = (await insertPersons(tx, o.id, [{ name: `${prefix}Østby, Åse`, title: 'Rådgiver' }, { name: 'Ola Ålesund' }])).map((p) => p.id);
      if (vismaId && personId) await addSystemRole(tx, o.id, o.id, vismaId, { role: 'super_user', personId });
      await insertContracts(tx, o.id, [{ systemId: systemId ?? null, type: 'ssa_d', title: `${prefix}Østavtale drift`, yearlyCost: 1000 }]);
      await insertSites(tx, o.id, [{ name: `${prefix}Østsiden skole` }]);
      const { revisionId } = await createPlan(tx, o.id, { name: 'Digitaliseringsplan', startYear: 2025, endYear: 2028, vision: null });
      const focusAreaId = await insertFocusArea(tx, o.id, revisionId, { title: 'Område' });
      await insertMeasure(tx, o.id, revisionId, { title: `${prefix}Østlig tiltak`, focusAreaId, status: 'planned', priority: 'medium', goalIds: [], lines: [], actuals: [] });
    });
  }

  const find = async (who: Client, q: string): Promise<SearchHit[]> => {
    const res = await who.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data as SearchHit[];
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    org = await makeOrg(t.database, { name: 'Søkekommunen' });
    foreign = await makeOrg(t.database, { name: 'Fremmedkommunen' });
    await fill(org, '');
    await fill(foreign, '');
    reader = await login(t.app, await makeUser(t.database, { memberships: [[org.id, 'reader']] }));
    outsider = await login(t.app, await makeUser(t.database, { memberships: [[foreign.id, 'reader']] }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds systems, persons, suppliers, contracts, measures and sites of the organization by a prefix with Norwegian letters', async () => {
    const hits = await find(reader, 'øs');
    expect(new Set(hits.map((h) => h.type))).toEqual(new Set(['system', 'person', 'supplier', 'contract', 'measure', 'site']));
    expect(hits.every((h) => h.organizationId === org.id && h.organizationName === 'Søkekommunen')).toBe(true);
    const system = hits.find((h) => h.type === 'system');
    expect(system).toMatchObject({ name: 'Østre sak', detail: 'Øst Leverandør', path: `/o/${org.slug}/systemer/${system?.id}` });
    expect(hits.find((h) => h.type === 'person')).toMatchObject({ name: 'Østby, Åse', detail: 'Rådgiver' });
    expect(hits.find((h) => h.type === 'contract')).toMatchObject({ name: 'Østavtale drift', detail: 'Østre sak' });
    expect(hits.find((h) => h.type === 'measure')?.path).toMatch(new RegExp(`^/o/${org.slug}/plan/r/[0-9a-f-]+/tiltak/[0-9a-f-]+$`));
    // Upper case finds the same; a word inside the name is found by its start too.
    expect((await find(reader, 'ØSTR')).map((h) => h.name)).toEqual(['Østre sak']);
    expect((await find(reader, 'åse')).map((h) => h.name)).toEqual(['Østby, Åse']);
    expect((await find(reader, 'ÆRL')).map((h) => h.name)).toEqual(['Ærlig Data AS']);
    expect((await find(reader, 'flyt')).map((h) => h.name)).toEqual(['Visma Flyt Skole']);
    // Prefix only: the middle of a word is no match.
    expect(await find(reader, 'lyt')).toEqual([]);
  });

  it('treats % and _ as plain characters', async () => {
    expect((await find(reader, '100%')).map((h) => h.name)).toEqual(['100% oppetid']);
    expect((await find(reader, 'a_b')).map((h) => h.name)).toEqual(['a_b system']);
    expect(await find(reader, '%%')).toEqual([]);
    expect((await find(reader, '(1')).length).toBe(0);
  });

  it('needs at least two characters, with a Norwegian message naming the field', async () => {
    for (const q of ['a', ' ø ', '']) {
      const res = await reader.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([{ field: 'q', message: 'Søk må ha minst 2 tegn' }]);
    }
  });

  it('never finds another tenant’s records', async () => {
    const mine = await find(reader, 'øs');
    const theirs = await find(outsider, 'øs');
    expect(theirs.length).toBe(mine.length);
    expect(theirs.every((h) => h.organizationId === foreign.id)).toBe(true);
    const theirIds = new Set(theirs.map((h) => h.id));
    expect(mine.filter((h) => theirIds.has(h.id))).toEqual([]);
  });

  it('"Hvem kontakter jeg?" lists every system a page at a time, and finds by person and supplier name', async () => {
    const api = (rest: string) => `/api/v1/organizations/${org.id}/support${rest}`;
    const all = (await reader.get(api(''))).json() as { data: Array<{ name: string }>; total: number };
    expect(all.total).toBe(6);
    expect(all.data.map((r) => r.name)).toEqual(['100 prosent', '100% oppetid', 'a_b system', 'axb system', 'Visma Flyt Skole', 'Østre sak']);
    const page = (await reader.get(api('?limit=2&offset=2'))).json() as { data: Array<{ name: string }>; total: number };
    expect(page).toMatchObject({ total: 6, data: [{ name: 'a_b system' }, { name: 'axb system' }] });
    // By the super user's name, and by the vendor's.
    expect((await reader.get(api('?q=%C3%A5se'))).json().data.map((r: { name: string }) => r.name)).toEqual(['Visma Flyt Skole']);
    expect((await reader.get(api('?q=st%20leverand'))).json().data.map((r: { name: string }) => r.name)).toEqual(['Østre sak']);
    expect((await reader.get(api('?limit=101'))).statusCode).toBe(400);
    // Never another organization's systems, whatever is typed.
    expect((await outsider.get(api(''))).statusCode).toBe(404);
  });

  it('finds a system another organization shares with the user’s organization, once, and not one shared with another', async () => {
    const iks = await makeOrg(t.database, { kind: 'iks', name: 'Søke-IKS' });
    await makeOwners(t.database, iks.id, [{ id: org.id, access: 'none' }, { id: foreign.id, access: 'none' }]);
    await withSystem(t.database.db, async (tx) => {
      const [mine, theirs] = await insertSystems(tx, iks.id, [{ name: 'Delt arkiv' }, { name: 'Delt økonomi' }]);
      await setShares(tx, iks.id, mine!, { version: 1, shares: [{ organizationId: org.id, users: 10 }] });
      await setShares(tx, iks.id, theirs!, { version: 1, shares: [{ organizationId: foreign.id, users: 5 }] });
    });
    const hits = await find(reader, 'delt');
    expect(hits.map((h) => [h.type, h.name, h.organizationName])).toEqual([['system', 'Delt arkiv', 'Søkekommunen']]);
    expect(hits[0]?.path).toBe(`/o/${org.slug}/systemer/${hits[0]?.id}`);
    expect((await find(outsider, 'delt')).map((h) => h.name)).toEqual(['Delt økonomi']);
  });
});
