/**
 * Printing the handlingsplan from the browser: a plan of 200 measures imported without prosjektnr
 * (so the "Nr." column goes), printed with print media to PDF by Chromium. The PDF holds every
 * measure and every year, on A4 landscape, with the header row on every page and the sum rows once,
 * at the end. The "i 1 000 kr" view shows amounts rounded to thousands and says so.
 * Pages are rendered to test-results/print/ for a look.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { formatKroner, formatThousands } from '../../src/domain/money.ts';
import { expectNoAxeViolations, goto, launchBrowser, login, newPage, startApp, unexpectedErrors, type TestApp } from './browser.ts';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const OUT = join(process.cwd(), 'test-results', 'print');
const YEARS = [2031, 2032, 2033, 2034, 2035, 2036];
const AREAS = ['Digitale tjenester', 'Infrastruktur', 'Sikkerhet', 'Kompetanse'];
const MEASURES = Array.from({ length: 200 }, (_, i) => ({
  title: `Utskriftstiltak ${String(i + 1).padStart(3, '0')} ${['nettside', 'nettverk', 'brannmur', 'kurs'][i % 4]}`,
  area: AREAS[i % 4]!,
  invest: YEARS.map((y, j) => (j === i % YEARS.length ? 10_000 + i * 1_234 : 0)),
  drift: YEARS.map((_, j) => 5_000 + i * 10 + j * 499),
}));

/** The handlingsplan as an IKT-leder keeps it, without a prosjektnr column. */
function csv(): Buffer {
  const rows = [['Tiltak', 'Satsingsområde', 'Type', ...YEARS.map(String)].join(';')];
  for (const m of MEASURES) {
    rows.push([m.title, m.area, 'invest', ...m.invest.map((a) => (a === 0 ? '' : String(a)))].join(';'));
    rows.push([m.title, m.area, 'drift', ...m.drift.map(String)].join(';'));
  }
  return Buffer.from(rows.join('\n'), 'utf8');
}

const norm = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

test('a handlingsplan of 200 measures prints whole on A4 landscape, and shows amounts in 1 000 kr', async () => {
  const { page, context, errors } = await newPage(browser);
  await login(page, app.url, 'ringebu.redaktor');
  const session = (await (await context.request.get(`${app.url}/api/v1/session`)).json()) as {
    data: { csrfToken: string; organizations: { id: string; slug: string }[] };
  };
  const orgId = session.data.organizations.find((o) => o.slug === 'ringebu')!.id;
  const imported = await context.request.post(`${app.url}/api/v1/organizations/${orgId}/actionplan-import?filename=utskrift.csv&dryRun=false`, {
    headers: { 'x-csrf-token': session.data.csrfToken, 'content-type': 'application/octet-stream' },
    data: csv(),
  });
  expect(imported.status()).toBe(200);
  const { revisionId, measures } = ((await imported.json()) as { data: { revisionId: string; measures: number } }).data;
  expect(measures).toBe(200);

  await page.setViewportSize({ width: 1280, height: 900 });
  await goto(page, `${app.url}/o/ringebu/plan/r/${revisionId}/handlingsplan`);
  const table = page.locator('table.plan-table');
  await table.locator('tbody tr.plan-table__first').nth(199).waitFor();
  // No measure has a number: no "Nr." column.
  expect(await table.locator('thead th').allTextContents()).toEqual(['Tiltak', 'Type', ...YEARS.map(String), 'Totalt']);

  // ---- print
  await page.emulateMedia({ media: 'print' });
  mkdirSync(OUT, { recursive: true });
  const pdfFile = join(OUT, 'handlingsplan-200.pdf');
  writeFileSync(pdfFile, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  expect(info).toMatch(/Page size:\s+84[12]\.\d+ x 59[45]\.\d+ pts/); // A4 landscape
  const pageTexts = Array.from({ length: pages }, (_, i) =>
    norm(execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-f', String(i + 1), '-l', String(i + 1), pdfFile, '-'], { encoding: 'utf8' })),
  );
  const text = pageTexts.join(' ');
  for (const m of MEASURES) expect(text, m.title).toContain(m.title);
  for (const y of YEARS) expect(text).toContain(String(y));
  // Every page with measures repeats the header row with all the years.
  const tablePages = pageTexts.filter((t) => t.includes('Utskriftstiltak'));
  expect(tablePages.length).toBeGreaterThan(3);
  for (const t of tablePages) expect(t).toContain(`Tiltak Type ${YEARS.join(' ')} Totalt`);
  // The sum rows come once, after the last measure; the grand total is printed in full.
  const sumAt = text.indexOf('SUM alle tiltak');
  expect(sumAt).toBeGreaterThan(text.indexOf(MEASURES.at(-1)!.title));
  expect(text.indexOf('SUM alle tiltak', sumAt + 1)).toBe(-1);
  const total = MEASURES.reduce((s, m) => s + [...m.invest, ...m.drift].reduce((a, b) => a + b, 0), 0);
  expect(text).toContain(norm(formatKroner(total)));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdfFile, join(OUT, 'handlingsplan')]);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(pages), '-l', String(pages), pdfFile, join(OUT, 'handlingsplan')]);

  // ---- in 1 000 kr
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('switch', { name: 'Vis beløp i 1 000 kr' }).check();
  await expect.poll(() => table.locator('caption').textContent()).toContain('(i 1 000 kr, avrundet)');
  await page.getByText('Beløp i 1 000 kr, avrundet til nærmeste tusen.').waitFor();
  const grandTotal = table.locator('tfoot tr.plan-table__total--sum td.plan-table__rowtotal');
  expect(await grandTotal.textContent()).toBe(formatThousands(total));
  await page.emulateMedia({ media: 'print' });
  const thousandsFile = join(OUT, 'handlingsplan-200-tusen.pdf');
  writeFileSync(thousandsFile, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const thousandsText = norm(execFileSync('pdftotext', ['-enc', 'UTF-8', thousandsFile, '-'], { encoding: 'utf8' }));
  expect(thousandsText).toContain('avrundet til nærmeste tusen');
  expect(thousandsText).toContain(norm(formatThousands(total)));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', thousandsFile, join(OUT, 'handlingsplan-tusen')]);

  // The view in 1 000 kr passes axe (on one focus area: axe over all 2 000 cells takes minutes).
  await page.emulateMedia({ media: 'screen' });
  await page.locator('#ap-area').selectOption({ label: 'Kompetanse' });
  await expect.poll(() => table.locator('tbody tr.plan-table__first').count()).toBe(50);
  await expectNoAxeViolations(page, 'handlingsplan i 1 000 kr');

  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
}, 180_000); // 200 measures printed twice take a while on a busy machine
