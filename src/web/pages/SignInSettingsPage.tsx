/**
 * Sign-in for an organization's administrator (issue 19): identity providers (OIDC, e.g. Entra ID)
 * serving the organization with their role mappings, linking one's own account to a provider, and
 * switching passwords off (refused by the API while no administrator can sign in through a provider).
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { IdentityProvider, RoleMapping } from '../../domain/identity-provider.ts';
import { ROLE_LABELS } from '../labels.ts';
import { api } from '../api.ts';
import { useApi } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import { useOrganization } from '../session.tsx';
import { LoadError, Loading, NoAccess, Page, StatusMessage, TableScroll } from '../components/ui.tsx';
import { errorsFrom, fieldError, FormFeedback, NO_ERRORS, type FormErrors } from '../forms.tsx';
import { ProviderForm } from '../features/sign-in/ProviderForm.tsx';

interface SignInSettings {
  passwordsOff: boolean;
  oidcAdmins: number;
}

export function SignInSettingsPage() {
  const t = useT();
  const org = useOrganization();
  const settings = useApi<SignInSettings>(org.abilities.admin ? `/api/v1/organizations/${org.id}/sign-in` : null);
  const providers = useApi<IdentityProvider[]>(org.abilities.admin ? '/api/v1/identity-providers' : null);
  const [editing, setEditing] = useState<IdentityProvider | 'new' | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!org.abilities.admin) return <NoAccess />;
  const mine = (providers.data ?? []).filter((p) => p.organizationIds.includes(org.id));

  const setPasswordsOff = async (passwordsOff: boolean) => {
    setBusy(true);
    setStatus(null);
    try {
      await api.put(`/api/v1/organizations/${org.id}/sign-in`, { passwordsOff });
      setErrors(NO_ERRORS);
      settings.reload();
      setStatus(passwordsOff ? t('signin.passwordsOffSaved') : t('signin.passwordsOnSaved'));
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(false);
    }
  };

  const link = async (providerId: string) => {
    try {
      const { url } = await api.post<{ url: string }>(`/api/v1/auth/oidc/link/${providerId}`, {});
      window.location.assign(url);
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    }
  };

  const remove = async (p: IdentityProvider) => {
    if (!window.confirm(t('signin.confirmRemove', { name: p.displayName }))) return;
    try {
      await api.delete(`/api/v1/identity-providers/${p.id}`);
      providers.reload();
      setStatus(t('signin.removed', { name: p.displayName }));
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    }
  };

  const onPasswordsSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = (event.currentTarget.elements.namedItem('passwordsOff') as HTMLInputElement | null)?.checked ?? false;
    void setPasswordsOff(checked);
  };

  return (
    <Page title={t('signin.title')} intro={t('signin.intro')}>
      <StatusMessage message={status} />
      <FormFeedback errors={errors} idFor={(f) => (f === 'passwordsOff' ? 'signin-passwords-off' : undefined)} />
      {settings.error ? <LoadError error={settings.error} onRetry={settings.reload} /> : null}
      {providers.error ? <LoadError error={providers.error} onRetry={providers.reload} /> : null}
      {settings.loading && !settings.data ? <Loading /> : null}

      <section aria-labelledby="signin-providers" className="form-section">
        <Heading level={2} data-size="sm" id="signin-providers">
          {t('signin.providers')}
        </Heading>
        {mine.length === 0 ? (
          <Paragraph>{t('signin.noProviders')}</Paragraph>
        ) : (
          <TableScroll label={t('signin.providersCaption')}>
            <Table zebra border className="data-table">
              <caption>{t('signin.providersCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('signin.displayName')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('signin.issuer')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('signin.mappings')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {mine.map((p) => (
                  <Table.Row key={p.id}>
                    <Table.HeaderCell scope="row">{p.displayName}</Table.HeaderCell>
                    <Table.Cell>{p.issuer}</Table.Cell>
                    <Table.Cell>{mappingSummary(p.roleMappings.filter((m) => m.organizationId === org.id))}</Table.Cell>
                    <Table.Cell>
                      <div className="button-row">
                        <Button variant="secondary" data-size="sm" onClick={() => setEditing(p)}>
                          {t('signin.edit', { name: p.displayName })}
                        </Button>
                        <Button variant="secondary" data-size="sm" onClick={() => void link(p.id)}>
                          {t('signin.link', { name: p.displayName })}
                        </Button>
                        <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => void remove(p)}>
                          {t('signin.remove', { name: p.displayName })}
                        </Button>
                      </div>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
        {editing === null ? (
          <div className="form-actions">
            <Button variant="secondary" onClick={() => setEditing('new')}>
              {t('signin.add')}
            </Button>
          </div>
        ) : (
          <ProviderForm
            key={editing === 'new' ? 'new' : editing.id}
            organizationId={org.id}
            provider={editing === 'new' ? null : editing}
            onDone={(message) => {
              setEditing(null);
              providers.reload();
              if (message) setStatus(message);
            }}
          />
        )}
      </section>

      {settings.data ? (
        <section aria-labelledby="signin-passwords" className="form-section">
          <Heading level={2} data-size="sm" id="signin-passwords">
            {t('signin.passwords')}
          </Heading>
          <Paragraph>{t('signin.passwordsIntro')}</Paragraph>
          {settings.data.oidcAdmins === 0 ? (
            <Alert data-color="warning" className="block">
              {t('signin.noOidcAdmin')}
            </Alert>
          ) : (
            <Paragraph>{t('signin.oidcAdmins', { count: String(settings.data.oidcAdmins) })}</Paragraph>
          )}
          <form className="form" noValidate onSubmit={onPasswordsSubmit} aria-labelledby="signin-passwords">
            <Checkbox
              id="signin-passwords-off"
              name="passwordsOff"
              label={t('signin.passwordsOff')}
              defaultChecked={settings.data.passwordsOff}
              key={String(settings.data.passwordsOff)}
              {...(fieldError(errors, 'passwordsOff') ? { 'aria-invalid': true } : {})}
            />
            <div className="form-actions">
              <Button type="submit" loading={busy}>
                {t('common.saveChanges')}
              </Button>
            </div>
          </form>
        </section>
      ) : null}
    </Page>
  );
}

function mappingSummary(mappings: readonly RoleMapping[]): string {
  if (mappings.length === 0) return '–';
  return mappings.map((m) => `${m.value} → ${ROLE_LABELS[m.role]}`).join(', ');
}

