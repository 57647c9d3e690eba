import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db.ts';
import { makeUser, PASSWORD, startTestApp, type TestContext } from '../support/factories.ts';

describe.each(backends)('operations ($name)', (backend) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  const attempt = (username: string, password: string, remoteAddress = '198.51.100.7') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, headers: { 'content-type': 'application/json' }, payload: { username, password } });

  it('counts failed logins atomically: 20 parallel wrong passwords give at most five 401s, the rest 429', async () => {
    const user = await makeUser(t.database);
    const statuses = (await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(user.username, `feil-${i}`)))).map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    // Still limited afterwards, even with the right password.
    expect((await attempt(user.username, PASSWORD)).statusCode).toBe(429);
  });

  it('a right password under the limit logs in and clears the account’s failures', async () => {
    const user = await makeUser(t.database);
    for (let i = 0; i < 4; i++) expect((await attempt(user.username, `feil-${i}`)).statusCode).toBe(401);
    expect((await attempt(user.username, PASSWORD)).statusCode).toBe(200);
    const again = await Promise.all(Array.from({ length: 6 }, (_, i) => attempt(user.username, `feil-${i}`)));
    expect(again.map((r) => r.statusCode).sort()).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
