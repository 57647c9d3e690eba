import { useEffect, useState, type FormEvent } from 'react';
import { Button, Heading, List, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Language, OrganizationDetail } from '../../domain/organization.ts';
import { LANGUAGE_LABELS, STAFF_ACCESS_LABELS } from '../labels.ts';
import { api, orgPath } from '../api.ts';
import { useApi } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import { useOrganization, useSession, useSessionContext } from '../session.tsx';
import type { DirectoryEntry } from '../components/OrgPicker.tsx';
import { OwnersPicker, ownersBody, type Owners } from '../components/OwnersPicker.tsx';
import { LoadError, Loading, NoAccess, Page, StatusMessage, TableScroll } from '../components/ui.tsx';
import {
  choicesFrom,
  errorsFrom,
  fieldError,
  FormFeedback,
  label,
  NO_ERRORS,
  SelectInput,
  TextInput,
  type FormErrors,
} from '../forms.tsx';

const IDS: Readonly<Record<string, string>> = {
  name: 'settings-name',
  language: 'settings-language',
  owners: 'settings-owner-picker-filter',
};

export function SettingsPage() {
  const t = useT();
  const org = useOrganization();
  const { refresh } = useSessionContext();
  const session = useSession();
  const detail = useApi<OrganizationDetail>(org.abilities.admin ? orgPath(org.id) : null);
  // Only system administrators may change who owns an IKS.
  const editOwners = session.user.systemAdmin && org.kind === 'iks';
  const directory = useApi<DirectoryEntry[]>(editOwners ? '/api/v1/directory' : null);
  const [name, setName] = useState('');
  const [language, setLanguage] = useState<Language>('nb');
  const [owners, setOwners] = useState<Owners>(new Map());
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  // A flag, not a text: the text is rendered after a language change, in the new language.
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (detail.data) {
      setName(detail.data.name);
      setLanguage(detail.data.language);
      setOwners(new Map(detail.data.owners.map((o) => [o.organizationId, o.staffAccess])));
    }
  }, [detail.data]);

  if (!org.abilities.admin) return <NoAccess />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!detail.data) return;
    setBusy(true);
    setSaved(false);
    try {
      await api.patch<OrganizationDetail>(orgPath(org.id), {
        version: detail.data.version,
        name,
        language,
        ...(editOwners ? { owners: ownersBody(owners) } : {}),
      });
      setErrors(NO_ERRORS);
      detail.reload();
      await refresh();
      setSaved(true);
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(false);
    }
  };

  const data = detail.data;
  return (
    <Page title={t('settings.title')} intro={t('settings.intro')}>
      <StatusMessage message={saved ? t('settings.saved') : null} />
      {detail.error ? <LoadError error={detail.error} onRetry={detail.reload} /> : null}
      {detail.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <section aria-labelledby="settings-form-heading" className="form-section">
            <Heading level={2} data-size="sm" id="settings-form-heading">
              {t('settings.formHeading')}
            </Heading>
            <FormFeedback
              errors={errors}
              idFor={(f) => IDS[f]}
              onReload={() => {
                setErrors(NO_ERRORS);
                detail.reload();
              }}
            />
            <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="settings-form-heading">
              <TextInput id="settings-name" label={label('name')} value={name} onChange={setName} error={fieldError(errors, 'name')} />
              <SelectInput
                id="settings-language"
                label={label('language')}
                description={t('settings.languageHint')}
                value={language}
                onChange={(v) => setLanguage(v === 'nn' ? 'nn' : 'nb')}
                choices={choicesFrom(LANGUAGE_LABELS)}
                error={fieldError(errors, 'language')}
              />
              {editOwners ? (
                <OwnersPicker
                  idPrefix="settings-owner-picker"
                  entries={directory.data ?? []}
                  owners={owners}
                  onChange={setOwners}
                  error={fieldError(errors, 'owners')}
                />
              ) : null}
              <div className="form-actions">
                <Button type="submit" loading={busy}>
                  {t('common.saveChanges')}
                </Button>
              </div>
            </form>
          </section>
          {data.kind === 'iks' ? (
            <section aria-labelledby="settings-owners" className="form-section">
              <Heading level={2} data-size="sm" id="settings-owners">
                {t('settings.owners')}
              </Heading>
              {data.owners.length === 0 ? (
                <Paragraph>{t('settings.noOwners')}</Paragraph>
              ) : (
                <TableScroll label={t('settings.ownersCaption', { org: data.name })}>
                  <Table zebra border className="data-table">
                    <caption>{t('settings.ownersCaption', { org: data.name })}</caption>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell scope="col">{label('name')}</Table.HeaderCell>
                        <Table.HeaderCell scope="col">{label('kommunenummer')}</Table.HeaderCell>
                        <Table.HeaderCell scope="col">{label('staffAccess')}</Table.HeaderCell>
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {data.owners.map((o) => (
                        <Table.Row key={o.organizationId}>
                          <Table.HeaderCell scope="row">{o.name}</Table.HeaderCell>
                          <Table.Cell>{o.kommunenummer ?? '–'}</Table.Cell>
                          <Table.Cell>{STAFF_ACCESS_LABELS[o.staffAccess]}</Table.Cell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </TableScroll>
              )}
            </section>
          ) : null}
          {data.ownedBy.length > 0 ? (
            <section aria-labelledby="settings-owned-by" className="form-section">
              <Heading level={2} data-size="sm" id="settings-owned-by">
                {t('settings.ownedBy')}
              </Heading>
              <Paragraph>{t('settings.ownedByIntro', { org: data.name })}</Paragraph>
              <List.Unordered>
                {data.ownedBy.map((o) => (
                  <List.Item key={o.organizationId}>{o.name}</List.Item>
                ))}
              </List.Unordered>
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
