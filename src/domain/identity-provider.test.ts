import { describe, expect, it } from 'vitest';
import { CreateIdentityProviderSchema, emailAllowed, isMultiTenantIssuer, mapRoles, tenantAllowed, tokenEmail, type RoleMapping } from './identity-provider.ts';

const X = '00000000-0000-4000-8000-000000000001';
const Y = '00000000-0000-4000-8000-000000000002';
const mappings: RoleMapping[] = [
  { organizationId: X, claim: 'groups', value: 'g1', role: 'reader' },
  { organizationId: X, claim: 'roles', value: 'Veikart.Admin', role: 'admin' },
  { organizationId: Y, claim: 'groups', value: 'g2', role: 'editor' },
];

describe('identity provider rules', () => {
  it('maps groups and app roles to the strongest role per organization', () => {
    expect(mapRoles(mappings, { iss: 'i', sub: 's', groups: ['g1', 'g2'], roles: ['Veikart.Admin'] })).toEqual(
      new Map([
        [X, 'admin'],
        [Y, 'editor'],
      ]),
    );
    expect(mapRoles(mappings, { iss: 'i', sub: 's', groups: 'g1', roles: [1, 'g1'] })).toEqual(new Map());
  });

  it('reads the e-mail from email, preferred_username or upn, and checks its domain', () => {
    expect(tokenEmail({ iss: 'i', sub: 's', preferred_username: 'Kari@Ringebu.Kommune.no' })).toBe('kari@ringebu.kommune.no');
    expect(tokenEmail({ iss: 'i', sub: 's', preferred_username: 'kari' })).toBeNull();
    expect(emailAllowed([], null)).toBe(true);
    expect(emailAllowed(['ringebu.kommune.no'], 'kari@ringebu.kommune.no')).toBe(true);
    expect(emailAllowed(['ringebu.kommune.no'], 'kari@evil.ringebu.kommune.no.example')).toBe(false);
    expect(emailAllowed(['ringebu.kommune.no'], null)).toBe(false);
  });

  it('requires a configured tenant for Entra common/organizations', () => {
    expect(isMultiTenantIssuer('https://login.microsoftonline.com/organizations/v2.0')).toBe(true);
    expect(isMultiTenantIssuer('https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0')).toBe(false);
    expect(tenantAllowed(['ABC'], { iss: 'i', sub: 's', tid: 'abc' })).toBe(true);
    expect(tenantAllowed(['abc'], { iss: 'i', sub: 's' })).toBe(false);
    const parsed = CreateIdentityProviderSchema.safeParse({
      displayName: 'Entra',
      issuer: 'https://login.microsoftonline.com/common/v2.0',
      clientId: 'c',
      clientSecret: 's',
      organizationIds: [X],
      roleMappings: [{ organizationId: Y, claim: 'groups', value: 'g', role: 'reader' }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['roleMappings.0.organizationId', 'tenantIds']);
  });
});
