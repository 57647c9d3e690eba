/**
 * The organization's metrics (måltall) on the register component: a table with name, unit and
 * description, and for editors a form to change one and a confirmed delete (the API answers 409,
 * naming what uses it, when the metric has values or a cost pool). Metrics are created by the
 * statistics import, so there is no add form; the list comes with the year's statistics.
 */
import { Button, Heading } from '@digdir/designsystemet-react';
import type { Metric } from '../../../domain/statistics.ts';
import { orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { StatusMessage } from '../../components/ui.tsx';
import { FormFeedback, fieldError, TextInput } from '../../forms.tsx';
import { RegisterTable, type TableColumn } from '../../components/register-table/RegisterTable.tsx';
import { DeleteConfirmation, RowActions, useRegister, type Register } from '../../components/register/register.tsx';

interface MetricForm {
  name: string;
  unit: string;
  description: string;
}

export function MetricsSection({ orgId, metrics, canEdit, onChange }: { orgId: string; metrics: Metric[]; canEdit: boolean; onChange: () => void }) {
  const t = useT();
  const register = useRegister<Metric, MetricForm>({
    path: orgPath(orgId, '/metrics'),
    list: { data: metrics, error: undefined, loading: false, reload: onChange },
    empty: { name: '', unit: '', description: '' },
    formOf: (m) => ({ name: m.name, unit: m.unit ?? '', description: m.description ?? '' }),
    bodyOf: (form) => ({ ...form }),
    nameOf: (m) => m.name,
    idPrefix: 'metric',
  });
  if (metrics.length === 0) return null;
  const columns: TableColumn<Metric>[] = [
    { key: 'name', header: t('year.metrics.name'), value: (m) => m.name },
    { key: 'unit', header: t('year.metrics.unit'), value: (m) => m.unit },
    { key: 'description', header: t('year.metrics.description'), value: (m) => m.description },
  ];
  return (
    <section aria-labelledby="year-metrics" className="block">
      <Heading level={3} data-size="xs" id="year-metrics">
        {t('year.metrics.heading')}
      </Heading>
      <StatusMessage message={register.status} />
      <RegisterTable
        id="metric-table"
        caption={t('year.metrics.caption')}
        columns={columns}
        items={metrics}
        rowKey={(m) => m.id}
        controls={false}
        actionsHeader={t('year.metrics.actions')}
        actions={canEdit ? (m) => <RowActions register={register} item={m} name={m.name} /> : undefined}
      />
      <DeleteConfirmation register={register} nameOf={(m) => m.name} />
      {canEdit && register.editing ? <MetricEditForm register={register} metric={register.editing} /> : null}
    </section>
  );
}

/** Edit one metric (a level-4 heading under «Måltall»; the register's own form is a page-level add/edit form). */
function MetricEditForm({ register, metric }: { register: Register<Metric, MetricForm>; metric: Metric }) {
  const t = useT();
  const { form, errors, set } = register;
  return (
    <form className="form" noValidate onSubmit={register.onSubmit} aria-labelledby="metric-form-heading">
      <Heading level={4} data-size="2xs" id="metric-form-heading" ref={register.formHeadingRef} tabIndex={-1}>
        {t('year.metrics.editHeading', { name: metric.name })}
      </Heading>
      <FormFeedback errors={errors} idFor={register.idOf} onReload={register.reloadAfterConflict} />
      <TextInput id="metric-name" label={t('year.metrics.name')} value={form.name} onChange={set('name')} error={fieldError(errors, 'name')} />
      <TextInput id="metric-unit" label={t('year.metrics.unit')} description={t('year.metrics.unitHint')} value={form.unit} onChange={set('unit')} error={fieldError(errors, 'unit')} />
      <TextInput id="metric-description" label={t('year.metrics.description')} value={form.description} onChange={set('description')} error={fieldError(errors, 'description')} multiline />
      <div className="form-actions">
        <Button type="submit" loading={register.busy}>
          {t('year.metrics.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={register.resetForm}>
          {t('year.metrics.cancel')}
        </Button>
      </div>
    </form>
  );
}
