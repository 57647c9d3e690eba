/** "Today" is an option of the app (buildApp({ today })), not read from the environment by routes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import type { Database } from '../../src/db/database.ts';
import type { SystemDetail, SystemListItem } from '../../src/domain/portfolio.ts';
import { backends } from '../support/db.ts';
import { login, makeOrg, makeUser, type TestOrg, type TestUser } from '../support/factories.ts';

describe.each(backends)('the app option `today` ($name)', (backend) => {
  let database: Database;
  let org: TestOrg;
  let user: TestUser;
  const apps: FastifyInstance[] = [];
  const appOn = async (today: string): Promise<FastifyInstance> => {
    const app = await buildApp({ database, today: () => today });
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    database = await backend.open();
    org = await makeOrg(database, { kind: 'kommune' });
    user = await makeUser(database, { memberships: [[org.id, 'editor']] });
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.close();
  });

  it('dates a review and judges data quality by the date the app was given', async () => {
    const then = await login(await appOn('2031-05-01'), user);
    const created = (await then.post(`/api/v1/organizations/${org.id}/systems`, { name: 'Sak/arkiv' })).json().data as SystemDetail;
    const reviewed = await then.post(`/api/v1/organizations/${org.id}/systems/${created.id}/review`, { version: created.version });
    expect(reviewed.statusCode).toBe(200);
    const system = reviewed.json().data as SystemDetail;
    expect(system.lastReviewedAt?.slice(0, 10)).toBe('2031-05-01');
    expect(system.quality.gaps).not.toContain('not_reviewed');

    // Two years on, the same review is overdue: in the system and in the list.
    const later = await login(await appOn('2033-06-01'), user);
    expect(((await later.get(`/api/v1/organizations/${org.id}/systems/${created.id}`)).json().data as SystemDetail).quality.gaps).toContain('not_reviewed');
    const list = (await later.get(`/api/v1/organizations/${org.id}/systems`)).json().data as SystemListItem[];
    expect(list.find((s) => s.id === created.id)?.quality.gaps).toContain('not_reviewed');
  });
});
