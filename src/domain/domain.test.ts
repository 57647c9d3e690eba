import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatInteger } from './format.ts';
import { KOMMUNER_2024, findKommune } from './kommuner.ts';
import { CreateOrganizationSchema, slugify } from './organization.ts';
import { can, weakerRole, type Action, type Role } from './roles.ts';
import { CreateSiteSchema } from './site.ts';
import { fieldErrors } from './validation.ts';

describe('reference data', () => {
  it('the built-in list of municipalities equals reference/kommuner-2024.csv', () => {
    const lines = readFileSync(new URL('../../reference/kommuner-2024.csv', import.meta.url), 'utf8').trim().split('\n').slice(1);
    expect(KOMMUNER_2024).toHaveLength(357);
    expect(KOMMUNER_2024.map((k) => [k.nummer, k.navn, k.fylkesnummer, k.fylkesnavn].join(','))).toEqual(lines);
    expect(findKommune('3439')?.navn).toBe('Ringebu');
    expect(findKommune('9999')).toBeUndefined();
  });
});

describe('formats', () => {
  it('dates as 22.11.2026 and times in Oslo time', () => {
    expect(formatDate('2026-11-22')).toBe('22.11.2026');
    expect(formatDate(new Date(2026, 0, 5))).toBe('05.01.2026');
    expect(formatDateTime('2026-11-22T13:05:00Z')).toBe('22.11.2026 kl. 14:05');
    expect(formatDateTime('2026-07-01T10:00:00Z')).toBe('01.07.2026 kl. 12:00');
    expect(formatInteger(1139)).toBe('1\u00a0139');
  });
});

describe('policies', () => {
  const actions: Action[] = ['org:read', 'data:read', 'data:write', 'members:read', 'members:manage', 'audit:read', 'org:update', 'org:create', 'org:manageOwners'];
  const table: Record<Role, Action[]> = {
    reader: ['org:read', 'data:read'],
    editor: ['org:read', 'data:read', 'data:write'],
    admin: ['org:read', 'data:read', 'data:write', 'members:read', 'members:manage', 'audit:read', 'org:update'],
  };
  it.each(['reader', 'editor', 'admin'] as const)('%s may do exactly its actions', (role) => {
    expect(actions.filter((a) => can({ systemAdmin: false, role }, a))).toEqual(table[role]);
  });
  it('no role, nothing; system administrators, everything', () => {
    expect(actions.filter((a) => can({ systemAdmin: false, role: null }, a))).toEqual([]);
    expect(actions.every((a) => can({ systemAdmin: true, role: null }, a))).toBe(true);
    expect(weakerRole('admin', 'reader')).toBe('reader');
  });
});

describe('schemas and messages', () => {
  it('slugs', () => {
    expect(slugify('Sør-Fron kommune')).toBe('sor-fron-kommune');
    expect(slugify('Ærlig Åkerø')).toBe('aerlig-akero');
    expect(slugify('  Indre Namdal IKT IKS ')).toBe('indre-namdal-ikt-iks');
  });
  it('messages name the field in Norwegian', () => {
    const r = CreateSiteSchema.safeParse({ users: 'mange', capacityMbps: -1 });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(fieldErrors(r.error.issues)).toEqual([
      { field: 'name', message: 'Navn må fylles ut' },
      { field: 'users', message: 'Antall brukere må være et tall' },
      { field: 'capacityMbps', message: 'Linjekapasitet (Mbit/s) kan ikke være negativt' },
    ]);
    const o = CreateOrganizationSchema.safeParse({ name: 'X', kind: 'iks', owners: [{ organizationId: 'nei' }] });
    expect(o.success).toBe(false);
    if (o.success) return;
    expect(fieldErrors(o.error.issues)).toEqual([{ field: 'owners.0.organizationId', message: 'Organisasjon (rad 1) må være en gyldig ID' }]);
  });
});
