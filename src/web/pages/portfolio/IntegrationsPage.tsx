/** All integrations of the organization: from a system to another system or a national component (ID-porten, …). */
import { Link as RouterLink, useSearchParams } from 'react-router';
import type { Integration, NationalComponent } from '../../../domain/portfolio.ts';
import { INTEGRATION_DIRECTION_LABELS, INTEGRATION_STANDARD_LABELS, INTEGRATION_STATUS_LABELS } from '../../labels.ts';
import { orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { Page } from '../../components/ui.tsx';
import type { TableColumn } from '../../components/register-table/RegisterTable.tsx';
import { RegisterView } from '../../components/register/RegisterView.tsx';
import { choicesFrom, fieldError, label, SelectInput, TextInput } from '../../forms.tsx';
import { orgTitle, systemUrl, useAllSystems } from '../../features/portfolio/common.tsx';
import { RegisterExportLinks } from '../../features/registers.tsx';
import { orNull, useRegister } from '../../components/register/register.tsx';

interface IntegrationForm {
  fromSystemId: string;
  targetKind: 'system' | 'component';
  toSystemId: string;
  toComponentId: string;
  direction: string;
  data: string;
  standard: string;
  status: string;
}

const EMPTY: IntegrationForm = {
  fromSystemId: '',
  targetKind: 'system',
  toSystemId: '',
  toComponentId: '',
  direction: 'one_way',
  data: '',
  standard: 'noark5',
  status: 'active',
};

const nameOf = (i: Integration): string => `${i.fromSystem.name} → ${i.toSystem?.name ?? i.toComponent?.name ?? '–'}`;

export function IntegrationsPage() {
  const t = useT();
  const org = useOrganization();
  const [params] = useSearchParams();
  const systems = useAllSystems(org.id);
  const components = useApi<NationalComponent[]>('/api/v1/reference/national-components');
  const register = useRegister<Integration, IntegrationForm>({
    path: orgPath(org.id, '/integrations'),
    empty: { ...EMPTY, fromSystemId: params.get('fra') ?? '' },
    idPrefix: 'integration',
    idFor: (f) => (f === 'toSystemId' || f === 'toComponentId' ? 'integration-target' : undefined),
    nameOf,
    formOf: (i) => ({
      fromSystemId: i.fromSystem.id,
      targetKind: i.toComponent ? 'component' : 'system',
      toSystemId: i.toSystem?.id ?? '',
      toComponentId: i.toComponent?.id ?? '',
      direction: i.direction,
      data: i.data ?? '',
      standard: i.standard,
      status: i.status,
    }),
    bodyOf: (f) => ({
      fromSystemId: f.fromSystemId,
      toSystemId: f.targetKind === 'system' ? orNull(f.toSystemId) : null,
      toComponentId: f.targetKind === 'component' ? orNull(f.toComponentId) : null,
      direction: f.direction,
      data: orNull(f.data),
      standard: f.standard,
      status: f.status,
    }),
  });
  const { form, errors, set } = register;
  const canEdit = org.abilities.edit;
  const systemChoices = (systems.data ?? []).map((s) => ({ value: s.id, label: s.host ? `${s.name} (${s.host.name})` : s.name }));
  const componentChoices = (components.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.provider})` }));
  const targetError = fieldError(errors, 'toSystemId') ?? fieldError(errors, 'toComponentId');

  const columns: TableColumn<Integration>[] = [
    { key: 'from', header: t('integrations.colFrom'), value: (i) => i.fromSystem.name, render: (i) => <RouterLink to={systemUrl(org.slug, i.fromSystem.id)}>{i.fromSystem.name}</RouterLink> },
    {
      key: 'to',
      header: t('integrations.colTo'),
      value: (i) => i.toSystem?.name ?? i.toComponent?.name ?? null,
      render: (i) => (i.toSystem ? <RouterLink to={systemUrl(org.slug, i.toSystem.id)}>{i.toSystem.name}</RouterLink> : (i.toComponent?.name ?? '–')),
    },
    { key: 'direction', header: t('integrations.colDirection'), value: (i) => INTEGRATION_DIRECTION_LABELS[i.direction] },
    { key: 'standard', header: t('integrations.colStandard'), value: (i) => INTEGRATION_STANDARD_LABELS[i.standard] },
    { key: 'data', header: t('integrations.colData'), value: (i) => i.data },
    { key: 'status', header: t('integrations.colStatus'), value: (i) => INTEGRATION_STATUS_LABELS[i.status] },
  ];

  return (
    <Page title={orgTitle(t('integrations.title'), org)} heading={t('integrations.title')} intro={t('integrations.intro')}>
      <RegisterView
        register={register}
        idPrefix="integration"
        caption={t('integrations.caption', { org: org.name })}
        columns={columns}
        nameOf={nameOf}
        canEdit={canEdit}
        emptyText={t('integrations.empty')}
        top={<RegisterExportLinks orgId={org.id} register="integrations" />}
        form={{
          addHeading: t('integrations.addHeading'),
          editHeading: (i) => t('integrations.editHeading', { name: nameOf(i) }),
          addLabel: t('integrations.add'),
          fields: (
            <>
          <SelectInput
            id="integration-fromSystemId"
            label={label('fromSystemId')}
            value={form.fromSystemId}
            onChange={set('fromSystemId')}
            choices={systemChoices}
            emptyLabel={t('common.notSet')}
            error={fieldError(errors, 'fromSystemId')}
          />
          <div className="form-row">
            <SelectInput
              id="integration-targetKind"
              label={t('integrations.targetKind')}
              value={form.targetKind}
              onChange={(v) => register.setForm((f) => ({ ...f, targetKind: v === 'component' ? 'component' : 'system' }))}
              choices={[
                { value: 'system', label: t('integrations.targetSystem') },
                { value: 'component', label: t('integrations.targetComponent') },
              ]}
            />
            {form.targetKind === 'system' ? (
              <SelectInput
                id="integration-target"
                label={label('toSystemId')}
                value={form.toSystemId}
                onChange={set('toSystemId')}
                choices={systemChoices.filter((c) => c.value !== form.fromSystemId)}
                emptyLabel={t('common.notSet')}
                error={targetError}
              />
            ) : (
              <SelectInput
                id="integration-target"
                label={label('toComponentId')}
                value={form.toComponentId}
                onChange={set('toComponentId')}
                choices={componentChoices}
                emptyLabel={t('common.notSet')}
                error={targetError}
              />
            )}
          </div>
          <div className="form-row">
            <SelectInput
              id="integration-direction"
              label={label('direction')}
              value={form.direction}
              onChange={set('direction')}
              choices={choicesFrom(INTEGRATION_DIRECTION_LABELS)}
              error={fieldError(errors, 'direction')}
            />
            <SelectInput
              id="integration-standard"
              label={label('standard')}
              value={form.standard}
              onChange={set('standard')}
              choices={choicesFrom(INTEGRATION_STANDARD_LABELS)}
              error={fieldError(errors, 'standard')}
            />
            <SelectInput
              id="integration-status"
              label={label('status')}
              value={form.status}
              onChange={set('status')}
              choices={choicesFrom(INTEGRATION_STATUS_LABELS)}
              error={fieldError(errors, 'status')}
            />
          </div>
          <TextInput id="integration-data" label={label('data')} value={form.data} onChange={set('data')} multiline error={fieldError(errors, 'data')} />
            </>
          ),
        }}
      />
    </Page>
  );
}
