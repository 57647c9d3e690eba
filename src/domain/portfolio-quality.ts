/**
 * Pure rules of the system portfolio: data quality per system, the data-processing agreement status
 * and contract renewal alerts. `today` is always passed in (ISO date), so the rules are testable.
 */
import {
  type Criticality,
  RENEWAL_ALERT_DAYS,
  REVIEW_MONTHS,
  type ContractType,
  type DpaStatus,
  type Lifecycle,
  type Quality,
  type QualityGap,
  type SystemRole,
} from './portfolio.ts';

const DAY_MS = 86_400_000;

function utc(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) throw new RangeError(`Ugyldig dato: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** The date `months` months before `date`, clamped to the month's last day (31.03 − 1 → 28/29.02). */
export function monthsBefore(date: string, months: number): string {
  const d = new Date(utc(date));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() - months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return iso(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

export interface ContractFacts {
  readonly type: ContractType;
  readonly startDate: string | null;
  readonly endDate: string | null;
}

function isActive(c: ContractFacts, today: string): boolean {
  return (c.startDate === null || c.startDate <= today) && (c.endDate === null || c.endDate >= today);
}

export function dpaStatus(personalData: boolean, contracts: readonly ContractFacts[], today: string): DpaStatus {
  const dpas = contracts.filter((c) => c.type === 'dpa');
  if (dpas.some((c) => isActive(c, today))) return 'active';
  if (!personalData) return 'not_needed';
  return dpas.length > 0 ? 'expired' : 'missing';
}

/** What the data-quality check asks of a critical system's continuity record (domain/continuity.ts). */
export interface ContinuityFacts {
  readonly backupLocation: string | null;
  readonly rtoHours: number | null;
  readonly rpoHours: number | null;
  readonly fallbackSite: boolean | null;
}

/**
 * A critical system (in operation round the clock) needs a continuity record that says where it
 * is backed up, its RTO and RPO, and whether a fallback site exists (yes or no).
 */
export function continuityComplete(c: ContinuityFacts | null): boolean {
  return c !== null && c.backupLocation !== null && c.rtoHours !== null && c.rpoHours !== null && c.fallbackSite !== null;
}

export interface SystemFacts {
  readonly lifecycle: Lifecycle;
  readonly personalData: boolean;
  readonly specialCategoryData: boolean;
  readonly plannedEnd: string | null;
  readonly lastReviewedAt: string | null;
  /** Roles held on the system, in any organization. */
  readonly roles: readonly SystemRole[];
  readonly contracts: readonly ContractFacts[];
  readonly criticality?: Criticality | null;
  /** The system's continuity record (null: none). Not given: the continuity check is left out. */
  readonly continuity?: ContinuityFacts | null;
}

/** The last review date that still counts, for `today`; the list asks for the same day for every row, so the last answer is kept. */
let lastCutoff: { today: string; since: string } | null = null;
function reviewCutoff(today: string): string {
  if (lastCutoff?.today !== today) lastCutoff = { today, since: monthsBefore(today, REVIEW_MONTHS) };
  return lastCutoff.since;
}

/**
 * The checks that apply to a system and those it fails. Score = share of applicable checks passed,
 * rounded to whole per cent. A retired system has no checks (score 100).
 */
export function systemQuality(s: SystemFacts, today: string): Quality {
  if (s.lifecycle === 'retired') return { score: 100, gaps: [] };
  const checks: Array<[QualityGap, boolean]> = [
    ['no_system_owner', s.roles.includes('system_owner')],
    ['no_super_user', s.roles.includes('super_user')],
  ];
  const personal = s.personalData || s.specialCategoryData;
  if (personal) checks.push(['personal_data_without_dpa', dpaStatus(true, s.contracts, today) === 'active']);
  const nonDpa = s.contracts.filter((c) => c.type !== 'dpa');
  if (nonDpa.length > 0) {
    // Expired only when no contract of the same type still runs (a renewed contract replaces it).
    const expired = nonDpa.some((c) => c.endDate !== null && c.endDate < today && !nonDpa.some((o) => o.type === c.type && isActive(o, today)));
    checks.push(['contract_expired', !expired]);
  }
  if (s.plannedEnd !== null) checks.push(['past_planned_end', !(s.plannedEnd < today && s.lifecycle !== 'phasing_out')]);
  if (s.criticality === 'round_the_clock' && s.continuity !== undefined) checks.push(['critical_without_continuity', continuityComplete(s.continuity)]);
  const reviewedSince = reviewCutoff(today);
  checks.push(['not_reviewed', s.lastReviewedAt !== null && s.lastReviewedAt.slice(0, 10) >= reviewedSince]);
  const passed = checks.filter(([, ok]) => ok).length;
  return { score: Math.round((100 * passed) / checks.length), gaps: checks.filter(([, ok]) => !ok).map(([gap]) => gap) };
}

export interface RenewalFacts extends ContractFacts {
  readonly noticeMonths: number | null;
}

/**
 * The alert for a contract, if any: the notice deadline when it falls within the window (and is not
 * past), else the end date when that does. Contracts already ended give no alert (data quality
 * reports them instead).
 */
export function renewalAlert(c: RenewalFacts, today: string, windowDays = RENEWAL_ALERT_DAYS): { kind: 'ends' | 'notice'; date: string; daysLeft: number } | null {
  if (c.endDate === null || c.endDate < today) return null;
  if (c.noticeMonths !== null && c.noticeMonths > 0) {
    const notice = monthsBefore(c.endDate, c.noticeMonths);
    const left = daysBetween(today, notice);
    if (left >= 0 && left <= windowDays) return { kind: 'notice', date: notice, daysLeft: left };
  }
  const left = daysBetween(today, c.endDate);
  return left <= windowDays ? { kind: 'ends', date: c.endDate, daysLeft: left } : null;
}

// Building an Intl.DateTimeFormat costs ~0.2 ms (it was the largest item of the system list in a
// CPU profile); one instance is reused.
const OSLO_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

let lastDay = { minute: Number.NaN, date: '' };

/**
 * Today's date in Norway as `YYYY-MM-DD`. Formatting still costs ~20 µs (1.6 % of the system list's
 * CPU in a profile), so the date is kept for the minute it was asked in: Norway's offsets from UTC
 * are whole hours, so the date only changes at the start of a minute.
 */
export function todayInOslo(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastDay.minute) lastDay = { minute, date: OSLO_DATE.format(now) };
  return lastDay.date;
}

/**
 * Where a shared system's data processing agreement lives when the viewer has none of its own:
 * the owner's name («Databehandleravtalen ligger hos …»), so a member sees why the status is
 * «Gyldig» without seeing the owner's contract. Null for the owner, or when there is no agreement
 * to point to, or the viewer holds one itself.
 */
export function dpaHeldBy(system: {
  readonly owned: boolean;
  readonly host: { readonly name: string } | null;
  readonly dpaStatus: DpaStatus;
  readonly contracts: readonly { readonly type: ContractType }[];
}): string | null {
  if (system.owned || !system.host) return null;
  if (system.dpaStatus !== 'active' && system.dpaStatus !== 'expired') return null;
  if (system.contracts.some((c) => c.type === 'dpa')) return null;
  return system.host.name;
}
