import { describe, expect, it } from 'vitest';
import { continuityComplete, daysBetween, dpaHeldBy, dpaStatus, monthsBefore, renewalAlert, systemQuality, todayInOslo, type SystemFacts } from './portfolio-quality.ts';

const base: SystemFacts = {
  lifecycle: 'in_operation',
  personalData: false,
  specialCategoryData: false,
  plannedEnd: null,
  lastReviewedAt: '2026-06-01',
  roles: ['system_owner', 'super_user'],
  contracts: [],
};
const today = '2026-12-01';

describe('dates', () => {
  it('counts days and steps months back, clamping to the end of a shorter month', () => {
    expect(daysBetween('2026-12-01', '2027-01-30')).toBe(60);
    expect(daysBetween('2026-12-01', '2026-11-30')).toBe(-1);
    expect(monthsBefore('2027-03-31', 1)).toBe('2027-02-28');
    expect(monthsBefore('2028-03-31', 1)).toBe('2028-02-29');
    expect(monthsBefore('2027-01-15', 3)).toBe('2026-10-15');
    expect(monthsBefore('2026-12-01', 12)).toBe('2025-12-01');
  });

  it("gives today's date in Norway, not UTC", () => {
    expect(todayInOslo(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInOslo(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });

  it('moves to the next date at midnight in Norway, also when asked within the same minute before', () => {
    expect(todayInOslo(new Date('2026-07-01T21:59:30Z'))).toBe('2026-07-01');
    expect(todayInOslo(new Date('2026-07-01T21:59:59.999Z'))).toBe('2026-07-01');
    expect(todayInOslo(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
    expect(todayInOslo(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(todayInOslo(new Date('2026-12-31T22:59:10Z'))).toBe('2026-12-31');
    expect(todayInOslo(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});

describe('data quality', () => {
  it('asks a critical system (round the clock) for its continuity: backup, RTO, RPO and a fallback answer', () => {
    const full = { backupLocation: 'Annen kommunal bygning', rtoHours: 24, rpoHours: 24, fallbackSite: false };
    const critical = { ...base, criticality: 'round_the_clock' as const };
    expect(systemQuality({ ...critical, continuity: full }, today)).toEqual({ score: 100, gaps: [] });
    expect(systemQuality({ ...critical, continuity: null }, today)).toEqual({ score: 75, gaps: ['critical_without_continuity'] });
    for (const key of ['backupLocation', 'rtoHours', 'rpoHours', 'fallbackSite'] as const) {
      expect(continuityComplete({ ...full, [key]: null }), key).toBe(false);
      expect(systemQuality({ ...critical, continuity: { ...full, [key]: null } }, today).gaps).toEqual(['critical_without_continuity']);
    }
    // Office-hours systems, systems without criticality, retired ones and callers without the fact: no continuity check.
    expect(systemQuality({ ...base, criticality: 'office_hours', continuity: null }, today)).toEqual({ score: 100, gaps: [] });
    expect(systemQuality({ ...base, criticality: null, continuity: null }, today).gaps).toEqual([]);
    expect(systemQuality({ ...critical, lifecycle: 'retired', continuity: null }, today)).toEqual({ score: 100, gaps: [] });
    expect(systemQuality(critical, today)).toEqual({ score: 100, gaps: [] });
  });

  it('scores the share of applicable checks passed and names each gap', () => {
    expect(systemQuality(base, today)).toEqual({ score: 100, gaps: [] });
    expect(systemQuality({ ...base, roles: [] }, today)).toEqual({ score: 33, gaps: ['no_system_owner', 'no_super_user'] });
    expect(systemQuality({ ...base, personalData: true }, today)).toEqual({ score: 75, gaps: ['personal_data_without_dpa'] });
    expect(systemQuality({ ...base, specialCategoryData: true, contracts: [{ type: 'dpa', startDate: '2020-01-01', endDate: null }] }, today).gaps).toEqual([]);
  });

  it('finds an expired contract only when no contract of the same type still runs', () => {
    const expired = { type: 'ssa_v' as const, startDate: '2019-01-01', endDate: '2025-12-31' };
    expect(systemQuality({ ...base, contracts: [expired] }, today).gaps).toEqual(['contract_expired']);
    expect(systemQuality({ ...base, contracts: [expired, { type: 'ssa_v', startDate: '2026-01-01', endDate: '2028-12-31' }] }, today).gaps).toEqual([]);
    expect(systemQuality({ ...base, contracts: [expired, { type: 'ssa_d', startDate: '2026-01-01', endDate: null }] }, today).gaps).toEqual(['contract_expired']);
  });

  it('flags a system still in use after its planned end, but not one being phased out', () => {
    expect(systemQuality({ ...base, plannedEnd: '2026-11-30' }, today).gaps).toEqual(['past_planned_end']);
    expect(systemQuality({ ...base, plannedEnd: '2026-12-01' }, today).gaps).toEqual([]);
    expect(systemQuality({ ...base, plannedEnd: '2026-11-30', lifecycle: 'phasing_out' }, today).gaps).toEqual([]);
  });

  it('wants a review within the last 12 months, and checks nothing on a retired system', () => {
    expect(systemQuality({ ...base, lastReviewedAt: '2025-12-01' }, today).gaps).toEqual([]);
    expect(systemQuality({ ...base, lastReviewedAt: '2025-11-30' }, today).gaps).toEqual(['not_reviewed']);
    expect(systemQuality({ ...base, lastReviewedAt: null }, today).gaps).toEqual(['not_reviewed']);
    // The cut-off follows the day asked about, also when calls for other days come in between.
    expect(systemQuality({ ...base, lastReviewedAt: '2025-12-01' }, '2026-12-02').gaps).toEqual(['not_reviewed']);
    expect(systemQuality({ ...base, lastReviewedAt: '2025-12-01' }, today).gaps).toEqual([]);
    expect(systemQuality({ ...base, lifecycle: 'retired', roles: [], lastReviewedAt: null }, today)).toEqual({ score: 100, gaps: [] });
  });
});

describe('data-processing agreement', () => {
  it('is needed only with personal data, and must be running today', () => {
    expect(dpaStatus(false, [], today)).toBe('not_needed');
    expect(dpaStatus(true, [], today)).toBe('missing');
    expect(dpaStatus(true, [{ type: 'dpa', startDate: '2020-01-01', endDate: '2026-11-30' }], today)).toBe('expired');
    expect(dpaStatus(true, [{ type: 'dpa', startDate: '2027-01-01', endDate: null }], today)).toBe('expired');
    expect(dpaStatus(true, [{ type: 'dpa', startDate: null, endDate: '2026-12-01' }], today)).toBe('active');
    expect(dpaStatus(true, [{ type: 'ssa_d', startDate: null, endDate: null }], today)).toBe('missing');
  });
});

describe('renewal alerts', () => {
  it('warns about contracts ending within 90 days', () => {
    expect(renewalAlert({ type: 'ssa_l', startDate: null, endDate: '2027-01-30', noticeMonths: null }, today)).toEqual({ kind: 'ends', date: '2027-01-30', daysLeft: 60 });
    expect(renewalAlert({ type: 'ssa_l', startDate: null, endDate: '2027-03-01', noticeMonths: null }, today)).toEqual({ kind: 'ends', date: '2027-03-01', daysLeft: 90 });
    expect(renewalAlert({ type: 'ssa_l', startDate: null, endDate: '2027-03-02', noticeMonths: null }, today)).toBeNull();
    expect(renewalAlert({ type: 'ssa_l', startDate: null, endDate: '2026-11-30', noticeMonths: null }, today)).toBeNull();
    expect(renewalAlert({ type: 'ssa_l', startDate: null, endDate: null, noticeMonths: 3 }, today)).toBeNull();
  });

  it('warns earlier when notice must be given, and about the end once the notice date has passed', () => {
    // Ends 30.06.2027 with 6 months' notice: notice by 30.12.2026, 29 days from now.
    expect(renewalAlert({ type: 'ssa_v', startDate: null, endDate: '2027-06-30', noticeMonths: 6 }, today)).toEqual({ kind: 'notice', date: '2026-12-30', daysLeft: 29 });
    // Notice deadline already passed (1 month before 15.12.2026 = 15.11.2026): the end date is what is left.
    expect(renewalAlert({ type: 'ssa_v', startDate: null, endDate: '2026-12-15', noticeMonths: 1 }, today)).toEqual({ kind: 'ends', date: '2026-12-15', daysLeft: 14 });
    // Notice is more than 90 days away: nothing yet.
    expect(renewalAlert({ type: 'ssa_v', startDate: null, endDate: '2028-06-30', noticeMonths: 6 }, today)).toBeNull();
  });
});

describe('dpaHeldBy: where a shared system\'s data processing agreement lives', () => {
  const shared = { owned: false, host: { name: 'Indre Namdal IKT IKS' }, dpaStatus: 'active' as const, contracts: [] };
  it('names the owner when the member sees «Gyldig» but holds no agreement itself', () => {
    expect(dpaHeldBy(shared)).toBe('Indre Namdal IKT IKS');
    expect(dpaHeldBy({ ...shared, dpaStatus: 'expired' })).toBe('Indre Namdal IKT IKS');
  });
  it('says nothing to the owner, without an agreement, or when the member has its own', () => {
    expect(dpaHeldBy({ ...shared, owned: true, host: null })).toBeNull();
    expect(dpaHeldBy({ ...shared, dpaStatus: 'missing' })).toBeNull();
    expect(dpaHeldBy({ ...shared, dpaStatus: 'not_needed' })).toBeNull();
    expect(dpaHeldBy({ ...shared, contracts: [{ type: 'dpa' as const }] })).toBeNull();
  });
});
