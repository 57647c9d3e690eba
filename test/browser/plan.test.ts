/**
 * The plan as an editor: a new plan with a focus area, a goal linked to a national goal and two measures;
 * live budget totals that match the API; adopt, new revision, compare, adopt again; a 409 on a stale
 * measure; and a reader who sees no edit controls.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatKroner } from '../../src/domain/money.ts';
import { goto, launchBrowser, login, newPage, screenshot, settle, startApp, unexpectedErrors, type TestApp } from './browser.ts';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

interface ApiRevision {
  id: string;
  number: number;
  status: string;
  version: number;
  measures: { id: string; title: string; version: number; lines: unknown[] }[];
  totals: { perMeasure: Record<string, { total: number }>; overall: { total: number; perYear: Record<string, number> } };
}

async function apiSession(context: BrowserContext): Promise<{ orgId: string; csrf: string }> {
  const session = (await (await context.request.get(`${app.url}/api/v1/session`)).json()) as {
    data: { csrfToken: string; organizations: { id: string; slug: string }[] };
  };
  return { orgId: session.data.organizations.find((o) => o.slug === 'ringebu')?.id ?? '', csrf: session.data.csrfToken };
}

async function apiRevision(context: BrowserContext, revisionId: string): Promise<ApiRevision> {
  const { orgId } = await apiSession(context);
  const res = await context.request.get(`${app.url}/api/v1/organizations/${orgId}/revisions/${revisionId}`);
  return ((await res.json()) as { data: ApiRevision }).data;
}

const revisionIdOf = (page: Page): string => /\/plan\/r\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
const measureIdOf = (page: Page): string => /\/tiltak\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
const text = async (page: Page, selector: string): Promise<string> => ((await page.locator(selector).textContent()) ?? '').trim();

test('an editor builds a plan, edits the budget grid, revises, compares and adopts', async () => {
  const { page, context, errors } = await newPage(browser);
  await login(page, app.url, 'ringebu.redaktor');
  await goto(page, `${app.url}/o/ringebu/plan`);

  // A new plan: lands on revision 1, a draft.
  await page.locator('#plan-name').fill('Digitaliseringsplan 2027–2030');
  await page.locator('#plan-startYear').fill('2027');
  await page.locator('#plan-endYear').fill('2030');
  await page.getByRole('button', { name: 'Opprett plan' }).click();
  await page.waitForURL(/\/plan\/r\/[0-9a-f-]{36}$/);
  await settle(page);
  await expect.poll(() => text(page, 'main h1')).toBe('Digitaliseringsplan 2027–2030, revisjon 1');
  expect(await page.title()).toBe('Digitaliseringsplan 2027–2030, revisjon 1 – Veikart');
  const rev1 = revisionIdOf(page);

  // A focus area …
  await page.getByRole('button', { name: 'Nytt satsingsområde' }).click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('area-form-heading');
  await page.locator('#area-title').fill('Digitale tjenester');
  await page.getByRole('button', { name: 'Legg til satsingsområde' }).click();
  await page.getByRole('heading', { name: '1. Digitale tjenester' }).waitFor();
  await page.getByRole('status').getByText('«Digitale tjenester» er lagt til.').waitFor();

  // … with a goal linked to a national goal.
  await page.getByRole('button', { name: 'Legg til mål i Digitale tjenester' }).click();
  await page.locator('#goal-text').fill('Innbyggerne skal møte kommunen digitalt først');
  await page.getByRole('group', { name: /Digital agenda/ }).getByLabel(/DA-1 Brukeren i sentrum/).check();
  await page.getByRole('button', { name: 'Legg til mål', exact: true }).click();
  const goal = page.locator('.goal-list li', { hasText: 'Innbyggerne skal møte kommunen digitalt først' });
  await goal.waitFor();
  expect(await goal.locator('.ds-tag').textContent()).toBe('DA-1 Brukeren i sentrum');
  // The form closed: focus is back on the focus area's heading, not lost on <body>.
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('1. Digitale tjenester');

  // Measure 1: amounts typed the Norwegian way; totals update while typing.
  await page.getByRole('link', { name: 'Nytt tiltak i Digitale tjenester' }).click();
  await page.waitForURL(/\/tiltak\/ny\?omrade=/);
  await settle(page);
  expect(await page.locator('#measure-focusAreaId option:checked').textContent()).toBe('Digitale tjenester');
  await page.locator('#measure-number').fill('1');
  await page.locator('#measure-title').fill('Digital postkasse');
  await page.getByLabel('Innbyggerne skal møte kommunen digitalt først').check();
  await page.locator('#measure-endDate').fill('31.12.2028');
  await page.getByLabel('Investering 2027', { exact: true }).fill('60 000');
  expect(await text(page, '[data-testid="total-invest"]')).toBe('60\u00a0000\u00a0kr');
  await page.getByLabel('Drift 2028', { exact: true }).fill('1.052.500');
  expect(await text(page, '[data-testid="total-drift"]')).toBe('1\u00a0052\u00a0500\u00a0kr');
  expect(await text(page, '[data-testid="total-2028"]')).toBe('1\u00a0052\u00a0500\u00a0kr');
  expect(await text(page, '[data-testid="total-all"]')).toBe('1\u00a0112\u00a0500\u00a0kr');
  await page.getByRole('button', { name: 'Opprett tiltak' }).click();
  await page.waitForURL(/\/tiltak\/[0-9a-f-]{36}$/);
  await page.getByRole('status').getByText('«Digital postkasse» er lagt til.').waitFor();
  const measure1 = measureIdOf(page);
  expect(await page.locator('#measure-endDate').inputValue()).toBe('31.12.2028');

  // Edit one more cell and save: the page total equals the API's total for the measure.
  await page.getByLabel('Drift 2029', { exact: true }).fill('25 000');
  expect(await text(page, '[data-testid="total-all"]')).toBe('1\u00a0137\u00a0500\u00a0kr');
  await page.getByRole('button', { name: 'Lagre endringer' }).click();
  await page.getByRole('status').getByText('«Digital postkasse» er lagret.').waitFor();
  let api = await apiRevision(context, rev1);
  expect(api.totals.perMeasure[measure1]?.total).toBe(1_137_500);
  expect(await text(page, '[data-testid="total-all"]')).toBe(formatKroner(api.totals.perMeasure[measure1]?.total ?? -1));
  await screenshot(page, 'plan-flow-measure');

  // Measure 2: 10 × 8 500 kr.
  await page.goto(`${app.url}/o/ringebu/plan/r/${rev1}/tiltak/ny`);
  await settle(page);
  await page.locator('#measure-number').fill('2');
  await page.locator('#measure-title').fill('Opplæring i digitale verktøy');
  await page.getByLabel('Vis antall × enhetspris').check();
  await page.getByLabel('Antall, Investering 2028').fill('10');
  await page.getByLabel('Enhetspris, Investering 2028').fill('8 500');
  expect(await page.getByLabel('Investering 2028', { exact: true }).inputValue()).toBe('85\u00a0000');
  expect(await text(page, '[data-testid="total-all"]')).toBe('85\u00a0000\u00a0kr');
  await page.getByRole('button', { name: 'Opprett tiltak' }).click();
  await page.waitForURL(/\/tiltak\/[0-9a-f-]{36}$/);
  await settle(page);

  // The handlingsplan sums both: the SUM row equals the API's overall total. The page reads the lean
  // table endpoint, not the whole revision.
  const requested: string[] = [];
  const onRequest = (r: { url(): string }) => void requested.push(new URL(r.url()).pathname);
  page.on('request', onRequest);
  await page.goto(`${app.url}/o/ringebu/plan/r/${rev1}/handlingsplan`);
  await settle(page);
  page.off('request', onRequest);
  const { orgId } = await apiSession(context);
  expect(requested).toContain(`/api/v1/organizations/${orgId}/revisions/${rev1}/actionplan`);
  expect(requested).not.toContain(`/api/v1/organizations/${orgId}/revisions/${rev1}`);
  api = await apiRevision(context, rev1);
  expect(api.totals.overall.total).toBe(1_222_500);
  const sumRow = page.locator('tfoot tr').last();
  expect(((await sumRow.locator('td').last().textContent()) ?? '').trim()).toBe(formatKroner(api.totals.overall.total));
  expect(((await sumRow.locator('td').nth(1).textContent()) ?? '').trim()).toBe(formatKroner(api.totals.overall.perYear['2028'] ?? -1));

  // Adopt revision 1: read-only afterwards.
  await page.goto(`${app.url}/o/ringebu/plan/r/${rev1}`);
  await settle(page);
  await page.getByRole('button', { name: 'Vedta', exact: true }).click();
  // An adoption date after today is refused, in the form users type dates.
  await page.locator('#adopt-adoptedDate').fill('01.01.2099');
  await page.locator('#adopt-decisionRef').fill('K-sak 101/25');
  await page.locator('section[aria-labelledby="adopt-form-heading"] button[type="submit"]').click();
  await page.getByText(/Vedtaksdato kan ikke være etter i dag \(\d\d\.\d\d\.\d{4}\)/).first().waitFor();
  await page.locator('#adopt-adoptedDate').fill('15.11.2025');
  await page.locator('section[aria-labelledby="adopt-form-heading"] button[type="submit"]').click();
  await page.getByText('Vedtatt 15.11.2025 (K-sak 101/25) – skrivebeskyttet').waitFor();

  // New revision: a draft copy, revision 2.
  await page.getByRole('button', { name: 'Ny revisjon' }).click();
  await page.waitForURL((u) => !u.pathname.endsWith(rev1));
  await settle(page);
  // Client-side navigation: the new revision's heading comes with its data, after the URL.
  await page.locator('main h1', { hasText: 'revisjon 2' }).waitFor();
  await expect.poll(() => text(page, 'main h1')).toBe('Digitaliseringsplan 2027–2030, revisjon 2');
  const rev2 = revisionIdOf(page);
  const copy = await apiRevision(context, rev2);
  const copied1 = copy.measures.find((m) => m.title === 'Digital postkasse')?.id ?? '';

  // Change an amount in revision 2 …
  await page.getByRole('link', { name: 'Digital postkasse' }).click();
  await page.waitForURL(/\/tiltak\//);
  await settle(page);
  await page.getByLabel('Investering 2027', { exact: true }).fill('85 000');
  await page.getByRole('button', { name: 'Lagre endringer' }).click();
  await page.getByRole('status').getByText('«Digital postkasse» er lagret.').waitFor();
  expect((await apiRevision(context, rev2)).totals.perMeasure[copied1]?.total).toBe(1_162_500);

  // … and compare with revision 1: +25 000 kr in 2027.
  await page.goto(`${app.url}/o/ringebu/plan/r/${rev2}`);
  await settle(page);
  await page.getByRole('link', { name: 'Sammenlign med forrige' }).click();
  await page.waitForURL(/\/sammenlign\?med=/);
  await settle(page);
  const changed = page.locator('article.change', { hasText: 'Digital postkasse' });
  await changed.waitFor();
  const deltaRow = changed.locator('tbody tr', { hasText: '2027' });
  expect(await deltaRow.locator('td').allTextContents()).toEqual(['2027', '60\u00a0000\u00a0kr', '85\u00a0000\u00a0kr', '+25\u00a0000\u00a0kr']);
  expect(await page.locator('section[aria-labelledby="cmp-totals"]').textContent()).toContain('+25\u00a0000\u00a0kr');
  await screenshot(page, 'plan-flow-compare');

  // Adopt revision 2: no edit controls remain.
  await page.goto(`${app.url}/o/ringebu/plan/r/${rev2}`);
  await settle(page);
  await page.getByRole('button', { name: 'Vedta', exact: true }).click();
  await page.locator('#adopt-adoptedDate').fill('14.01.2026');
  await page.locator('#adopt-decisionRef').fill('K-sak 095/26');
  await page.locator('section[aria-labelledby="adopt-form-heading"] button[type="submit"]').click();
  await page.getByText('Vedtatt 14.01.2026 (K-sak 095/26) – skrivebeskyttet').waitFor();
  await page.locator('.revision-meta').getByText('Vedtatt', { exact: true }).waitFor();
  for (const name of [/^Endre/, /^Slett/, /^Legg til mål/, 'Vedta', 'Nytt satsingsområde']) {
    expect(await page.getByRole('button', { name }).count()).toBe(0);
  }
  expect(await page.getByRole('link', { name: /^Nytt tiltak/ }).count()).toBe(0);
  await page.getByRole('link', { name: 'Digital postkasse' }).click();
  await page.waitForURL(/\/tiltak\//);
  await settle(page);
  // The plan's own fields are read-only; follow-up (measured values, status reports with actual spend) stays open.
  expect(await page.locator('main input:not(section[aria-labelledby^="followup-"] input)').count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Lagre endringer' }).count()).toBe(0);
  expect(await page.locator('main').textContent()).toContain('85\u00a0000\u00a0kr');
  await screenshot(page, 'plan-flow-adopted-measure');

  // Revision 1 is now erstattet, in its page and in the overview, which names the revision in force.
  await page.goto(`${app.url}/o/ringebu/plan/r/${rev1}`);
  await settle(page);
  await page.locator('.revision-meta').getByText('Erstattet', { exact: true }).waitFor();
  await page.getByText(/^Erstattet: en nyere revisjon av planen er vedtatt/).waitFor();
  await page.goto(`${app.url}/o/ringebu/plan`);
  await settle(page);
  await page.getByText('Gjeldende: revisjon 2, vedtatt 14.01.2026.').waitFor();

  // "Ny revisjon" twice: the second time a draft exists, and the page asks first.
  await page.goto(`${app.url}/o/ringebu/plan/r/${rev2}`);
  await settle(page);
  await page.getByRole('button', { name: 'Ny revisjon' }).click();
  await page.locator('main h1', { hasText: 'revisjon 3' }).waitFor();
  await settle(page);
  await page.getByRole('button', { name: 'Ny revisjon' }).click();
  await page.getByText(/^Revisjon 3 er allerede et utkast i denne planen/).waitFor();
  await page.getByRole('button', { name: 'Avbryt' }).click();
  expect(await page.getByText(/^Revisjon 3 er allerede et utkast/).count()).toBe(0);

  // A negative amount needs the saving mark.
  await page.goto(`${app.url}/o/ringebu/plan/r/${revisionIdOf(page)}`);
  await settle(page);
  await page.getByRole('link', { name: 'Digital postkasse' }).click();
  await page.waitForURL(/\/tiltak\//);
  await settle(page);
  await page.getByLabel('Drift 2030', { exact: true }).fill('-5 000');
  await page.getByRole('button', { name: 'Lagre endringer' }).click();
  await page.getByText('Et negativt beløp må merkes som innsparing.').first().waitFor();
  await page.getByRole('checkbox', { name: /Innsparing/ }).check();
  await page.getByRole('button', { name: 'Lagre endringer' }).click();
  await page.getByRole('status').getByText('«Digital postkasse» er lagret.').waitFor();
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
}, 180_000);

test('saving a measure someone else changed shows the conflict and reloads', async () => {
  const { page, context } = await newPage(browser);
  await login(page, app.url, 'ringebu.redaktor');
  const { orgId, csrf } = await apiSession(context);
  const plans = (await (await context.request.get(`${app.url}/api/v1/organizations/${orgId}/plans`)).json()) as {
    data: { name: string; revisions: { id: string; status: string }[] }[];
  };
  const draftId = plans.data.find((p) => p.name === 'IKT-strategi 2025–2028')?.revisions.find((r) => r.status === 'draft')?.id ?? '';
  const draft = await apiRevision(context, draftId);
  const measure = draft.measures.find((m) => m.title === 'Mini-ROS for IKT-området');
  expect(measure).toBeDefined();
  await goto(page, `${app.url}/o/ringebu/plan/r/${draftId}/tiltak/${measure?.id ?? ''}`);

  const patched = await context.request.patch(`${app.url}/api/v1/organizations/${orgId}/revisions/${draftId}/measures/${measure?.id ?? ''}`, {
    headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' },
    data: { version: measure?.version, responsible: 'Noen andre' },
  });
  expect(patched.status()).toBe(200);

  await page.getByLabel('Drift 2025', { exact: true }).fill('35 000');
  await page.getByRole('button', { name: 'Lagre endringer' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Noen andre har endret dette' });
  await alert.waitFor();
  await screenshot(page, 'plan-measure-conflict');
  await alert.getByRole('button', { name: 'Last inn på nytt' }).click();
  await alert.waitFor({ state: 'detached' });
  await expect.poll(() => page.locator('#measure-responsible').inputValue()).toBe('Noen andre');
  expect(await page.getByLabel('Drift 2025', { exact: true }).inputValue()).toBe('30\u00a0000');
  await context.close();
});

test('a reader sees the plan but no edit controls', async () => {
  const { page, context, errors } = await newPage(browser);
  await login(page, app.url, 'ringebu.leser');
  await goto(page, `${app.url}/o/ringebu/plan`);
  expect(await page.locator('nav a', { hasText: 'Plan' }).count()).toBe(1);
  await page.locator('svg[role="img"]').waitFor();
  expect(await page.locator('#plan-name').count()).toBe(0);
  expect(await page.getByText('Du har lesetilgang').count()).toBe(1);

  await page.getByRole('link', { name: 'Revisjon 2 IKT-strategi 2025–2028' }).click();
  await page.waitForURL(/\/plan\/r\//);
  await settle(page);
  for (const name of [/^Endre/, /^Slett/, /^Legg til mål/, 'Vedta', 'Ny revisjon', 'Nytt satsingsområde']) {
    expect(await page.getByRole('button', { name }).count()).toBe(0);
  }
  expect(await page.getByRole('link', { name: /^Nytt tiltak/ }).count()).toBe(0);
  expect(await page.getByRole('link', { name: /Importer/ }).count()).toBe(0);

  await page.getByRole('link', { name: 'Utskifting av PC-er' }).click();
  await page.waitForURL(/\/tiltak\//);
  await settle(page);
  expect(await page.locator('main input, main select, main textarea').count()).toBe(0);
  expect(await page.locator('main').textContent()).toContain('25 × 8\u00a0500\u00a0kr');
  await screenshot(page, 'plan-reader-measure');
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
});
