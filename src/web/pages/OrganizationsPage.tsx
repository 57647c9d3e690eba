import { useMemo, useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { Button, Field, Heading, Label, Paragraph, Select, Table, ValidationMessage } from '@digdir/designsystemet-react';
import type { Language, Organization, OrganizationDetail, OrgKind } from '../../domain/organization.ts';
import type { Kommune } from '../../domain/kommuner.ts';
import { LANGUAGE_LABELS, ORG_KIND_LABELS } from '../labels.ts';
import { api } from '../api.ts';
import { useApi } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import { useSession, useSessionContext } from '../session.tsx';
import { LoadError, Loading, NoAccess, Page, StatusMessage, TableScroll } from '../components/ui.tsx';
import type { DirectoryEntry } from '../components/OrgPicker.tsx';
import { OwnersPicker, ownersBody, type Owners } from '../components/OwnersPicker.tsx';
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

interface OrgForm {
  name: string;
  slug: string;
  kind: OrgKind;
  kommunenummer: string;
  language: Language;
  owners: Owners;
}

const EMPTY: OrgForm = { name: '', slug: '', kind: 'kommune', kommunenummer: '', language: 'nb', owners: new Map() };
const IDS: Readonly<Record<string, string>> = {
  name: 'org-name',
  slug: 'org-slug',
  kind: 'org-kind',
  kommunenummer: 'org-kommunenummer',
  language: 'org-language',
  owners: 'org-owners-filter',
};

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
      <Label htmlFor={IDS.kommunenummer}>{label('kommunenummer')}</Label>
      <Select
        id={IDS.kommunenummer}
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
  const t = useT();
  const session = useSession();
  const { refresh } = useSessionContext();
  const admin = session.user.systemAdmin;
  const orgs = useApi<Organization[]>(admin ? '/api/v1/organizations' : null);
  const kommuner = useApi<Kommune[]>(admin ? '/api/v1/reference/kommuner' : null);
  const directory = useApi<DirectoryEntry[]>(admin ? '/api/v1/directory' : null);
  const [form, setForm] = useState<OrgForm>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  if (!admin) return <NoAccess />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    const body = {
      name: form.name,
      slug: form.slug.trim() === '' ? undefined : form.slug.trim(),
      kind: form.kind,
      kommunenummer: form.kind === 'kommune' ? form.kommunenummer : undefined,
      language: form.language,
      owners: form.kind === 'iks' ? ownersBody(form.owners) : undefined,
    };
    try {
      const created = await api.post<OrganizationDetail>('/api/v1/organizations', body);
      setStatus(t('orgs.created', { name: created.name }));
      setForm(EMPTY);
      setErrors(NO_ERRORS);
      orgs.reload();
      directory.reload();
      await refresh();
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(false);
    }
  };

  const rows = orgs.data ?? [];
  return (
    <Page title={t('orgs.title')} intro={t('orgs.intro')}>
      <StatusMessage message={status} />
      {orgs.error ? <LoadError error={orgs.error} onRetry={orgs.reload} /> : null}
      {orgs.loading && !orgs.data ? <Loading /> : null}
      {rows.length > 0 ? (
        <TableScroll label={t('orgs.caption')}>
          <Table zebra border className="data-table">
            <caption>{t('orgs.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{label('name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('kind')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('kommunenummer')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('language')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((o) => (
                <Table.Row key={o.id}>
                  <Table.HeaderCell scope="row">
                    {session.organizations.some((s) => s.id === o.id) ? (
                      <RouterLink to={`/o/${o.slug}`} className="ds-link">
                        {o.name}
                      </RouterLink>
                    ) : (
                      o.name
                    )}
                  </Table.HeaderCell>
                  <Table.Cell>{ORG_KIND_LABELS[o.kind]}</Table.Cell>
                  <Table.Cell>{o.kommunenummer ?? '–'}</Table.Cell>
                  <Table.Cell>{LANGUAGE_LABELS[o.language]}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}

      <section aria-labelledby="org-form-heading" className="form-section">
        <Heading level={2} data-size="sm" id="org-form-heading">
          {t('orgs.createHeading')}
        </Heading>
        <FormFeedback errors={errors} idFor={(f) => IDS[f]} />
        <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="org-form-heading">
          <TextInput
            id={IDS.name ?? 'org-name'}
            label={label('name')}
            value={form.name}
            onChange={(name) => setForm((f) => ({ ...f, name }))}
            error={fieldError(errors, 'name')}
          />
          <TextInput
            id={IDS.slug ?? 'org-slug'}
            label={label('slug')}
            description={t('orgs.slugHint')}
            value={form.slug}
            onChange={(slug) => setForm((f) => ({ ...f, slug }))}
            error={fieldError(errors, 'slug')}
          />
          <div className="form-row">
            <SelectInput
              id={IDS.kind ?? 'org-kind'}
              label={label('kind')}
              value={form.kind}
              onChange={(v) => setForm((f) => ({ ...f, kind: v as OrgKind }))}
              choices={choicesFrom(ORG_KIND_LABELS)}
              error={fieldError(errors, 'kind')}
            />
            <SelectInput
              id={IDS.language ?? 'org-language'}
              label={label('language')}
              value={form.language}
              onChange={(v) => setForm((f) => ({ ...f, language: v === 'nn' ? 'nn' : 'nb' }))}
              choices={choicesFrom(LANGUAGE_LABELS)}
              error={fieldError(errors, 'language')}
            />
          </div>
          {form.kind === 'kommune' ? (
            kommuner.error ? (
              <LoadError error={kommuner.error} onRetry={kommuner.reload} />
            ) : (
              <KommuneSelect
                kommuner={kommuner.data ?? []}
                value={form.kommunenummer}
                onChange={(kommunenummer) => setForm((f) => ({ ...f, kommunenummer }))}
                error={fieldError(errors, 'kommunenummer')}
              />
            )
          ) : null}
          {form.kind === 'iks' ? (
            <OwnersPicker
              idPrefix="org-owners"
              entries={directory.data ?? []}
              owners={form.owners}
              onChange={(owners) => setForm((f) => ({ ...f, owners }))}
              error={fieldError(errors, 'owners')}
            />
          ) : null}
          {directory.error ? <LoadError error={directory.error} onRetry={directory.reload} /> : null}
          <div className="form-actions">
            <Button type="submit" loading={busy}>
              {t('orgs.create')}
            </Button>
          </div>
        </form>
        {kommuner.loading && !kommuner.data ? <Paragraph className="muted">{t('app.loading')}</Paragraph> : null}
      </section>
    </Page>
  );
}
