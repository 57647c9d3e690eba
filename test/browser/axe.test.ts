/** Every page, logged out and as the system administrator, passes axe (WCAG 2.1 A/AA); a screenshot of each. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  expectNoAxeViolations,
  goto,
  launchBrowser,
  login,
  newPage,
  screenshot,
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

async function check(t: TestPage, name: string, title: RegExp): Promise<void> {
  await expect.poll(() => t.page.title()).toMatch(title);
  expect(await t.page.locator('h1').count()).toBe(1);
  await screenshot(t.page, name);
  await expectNoAxeViolations(t.page, name);
}

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

/** A handlingsplan with one wrong printed total (row 4: 100 000 + 50 000 is not 160 000). */
export const DISCREPANCY_CSV = [
  'Prosjektnr;Tiltak;Satsingsområde;Type;2027;2028;Totalt',
  '1;Ny sentralbordløsning;Digitalisering;invest;100 000;50 000;160 000',
  '1;Ny sentralbordløsning;Digitalisering;drift;20 000;20 000;40 000',
  '2;Nettbrett til politikere;Digitalisering;invest;45 000;-;45 000',
  ';SUM;;invest;145 000;50 000;205 000',
].join('\n');

describe('plan pages as an editor in Ringebu', () => {
  let editor: TestPage;
  let adoptedId = '';
  let draftId = '';
  let measureId = '';

  beforeAll(async () => {
    editor = await newPage(browser);
    await login(editor.page, app.url, 'ringebu.redaktor');
    const session = (await (await editor.context.request.get(`${app.url}/api/v1/session`)).json()) as {
      data: { organizations: { id: string; slug: string }[] };
    };
    const orgId = session.data.organizations.find((o) => o.slug === 'ringebu')?.id ?? '';
    const plans = (await (await editor.context.request.get(`${app.url}/api/v1/organizations/${orgId}/plans`)).json()) as {
      data: { name: string; revisions: { id: string; number: number; status: string }[] }[];
    };
    const plan = plans.data.find((p) => p.name === 'IKT-strategi 2025–2028');
    adoptedId = plan?.revisions.find((r) => r.status === 'adopted')?.id ?? '';
    draftId = plan?.revisions.find((r) => r.status === 'draft')?.id ?? '';
    const draft = (await (await editor.context.request.get(`${app.url}/api/v1/organizations/${orgId}/revisions/${draftId}`)).json()) as {
      data: { measures: { id: string; number: string | null }[] };
    };
    measureId = draft.data.measures.find((m) => m.number === '3')?.id ?? '';
    expect(adoptedId && draftId && measureId).toBeTruthy();
  });

  afterAll(async () => {
    await editor?.context.close();
  });

  test('plan overview with dashboard and the new-plan form', async () => {
    await goto(editor.page, `${app.url}/o/ringebu/plan`);
    await editor.page.locator('svg[role="img"]').waitFor();
    await check(editor, 'plan-oversikt', /^Plan – Veikart$/);
    await editor.page.getByRole('button', { name: 'Opprett plan' }).click();
    await editor.page.locator('.ds-error-summary').waitFor();
    await check(editor, 'plan-oversikt-feil', /^Plan – Veikart$/);
  });

  test('adopted revision (read-only)', async () => {
    await goto(editor.page, `${app.url}/o/ringebu/plan/r/${adoptedId}`);
    await editor.page.getByText('Vedtatt 12.12.2024 (K-sak 081/24) – skrivebeskyttet').waitFor();
    await check(editor, 'plan-revisjon-vedtatt', /^IKT-strategi 2025–2028, revisjon 1 – Veikart$/);
  });

  test('draft revision with the goal form (national goals) and the adopt form', async () => {
    await goto(editor.page, `${app.url}/o/ringebu/plan/r/${draftId}`);
    await check(editor, 'plan-revisjon-utkast', /^IKT-strategi 2025–2028, revisjon 2 – Veikart$/);
    await editor.page.getByRole('button', { name: /^Legg til mål/ }).first().click();
    await editor.page.locator('#goal-text').waitFor();
    await editor.page.getByRole('button', { name: /^Legg til mål$/ }).click();
    await editor.page.locator('.ds-error-summary').waitFor();
    await check(editor, 'plan-revisjon-malskjema', /revisjon 2/);
    await editor.page.getByRole('button', { name: 'Avbryt' }).click();
    await editor.page.getByRole('button', { name: 'Vedta', exact: true }).click();
    await editor.page.locator('#adopt-decisionRef').waitFor();
    await check(editor, 'plan-revisjon-vedtaksskjema', /revisjon 2/);
  });

  test('handlingsplan table, filtered and sorted', async () => {
    await goto(editor.page, `${app.url}/o/ringebu/plan/r/${draftId}/handlingsplan`);
    await check(editor, 'plan-handlingsplan', /^Handlingsplan 2025–2028 – Veikart$/);
    await editor.page.locator('#ap-status').selectOption('planned');
    await editor.page.getByRole('button', { name: /^Totalt/ }).click();
    await check(editor, 'plan-handlingsplan-filtrert', /Handlingsplan/);
  });

  test('measure editor, with quantity × unit price and in its error state', async () => {
    await goto(editor.page, `${app.url}/o/ringebu/plan/r/${draftId}/tiltak/${measureId}`);
    await check(editor, 'plan-tiltak', /^Utskifting av PC-er – Veikart$/);
    await editor.page.locator('#budget-drift-2026-amount').fill('12,5x');
    await editor.page.locator('#measure-title').fill('');
    await editor.page.getByRole('button', { name: 'Lagre endringer' }).click();
    await editor.page.locator('.ds-error-summary').waitFor();
    await check(editor, 'plan-tiltak-feil', /Utskifting av PC-er/);
    await editor.page.locator('#budget-drift-2026-amount').fill('5 000');
    await editor.page.getByRole('button', { name: 'Lagre endringer' }).click();
    await editor.page.locator('.ds-error-summary').getByText(/Tittel/).waitFor();
    await check(editor, 'plan-tiltak-feil-api', /Utskifting av PC-er/);
  });

  test('measure editor with a negative amount, offering the saving mark', async () => {
    await goto(editor.page, `${app.url}/o/ringebu/plan/r/${draftId}/tiltak/${measureId}`);
    await editor.page.locator('#budget-drift-2026-amount').fill('-5 000');
    await editor.page.getByRole('button', { name: 'Lagre endringer' }).click();
    await editor.page.getByRole('checkbox', { name: /Innsparing/ }).waitFor();
    await check(editor, 'plan-tiltak-innsparing', /Utskifting av PC-er/);
  });

  test('draft revision asking before another new revision', async () => {
    await goto(editor.page, `${app.url}/o/ringebu/plan/r/${draftId}`);
    await editor.page.getByRole('button', { name: 'Ny revisjon' }).click();
    await editor.page.getByRole('button', { name: 'Ja, lag ny revisjon' }).waitFor();
    await check(editor, 'plan-revisjon-ny-bekreft', /revisjon 2/);
    await editor.page.getByRole('button', { name: 'Avbryt' }).click();
  });

  test('new measure', async () => {
    await goto(editor.page, `${app.url}/o/ringebu/plan/r/${draftId}/tiltak/ny`);
    await check(editor, 'plan-tiltak-nytt', /^Nytt tiltak – Veikart$/);
  });

  test('compare revision 2 with revision 1', async () => {
    await goto(editor.page, `${app.url}/o/ringebu/plan/r/${draftId}/sammenlign?med=${adoptedId}`);
    await editor.page.getByRole('heading', { name: 'Endrede tiltak' }).waitFor();
    await check(editor, 'plan-sammenlign', /^Sammenlign IKT-strategi 2025–2028, revisjon 2 – Veikart$/);
  });

  test('import: preview with a discrepancy', async () => {
    await goto(editor.page, `${app.url}/o/ringebu/plan/import`);
    await check(editor, 'plan-import', /^Importer handlingsplan – Veikart$/);
    await editor.page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await editor.page.locator('.ds-error-summary').waitFor();
    await check(editor, 'plan-import-feil', /Importer handlingsplan/);
    await editor.page.locator('#import-file').setInputFiles({ name: 'handlingsplan.csv', mimeType: 'text/csv', buffer: Buffer.from(DISCREPANCY_CSV, 'utf8') });
    await editor.page.getByRole('button', { name: 'Forhåndsvis' }).click();
    const table = editor.page.locator('table', { has: editor.page.locator('caption', { hasText: 'Summer i regnearket som ikke stemmer' }) });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await table.textContent()).toContain('Radsum');
    await check(editor, 'plan-import-forhandsvisning', /Importer handlingsplan/);
  });

  test('no console errors on the plan pages', () => {
    expect(unexpectedErrors(editor.errors)).toEqual([]);
  });
});

