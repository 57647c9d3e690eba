/**
 * The system portfolio in the browser (the done-criterion): an IKS editor registers a system with
 * roles, a contract ending in 60 days (the alert shows on the overview) and an integration, and shares it
 * with two owner municipalities; an editor in each owner adds that owner's own superbruker and finds it
 * through "Hvem kontakter jeg?". Also: a reader sees no edit controls, and keyboard-only flows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  activeElementMatches,
  goto,
  keyboardLogin,
  launchBrowser,
  login,
  newPage,
  screenshot,
  settle,
  startApp,
  tabTo,
  unexpectedErrors,
  type TestApp,
  type TestPage,
} from './browser.ts';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const IKS = 'indre-namdal-iks';
const SYSTEM = 'Namdal Velferdsportal';

/** Today in Oslo plus `days`, as `22.11.2026` (what the form takes) and ISO. */
function osloDate(days: number): { no: string; iso: string } {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const iso = d.toISOString().slice(0, 10);
  const [y, m, day] = iso.split('-');
  return { no: `${day}.${m}.${y}`, iso };
}

async function submitAndWaitFor(page: Page, button: string, text: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByText(text).first().waitFor();
  await settle(page);
}

/**
 * Selects the option whose text starts with `prefix` (names carry a suffix such as the provider),
 * once it is there: the choices (persons, suppliers) load after the page itself.
 */
async function selectByPrefix(page: Page, selector: string, prefix: string): Promise<void> {
  const found = await page
    .waitForFunction(
      ([sel, p]) => {
        const select = document.querySelector<HTMLSelectElement>(sel);
        return [...(select?.options ?? [])].find((o) => o.text.startsWith(p))?.value ?? false;
      },
      [selector, prefix] as const,
      { timeout: 10_000 },
    )
    .then((handle) => handle.jsonValue())
    .catch(() => '');
  const value = typeof found === 'string' ? found : '';
  expect(value, `option ${prefix} in ${selector}`).not.toBe('');
  await page.locator(selector).selectOption(value);
}

