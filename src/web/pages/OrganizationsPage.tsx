import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { Field, Label, Paragraph, Select, ValidationMessage } from '@digdir/designsystemet-react';
import type { AccessibleOrganization, Language, OrganizationDetail, OrgKind } from '../../domain/organization.ts';
import type { Kommune } from '../../domain/kommuner.ts';
import { LANGUAGE_LABELS, ORG_KIND_LABELS } from '../labels.ts';
import { useApi } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import { useSession, useSessionContext } from '../session.tsx';
import { LoadError, NoAccess, Page } from '../components/ui.tsx';
import type { TableColumn } from '../components/register-table/RegisterTable.tsx';
import { useRegister } from '../components/register/register.tsx';
import { RegisterView } from '../components/register/RegisterView.tsx';
import type { DirectoryEntry } from '../components/OrgPicker.tsx';
import { OwnersPicker, ownersBody, type Owners } from '../components/OwnersPicker.tsx';
import { choicesFrom, fieldError, label, SelectInput, TextInput } from '../forms.tsx';

interface OrgForm {
  name: string;
  slug: string;
  kind: OrgKind;
  kommunenummer: string;
  language: Language;
  owners: Owners;
}

const EMPTY: OrgForm = { name: '', slug: '', kind: 'kommune', kommunenummer: '', language: 'nb', owners: new Map() };
/** The owners picker's filter field takes the errors of `owners`. */
const idFor = (field: string): string | undefined => (field === 'owners' ? 'org-owners-filter' : undefined);

function KommuneSelect({
  kommuner,
  value,
  onChange,
  error,
}: {
  kommuner: readonly Kommune[];
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const t = useT();
  const byFylke = useMemo(() => {
    const groups = new Map<string, Kommune[]>();
    for (const k of kommuner) {
      const list = groups.get(k.fylkesnavn) ?? [];
      list.push(k);
      groups.set(k.fylkesnavn, list);
    }
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'nb'));
  }, [kommuner]);
  return (
    <Field className="form-field">
      <Label htmlFor="org-kommunenummer">{label('kommunenummer')}</Label>
      <Select
        id="org-kommunenummer"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
      >
        <Select.Option value="">{t('orgs.chooseKommune')}</Select.Option>
        {byFylke.map(([fylke, list]) => (
          <Select.Optgroup key={fylke} label={fylke}>
            {list.map((k) => (
              <Select.Option key={k.nummer} value={k.nummer}>
                {`${k.navn} (${k.nummer})`}
              </Select.Option>
            ))}
          </Select.Optgroup>
        ))}
      </Select>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}

export function OrganizationsPage() {
  const session = useSession();
  if (!session.user.systemAdmin) return <NoAccess />;
  return <Organizations />;
}

/**
 * The system administrator's list of organizations and the form that creates one (a kommune from the official
 * list, an IKS with its owners). An organization is edited on its own settings page, so rows have no buttons.
 */
function Organizations() {
  const t = useT();
  const session = useSession();
  const { refresh } = useSessionContext();
  const kommuner = useApi<Kommune[]>('/api/v1/reference/kommuner');
  const directory = useApi<DirectoryEntry[]>('/api/v1/directory');
  const register = useRegister<AccessibleOrganization, OrgForm>({
    path: '/api/v1/organizations',
    empty: EMPTY,
    idPrefix: 'org',
    idFor,
    nameOf: (o) => o.name,
    formOf: () => EMPTY,
    bodyOf: (f) => ({
      name: f.name,
      slug: f.slug.trim() === '' ? undefined : f.slug.trim(),
      kind: f.kind,
      kommunenummer: f.kind === 'kommune' ? f.kommunenummer : undefined,
      language: f.language,
      owners: f.kind === 'iks' ? ownersBody(f.owners) : undefined,
    }),
    createdMessage: (created) => t('orgs.created', { name: created.name }),
    onSaved: () => {
      directory.reload();
      void refresh();
    },
  });
  const { form, errors, set } = register;
  const columns: TableColumn<AccessibleOrganization>[] = [
    {
      key: 'name',
      header: label('name'),
      value: (o) => o.name,
      render: (o) =>
        session.organizations.some((s) => s.id === o.id) ? (
          <RouterLink to={`/o/${o.slug}`} className="ds-link">
            {o.name}
          </RouterLink>
        ) : (
          o.name
        ),
    },
    { key: 'kind', header: label('kind'), value: (o) => ORG_KIND_LABELS[o.kind] },
    { key: 'kommunenummer', header: label('kommunenummer'), value: (o) => o.kommunenummer },
    { key: 'language', header: label('language'), value: (o) => LANGUAGE_LABELS[o.language] },
  ];

  return (
    <Page title={t('orgs.title')} intro={t('orgs.intro')}>
      <RegisterView
        register={register}
        idPrefix="org"
        caption={t('orgs.caption')}
        columns={columns}
        nameOf={(o) => o.name}
        canEdit
        actions={false}
        form={{
          addHeading: t('orgs.createHeading'),
          editHeading: () => t('orgs.createHeading'),
          addLabel: t('orgs.create'),
          fields: (
            <>
              <TextInput id="org-name" label={label('name')} value={form.name} onChange={set('name')} error={fieldError(errors, 'name')} />
              <TextInput
                id="org-slug"
                label={label('slug')}
                description={t('orgs.slugHint')}
                value={form.slug}
                onChange={set('slug')}
                error={fieldError(errors, 'slug')}
              />
              <div className="form-row">
                <SelectInput
                  id="org-kind"
                  label={label('kind')}
                  value={form.kind}
                  onChange={(v) => register.setForm((f) => ({ ...f, kind: v as OrgKind }))}
                  choices={choicesFrom(ORG_KIND_LABELS)}
                  error={fieldError(errors, 'kind')}
                />
                <SelectInput
                  id="org-language"
                  label={label('language')}
                  value={form.language}
                  onChange={(v) => register.setForm((f) => ({ ...f, language: v === 'nn' ? 'nn' : 'nb' }))}
                  choices={choicesFrom(LANGUAGE_LABELS)}
                  error={fieldError(errors, 'language')}
                />
              </div>
              {form.kind === 'kommune' ? (
                kommuner.error ? (
                  <LoadError error={kommuner.error} onRetry={kommuner.reload} />
                ) : (
                  <KommuneSelect kommuner={kommuner.data ?? []} value={form.kommunenummer} onChange={set('kommunenummer')} error={fieldError(errors, 'kommunenummer')} />
                )
              ) : null}
              {kommuner.loading && !kommuner.data ? <Paragraph className="muted">{t('app.loading')}</Paragraph> : null}
              {form.kind === 'iks' ? (
                <OwnersPicker
                  idPrefix="org-owners"
                  entries={directory.data ?? []}
                  owners={form.owners}
                  onChange={(owners) => register.setForm((f) => ({ ...f, owners }))}
                  error={fieldError(errors, 'owners')}
                />
              ) : null}
              {directory.error ? <LoadError error={directory.error} onRetry={directory.reload} /> : null}
            </>
          ),
        }}
      />
    </Page>
  );
}