describe('system portfolio pages', () => {
  let orgId = '';
  let systemId = '';
  let sharedId = '';

  beforeAll(async () => {
    const session = (await (await admin.context.request.get(`${app.url}/api/v1/session`)).json()) as {
      data: { organizations: { id: string; slug: string }[] };
    };
    orgId = session.data.organizations.find((o) => o.slug === 'ringebu')?.id ?? '';
    const list = (await (await admin.context.request.get(`${app.url}/api/v1/organizations/${orgId}/systems?limit=100`)).json()) as {
      data: { id: string; name: string; host: unknown }[];
    };
    systemId = list.data.find((s) => s.host === null)?.id ?? '';
    const snasaId = session.data.organizations.find((o) => o.slug === 'snasa')?.id ?? '';
    const shared = (await (await admin.context.request.get(`${app.url}/api/v1/organizations/${snasaId}/systems?limit=100`)).json()) as {
      data: { id: string; host: unknown }[];
    };
    sharedId = shared.data.find((s) => s.host !== null)?.id ?? '';
    expect(orgId && systemId && sharedId).toBeTruthy();
  });

  test('systems list, filtered and sorted', async () => {
    await goto(admin.page, `${app.url}/o/ringebu/systemer`);
    expect(await admin.page.locator('table tbody tr').count()).toBeGreaterThan(10);
    await check(admin, 'portefolje-systemer', /^Systemer – Ringebu kommune – Veikart$/);
    await admin.page.locator('#systems-lifecycle').selectOption('in_operation');
    await admin.page.getByRole('button', { name: 'Brukere' }).click();
    await settle(admin.page);
    await check(admin, 'portefolje-systemer-filtrert', /Systemer/);
    // Fewest users first; a second click reverses (Acos websak has the most users, 324).
    const usersHeader = admin.page.locator('th[aria-sort]', { hasText: 'Brukere' });
    expect(await usersHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await admin.page.locator('table tbody tr').first().textContent()).not.toContain('Acos websak');
    await admin.page.getByRole('button', { name: 'Brukere' }).click();
    await admin.page.getByText(/sortert etter Brukere, synkende/).waitFor();
    await settle(admin.page);
    expect(await usersHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await admin.page.locator('table tbody tr').first().textContent()).toContain('Acos websak');
  });

  test('system page with roles, contracts, integrations, sharing and history', async () => {
    await goto(admin.page, `${app.url}/o/ringebu/systemer/${systemId}`);
    await admin.page.getByRole('heading', { name: 'Historikk' }).waitFor();
    await settle(admin.page);
    await check(admin, 'portefolje-system', / – Ringebu kommune – Veikart$/);
    await admin.page.getByRole('button', { name: 'Endre opplysninger' }).click();
    await admin.page.locator('#system-name').fill('');
    await admin.page.getByRole('button', { name: 'Lagre endringer' }).click();
    await admin.page.locator('.ds-error-summary').waitFor();
    await check(admin, 'portefolje-system-feil', /Ringebu kommune/);
  });

  test('a shared system seen by an owner municipality', async () => {
    await goto(admin.page, `${app.url}/o/snasa/systemer/${sharedId}`);
    await admin.page.getByText(/^Delt fra /).first().waitFor();
    await check(admin, 'portefolje-system-delt', /Snåsa/);
    // The owner municipality may end the sharing with itself: the confirmation, then cancelled.
    await admin.page.getByRole('button', { name: 'Avslutt delingen av systemet' }).click();
    await admin.page.getByRole('button', { name: 'Ja, avslutt delingen' }).waitFor();
    expect(await admin.page.evaluate(() => document.activeElement?.classList.contains('confirm'))).toBe(true);
    await check(admin, 'portefolje-system-delt-avslutt', /Snåsa/);
    await admin.page.getByRole('button', { name: 'Avbryt' }).click();
    await admin.page.getByRole('button', { name: 'Avslutt delingen av systemet' }).waitFor();
  });

  test('new system, empty and in its error state', async () => {
    await goto(admin.page, `${app.url}/o/ringebu/systemer/ny`);
    await check(admin, 'portefolje-nytt-system', /^Nytt system – Ringebu kommune – Veikart$/);
    await admin.page.locator('#system-plannedEnd').fill('31.02.2027');
    await admin.page.getByRole('button', { name: 'Opprett system' }).click();
    await admin.page.locator('.ds-error-summary').waitFor();
    await admin.page.locator('#system-plannedEnd').fill('');
    await admin.page.getByRole('button', { name: 'Opprett system' }).click();
    await admin.page.locator('.ds-error-summary').getByText(/Navn/).waitFor();
    await check(admin, 'portefolje-nytt-system-feil', /Nytt system/);
  });

  test('Hvem kontakter jeg?', async () => {
    await goto(admin.page, `${app.url}/o/ringebu/hvem-kontakter-jeg`);
    await check(admin, 'portefolje-hvem-kontakter-jeg', /^Hvem kontakter jeg\? – Ringebu kommune – Veikart$/);
    await admin.page.locator('#support-q').fill('a');
    await admin.page.getByRole('button', { name: 'Søk', exact: true }).click();
    await admin.page.locator('.support-card').first().waitFor();
    await settle(admin.page);
    await check(admin, 'portefolje-hvem-kontakter-jeg-treff', /Hvem kontakter jeg/);
  });

  const registers: [name: string, path: string, title: RegExp, button: string][] = [
    ['personer', '/o/ringebu/personer', /^Personer – Ringebu kommune – Veikart$/, 'Legg til person'],
    ['leverandorer', '/o/ringebu/leverandorer', /^Leverandører – Ringebu kommune – Veikart$/, 'Legg til leverandør'],
    ['avtaler', '/o/ringebu/avtaler', /^Avtaler – Ringebu kommune – Veikart$/, 'Legg til avtale'],
    ['integrasjoner', '/o/ringebu/integrasjoner', /^Integrasjoner – Ringebu kommune – Veikart$/, 'Legg til integrasjon'],
  ];

  test.each(registers)('%s, and its form in the error state', async (name, path, title, button) => {
    await goto(admin.page, `${app.url}${path}`);
    await check(admin, `portefolje-${name}`, title);
    await admin.page.getByRole('button', { name: button, exact: true }).click();
    await admin.page.locator('.ds-error-summary').waitFor();
    // Focus moves to the summary once it is rendered (an effect after the paint): wait for it, don't race it.
    await admin.page.waitForFunction(() => document.activeElement?.classList.contains('ds-error-summary'), undefined, { timeout: 10_000 });
    await check(admin, `portefolje-${name}-feil`, title);
  });

  test('persons and suppliers with an expanded row (systems, contracts)', async () => {
    await goto(admin.page, `${app.url}/o/ringebu/personer`);
    await admin.page.getByRole('button', { name: /^Vis systemer for / }).first().click();
    await admin.page.locator('tr[id^="person-systems-"]').first().waitFor();
    await settle(admin.page);
    await check(admin, 'portefolje-personer-systemer', /^Personer – Ringebu kommune – Veikart$/);
    await goto(admin.page, `${app.url}/o/ringebu/leverandorer`);
    await admin.page.getByRole('button', { name: /^Vis systemer og avtaler for / }).first().click();
    await admin.page.locator('tr[id^="supplier-links-"] .relations').first().waitFor();
    await settle(admin.page);
    await check(admin, 'portefolje-leverandorer-koblinger', /^Leverandører – Ringebu kommune – Veikart$/);
  });

  test('data quality', async () => {
    await goto(admin.page, `${app.url}/o/ringebu/datakvalitet`);
    await check(admin, 'portefolje-datakvalitet', /^Datakvalitet – Ringebu kommune – Veikart$/);
  });

  test('IKS system matrix', async () => {
    await goto(admin.page, `${app.url}/o/indre-namdal-iks/systemmatrise`);
    expect(await admin.page.locator('table thead th[scope="col"]').count()).toBeGreaterThanOrEqual(7);
    await check(admin, 'portefolje-systemmatrise', /^Systemmatrise – Indre Namdal/);
  });

  test('overview with the portfolio panel', async () => {
    await goto(admin.page, `${app.url}/o/ringebu`);
    await admin.page.getByRole('heading', { name: 'Systemportefølje' }).waitFor();
    await check(admin, 'portefolje-oversikt', /^Oversikt – Ringebu kommune – Veikart$/);
  });

  test('systems import, empty and without a file', async () => {
    await goto(admin.page, `${app.url}/o/ringebu/systemer/import`);
    await check(admin, 'portefolje-import', /^Importer systemer – Ringebu kommune – Veikart$/);
    await admin.page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await admin.page.locator('.ds-error-summary').waitFor();
    await check(admin, 'portefolje-import-feil', /Importer systemer/);
  });

  test('no console errors on the portfolio pages', () => {
    expect(unexpectedErrors(admin.errors)).toEqual([]);
  });
});