describe('IKS system shared with two owner municipalities', () => {
  let iks: TestPage;
  let systemPath = '';
  const ends = osloDate(60);

  beforeAll(async () => {
    iks = await newPage(browser);
    await login(iks.page, app.url, 'iks.leder');
  });

  afterAll(async () => {
    await iks?.context.close();
  });

  test('the IKS editor registers a person and a supplier', async () => {
    const { page } = iks;
    await goto(page, `${app.url}/o/${IKS}/personer`);
    await page.locator('#person-name').fill('Tove Systemeier');
    await page.locator('#person-title').fill('Fagleder velferd');
    await page.locator('#person-email').fill('tove@indrenamdal-ikt.no');
    await page.locator('#person-phone').fill('74 33 20 55');
    await page.locator('#person-publicContact').check();
    await submitAndWaitFor(page, 'Legg til person', '«Tove Systemeier» er lagt til.');
    await page.locator('table').getByRole('rowheader', { name: 'Tove Systemeier' }).waitFor();

    await goto(page, `${app.url}/o/${IKS}/leverandorer`);
    await page.locator('#supplier-name').fill('Velferdsdata AS');
    await page.locator('#supplier-supportPhone').fill('800 12 345');
    await page.locator('#supplier-supportEmail').fill('support@velferdsdata.no');
    await submitAndWaitFor(page, 'Legg til leverandør', '«Velferdsdata AS» er lagt til.');
  });

  test('registers a system with roles', async () => {
    const { page } = iks;
    await goto(page, `${app.url}/o/${IKS}/systemer`);
    await page.getByRole('link', { name: 'Legg til system' }).click();
    await page.waitForURL(/\/systemer\/ny$/);
    await settle(page);
    await page.locator('#system-name').fill(SYSTEM);
    await selectByPrefix(page, '#system-vendorId', 'Velferdsdata AS');
    await page.locator('#system-hosting').selectOption('saas');
    await page.locator('#system-users').fill('40');
    await page.locator('#system-softwareVersion').fill('8.1.2');
    await page.locator('#system-criticality').selectOption('office_hours');
    await page.locator('#system-personalData').check();
    await page.getByRole('button', { name: 'Opprett system' }).click();
    await page.waitForURL(/\/systemer\/[0-9a-f-]{36}$/);
    await settle(page);
    systemPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: SYSTEM }).waitFor();
    await page.getByText(`«${SYSTEM}» er lagt til.`).waitFor();
    // A new system has no owner or superbruker yet: the quality check says so in Norwegian.
    await page.getByText('Mangler systemeier').waitFor();
    // The system version (issue 12) shows in the read view.
    await page.locator('.facts__row', { hasText: 'Versjon' }).getByText('8.1.2').waitFor();

    await page.locator('#role-role').selectOption('system_owner');
    await selectByPrefix(page, '#role-holder', 'Tove Systemeier');
    await submitAndWaitFor(page, 'Legg til rolle', /Tove Systemeier er lagt til som Systemeier/);
    await page.locator('#role-role').selectOption('support_second_line');
    await page.locator('#role-kind').selectOption('supplier');
    await selectByPrefix(page, '#role-holder', 'Velferdsdata AS');
    await submitAndWaitFor(page, 'Legg til rolle', /Velferdsdata AS er lagt til som Brukerstøtte 2\. linje/);
    const roles = page.locator('table', { has: page.locator('caption', { hasText: `Roller for ${SYSTEM}` }) });
    await roles.locator('.contact__name', { hasText: 'Velferdsdata AS' }).waitFor();
    expect(await roles.locator('tbody tr').count()).toBe(2);
    expect(await roles.textContent()).toContain('74 33 20 55');
    await expect.poll(() => page.getByText('Mangler systemeier').count()).toBe(0);
  });

  test('adds a contract that ends in 60 days; the alert shows on the contracts page and the overview', async () => {
    const { page } = iks;
    await goto(page, `${app.url}${systemPath}`);
    await page.getByRole('link', { name: 'Legg til en avtale for systemet' }).click();
    await page.waitForURL(/\/avtaler\?system=/);
    await settle(page);
    await page.locator('#contract-title').fill('Lisens velferdsportal');
    await page.locator('#contract-type').selectOption('ssa_l');
    await selectByPrefix(page, '#contract-supplierId', 'Velferdsdata AS');
    await page.locator('#contract-endDate').fill(ends.no);
    await page.locator('#contract-yearlyCost').fill('125 000');
    await submitAndWaitFor(page, 'Legg til avtale', '«Lisens velferdsportal» er lagt til.');
    const row = page.locator('tr', { hasText: 'Lisens velferdsportal' });
    await row.waitFor();
    expect((await row.textContent())?.replace(/\u00a0/g, ' ')).toContain('125 000 kr');
    expect(await row.textContent()).toContain(ends.no);
    expect(await row.textContent()).toContain('(om 60 dager)');
    const alert = page.locator('.renewal-alerts').getByRole('link', { name: new RegExp(`«Lisens velferdsportal» utløper ${ends.no.replace(/\./g, '\\.')} \\(om 60 dager\\)`) });
    await alert.waitFor();
    // At 1 280 px the contracts table fits its column: no sideways scrolling (issue 14, item 12).
    const widths = await page.locator('main table.data-table').first().evaluate((t) => [t.scrollWidth, (t.parentElement as HTMLElement).clientWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);

    await goto(page, `${app.url}/o/${IKS}`);
    const overviewAlert = page.locator('.renewal-alerts').getByRole('link', { name: /«Lisens velferdsportal» utløper/ });
    await overviewAlert.waitFor();
    expect(await overviewAlert.getAttribute('href')).toBe(systemPath);
    await screenshot(page, 'flyt-iks-oversikt-varsel');
    await overviewAlert.click();
    await page.waitForURL((u) => u.pathname === systemPath);
    await settle(page);
    const contracts = page.locator('table', { has: page.locator('caption', { hasText: `Avtaler for ${SYSTEM}` }) });
    expect(await contracts.textContent()).toContain('Lisens velferdsportal');
  });

  test('adds an integration to ID-porten; the system page shows it in the diagram and the table', async () => {
    const { page } = iks;
    await goto(page, `${app.url}${systemPath}`);
    await page.getByRole('link', { name: 'Legg til en integrasjon' }).click();
    await page.waitForURL(/\/integrasjoner\?fra=/);
    await settle(page);
    // The form takes the system from ?fra= at once; its option appears when the system list has loaded.
    await expect.poll(() => page.locator('#integration-fromSystemId option:checked').textContent(), { timeout: 15_000 }).toBe(SYSTEM);
    await page.locator('#integration-targetKind').selectOption('component');
    await selectByPrefix(page, '#integration-target', 'ID-porten');
    await page.locator('#integration-standard').selectOption('rest');
    await page.locator('#integration-data').fill('Innlogging for innbyggere');
    await submitAndWaitFor(page, 'Legg til integrasjon', /er lagt til\./);
    const added = page.locator('tbody tr', { hasText: 'Innlogging for innbyggere' });
    await added.waitFor();
    expect(await added.textContent()).toMatch(new RegExp(`${SYSTEM}ID-portenÉn veiREST-API`));

    await goto(page, `${app.url}${systemPath}`);
    const diagram = page.locator('figure.diagram');
    await diagram.waitFor();
    expect(await diagram.locator('.diagram__box--self').textContent()).toBe(SYSTEM);
    expect(await diagram.textContent()).toContain('ID-porten');
    expect(await diagram.textContent()).toContain('REST-API');
  });

  test('shares the system with Snåsa and Lierne', async () => {
    const { page } = iks;
    await goto(page, `${app.url}${systemPath}`);
    await page.getByRole('checkbox', { name: /Snåsa/ }).check();
    await page.getByRole('checkbox', { name: /Lierne/ }).check();
    await page.getByLabel(/^Antall brukere i .*Snåsa/).fill('15');
    await page.getByLabel(/^Antall brukere i Lierne/).fill('8');
    await submitAndWaitFor(page, 'Lagre deling', 'Delingen er lagret: 2 organisasjoner.');
    const shares = page.locator('table', { has: page.locator('caption', { hasText: `${SYSTEM} er delt med` }) });
    await shares.waitFor();
    expect(await shares.locator('tbody tr').count()).toBe(2);
    expect(await shares.textContent()).toMatch(/Lierne.*8/);
    await screenshot(page, 'flyt-iks-system');
  });

  const owners: [slug: string, user: string, superUser: string, phone: string, other: string][] = [
    ['snasa', 'snasa.redaktor', 'Sigrid Superbruker', '74 15 00 11', 'Lars Superbruker'],
    ['lierne', 'lierne.redaktor', 'Lars Superbruker', '74 34 00 22', 'Sigrid Superbruker'],
  ];

  test.each(owners)('in %s the editor adds the own superbruker and finds it through "Hvem kontakter jeg?"', async (slug, user, superUser, phone, other) => {
    const t = await newPage(browser);
    const { page } = t;
    try {
      await ownerFlow(t, slug, user, superUser, phone, other);
    } catch (error) {
      await screenshot(page, `flyt-feil-${slug}`);
      throw error;
    }
    expect(unexpectedErrors(t.errors)).toEqual([]);
    await t.context.close();
  });

  async function ownerFlow(t: TestPage, slug: string, user: string, superUser: string, phone: string, other: string): Promise<void> {
    const { page } = t;
    await login(page, app.url, user);
    await goto(page, `${app.url}/o/${slug}/personer`);
    await page.locator('#person-name').fill(superUser);
    await page.locator('#person-unit').fill('Helse og velferd');
    await page.locator('#person-phone').fill(phone);
    await submitAndWaitFor(page, 'Legg til person', `«${superUser}» er lagt til.`);

    await goto(page, `${app.url}/o/${slug}/systemer?q=${encodeURIComponent('Velferdsportal')}`);
    const row = page.locator('tbody tr', { hasText: SYSTEM });
    expect(await row.textContent()).toContain('Delt fra Indre Namdal');
    await row.getByRole('link', { name: SYSTEM }).click();
    await page.waitForURL(/\/systemer\/[0-9a-f-]{36}$/);
    await settle(page);
    // The owner's fields are read-only here, but the member may add its own roles.
    await page.getByText(/Systemet eies av Indre Namdal/).waitFor();
    expect(await page.locator('#system-name').count()).toBe(0);
    await page.locator('#role-role').selectOption('super_user');
    await selectByPrefix(page, '#role-holder', superUser);
    await submitAndWaitFor(page, 'Legg til rolle', `${superUser} er lagt til som Superbruker.`);
    await page.locator('table', { has: page.locator('caption', { hasText: `Roller for ${SYSTEM}` }) }).locator('.contact__name', { hasText: superUser }).waitFor();
    // The member records its own use of the shared system.
    await page.locator('#usage-users').fill('');
    await page.locator('#usage-users').fill(slug === 'snasa' ? '21' : '9');
    await submitAndWaitFor(page, 'Lagre antall brukere', 'Antall brukere er lagret.');

    await page.getByRole('link', { name: 'Hvem kontakter jeg?' }).click();
    await page.waitForURL(/\/hvem-kontakter-jeg$/);
    await settle(page);
    await page.locator('#support-q').fill('velferdsp');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    const card = page.locator('.support-card', { has: page.getByRole('heading', { name: SYSTEM }) });
    await card.waitFor();
    await settle(page);
    const superUsers = card.locator('.support-route > div', { has: page.locator('dt', { hasText: /^Superbruker$/ }) });
    expect(await superUsers.textContent()).toContain(superUser);
    expect(await superUsers.textContent()).not.toContain(other);
    expect(await superUsers.getByRole('link', { name: phone }).getAttribute('href')).toBe(`tel:${phone.replace(/ /g, '')}`);
    const secondLine = card.locator('.support-route > div', { has: page.locator('dt', { hasText: 'Brukerstøtte 2. linje' }) });
    expect(await secondLine.textContent()).toContain('Velferdsdata AS');
    const owner = card.locator('.support-route > div', { has: page.locator('dt', { hasText: 'Systemeier' }) });
    expect(await owner.textContent()).toContain('Tove Systemeier');
    await screenshot(page, `flyt-hvem-kontakter-jeg-${slug}`);
  }

  test('the IKS matrix shows both owners with their users and superbrukere', async () => {
    const { page } = iks;
    await goto(page, `${app.url}/o/${IKS}/systemmatrise`);
    const row = page.locator('tbody tr', { has: page.getByRole('rowheader', { name: SYSTEM }) });
    const text = (await row.textContent())?.replace(/\u00a0/g, ' ') ?? '';
    // The users each owner recorded itself (the IKS shared with 15 and 8).
    expect(text).toContain('21 brukere');
    expect(text).toContain('Superbruker: Sigrid Superbruker');
    expect(text).toContain('9 brukere');
    expect(text).toContain('Superbruker: Lars Superbruker');
    expect(text).toContain('Bruker ikke systemet');
    expect(unexpectedErrors(iks.errors)).toEqual([]);
  });
});

