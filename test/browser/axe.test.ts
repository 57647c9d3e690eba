/** Every page, logged out and as the system administrator, passes axe (WCAG 2.1 A/AA); a screenshot of each. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  checkPage as check,
  goto,
  launchBrowser,
  login,
  newPage,
  settle,
  startApp,
  unexpectedErrors,
  type TestApp,
  type TestPage,
} from './browser.ts';

let app: TestApp;
let browser: Browser;
let admin: TestPage;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  admin = await newPage(browser);
  await login(admin.page, app.url, 'admin');
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});


describe('logged out', () => {
  test('login page, empty and after a failed submit', async () => {
    const t = await newPage(browser);
    await goto(t.page, `${app.url}/logg-inn`);
    expect(await t.page.evaluate(() => document.documentElement.lang)).toBe('nb');
    await check(t, 'login', /^Logg inn – Veikart$/);

    await t.page.locator('form button[type="submit"]').click();
    await t.page.locator('.ds-error-summary').waitFor();
    expect(await t.page.evaluate(() => document.activeElement?.classList.contains('ds-error-summary'))).toBe(true);
    await check(t, 'login-errors', /Logg inn/);

    await t.page.locator('#login-username').fill('admin');
    await t.page.locator('#login-password').fill('feil-passord');
    await t.page.locator('form button[type="submit"]').click();
    await t.page.getByText('Feil brukernavn eller passord').waitFor();
    await check(t, 'login-wrong-password', /Logg inn/);
    expect(unexpectedErrors(t.errors)).toEqual([]);
    await t.context.close();
  });

  test('a protected page sends you to login and back', async () => {
    const t = await newPage(browser);
    await t.page.goto(`${app.url}/o/ringebu/lokasjoner`);
    await t.page.waitForURL(/\/logg-inn\?neste=/);
    await t.page.locator('#login-username').fill('ringebu.leder');
    await t.page.locator('#login-password').fill('veikart-demo-2026');
    await t.page.locator('form button[type="submit"]').click();
    await t.page.waitForURL(/\/o\/ringebu\/lokasjoner$/);
    await settle(t.page);
    expect(await t.page.locator('h1').textContent()).toBe('Lokasjoner');
    await t.context.close();
  });
});

describe('as system administrator', () => {
  const pages: [name: string, path: string, title: RegExp][] = [
    ['oversikt', '/o/ringebu', /^Oversikt – Ringebu kommune – Veikart$/],
    ['lokasjoner', '/o/ringebu/lokasjoner', /^Lokasjoner – Veikart$/],
    ['utstyr', '/o/ringebu/utstyr', /^Utstyr – Veikart$/],
    ['utstyrsprognose', '/o/ringebu/utstyr/prognose', /^Utskiftingsprognose – Veikart$/],
    ['samarbeid', '/o/ringebu/samarbeid', /^Samarbeid – Veikart$/],
    ['medlemmer', '/o/ringebu/admin/medlemmer', /^Medlemmer – Veikart$/],
    ['endringslogg', '/o/ringebu/admin/endringslogg', /^Endringslogg – Veikart$/],
    ['innstillinger', '/o/ringebu/admin/innstillinger', /^Innstillinger – Veikart$/],
    ['innlogging', '/o/ringebu/admin/innlogging', /^Innlogging – Veikart$/],
    ['risiko', '/o/ringebu/risiko', /^Risiko og sikkerhet – Ringebu kommune – Veikart$/],
    ['iks-oversikt', '/o/indre-namdal-iks', /Indre Namdal/],
    ['iks-innstillinger', '/o/indre-namdal-iks/admin/innstillinger', /^Innstillinger – Veikart$/],
    ['iks-ar', '/o/indre-namdal-iks/ar?ar=2017', /^Årsmelding og tall 2017 – Indre Namdal IKT IKS – Veikart$/],
    ['iks-ar-import', '/o/indre-namdal-iks/ar/import/regnskap?ar=2017', /^Importer regnskap per ansvar – Indre Namdal IKT IKS – Veikart$/],
    ['eier-betaling', '/o/snasa/ar/betaling?ar=2017', /^Hva vi betaler IKS-et 2017 – .+ – Veikart$/],
    ['arsmelding', '/o/indre-namdal-iks/arsmelding?ar=2025', /^Årsmelding 2025 – Veikart$/],
    ['organisasjoner', '/admin/organisasjoner', /^Organisasjoner – Veikart$/],
    ['konto', '/konto', /^Min konto – Veikart$/],
    ['mest-brukte-systemer', '/o/ringebu/mest-brukte-systemer', /^Mest brukte systemer – Ringebu kommune – Veikart$/],
    ['ukjent-side', '/finnes-ikke', /^Fant ikke siden – Veikart$/],
    ['ukjent-organisasjon', '/o/finnes-ikke', /^Fant ikke organisasjonen – Veikart$/],
  ];

  test.each(pages)('%s (%s)', async (name, path, title) => {
    await goto(admin.page, `${app.url}${path}`);
    await check(admin, name, title);
  });

  test('the front page redirects to an organization', async () => {
    await goto(admin.page, `${app.url}/`);
    expect(new URL(admin.page.url()).pathname).toMatch(/^\/o\/[a-z0-9-]+$/);
  });

  test('site form in its error state', async () => {
    await goto(admin.page, `${app.url}/o/ringebu/lokasjoner`);
    await admin.page.getByRole('button', { name: 'Legg til lokasjon' }).click();
    await admin.page.locator('.ds-error-summary').waitFor();
    expect(await admin.page.evaluate(() => document.activeElement?.classList.contains('ds-error-summary'))).toBe(true);
    await check(admin, 'lokasjoner-feil', /Lokasjoner/);
  });

  test('cooperation form in its error state', async () => {
    await goto(admin.page, `${app.url}/o/ringebu/samarbeid`);
    await admin.page.getByRole('button', { name: 'Opprett samarbeid' }).click();
    await admin.page.locator('.ds-error-summary').waitFor();
    await check(admin, 'samarbeid-feil', /Samarbeid/);
  });

  test('cooperation invitations to accept or decline, and the confirmation to leave', async () => {
    // Sør-Fron invites Ringebu: Ringebu's administrator sees the invitation, not yet the cooperation.
    await goto(admin.page, `${app.url}/o/sor-fron/samarbeid`);
    await admin.page.locator('#coop-name').fill('Felles legevakt');
    await admin.page.locator('#coop-costKey').selectOption('like');
    await admin.page.locator('#coop-members-filter').fill('Ringebu');
    await admin.page.getByLabel('Ringebu kommune (3439)').check();
    await admin.page.getByRole('button', { name: 'Opprett samarbeid' }).click();
    await admin.page.getByText('Felles legevakt', { exact: false }).first().waitFor();
    await goto(admin.page, `${app.url}/o/ringebu/samarbeid`);
    const invitations = admin.page.locator('table', { has: admin.page.locator('caption', { hasText: 'Invitasjoner til Ringebu kommune' }) });
    await invitations.waitFor();
    expect(await invitations.locator('tbody tr').count()).toBe(1);
    expect(await invitations.textContent()).toMatch(/Felles legevakt.*Sør-Fron kommune/);
    await check(admin, 'samarbeid-invitasjoner', /Samarbeid/);
    await admin.page.getByRole('button', { name: 'Godta Felles legevakt' }).click();
    await admin.page.getByText('Du har godtatt invitasjonen til «Felles legevakt».').waitFor();
    // The list of invitations reloads after the answer: the table goes once it is empty.
    await invitations.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await invitations.count()).toBe(0);
    await admin.page.getByRole('button', { name: 'Forlat samarbeidet Felles legevakt' }).click();
    await admin.page.getByRole('button', { name: 'Ja, forlat samarbeidet' }).waitFor();
    await check(admin, 'samarbeid-forlat', /Samarbeid/);
    await admin.page.getByRole('button', { name: 'Ja, forlat samarbeidet' }).click();
    await admin.page.getByText('Ringebu kommune har forlatt samarbeidet «Felles legevakt».').waitFor();
  });

  test('member form in its error state', async () => {
    await goto(admin.page, `${app.url}/o/ringebu/admin/medlemmer`);
    await admin.page.getByRole('button', { name: 'Legg til medlem', exact: true }).click();
    await admin.page.locator('.ds-error-summary').waitFor();
    await check(admin, 'medlemmer-feil', /Medlemmer/);
  });

  test('organization form: IKS owners and error state', async () => {
    await goto(admin.page, `${app.url}/admin/organisasjoner`);
    await admin.page.locator('#org-kind').selectOption('iks');
    await admin.page.locator('#org-owners-filter').fill('Lierne');
    await admin.page.getByLabel('Lierne kommune (5042)').check();
    await check(admin, 'organisasjoner-iks', /Organisasjoner/);
    await admin.page.locator('#org-kind').selectOption('kommune');
    await admin.page.getByRole('button', { name: 'Opprett organisasjon' }).click();
    await admin.page.locator('.ds-error-summary').waitFor();
    await check(admin, 'organisasjoner-feil', /Organisasjoner/);
  });

  test('account form in its error state', async () => {
    await goto(admin.page, `${app.url}/konto`);
    await admin.page.getByRole('button', { name: 'Bytt passord' }).click();
    await admin.page.locator('.ds-error-summary').waitFor();
    await check(admin, 'konto-feil', /Min konto/);
  });

  test('audit details opened', async () => {
    await goto(admin.page, `${app.url}/o/ringebu/admin/endringslogg`);
    const summary = admin.page.locator('summary').first();
    await summary.click();
    await check(admin, 'endringslogg-detaljer', /Endringslogg/);
  });

  test('adopted revision with the unpublish confirmation open', async () => {
    const session = (await (await admin.context.request.get(`${app.url}/api/v1/session`)).json()) as {
      data: { organizations: { id: string; slug: string }[] };
    };
    const orgId = session.data.organizations.find((o) => o.slug === 'ringebu')?.id ?? '';
    const plans = (await (await admin.context.request.get(`${app.url}/api/v1/organizations/${orgId}/plans`)).json()) as {
      data: { name: string; revisions: { id: string; number: number; publishedAt: string | null }[] }[];
    };
    const published = plans.data.flatMap((p) => p.revisions).find((r) => r.publishedAt !== null);
    expect(published).toBeDefined();
    await goto(admin.page, `${app.url}/o/ringebu/plan/r/${published?.id ?? ''}`);
    await check(admin, 'plan-revisjon-publisert', /^IKT-strategi 2025–2028, revisjon 1 – Veikart$/);
    await admin.page.getByRole('button', { name: 'Avpubliser' }).click();
    await admin.page.getByRole('button', { name: 'Ja, avpubliser' }).waitFor();
    await check(admin, 'plan-revisjon-avpubliser', /revisjon 1/);
  });

  test('adopted revision of another plan, asking before it replaces the published one', async () => {
    const session = (await (await admin.context.request.get(`${app.url}/api/v1/session`)).json()) as {
      data: { csrfToken: string; organizations: { id: string; slug: string }[] };
    };
    const orgId = session.data.organizations.find((o) => o.slug === 'ringebu')?.id ?? '';
    const headers = { 'x-csrf-token': session.data.csrfToken, 'content-type': 'application/json' };
    const base = `${app.url}/api/v1/organizations/${orgId}`;
    const created = (await (await admin.context.request.post(`${base}/plans`, { headers, data: { name: 'Beredskapsplan 2025–2028', startYear: 2025, endYear: 2028 } })).json()) as {
      data: { id: string; version: number };
    };
    const adopted = await admin.context.request.post(`${base}/revisions/${created.data.id}/adopt`, {
      headers,
      data: { version: created.data.version, adoptedDate: '2025-01-15', decisionRef: 'K-sak 3/25' },
    });
    expect(adopted.status()).toBe(200);
    await goto(admin.page, `${app.url}/o/ringebu/plan/r/${created.data.id}`);
    await admin.page.getByRole('button', { name: 'Publiser på innsyn' }).click();
    await admin.page.getByText(/^Revisjon 1 av «IKT-strategi 2025–2028» er publisert på innsyn nå/).waitFor();
    await check(admin, 'plan-revisjon-publiser-erstatt', /^Beredskapsplan 2025–2028, revisjon 1 – Veikart$/);
  });

  test('no console errors or CSP violations along the way', () => {
    expect(unexpectedErrors(admin.errors)).toEqual([]);
  });
});
