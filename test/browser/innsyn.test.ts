/**
 * The public innsyn page (no login, server-rendered) at phone and desktop size; publishing and unpublishing
 * from the revision page as an org admin; an editor sees the document downloads but no publish controls.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  expectNoAxeViolations,
  goto,
  launchBrowser,
  login,
  newPage,
  screenshot,
  startApp,
  unexpectedErrors,
  type TestApp,
  type TestPage,
} from './browser.ts';

let app: TestApp;
let browser: Browser;
let orgId = '';
let adoptedId = '';
let draftId = '';
let vision = '';
let measureTitle = '';

interface ApiRevisionSummary {
  id: string;
  number: number;
  status: string;
  publishedAt: string | null;
}

async function ringebuId(context: BrowserContext): Promise<string> {
  const session = (await (await context.request.get(`${app.url}/api/v1/session`)).json()) as {
    data: { organizations: { id: string; slug: string }[] };
  };
  return session.data.organizations.find((o) => o.slug === 'ringebu')?.id ?? '';
}

async function revisions(context: BrowserContext): Promise<ApiRevisionSummary[]> {
  const res = await context.request.get(`${app.url}/api/v1/organizations/${orgId}/plans`);
  const plans = (await res.json()) as { data: { name: string; revisions: ApiRevisionSummary[] }[] };
  return plans.data.find((p) => p.name === 'IKT-strategi 2025–2028')?.revisions ?? [];
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  const t = await newPage(browser);
  await login(t.page, app.url, 'ringebu.leder');
  orgId = await ringebuId(t.context);
  const revs = await revisions(t.context);
  adoptedId = revs.find((r) => r.number === 1)?.id ?? '';
  draftId = revs.find((r) => r.number === 2 && r.status === 'draft')?.id ?? '';
  const rev = (await (await t.context.request.get(`${app.url}/api/v1/organizations/${orgId}/revisions/${adoptedId}`)).json()) as {
    data: { status: string; publishedAt: string | null; vision: string | null; measures: { title: string; number: string | null }[] };
  };
  expect(rev.data.status).toBe('adopted');
  expect(rev.data.publishedAt).not.toBeNull();
  vision = rev.data.vision ?? '';
  measureTitle = rev.data.measures.find((m) => m.number === '3')?.title ?? '';
  expect(adoptedId && draftId && vision && measureTitle).toBeTruthy();
  await t.context.close();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A fresh logged-out context each time: the public page may be cached (max-age), and a new context has no cache. */
async function publicPage(width = 1280, height = 900): Promise<TestPage & { status: number }> {
  const t = await newPage(browser);
  await t.page.setViewportSize({ width, height });
  const response = await t.page.goto(`${app.url}/innsyn/ringebu`);
  await t.page.waitForLoadState('load');
  return { ...t, status: response?.status() ?? 0 };
}