describe('as a reader', () => {
  test('sees the portfolio without edit controls, and can use "Hvem kontakter jeg?"', async () => {
    const t = await newPage(browser);
    const { page } = t;
    await login(page, app.url, 'ringebu.leser');
    await goto(page, `${app.url}/o/ringebu/systemer`);
    expect(await page.locator('tbody tr').count()).toBeGreaterThanOrEqual(20);
    expect(await page.getByRole('link', { name: 'Legg til system' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Importer systemer fra regneark' }).count()).toBe(0);
    await page.locator('tbody tr').first().getByRole('link').click();
    await page.waitForURL(/\/systemer\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Roller og kontaktpersoner' }).waitFor();
    await settle(page);
    expect(await page.locator('form').count()).toBe(1); // only the organization switcher
    expect(await page.getByRole('button', { name: /Merk som gjennomgått|Legg til rolle|Fjern|Slett/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Historikk' }).count()).toBe(0);

    for (const path of ['personer', 'leverandorer', 'avtaler', 'integrasjoner']) {
      await goto(page, `${app.url}/o/ringebu/${path}`);
      // Search and filter forms (role=search) read; no form that writes.
      expect(await page.locator('main form:not([role="search"])').count(), path).toBe(0);
      expect(await page.getByRole('button', { name: /^Endre|^Slett/ }).count(), path).toBe(0);
    }
    await goto(page, `${app.url}/o/ringebu/hvem-kontakter-jeg?q=websak`);
    const card = page.locator('.support-card').first();
    await card.waitFor();
    expect(await card.textContent()).toContain('Live Bjørke');
    expect(unexpectedErrors(t.errors)).toEqual([]);
    await t.context.close();
  });
});

describe('keyboard only', () => {
  test('a reader finds the support route with the keyboard', async () => {
    const t = await newPage(browser);
    const { page } = t;
    await keyboardLogin(page, app.url, 'ringebu.leser');
    await tabTo(page, 'nav a', { text: 'Hvem kontakter jeg?' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/hvem-kontakter-jeg$/);
    await settle(page);
    await expect.poll(() => activeElementMatches(page, 'h1')).toBe(true);
    await tabTo(page, '#support-q');
    await page.keyboard.type('websak');
    await page.keyboard.press('Enter');
    await page.locator('.support-card').first().waitFor();
    await settle(page);
    await tabTo(page, '.support-card h2 a');
    const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/systemer\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(unexpectedErrors(t.errors)).toEqual([]);
    await t.context.close();
  });

  test('an editor adds a person and gives them a role with the keyboard', async () => {
    const t = await newPage(browser);
    const { page } = t;
    await keyboardLogin(page, app.url, 'ringebu.redaktor');
    await goto(page, `${app.url}/o/ringebu/personer`);
    // Past the register table's filter field and sort buttons, then three buttons a row.
    await tabTo(page, '#person-name', { max: 80 });
    await page.keyboard.type('Tilde Tastatur');
    await page.keyboard.press('Tab');
    expect(await activeElementMatches(page, '#person-title')).toBe(true);
    await page.keyboard.type('Superbruker');
    await tabTo(page, '#person-publicContact');
    await page.keyboard.press('Space');
    expect(await page.locator('#person-publicContact').isChecked()).toBe(true);
    await tabTo(page, 'button[type="submit"]', { text: 'Legg til person' });
    await page.keyboard.press('Enter');
    await page.getByText('«Tilde Tastatur» er lagt til.').waitFor();

    await goto(page, `${app.url}/o/ringebu/systemer?q=websak`);
    await tabTo(page, 'tbody a');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/systemer\/[0-9a-f-]{36}$/);
    await page.locator('#role-role').waitFor();
    const system = (await page.locator('h1').textContent()) ?? '';
    expect(system).toMatch(/websak/i);
    await tabTo(page, '#role-role', { max: 120 });
    await page.keyboard.press('Tab'); // holder kind: person
    await page.keyboard.press('Tab');
    expect(await activeElementMatches(page, 'a')).toBe(true); // "Registrer en ny person" in the hint
    await page.keyboard.press('Tab');
    expect(await activeElementMatches(page, '#role-holder')).toBe(true);
    // Type-ahead in the closed native select picks the person.
    await page.keyboard.type('Tilde');
    expect(await page.locator('#role-holder option:checked').textContent()).toMatch(/^Tilde Tastatur/);
    await tabTo(page, 'button[type="submit"]', { text: 'Legg til rolle' });
    await page.keyboard.press('Enter');
    await page.getByText('Tilde Tastatur er lagt til som Superbruker.').waitFor();
    const roles = page.locator('table', { has: page.locator('caption', { hasText: `Roller for ${system}` }) });
    await roles.locator('.contact__name', { hasText: 'Tilde Tastatur' }).waitFor();
    expect(unexpectedErrors(t.errors)).toEqual([]);
    await t.context.close();
  });
});

describe('systems import', () => {
  test('preview with a problem, then confirm; the systems are in the list', async () => {
    const t = await newPage(browser);
    const { page } = t;
    await login(page, app.url, 'sorfron.leder');
    await goto(page, `${app.url}/o/sor-fron/systemer`);
    await page.getByRole('link', { name: 'Importer systemer fra regneark' }).click();
    await page.waitForURL(/\/systemer\/import$/);
    await settle(page);
    const csv = ['system,users,vendor,cooperation,server_location,database', 'Importert arkivsystem,12,Sikri,,Sør-Fron,MS SQL', 'Importert kartløsning,mange,Norkart,,Sør-Fron,'].join('\n');
    await page.locator('#systems-import-file').setInputFiles({ name: 'systemer.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    const rows = page.locator('table', { has: page.locator('caption', { hasText: 'Systemer i regnearket' }) });
    await rows.waitFor();
    expect(await rows.locator('tbody tr').count()).toBe(2);
    const problems = page.locator('table', { has: page.locator('caption', { hasText: 'Problemer i regnearket' }) });
    expect(await problems.textContent()).toMatch(/brukere/);
    await screenshot(page, 'flyt-import-forhandsvisning');
    // Nothing is saved by the preview.
    await page.goto(`${app.url}/o/sor-fron/systemer?q=Importert`);
    await settle(page);
    expect(await page.locator('tbody tr').count()).toBe(0);
    await page.goBack();
    await settle(page);
    await page.locator('#systems-import-file').setInputFiles({ name: 'systemer.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await page.getByRole('button', { name: /^Importer 2 systemer$/ }).click();
    await page.getByText('Importen er fullført: 2 nye og 0 oppdaterte systemer.').waitFor();
    await page.getByRole('link', { name: 'Gå til systemene' }).click();
    await page.waitForURL(/\/systemer$/);
    await goto(page, `${app.url}/o/sor-fron/systemer?q=Importert`);
    expect(await page.locator('tbody tr').count()).toBe(2);
    expect(unexpectedErrors(t.errors)).toEqual([]);
    await t.context.close();
  });
});

describe("Ringebu's system list from its ICT strategy", () => {
  test('imports into the demo kommune with every cooperation matched, and shows the 22 systems with their data-quality gaps', async () => {
    const t = await newPage(browser);
    const { page } = t;
    await login(page, app.url, 'ringebu.leder');
    await goto(page, `${app.url}/o/ringebu/systemer/import`);
    const csv = readFileSync(join(process.cwd(), 'test', 'fixtures', 'systems', 'ringebu-systems.csv'));
    await page.locator('#systems-import-file').setInputFiles({ name: 'ringebu-systems.csv', mimeType: 'text/csv', buffer: csv });
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    const rows = page.locator('table', { has: page.locator('caption', { hasText: 'Systemer i regnearket' }) });
    await rows.waitFor();
    expect(await rows.locator('tbody tr').count()).toBe(22);
    await page.getByRole('button', { name: /^Importer 22 systemer$/ }).click();
    // The demo data holds the same 22 systems, so the import matches every one and creates none.
    await page.getByText(/Importen er fullført: 0 nye og \d+ oppdaterte systemer\./).waitFor();

    await goto(page, `${app.url}/o/ringebu/systemer`);
    const list = page.locator('table', { has: page.locator('caption', { hasText: 'Systemer i Ringebu kommune' }) });
    expect(await list.locator('tbody tr').count()).toBe(22);
    const cooperationOf = async (name: string) => (await list.locator('tbody tr', { has: page.getByRole('link', { name, exact: true }) }).textContent()) ?? '';
    expect(await cooperationOf('Gerica')).toContain('TRUST');
    expect(await cooperationOf('GISline')).toContain('3K');
    expect(await cooperationOf('Visma enterprise (øk/pers/lønn)')).toContain('2K');

    await goto(page, `${app.url}/o/ringebu/datakvalitet`);
    const quality = page.locator('table', { has: page.locator('caption', { hasText: 'Datakvalitet per system i Ringebu kommune' }) });
    const gapsOf = async (name: string) => (await quality.locator('tbody tr', { has: page.getByRole('link', { name, exact: true }) }).textContent()) ?? '';
    const profdoc = await gapsOf('Profdoc Vision');
    for (const gap of ['Mangler systemeier', 'Mangler superbruker', 'Personopplysninger uten gyldig databehandleravtale', 'Avtale er utløpt', 'Kritisk system uten kontinuitetsplan']) expect(profdoc).toContain(gap);
    // 1 of 6 checks passed: a 24/7 system without a continuity record fails that check too.
    expect(profdoc).toContain('17 %');
    const gerica = await gapsOf('Gerica');
    expect(gerica).toContain('Personopplysninger uten gyldig databehandleravtale');
    expect(gerica).not.toContain('Mangler systemeier');
    expect(await gapsOf('Acos websak (inkl. intranett)')).toContain('100 %');
    await screenshot(page, 'flyt-ringebu-datakvalitet');
    expect(unexpectedErrors(t.errors)).toEqual([]);
    await t.context.close();
  });
});

describe('a nynorsk organization', () => {
  /** Texts that exist only in bokmål: each bokmål label and UI text that is not also a nynorsk one. */
  async function bokmalOnly(): Promise<Set<string>> {
    const { nb } = await import('../../src/domain/i18n/nb.ts');
    const { nn } = await import('../../src/domain/i18n/nn.ts');
    const { labelsIn } = await import('../../src/domain/labels.ts');
    const values = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : values(v as object)));
    const nynorsk = new Set([...values(nn), ...values(labelsIn('nn'))]);
    return new Set([...values(nb), ...values(labelsIn('nb'))].filter((s) => !s.includes('{') && !nynorsk.has(s)));
  }

  /** The visible texts of the page's leaf elements (labels, cells, options, buttons, messages) that are bokmål only. */
  async function bokmalOn(page: Page, bokmal: Set<string>): Promise<string[]> {
    const texts = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.children.length === 0 && (e instanceof HTMLOptionElement || (e as HTMLElement).offsetParent !== null))
        .map((e) => (e.textContent ?? '').trim())
        .filter((s) => s !== ''),
    );
    return [...new Set(texts.filter((s) => bokmal.has(s)))];
  }

  test('shows no bokmål-only label on the handlingsplan, the system page or a validation error', async () => {
    const bokmal = await bokmalOnly();
    expect(bokmal.has('Ikke startet')).toBe(true);
    const { context, page } = await newPage(browser);
    await login(page, app.url, 'ringebu.leder');
    const request = context.request;
    const session = (await (await request.get(`${app.url}/api/v1/session`)).json()) as { data: { csrfToken: string; organizations: { id: string; slug: string }[] } };
    const orgId = session.data.organizations.find((o) => o.slug === 'ringebu')?.id ?? '';
    const headers = { 'x-csrf-token': session.data.csrfToken };
    const setLanguage = async (language: 'nb' | 'nn') => {
      const org = (await (await request.get(`${app.url}/api/v1/organizations/${orgId}`)).json()) as { data: { version: number } };
      const res = await request.patch(`${app.url}/api/v1/organizations/${orgId}`, { headers, data: { version: org.data.version, language } });
      expect(res.status()).toBe(200);
    };
    const plans = (await (await request.get(`${app.url}/api/v1/organizations/${orgId}/plans`)).json()) as { data: { revisions: { id: string }[] }[] };
    const revisionId = plans.data[0]?.revisions[0]?.id ?? '';
    // The check sees bokmål when it is there: the same table in bokmål has bokmål-only labels.
    await goto(page, `${app.url}/o/ringebu/plan/r/${revisionId}/handlingsplan`);
    await page.locator('table tbody tr').first().waitFor();
    expect((await bokmalOn(page, bokmal)).length).toBeGreaterThan(0);
    await setLanguage('nn');
    try {
      await goto(page, `${app.url}/o/ringebu/plan/r/${revisionId}/handlingsplan`);
      await page.locator('table tbody tr').first().waitFor();
      await settle(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('nn');
      expect(await bokmalOn(page, bokmal)).toEqual([]);

      const systems = (await (await request.get(`${app.url}/api/v1/organizations/${orgId}/systems?limit=1`)).json()) as { data: { id: string }[] };
      await goto(page, `${app.url}/o/ringebu/systemer/${systems.data[0]?.id ?? ''}`);
      await page.getByRole('button', { name: 'Endre opplysningar' }).waitFor();
      await settle(page);
      expect(await bokmalOn(page, bokmal)).toEqual([]);
      // The form on demand, by keyboard: focus goes to the form's heading; then a validation error.
      await page.getByRole('button', { name: 'Endre opplysningar' }).focus();
      await page.keyboard.press('Enter');
      await page.locator('#system-name').waitFor();
      expect(await activeElementMatches(page, '#system-form-heading')).toBe(true);
      await page.locator('#system-name').fill('');
      await page.locator('#system-form-heading ~ form button[type="submit"]').click();
      await page.locator('.ds-error-summary').waitFor();
      expect(await bokmalOn(page, bokmal)).toEqual([]);
    } finally {
      await setLanguage('nb');
      await context.close();
    }
  });
});
