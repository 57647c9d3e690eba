/** «Utstyr»: the equipment register (shared register table), adding a group, import and export. */
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { ASSET_COLUMNS, type AssetClass, type AssetGroup } from '../../../domain/asset.ts';
import { formatInteger } from '../../../domain/format.ts';
import { formatKroner } from '../../../domain/money.ts';
import type { Site } from '../../../domain/site.ts';
import { api, orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useLanguage, useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, Page, StatusMessage, VisuallyHidden } from '../../components/ui.tsx';
import { RegisterTable, type TableColumn } from '../../components/register-table/RegisterTable.tsx';
import { errorsFrom, fieldError, FormFeedback, NO_ERRORS, parseCount, SelectInput, TextInput, type FormErrors } from '../../forms.tsx';
import { AssetClasses } from './AssetClasses.tsx';
import { AssetImport } from './AssetImport.tsx';

interface GroupForm {
  classId: string;
  description: string;
  quantity: string;
  purchaseYear: string;
  lifetime: string;
  unitPrice: string;
  siteId: string;
}
const EMPTY: GroupForm = { classId: '', description: '', quantity: '', purchaseYear: '', lifetime: '', unitPrice: '', siteId: '' };
const FIELDS = Object.keys(EMPTY);

export function AssetsPage() {
  const t = useT();
  const language = useLanguage();
  const org = useOrganization();
  const groups = useApi<AssetGroup[]>(orgPath(org.id, '/assets'));
  const classes = useApi<AssetClass[]>(orgPath(org.id, '/asset-classes'));
  const sites = useApi<Site[]>(orgPath(org.id, '/sites'));
  const [form, setForm] = useState<GroupForm>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const canEdit = org.abilities.edit;
  const byClass = new Map((classes.data ?? []).map((c) => [c.id, c]));
  const set = (field: keyof GroupForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const reload = () => {
    groups.reload();
    classes.reload();
  };

  const header = (key: string) => {
    const c = ASSET_COLUMNS.find((col) => col.key === key)!;
    const text = language === 'nn' ? c.nn : c.nb;
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const withDefault = (own: number | null, fallback: number | null | undefined, format: (n: number) => string) =>
    own !== null ? format(own) : fallback !== null && fallback !== undefined ? t('assets.fromClass', { value: format(fallback) }) : '–';
  const columns: TableColumn<AssetGroup>[] = [
    { key: 'class', header: header('class'), value: (g) => g.className },
    { key: 'description', header: header('description'), value: (g) => g.description },
    { key: 'quantity', header: header('quantity'), value: (g) => g.quantity, render: (g) => formatInteger(g.quantity), numeric: true },
    { key: 'purchaseYear', header: header('purchaseYear'), value: (g) => g.purchaseYear, numeric: true },
    { key: 'lifetime', header: header('lifetime'), value: (g) => g.lifetime ?? byClass.get(g.classId)?.lifetime ?? null, render: (g) => withDefault(g.lifetime, byClass.get(g.classId)?.lifetime, (n) => t('assets.years', { n })), numeric: true },
    { key: 'unitPrice', header: header('unitPrice'), value: (g) => g.unitPrice ?? byClass.get(g.classId)?.unitPrice ?? null, render: (g) => withDefault(g.unitPrice, byClass.get(g.classId)?.unitPrice, formatKroner), numeric: true },
    { key: 'site', header: header('site'), value: (g) => g.siteName },
    { key: 'system', header: header('system'), value: (g) => g.systemName },
  ];

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      await api.post<AssetGroup>(orgPath(org.id, '/assets'), {
        classId: form.classId,
        description: form.description,
        quantity: parseCount(form.quantity),
        purchaseYear: parseCount(form.purchaseYear),
        lifetime: parseCount(form.lifetime),
        unitPrice: parseCount(form.unitPrice.replace(/[\s\u00a0]|kr/g, '')),
        siteId: form.siteId === '' ? null : form.siteId,
      });
      setStatus(t('assets.added', { name: byClass.get(form.classId)?.name ?? '' }));
      setForm(EMPTY);
      setErrors(NO_ERRORS);
      reload();
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(false);
    }
  };

  const onDelete = async (g: AssetGroup) => {
    try {
      await api.delete(orgPath(org.id, `/assets/${g.id}?version=${g.version}`));
      setStatus(t('common.deleted', { name: `${g.className} (${g.quantity})` }));
      reload();
    } catch (error) {
      setStatus(errorsFrom(error, t, NO_ERRORS).message);
    }
  };

  const rows = groups.data ?? [];
  const total = rows.reduce((n, g) => n + g.quantity, 0);
  return (
    <Page title={t('assets.title')} intro={t('assets.intro')}>
      <StatusMessage message={status} />
      <ul className="page-actions">
        <li>
          <RouterLink to={`/o/${org.slug}/utstyr/prognose`}>{t('assets.forecastLink')}</RouterLink>
        </li>
        <li>
          <Link href={orgPath(org.id, '/assets-export?format=xlsx')} download>
            {t('registers.exportXlsx')}
          </Link>
        </li>
        <li>
          <Link href={orgPath(org.id, '/assets-export?format=csv')} download>
            {t('registers.exportCsv')}
          </Link>
        </li>
      </ul>
      {!canEdit ? <Paragraph className="muted">{t('common.readOnly')}</Paragraph> : null}
      {groups.error ? <LoadError error={groups.error} onRetry={groups.reload} /> : null}
      {groups.loading && !groups.data ? <Loading /> : null}
      {groups.data && rows.length === 0 ? <Paragraph>{t('assets.empty')}</Paragraph> : null}
      {rows.length > 0 ? (
        <RegisterTable
          id="assets"
          caption={t('assets.caption', { org: org.name, units: formatInteger(total) })}
          columns={columns}
          items={rows}
          rowKey={(g) => g.id}
          actions={
            canEdit
              ? (g) => (
                  <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => void onDelete(g)}>
                    {t('common.delete')}
                    <VisuallyHidden>
                      {' '}
                      {g.className} {g.description ?? ''} {g.purchaseYear}
                    </VisuallyHidden>
                  </Button>
                )
              : undefined
          }
        />
      ) : null}

      {canEdit && classes.data ? (
        <section aria-labelledby="asset-form-heading" className="form-section">
          <Heading level={2} data-size="sm" id="asset-form-heading">
            {t('assets.addHeading')}
          </Heading>
          <FormFeedback errors={errors} idFor={(f) => (FIELDS.includes(f) ? `asset-${f}` : undefined)} />
          <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="asset-form-heading">
            <div className="form-row">
              <SelectInput
                id="asset-classId"
                label={header('class')}
                value={form.classId}
                onChange={set('classId')}
                choices={classes.data.map((c) => ({ value: c.id, label: c.name }))}
                emptyLabel={t('common.notSet')}
                error={fieldError(errors, 'classId')}
              />
              <TextInput id="asset-description" label={header('description')} value={form.description} onChange={set('description')} error={fieldError(errors, 'description')} />
            </div>
            <div className="form-row">
              <TextInput id="asset-quantity" label={header('quantity')} value={form.quantity} onChange={set('quantity')} inputMode="numeric" error={fieldError(errors, 'quantity')} />
              <TextInput id="asset-purchaseYear" label={header('purchaseYear')} value={form.purchaseYear} onChange={set('purchaseYear')} inputMode="numeric" error={fieldError(errors, 'purchaseYear')} />
            </div>
            <div className="form-row">
              <TextInput id="asset-lifetime" label={header('lifetime')} description={t('assets.blankIsDefault')} value={form.lifetime} onChange={set('lifetime')} inputMode="numeric" error={fieldError(errors, 'lifetime')} />
              <TextInput id="asset-unitPrice" label={header('unitPrice')} description={t('assets.blankIsDefault')} value={form.unitPrice} onChange={set('unitPrice')} inputMode="numeric" error={fieldError(errors, 'unitPrice')} />
            </div>
            <SelectInput
              id="asset-siteId"
              label={header('site')}
              value={form.siteId}
              onChange={set('siteId')}
              choices={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              emptyLabel={t('common.notSet')}
              error={fieldError(errors, 'siteId')}
            />
            <div className="form-actions">
              <Button type="submit" loading={busy}>
                {t('assets.add')}
              </Button>
            </div>
          </form>
        </section>
      ) : null}
      {classes.data ? <AssetClasses orgId={org.id} classes={classes.data} canEdit={canEdit} onChanged={reload} /> : null}
      {canEdit ? <AssetImport orgId={org.id} onImported={reload} /> : null}
    </Page>
  );
}
