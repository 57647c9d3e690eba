import { describe, expect, it } from 'vitest';
import { adoptionRefusal, importedNumberProblems, isMeasureNumber, revisionInForce, revisionState, savingProblem } from './plan-revisions.ts';
import { nameLineError } from './plan-messages.ts';

const rev = (id: string, number: number, status: 'draft' | 'adopted', adoptedDate: string | null = null) => ({ id, number, status, adoptedDate });

describe('revision in force', () => {
  const revisions = [rev('a', 1, 'adopted', '2024-12-12'), rev('b', 2, 'adopted', '2025-12-10'), rev('c', 3, 'draft')];
  it('is the adopted revision with the highest number; earlier adopted ones are replaced', () => {
    expect(revisionInForce(revisions)?.id).toBe('b');
    expect(revisions.map((r) => revisionState(r, revisions))).toEqual(['replaced', 'adopted', 'draft']);
    expect(revisionInForce([rev('x', 1, 'draft')])).toBeNull();
  });
  it('refuses an older draft after a newer adoption, a future date, a date before the period could be decided', () => {
    const base = { revisions, startYear: 2025, today: '2026-06-15' };
    expect(adoptionRefusal({ ...base, revision: rev('old', 1, 'draft'), revisions: [...revisions, rev('old', 1, 'draft')], adoptedDate: '2026-01-01' })?.kind).toBe('conflict');
    expect(adoptionRefusal({ ...base, revision: revisions[2]!, adoptedDate: '2026-06-16' })).toEqual({
      kind: 'invalid',
      field: 'adoptedDate',
      message: 'Vedtaksdato kan ikke være etter i dag (15.06.2026).',
    });
    expect(adoptionRefusal({ ...base, revisions: [], revision: revisions[2]!, adoptedDate: '2022-12-31' })?.message).toContain('før 01.01.2023');
    expect(adoptionRefusal({ ...base, revision: revisions[2]!, adoptedDate: '2025-12-09' })?.message).toContain('vedtaket av revisjon 2 (10.12.2025)');
    expect(adoptionRefusal({ ...base, revision: revisions[2]!, adoptedDate: '2026-06-15' })).toBeNull();
  });
});

describe('measure numbers and savings', () => {
  it('accepts whole numbers with optional sub-numbers only', () => {
    expect(['1', '12', '2.1', '3.10.2'].every(isMeasureNumber)).toBe(true);
    expect(['abc', '-3', '0', '01', '1.', '1,5', ''].some(isMeasureNumber)).toBe(false);
  });
  it('reports every row of a number used by two measures, and numbers that are not numbers', () => {
    const problems = importedNumberProblems([
      { row: 2, number: '1', title: 'A' },
      { row: 3, number: '1', title: 'A' },
      { row: 4, number: '2', title: 'B' },
      { row: 5, number: '2', title: 'C' },
      { row: 6, number: 'x', title: 'D' },
      { row: 7, number: null, title: 'E' },
    ]);
    expect(problems.map((p) => p.row)).toEqual([4, 5, 6]);
  });
  it('allows a negative amount only as a saving, and a saving only negative', () => {
    expect(savingProblem(-1, false)).toContain('kan ikke være negativt');
    expect(savingProblem(5, true)).toContain('må være negativt');
    expect(savingProblem(-1, true)).toBeNull();
    expect(savingProblem(0, false)).toBeNull();
  });
  it('names a money line by kind and year in a message', () => {
    const body = { lines: [{ kind: 'invest', year: 2027, amount: 1 }] };
    expect(nameLineError({ field: 'lines.0.amount', message: 'Beløp (rad 1) er for stort' }, body)).toEqual({ field: 'lines.0.amount', message: 'Beløp for investering 2027 er for stort' });
    expect(nameLineError({ field: 'lines.0.amount', message: 'Beløp (rad 1) er for stort' }, { lines: [{ kind: 'x' }] }).message).toBe('Beløp (rad 1) er for stort');
  });
});
