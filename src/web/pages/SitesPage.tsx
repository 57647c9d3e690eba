import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Site } from '../../domain/site.ts';
import { LINE_TYPE_LABELS, OWNERSHIP_LABELS } from '../labels.ts';
import { formatInteger } from '../../domain/format.ts';
import { api, orgPath } from '../api.ts';
import { useApi } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import { useOrganization } from '../session.tsx';
import { useSearchFilter } from '../components/SearchFilter.tsx';
import { LoadError, Loading, Page, StatusMessage, useFocusOn, VisuallyHidden, TableScroll } from '../components/ui.tsx';
import { RegisterExportLinks, SiteImport } from '../features/registers.tsx';
import { SiteAssets } from '../features/assets/SiteAssets.tsx';
import {
  choicesFrom,
  errorsFrom,
  fieldError,
  FormFeedback,
  label,
  NO_ERRORS,
  parseCount,
  problemMessage,
  SelectInput,
  TextInput,
  type FormErrors,
} from '../forms.tsx';

interface SiteForm {
  name: string;
  users: string;
  capacityMbps: string;
  lineType: string;
  ownership: string;
  provider: string;
  note: string;
}

const EMPTY: SiteForm = { name: '', users: '', capacityMbps: '', lineType: '', ownership: '', provider: '', note: '' };
const FIELDS = Object.keys(EMPTY) as (keyof SiteForm)[];
const idOf = (field: string): string | undefined =>
  (FIELDS as string[]).includes(field) ? `site-${field}` : undefined;

function formOf(site: Site): SiteForm {
  return {
    name: site.name,
    users: site.users === null ? '' : String(site.users),
    capacityMbps: site.capacityMbps === null ? '' : String(site.capacityMbps),
    lineType: site.lineType ?? '',
    ownership: site.ownership ?? '',
    provider: site.provider ?? '',
    note: site.note ?? '',
  };
}

function bodyOf(form: SiteForm) {
  return {
    name: form.name,
    users: parseCount(form.users),
    capacityMbps: parseCount(form.capacityMbps),
    lineType: form.lineType === '' ? null : form.lineType,
    ownership: form.ownership === '' ? null : form.ownership,
    provider: form.provider,
    note: form.note,
  };
}

const number = (n: number | null): string => (n === null ? '–' : formatInteger(n));

