/**
 * Sign-in end to end through a real OpenID provider (oidc-provider on 127.0.0.1) for two tenants:
 * the login page's button per provider, the provider's login form, back to Veikart in the right
 * organizations with the mapped roles. Then the administrator's sign-in page (axe, keyboard).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { secretBox } from '../../src/api/auth/secrets.ts';
import { queryRows, withSystem } from '../../src/db/database.ts';
import { insertProvider } from '../../src/db/queries/identity-providers.ts';
import type { Database } from '../../src/db/database.ts';
import { startAppServer } from '../support/app-server.ts';
import { startTenant, type TestTenant } from '../support/oidc-provider.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot, settle, unexpectedErrors } from './browser.ts';

const KEY = 'browser-test-veikart-secret-key-0123456789';
let app: { url: string; database: Database; close(): Promise<void> };
let browser: Browser;
let tenants: TestTenant[] = [];

async function orgId(db: Database, slug: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(db.db, sql`select id from organizations where slug = ${slug}`);
  if (!row) throw new Error(`no organization ${slug}`);
  return row.id;
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startAppServer({ oidc: { secretKey: KEY, allowHttp: true } }), launchBrowser()]);
  const redirect = `${app.url}/api/v1/auth/oidc/callback`;
  const client = { clientId: 'veikart', clientSecret: 'nettleser-hemmelighet-42', redirectUri: redirect, postLogoutRedirectUri: `${app.url}/logg-inn` };
  tenants = await Promise.all([
    startTenant({ name: 'Ringebu-tenant', tid: 'ringebu-tid', clients: [client], accounts: [{ sub: 'kari', email: 'kari@ringebu.kommune.no', name: 'Kari Nordmann', tid: 'ringebu-tid', groups: ['veikart-admin'], roles: [] }] }),
    startTenant({ name: 'IKS-tenant', tid: 'iks-tid', clients: [client], accounts: [{ sub: 'ola', email: 'ola@snasa.kommune.no', name: 'Ola Nordmann', tid: 'iks-tid', groups: ['snasa-les'], roles: ['Veikart.Redaktor'] }] }),
  ]);
  const [ringebu, snasa, lierne] = await Promise.all(['ringebu', 'snasa', 'lierne'].map((s) => orgId(app.database, s)));
  const box = secretBox(KEY);
  await withSystem(app.database.db, async (tx) => {
    await insertProvider(tx, {
      displayName: 'Ringebu kommune (Microsoft)',
      issuer: tenants[0]!.issuer,
      clientId: 'veikart',
      sealedSecret: box.encrypt(client.clientSecret),
      organizationIds: [ringebu!],
      tenantIds: ['ringebu-tid'],
      emailDomains: ['ringebu.kommune.no'],
      roleMappings: [{ organizationId: ringebu!, claim: 'groups', value: 'veikart-admin', role: 'admin' }],
    });
    await insertProvider(tx, {
      displayName: 'Snåsa og Lierne (Microsoft)',
      issuer: tenants[1]!.issuer,
      clientId: 'veikart',
      sealedSecret: box.encrypt(client.clientSecret),
      organizationIds: [snasa!, lierne!],
      tenantIds: [],
      emailDomains: [],
      roleMappings: [
        { organizationId: snasa!, claim: 'groups', value: 'snasa-les', role: 'reader' },
        { organizationId: lierne!, claim: 'roles', value: 'Veikart.Redaktor', role: 'editor' },
      ],
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await Promise.all(tenants.map((t) => t.close()));
});

async function signIn(button: string, account: string) {
  const t = await newPage(browser);
  await t.page.goto(`${app.url}/logg-inn`);
  await settle(t.page);
  await t.page.getByRole('link', { name: button }).click();
  await t.page.locator('#login').fill(account);
  await t.page.locator('button[type="submit"]').click();
  await t.page.waitForURL(new RegExp(`^${app.url}/o/`));
  await settle(t.page);
  const session = await t.page.evaluate(async () => (await (await fetch('/api/v1/session')).json()) as { data: { user: { displayName: string }; organizations: Array<{ slug: string; role: string }> } });
  return { t, session: session.data };
}

test('signs in through the provider of each tenant and lands in the right organizations with the mapped roles', async () => {
  const first = await signIn('Logg inn med Ringebu kommune (Microsoft)', 'kari');
  expect(first.session.user.displayName).toBe('Kari Nordmann');
  expect(first.session.organizations.map((o) => [o.slug, o.role])).toEqual([['ringebu', 'admin']]);
  expect(first.t.page.url()).toBe(`${app.url}/o/ringebu`);

  const second = await signIn('Logg inn med Snåsa og Lierne (Microsoft)', 'ola');
  expect(second.session.organizations.map((o) => [o.slug, o.role]).sort()).toEqual([
    ['lierne', 'editor'],
    ['snasa', 'reader'],
  ]);
  expect(unexpectedErrors(second.t.errors)).toEqual([]);
  await second.t.context.close();

  // The administrator's sign-in page: the provider with its mapping, and the passwords setting.
  const { page, errors, context } = first.t;
  await page.locator('nav').getByRole('button', { name: 'Administrasjon' }).click();
  await page.locator('nav').getByRole('link', { name: 'Innlogging' }).click();
  await settle(page);
  expect(await page.title()).toBe('Innlogging – Veikart');
  expect(await page.locator('tbody tr').first().textContent()).toContain('veikart-admin → Administrator');
  expect(await page.locator('main').textContent()).toContain('Administratorer som kan logge inn med identitetsleverandør: 1');
  // Keyboard: Enter on the button opens the form for a new provider.
  await page.getByRole('button', { name: 'Legg til identitetsleverandør' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('#provider-display-name').waitFor();
  await screenshot(page, 'innlogging');
  await expectNoAxeViolations(page, 'innlogging');
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
});
