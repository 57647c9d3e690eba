import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystem } from '../../src/db/database.ts';
import { backends } from '../support/db.ts';
import { startTestApp, type TestContext } from '../support/factories.ts';

const pglite = backends.filter((b) => b.name === 'pglite');

describe.each(pglite)('health during long database work ($name)', (backend) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers while a transaction runs a long statement, before the statement ends', async () => {
    let began: () => void = () => undefined;
    const inside = new Promise<void>((resolve) => {
      began = resolve;
    });
    let sleepEnded = false;
    const work = withSystem(t.database.db, async (tx) => {
      began();
      await tx.execute(sql`select pg_sleep(2)`);
      sleepEnded = true;
    });
    await inside;
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    const endedBeforeHealth = sleepEnded;
    await work;
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', database: { status: 'busy', driver: 'pglite' } });
    expect(endedBeforeHealth).toBe(false);
    // Afterwards the check reaches the database again.
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ database: { status: 'ok' } });
  });
});