const textOf = async (page: Page, selector: string): Promise<string> => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('the public page, logged out', () => {
  test.each([
    ['phone', 375, 740],
    ['desktop', 1280, 900],
  ] as const)('at %s size (%i×%i)', async (name, width, height) => {
    const t = await publicPage(width, height);
    expect(t.status).toBe(200);
    const { page } = t;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    expect(await page.title()).toMatch(/Ringebu kommune/);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await textOf(page, 'h1')).toBe('IKT-strategi og handlingsplan 2025–2028');
    const body = ((await page.locator('body').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(body).toContain(vision.replace(/\s+/g, ' ').trim());
    await page.getByRole('rowheader', { name: new RegExp(`^${measureTitle}`) }).waitFor();
    const money = page.locator('table', { has: page.locator('caption', { hasText: 'Investering og drift per år' }) });
    expect(await money.count()).toBe(1);
    expect(await money.locator('tbody tr').count()).toBe(4);
    expect(await money.locator('tfoot').textContent()).toMatch(/Totalt/);
    // Nothing about the people working on the plan.
    expect(body).not.toMatch(/Kari Nordmo|Ola Fåvang|Per Kvitfjell|Ansvarlig/);

    if (width <= 375) {
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width + 1);
    }
    await screenshot(page, `innsyn-${name}`);
    await expectNoAxeViolations(page, `innsyn ${name}`);

    const pdfHref = await page.getByRole('link', { name: 'Last ned planen som PDF' }).getAttribute('href');
    expect(pdfHref).toBe('/innsyn/ringebu/plan.pdf');
    const pdf = await t.context.request.get(`${app.url}${pdfHref ?? ''}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A public body's PDF is accessible: tagged (PDF/UA-1), with the document language.
    const dir = mkdtempSync(join(tmpdir(), 'veikart-innsyn-'));
    try {
      writeFileSync(join(dir, 'plan.pdf'), bytes);
      expect(execFileSync('pdfinfo', [join(dir, 'plan.pdf')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).toMatch(/^Tagged:\s+yes$/m);
      expect(bytes.toString('latin1')).toContain('/Lang (nb-NO)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(unexpectedErrors(t.errors)).toEqual([]);
    await t.context.close();
  });

  test('an unknown organization is a 404', async () => {
    const t = await newPage(browser);
    const res = await t.page.goto(`${app.url}/innsyn/finnes-ikke`);
    expect(res?.status()).toBe(404);
    await t.context.close();
  });
});

describe('publishing as an org admin (ringebu.leder)', () => {
  let admin: TestPage;

  beforeAll(async () => {
    admin = await newPage(browser);
    await login(admin.page, app.url, 'ringebu.leder');
  });

  afterAll(async () => {
    await admin?.context.close();
  });

  test('a draft revision has document links but no publishing', async () => {
    const { page } = admin;
    await goto(page, `${app.url}/o/ringebu/plan/r/${draftId}`);
    await page.getByRole('heading', { name: 'Dokument', level: 2 }).waitFor();
    expect(await page.getByRole('link', { name: 'Last ned Word (.docx)' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Last ned PDF' }).count()).toBe(1);
    expect(await page.locator('#rev-publish').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Publiser på innsyn' }).count()).toBe(0);
  });

  test('unpublish with confirmation, the public page is gone, publish again and it is back', async () => {
    const { page } = admin;
    await goto(page, `${app.url}/o/ringebu/plan/r/${adoptedId}`);
    const section = page.locator('section', { has: page.locator('#rev-publish') });
    await section.getByText(/^Publisert \d{2}\.\d{2}\.\d{4}\./).waitFor();
    const publicLink = section.getByRole('link', { name: /^Åpne den offentlige siden/ });
    expect(await publicLink.getAttribute('href')).toBe('/innsyn/ringebu');
    expect(await publicLink.getAttribute('target')).toBeNull();

    // Avpubliser opens an inline confirmation with focus on it; Avbryt closes it and returns focus.
    await section.getByRole('button', { name: 'Avpubliser' }).click();
    const confirm = section.locator('.confirm');
    await confirm.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('confirm'))).toBe(true);
    expect(await confirm.textContent()).toContain('Vil du avpublisere revisjon 1?');
    await confirm.getByRole('button', { name: 'Avbryt' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Avpubliser');

    await section.getByRole('button', { name: 'Avpubliser' }).click();
    await confirm.getByRole('button', { name: 'Ja, avpubliser' }).click();
    await page.getByRole('status').getByText('Revisjon 1 er avpublisert.').waitFor();
    await section.getByRole('button', { name: 'Publiser på innsyn' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rev-publish');
    expect(await section.textContent()).toContain('Planen blir synlig for alle på');
    expect(await section.textContent()).toContain('/innsyn/ringebu, uten personopplysninger');
    expect(await page.locator('.revision-meta').textContent()).not.toContain('Publisert');
    expect((await revisions(admin.context)).find((r) => r.id === adoptedId)?.publishedAt).toBeNull();
    await screenshot(page, 'innsyn-avpublisert-revisjon');

    // Logged out: no published plan (404 with its own page), and no PDF.
    const gone = await publicPage();
    expect(gone.status).toBe(404);
    expect(await textOf(gone.page, 'h1')).toBe('Ingen publisert plan');
    await expectNoAxeViolations(gone.page, 'innsyn uten plan');
    expect((await gone.context.request.get(`${app.url}/innsyn/ringebu/plan.pdf`)).status()).toBe(404);
    await gone.context.close();

    // The plan overview lists no publication.
    await goto(page, `${app.url}/o/ringebu/plan`);
    const row = page.locator('tr', { has: page.getByRole('link', { name: /^Revisjon 1 IKT-strategi 2025–2028/ }) });
    expect(await row.textContent()).not.toContain('Publisert');

    // Publish again.
    await goto(page, `${app.url}/o/ringebu/plan/r/${adoptedId}`);
    await section.getByRole('button', { name: 'Publiser på innsyn' }).click();
    await page.getByRole('status').getByText(/^Revisjon 1 er publisert på .*\/innsyn\/ringebu\.$/).waitFor();
    await section.getByText(/^Publisert \d{2}\.\d{2}\.\d{4}\./).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rev-publish');
    expect((await revisions(admin.context)).find((r) => r.id === adoptedId)?.publishedAt).not.toBeNull();

    const back = await publicPage();
    expect(back.status).toBe(200);
    expect(await textOf(back.page, 'h1')).toBe('IKT-strategi og handlingsplan 2025–2028');
    await back.context.close();

    await goto(page, `${app.url}/o/ringebu/plan`);
    expect(await row.textContent()).toMatch(/Publisert \d{2}\.\d{2}\.\d{4}/);

    // The link on the revision page opens the public page in the same tab.
    await goto(page, `${app.url}/o/ringebu/plan/r/${adoptedId}`);
    await publicLink.click();
    await page.waitForURL(`${app.url}/innsyn/ringebu`);
    expect(await textOf(page, 'h1')).toBe('IKT-strategi og handlingsplan 2025–2028');
    expect(unexpectedErrors(admin.errors)).toEqual([]);
  });
});

describe('as an editor (ringebu.redaktor)', () => {
  test('no publishing controls, but the plan document downloads', async () => {
    const { page, context, errors } = await newPage(browser);
    await login(page, app.url, 'ringebu.redaktor');
    await goto(page, `${app.url}/o/ringebu/plan/r/${adoptedId}`);
    await page.getByRole('heading', { name: 'Dokument', level: 2 }).waitFor();
    expect(await page.locator('#rev-publish').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Publiser|Avpubliser/ }).count()).toBe(0);
    expect(await page.locator('.revision-meta').textContent()).toContain('Publisert på innsyn');

    const pdfLink = page.getByRole('link', { name: 'Last ned PDF' });
    const docxLink = page.getByRole('link', { name: 'Last ned Word (.docx)' });
    expect(await pdfLink.getAttribute('download')).not.toBeNull();
    const pdfHref = (await pdfLink.getAttribute('href')) ?? '';
    const docxHref = (await docxLink.getAttribute('href')) ?? '';
    expect(pdfHref).toBe(`/api/v1/organizations/${orgId}/revisions/${adoptedId}/document?format=pdf`);
    expect(docxHref).toBe(`/api/v1/organizations/${orgId}/revisions/${adoptedId}/document?format=docx`);

    // A real click downloads the file …
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(await download.failure()).toBeNull();

    // … and the same request with the session cookie answers with the documents.
    const pdf = await context.request.get(`${app.url}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);
    expect(pdf.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.pdf"$/);
    expect((await pdf.body()).length).toBeGreaterThan(10_000);
    const docx = await context.request.get(`${app.url}${docxHref}`);
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toMatch(/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document/);
    expect((await docx.body()).subarray(0, 2).toString('latin1')).toBe('PK');

    // Publishing is refused by the API too.
    const session = (await (await context.request.get(`${app.url}/api/v1/session`)).json()) as { data: { csrfToken: string } };
    const refused = await context.request.delete(`${app.url}/api/v1/organizations/${orgId}/revisions/${adoptedId}/publish`, {
      headers: { 'x-csrf-token': session.data.csrfToken, 'content-type': 'application/json' },
      data: {},
    });
    expect(refused.status()).toBe(403);
    expect(unexpectedErrors(errors)).toEqual([]);
    await context.close();
  });
});
