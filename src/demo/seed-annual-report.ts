/**
 * Demo of the annual report (årsmelding) for "Indre Namdal IKT IKS": the introduction for 2025, a
 * small plan whose measures of 2025 carry a result, two retired shared solutions and the year each
 * solution was introduced. All of it is INVENTED demo text (README, "Demo data"): the sample data
 * in shared/ holds no årsmelding text or solutions list of this IKS. Idempotent: does nothing once
 * the 2025 introduction exists.
 */
import type { Tx } from '../db/database.ts';
import { findAnnualReportText, saveAnnualReportText, setIntroducedYears } from '../db/queries/annual-report.ts';
import { insertSystems } from '../db/queries/systems.ts';
import { systemIdsByName } from '../db/queries/demo.ts';
import { createPlan } from '../db/queries/plan-periods.ts';
import { insertFocusArea, insertGoal, insertMeasure } from '../db/queries/plan-items.ts';

export const DEMO_REPORT_YEAR = 2025;

const INTRODUCTION = `(Demotekst, oppdiktet.) 2025 var året da eierkommunene tok i bruk felles sak/arkiv i skyen og faset ut det gamle arkivsystemet. IKS-et svarte på flere henvendelser enn året før, med kortere svartid.

- Elements sak/arkiv i drift i alle seks eierkommuner
- ePhorte faset ut og avlevert til arkivdepot
- Ny avtale om felles brukerstøtte`;

/** Year introduced for the demo IKS's solutions (invented). */
const INTRODUCED: Record<string, number> = {
  'Elements sak/arkiv': 2023,
  'Visma Enterprise økonomi og lønn': 2012,
  'Profil pleie og omsorg': 2009,
  'Visma Flyt skole': 2019,
  'Komtek kommunaltekniske tjenester': 2014,
  'ISY Eiendom': 2016,
  'Microsoft 365': 2020,
};

export async function ensureIksAnnualReport(tx: Tx, iksId: string): Promise<void> {
  if ((await findAnnualReportText(tx, iksId, DEMO_REPORT_YEAR)).version > 0) return;
  await saveAnnualReportText(tx, iksId, DEMO_REPORT_YEAR, { title: null, introduction: INTRODUCTION, version: 0 });

  const ids = await systemIdsByName(tx, iksId);
  if (!ids.has('ePhorte sak/arkiv')) {
    await insertSystems(tx, iksId, [
      { name: 'ePhorte sak/arkiv', lifecycle: 'retired', introducedYear: 2008, replacedById: ids.get('Elements sak/arkiv') ?? null, description: 'Felles sak/arkiv fram til 2025 (demo).' },
      { name: 'Fronter læringsplattform', lifecycle: 'retired', introducedYear: 2006, description: 'Læringsplattform for skolene (demo).' },
    ]);
  }
  await setIntroducedYears(tx, iksId, INTRODUCED);

  const { revisionId } = await createPlan(tx, iksId, { name: 'Virksomhetsplan 2024–2027', startYear: 2024, endYear: 2027, vision: null });
  const area = await insertFocusArea(tx, iksId, revisionId, { title: 'Felles løsninger' });
  await insertGoal(tx, iksId, revisionId, { focusAreaId: area, text: 'Eierkommunene bruker de samme fagsystemene, driftet av IKS-et', nationalGoalIds: [] });
  const measure = (number: string, title: string, startDate: string, endDate: string, status: 'done' | 'in_progress', result: string | null) =>
    insertMeasure(tx, iksId, revisionId, { focusAreaId: area, number, title, startDate, endDate, status, priority: 'medium', result, goalIds: [], lines: [], actuals: [] });
  await measure('1', 'Felles sak/arkiv i skyen', '2024-01-01', '2025-06-30', 'done', 'Elements i drift i alle eierkommunene fra mai; ePhorte avlevert (demo).');
  await measure('2', 'Felles brukerstøtte', '2025-01-01', '2026-12-31', 'in_progress', 'Felles telefon og portal; svartid ned fra tre til én arbeidsdag (demo).');
  await measure('3', 'Ny skoleadministrasjon', '2026-01-01', '2027-06-30', 'in_progress', null);
}
