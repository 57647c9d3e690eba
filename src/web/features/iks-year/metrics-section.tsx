/**
 * The organization's metrics (måltall): a table with name, unit and description, and for editors a
 * form to change one and a button to delete one (the API answers 409, naming what uses it, when the
 * metric has values or a cost pool).
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Table } from '@digdir/designsystemet-react';
import type { Metric } from '../../../domain/statistics.ts';
import { api, orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { StatusMessage, TableScroll, useFocusOn, VisuallyHidden } from '../../components/ui.tsx';
import { errorsFrom, FormFeedback, fieldError, NO_ERRORS, problemMessage, TextInput, type FormErrors } from '../../forms.tsx';

export function MetricsSection({ orgId, metrics, canEdit, onChange }: { orgId: string; metrics: readonly Metric[]; canEdit: boolean; onChange: () => void }) {
  const t = useT();
  const [editing, setEditing] = useState<Metric | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const remove = async (m: Metric) => {
    setStatus(null);
    try {
      await api.delete(orgPath(orgId, `/metrics/${m.id}?version=${m.version}`));
      setFailure(null);
      setStatus(t('year.metrics.deleted', { name: m.name }));
      if (editing?.id === m.id) setEditing(null);
      onChange();
    } catch (error) {
      setFailure(problemMessage(error, t));
    }
  };
  if (metrics.length === 0) return null;
  const caption = t('year.metrics.caption');
  return (
    <section aria-labelledby="year-metrics" className="block">
      <Heading level={3} data-size="xs" id="year-metrics">
        {t('year.metrics.heading')}
      </Heading>
      <StatusMessage message={status} />
      {failure ? (
        <Alert data-color="danger" className="block" role="alert">
          {failure}
        </Alert>
      ) : null}
      <TableScroll label={caption}>
        <Table zebra border className="data-table">
          <caption>{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('year.metrics.name')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('year.metrics.unit')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('year.metrics.description')}</Table.HeaderCell>
              {canEdit ? <Table.HeaderCell scope="col">{t('year.metrics.actions')}</Table.HeaderCell> : null}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {metrics.map((m) => (
              <Table.Row key={m.id}>
                <Table.HeaderCell scope="row">{m.name}</Table.HeaderCell>
                <Table.Cell>{m.unit ?? '–'}</Table.Cell>
                <Table.Cell>{m.description ?? '–'}</Table.Cell>
                {canEdit ? (
                  <Table.Cell>
                    <Button variant="tertiary" data-size="sm" onClick={() => { setStatus(null); setEditing(m); }}>
                      {t('year.metrics.edit')}
                      <VisuallyHidden> {m.name}</VisuallyHidden>
                    </Button>
                    <Button variant="tertiary" data-size="sm" onClick={() => void remove(m)}>
                      {t('year.metrics.delete')}
                      <VisuallyHidden> {m.name}</VisuallyHidden>
                    </Button>
                  </Table.Cell>
                ) : null}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      {canEdit && editing ? (
        <MetricForm
          key={editing.id}
          orgId={orgId}
          metric={editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setStatus(t('year.metrics.saved', { name: saved.name }));
            onChange();
          }}
        />
      ) : null}
    </section>
  );
}

function MetricForm({ orgId, metric, onSaved, onCancel }: { orgId: string; metric: Metric; onSaved: (m: Metric) => void; onCancel: () => void }) {
  const t = useT();
  const [name, setName] = useState(metric.name);
  const [unit, setUnit] = useState(metric.unit ?? '');
  const [description, setDescription] = useState(metric.description ?? '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const heading = useFocusOn<HTMLHeadingElement>(metric.id);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const saved = await api.patch<Metric>(orgPath(orgId, `/metrics/${metric.id}`), { version: metric.version, name, unit, description });
      onSaved(saved);
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    }
  };
  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="metric-form-heading">
      <Heading level={4} data-size="2xs" id="metric-form-heading" ref={heading} tabIndex={-1}>
        {t('year.metrics.editHeading', { name: metric.name })}
      </Heading>
      <FormFeedback errors={errors} idFor={(f) => `metric-${f}`} />
      <TextInput id="metric-name" label={t('year.metrics.name')} value={name} onChange={setName} error={fieldError(errors, 'name')} />
      <TextInput id="metric-unit" label={t('year.metrics.unit')} description={t('year.metrics.unitHint')} value={unit} onChange={setUnit} error={fieldError(errors, 'unit')} />
      <TextInput id="metric-description" label={t('year.metrics.description')} value={description} onChange={setDescription} error={fieldError(errors, 'description')} multiline />
      <div className="form-actions">
        <Button type="submit">{t('year.metrics.save')}</Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('year.metrics.cancel')}
        </Button>
      </div>
    </form>
  );
}
