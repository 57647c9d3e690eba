/**
 * Adding or changing an identity provider for one organization: the provider's fields and the
 * mapping of groups or app roles to this organization's roles. Mappings for other organizations the
 * provider serves are kept as they are. The client secret is write-only (left empty: unchanged).
 */
import { useState, type FormEvent } from 'react';
import { Button, Fieldset, Heading } from '@digdir/designsystemet-react';
import { MAPPING_CLAIMS, type IdentityProvider, type MappingClaim, type RoleMapping } from '../../../domain/identity-provider.ts';
import { ROLE_LABELS } from '../../labels.ts';
import { ROLES, type Role } from '../../../domain/roles.ts';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { choicesFrom, errorsFrom, fieldError, FormFeedback, NO_ERRORS, SelectInput, TextInput, type FormErrors } from '../../forms.tsx';

const CLAIM_LABELS: Record<MappingClaim, string> = { groups: 'Gruppe (groups)', roles: 'App-rolle (roles)' };
const IDS: Readonly<Record<string, string>> = {
  displayName: 'provider-display-name',
  issuer: 'provider-issuer',
  clientId: 'provider-client-id',
  clientSecret: 'provider-client-secret',
  tenantIds: 'provider-tenant-ids',
  emailDomains: 'provider-email-domains',
};

const list = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

export function ProviderForm({ organizationId, provider, onDone }: { organizationId: string; provider: IdentityProvider | null; onDone: (message: string | null) => void }) {
  const t = useT();
  const [displayName, setDisplayName] = useState(provider?.displayName ?? '');
  const [issuer, setIssuer] = useState(provider?.issuer ?? '');
  const [clientId, setClientId] = useState(provider?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [tenantIds, setTenantIds] = useState((provider?.tenantIds ?? []).join(', '));
  const [emailDomains, setEmailDomains] = useState((provider?.emailDomains ?? []).join(', '));
  const others = (provider?.roleMappings ?? []).filter((m) => m.organizationId !== organizationId);
  const [mappings, setMappings] = useState<RoleMapping[]>((provider?.roleMappings ?? []).filter((m) => m.organizationId === organizationId));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const change = (i: number, patch: Partial<RoleMapping>) => setMappings((ms) => ms.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    const body = {
      displayName,
      issuer,
      clientId,
      ...(clientSecret !== '' || !provider ? { clientSecret } : {}),
      organizationIds: provider?.organizationIds ?? [organizationId],
      tenantIds: list(tenantIds),
      emailDomains: list(emailDomains),
      roleMappings: [...others, ...mappings],
      ...(provider ? { version: provider.version } : {}),
    };
    try {
      if (provider) await api.put(`/api/v1/identity-providers/${provider.id}`, body);
      else await api.post('/api/v1/identity-providers', body);
      onDone(t('signin.saved', { name: displayName }));
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(false);
    }
  };

  const headingId = 'provider-form-heading';
  return (
    <section aria-labelledby={headingId} className="form-section">
      <Heading level={3} data-size="xs" id={headingId}>
        {provider ? t('signin.editHeading', { name: provider.displayName }) : t('signin.add')}
      </Heading>
      <FormFeedback errors={errors} idFor={(f) => IDS[f] ?? (f.startsWith('roleMappings.') ? `mapping-${f.split('.')[1]}-${f.split('.')[2] ?? 'value'}` : undefined)} />
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby={headingId}>
        <TextInput id={IDS.displayName!} label={t('signin.displayName')} description={t('signin.displayNameHint')} value={displayName} onChange={setDisplayName} error={fieldError(errors, 'displayName')} />
        <TextInput id={IDS.issuer!} label={t('signin.issuer')} description={t('signin.issuerHint')} value={issuer} onChange={setIssuer} error={fieldError(errors, 'issuer')} />
        <TextInput id={IDS.clientId!} label={t('signin.clientId')} value={clientId} onChange={setClientId} error={fieldError(errors, 'clientId')} />
        <TextInput
          id={IDS.clientSecret!}
          label={t('signin.clientSecret')}
          description={provider ? t('signin.clientSecretKeep') : t('signin.clientSecretHint')}
          type="password"
          autoComplete="new-password"
          value={clientSecret}
          onChange={setClientSecret}
          error={fieldError(errors, 'clientSecret')}
        />
        <TextInput id={IDS.tenantIds!} label={t('signin.tenantIds')} description={t('signin.tenantIdsHint')} value={tenantIds} onChange={setTenantIds} error={fieldError(errors, 'tenantIds')} />
        <TextInput
          id={IDS.emailDomains!}
          label={t('signin.emailDomains')}
          description={t('signin.emailDomainsHint')}
          value={emailDomains}
          onChange={setEmailDomains}
          error={fieldError(errors, 'emailDomains')}
        />
        <Fieldset>
          <Fieldset.Legend>{t('signin.mappings')}</Fieldset.Legend>
          <Fieldset.Description>{t('signin.mappingsHint')}</Fieldset.Description>
          {mappings.map((m, i) => (
            <div key={i} className="mapping-row">
              <SelectInput
                id={`mapping-${i}-claim`}
                label={t('signin.claim', { n: String(i + 1) })}
                value={m.claim}
                onChange={(v) => change(i, { claim: (MAPPING_CLAIMS as readonly string[]).includes(v) ? (v as MappingClaim) : 'groups' })}
                choices={choicesFrom(CLAIM_LABELS)}
                error={fieldError(errors, `roleMappings.${others.length + i}.claim`)}
              />
              <TextInput
                id={`mapping-${i}-value`}
                label={t('signin.claimValue', { n: String(i + 1) })}
                value={m.value}
                onChange={(v) => change(i, { value: v })}
                error={fieldError(errors, `roleMappings.${others.length + i}.value`)}
              />
              <SelectInput
                id={`mapping-${i}-role`}
                label={t('signin.role', { n: String(i + 1) })}
                value={m.role}
                onChange={(v) => change(i, { role: (ROLES as readonly string[]).includes(v) ? (v as Role) : 'reader' })}
                choices={choicesFrom(ROLE_LABELS)}
                error={fieldError(errors, `roleMappings.${others.length + i}.role`)}
              />
              <Button variant="tertiary" data-size="sm" onClick={() => setMappings((ms) => ms.filter((_, j) => j !== i))}>
                {t('signin.removeMapping', { n: String(i + 1) })}
              </Button>
            </div>
          ))}
          <div>
            <Button variant="secondary" data-size="sm" onClick={() => setMappings((ms) => [...ms, { organizationId, claim: 'groups', value: '', role: 'reader' }])}>
              {t('signin.addMapping')}
            </Button>
          </div>
        </Fieldset>
        <div className="form-actions">
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
          <Button variant="secondary" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
