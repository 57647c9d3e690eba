/** The plan and system portfolio pages pass axe (WCAG 2.1 A/AA); a screenshot of each. The other pages: axe.test.ts (two files, so two workers share the walk). */
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

/** A handlingsplan with one wrong printed total (row 4: 100 000 + 50 000 is not 160 000). */
const DISCREPANCY_CSV = [
  'Prosjektnr;Tiltak;Satsingsområde;Type;2027;2028;Totalt',
  '1;Ny sentralbordløsning;Digitalisering;invest;100 000;50 000;160 000',
  '1;Ny sentralbordløsning;Digitalisering;drift;20 000;20 000;40 000',
  '2;Nettbrett til politikere;Digitalisering;invest;45 000;-;45 000',
  ';SUM;;invest;145 000;50 000;205 000',
].join('\n');
