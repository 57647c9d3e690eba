import { Table } from '@digdir/designsystemet-react';
import type { Site } from '../../domain/site.ts';
import { LINE_TYPE_LABELS, OWNERSHIP_LABELS } from '../labels.ts';
import { formatInteger } from '../../domain/format.ts';
import { orgPath } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { useOrganization } from '../session.tsx';
import { Page } from '../components/ui.tsx';
import type { TableColumn } from '../components/register-table/RegisterTable.tsx';
import { useRegister } from '../components/register/register.tsx';
import { RegisterView } from '../components/register/RegisterView.tsx';
import { RegisterExportLinks, SiteImport } from '../features/registers.tsx';
import { SiteAssets } from '../features/assets/SiteAssets.tsx';
import { choicesFrom, fieldError, label, parseCount, SelectInput, TextInput } from '../forms.tsx';

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
  const register = useRegister<Site, SiteForm>({ path: orgPath(org.id, '/sites'), empty: EMPTY, idPrefix: 'site', nameOf: (s) => s.name, formOf, bodyOf });
  const { form, errors, set } = register;
  const canEdit = org.abilities.edit;
  const columns: TableColumn<Site>[] = [
    { key: 'name', header: label('name'), value: (s) => s.name },
    { key: 'users', header: t('sites.colUsers'), numeric: true, value: (s) => s.users, render: (s) => number(s.users) },
    { key: 'capacityMbps', header: t('sites.colCapacity'), numeric: true, value: (s) => s.capacityMbps, render: (s) => number(s.capacityMbps) },
    { key: 'lineType', header: label('lineType'), value: (s) => (s.lineType ? LINE_TYPE_LABELS[s.lineType] : null) },
    { key: 'ownership', header: t('sites.colOwnership'), value: (s) => (s.ownership ? OWNERSHIP_LABELS[s.ownership] : null) },
    { key: 'provider', header: label('provider'), value: (s) => s.provider },
  ];

  return (
    <Page title={t('sites.title')} intro={t('sites.intro')}>
      <RegisterView
        register={register}
        idPrefix="site"
        caption={t('sites.caption', { org: org.name })}
        columns={columns}
        nameOf={(s) => s.name}
        searchName={(s) => s.name}
        canEdit={canEdit}
        emptyText={t('sites.empty')}
        top={<RegisterExportLinks orgId={org.id} register="sites" />}
        footer={(shown) => (
          <Table.Row>
            <Table.HeaderCell scope="row">{t('sites.total')}</Table.HeaderCell>
            <Table.Cell className="num">{formatInteger(shown.reduce((sum, s) => sum + (s.users ?? 0), 0))}</Table.Cell>
            <Table.Cell colSpan={canEdit ? 5 : 4} />
          </Table.Row>
        )}
        form={{
          addHeading: t('sites.addHeading'),
          editHeading: (s) => t('sites.editHeading', { name: s.name }),
          addLabel: t('sites.add'),
          fields: (
            <>
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
            </>
          ),
        }}
        after={
          <>
            <SiteAssets orgId={org.id} />
            {canEdit ? <SiteImport orgId={org.id} onImported={register.list.reload} /> : null}
          </>
        }
      />
    </Page>
  );
}