export function SitesPage() {
  const t = useT();
  const org = useOrganization();
  const sites = useApi<Site[]>(orgPath(org.id, '/sites'));
  const [editing, setEditing] = useState<Site | null>(null);
  const [form, setForm] = useState<SiteForm>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Site | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [formFocus, setFormFocus] = useState(0);
  const formHeadingRef = useFocusOn<HTMLHeadingElement>(formFocus || null);
  const confirmRef = useFocusOn<HTMLDivElement>(confirming?.id ?? null);

  const canEdit = org.abilities.edit;
  const found = useSearchFilter(sites.data ?? [], (site) => site.name);
  const rows = found.rows;
  const totalUsers = rows.reduce((sum, s) => sum + (s.users ?? 0), 0);
  const set = (field: keyof SiteForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const startEdit = (site: Site) => {
    setEditing(site);
    setForm(formOf(site));
    setErrors(NO_ERRORS);
    setStatus(null);
    setFormFocus((n) => n + 1);
  };

  const resetForm = () => {
    setEditing(null);
    setForm(EMPTY);
    setErrors(NO_ERRORS);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      const saved = editing
        ? await api.patch<Site>(orgPath(org.id, `/sites/${editing.id}`), { version: editing.version, ...bodyOf(form) })
        : await api.post<Site>(orgPath(org.id, '/sites'), bodyOf(form));
      setStatus(editing ? t('common.saved', { name: saved.name }) : t('common.created', { name: saved.name }));
      resetForm();
      sites.reload();
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(false);
    }
  };

  const onDelete = async (site: Site) => {
    setDeleteError(null);
    try {
      await api.delete(orgPath(org.id, `/sites/${site.id}?version=${site.version}`));
      setConfirming(null);
      if (editing?.id === site.id) resetForm();
      setStatus(t('common.deleted', { name: site.name }));
      sites.reload();
    } catch (error) {
      setDeleteError(problemMessage(error, t));
    }
  };

  const reloadAfterConflict = () => {
    resetForm();
    setConfirming(null);
    setDeleteError(null);
    sites.reload();
  };

  return (
    <Page title={t('sites.title')} intro={t('sites.intro')}>
      <StatusMessage message={status} />
      <RegisterExportLinks orgId={org.id} register="sites" />
      {!canEdit ? <Paragraph className="muted">{t('common.readOnly')}</Paragraph> : null}
      {sites.error ? <LoadError error={sites.error} onRetry={sites.reload} /> : null}
      {sites.loading && !sites.data ? <Loading /> : null}
      {found.notice}
      {sites.data && sites.data.length === 0 ? <Paragraph>{t('sites.empty')}</Paragraph> : null}
      {rows.length > 0 ? (
        <TableScroll label={t('sites.caption', { org: org.name })}>
          <Table zebra border className="data-table">
            <caption>{t('sites.caption', { org: org.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{label('name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="num">
                  {t('sites.colUsers')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="num">
                  {t('sites.colCapacity')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('lineType')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('sites.colOwnership')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('provider')}</Table.HeaderCell>
                {canEdit ? <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((site) => (
                <Table.Row key={site.id}>
                  <Table.HeaderCell scope="row">{site.name}</Table.HeaderCell>
                  <Table.Cell className="num">{number(site.users)}</Table.Cell>
                  <Table.Cell className="num">{number(site.capacityMbps)}</Table.Cell>
                  <Table.Cell>{site.lineType ? LINE_TYPE_LABELS[site.lineType] : '–'}</Table.Cell>
                  <Table.Cell>{site.ownership ? OWNERSHIP_LABELS[site.ownership] : '–'}</Table.Cell>
                  <Table.Cell>{site.provider ?? '–'}</Table.Cell>
                  {canEdit ? (
                    <Table.Cell>
                      <div className="row-actions">
                        <Button variant="tertiary" data-size="sm" onClick={() => startEdit(site)}>
                          {t('common.edit')}
                          <VisuallyHidden> {site.name}</VisuallyHidden>
                        </Button>
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          data-color="danger"
                          onClick={() => {
                            setDeleteError(null);
                            setConfirming(site);
                          }}
                        >
                          {t('common.delete')}
                          <VisuallyHidden> {site.name}</VisuallyHidden>
                        </Button>
                      </div>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
            <Table.Foot>
              <Table.Row>
                <Table.HeaderCell scope="row">{t('sites.total')}</Table.HeaderCell>
                <Table.Cell className="num">{formatInteger(totalUsers)}</Table.Cell>
                <Table.Cell colSpan={canEdit ? 5 : 4} />
              </Table.Row>
            </Table.Foot>
          </Table>
        </TableScroll>
      ) : null}

      {confirming ? (
        <Alert data-color="warning" className="block confirm" ref={confirmRef} tabIndex={-1}>
          <Paragraph>{t('common.deleteConfirm', { name: confirming.name })}</Paragraph>
          {deleteError ? (
            <Paragraph className="error-text" role="alert">
              {deleteError}
            </Paragraph>
          ) : null}
          <div className="form-actions">
            <Button data-color="danger" onClick={() => void onDelete(confirming)}>
              {t('common.confirmDelete')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
            {deleteError ? (
              <Button variant="tertiary" onClick={reloadAfterConflict}>
                {t('common.reload')}
              </Button>
            ) : null}
          </div>
        </Alert>
      ) : null}

      {canEdit ? (
        <section aria-labelledby="site-form-heading" className="form-section">
          <Heading level={2} data-size="sm" id="site-form-heading" ref={formHeadingRef} tabIndex={-1}>
            {editing ? t('sites.editHeading', { name: editing.name }) : t('sites.addHeading')}
          </Heading>
          <FormFeedback errors={errors} idFor={idOf} onReload={reloadAfterConflict} />
          <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="site-form-heading">
            <TextInput id="site-name" label={label('name')} value={form.name} onChange={set('name')} error={fieldError(errors, 'name')} />
            <div className="form-row">
              <TextInput
                id="site-users"
                label={label('users')}
                value={form.users}
                onChange={set('users')}
                inputMode="numeric"
                description={t('sites.numberHint')}
                error={fieldError(errors, 'users')}
              />
              <TextInput
                id="site-capacityMbps"
                label={label('capacityMbps')}
                value={form.capacityMbps}
                onChange={set('capacityMbps')}
                inputMode="numeric"
                description={t('sites.numberHint')}
                error={fieldError(errors, 'capacityMbps')}
              />
            </div>
            <div className="form-row">
              <SelectInput
                id="site-lineType"
                label={label('lineType')}
                value={form.lineType}
                onChange={set('lineType')}
                choices={choicesFrom(LINE_TYPE_LABELS)}
                emptyLabel={t('common.notSet')}
                error={fieldError(errors, 'lineType')}
              />
              <SelectInput
                id="site-ownership"
                label={label('ownership')}
                value={form.ownership}
                onChange={set('ownership')}
                choices={choicesFrom(OWNERSHIP_LABELS)}
                emptyLabel={t('common.notSet')}
                error={fieldError(errors, 'ownership')}
              />
            </div>
            <TextInput
              id="site-provider"
              label={label('provider')}
              value={form.provider}
              onChange={set('provider')}
              error={fieldError(errors, 'provider')}
            />
            <TextInput
              id="site-note"
              label={label('note')}
              value={form.note}
              onChange={set('note')}
              multiline
              error={fieldError(errors, 'note')}
            />
            <div className="form-actions">
              <Button type="submit" loading={busy}>
                {editing ? t('common.saveChanges') : t('sites.add')}
              </Button>
              {editing ? (
                <Button type="button" variant="secondary" onClick={resetForm}>
                  {t('common.cancel')}
                </Button>
              ) : null}
            </div>
          </form>
        </section>
      ) : null}
      <SiteAssets orgId={org.id} />
      {canEdit ? <SiteImport orgId={org.id} onImported={sites.reload} /> : null}
    </Page>
  );
}
