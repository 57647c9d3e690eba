/**
 * Security documents (policies and plans) with their next review; overdue ones are marked. Editors
 * add, edit and delete them on the register component (delete after a confirmation; a stale version
 * answers 409 with a reload).
 */
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { formatDate } from '../../../domain/format.ts';
import type { Person } from '../../../domain/portfolio.ts';
import { DOCUMENT_KINDS, type SecurityDocument } from '../../../domain/security-documents.ts';
import { orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { fieldError, FormFeedback, parseCount, SelectInput, TextInput } from '../../forms.tsx';
import { LoadError, StatusMessage } from '../../components/ui.tsx';
import { RegisterTable, type TableColumn } from '../../components/register-table/RegisterTable.tsx';
import { DeleteConfirmation, RowActions, useRegister } from '../../components/register/register.tsx';
import { parseDateInput } from '../plan/common.tsx';
import { DOCUMENT_KIND_LABELS } from '../../labels.ts';
import { ReviewDate } from './RiskAlerts.tsx';

const EMPTY = { title: '', kind: 'security_plan', ownerId: '', adoptedDate: '', reviewMonths: '12', link: '', reference: '' };
type Form = typeof EMPTY;

const formOf = (d: SecurityDocument): Form => ({
  title: d.title,
  kind: d.kind,
  ownerId: d.ownerId ?? '',
  adoptedDate: d.adoptedDate ? formatDate(d.adoptedDate) : '',
  reviewMonths: d.reviewMonths === null ? '' : String(d.reviewMonths),
  link: d.link ?? '',
  reference: d.reference ?? '',
});

const bodyOf = (form: Form): Record<string, unknown> => {
  const date = parseDateInput(form.adoptedDate);
  return {
    title: form.title,
    kind: form.kind,
    ownerId: form.ownerId === '' ? null : form.ownerId,
    adoptedDate: date === undefined ? form.adoptedDate : date,
    reviewMonths: form.reviewMonths.trim() === '' ? null : parseCount(form.reviewMonths),
    link: form.link,
    reference: form.reference,
  };
};

export function SecurityDocuments({ orgId, canEdit, persons = [] }: { orgId: string; canEdit: boolean; persons?: readonly Person[] }) {
  const t = useT();
  const register = useRegister<SecurityDocument, Form>({
    path: orgPath(orgId, '/security-documents'),
    empty: EMPTY,
    formOf,
    bodyOf,
    nameOf: (d) => d.title,
    idPrefix: 'document',
  });
  const { list, form, errors, set } = register;
  const columns: TableColumn<SecurityDocument>[] = [
    { key: 'title', header: t('documents.colTitle'), value: (d) => d.title, render: (d) => (d.link ? <a href={d.link}>{d.title}</a> : d.title) },
    { key: 'kind', header: t('documents.kind'), value: (d) => DOCUMENT_KIND_LABELS[d.kind] },
    { key: 'owner', header: t('documents.owner'), value: (d) => d.ownerName },
    { key: 'adopted', header: t('documents.adopted'), value: (d) => d.adoptedDate, render: (d) => (d.adoptedDate ? formatDate(d.adoptedDate) : '–') },
    {
      key: 'nextReview',
      header: t('documents.nextReview'),
      value: (d) => d.nextReview,
      render: (d) => <ReviewDate date={d.nextReview} overdue={d.reviewOverdue} />,
    },
  ];

  return (
    <section aria-labelledby="documents-heading" className="block">
      <Heading level={2} data-size="sm" id="documents-heading">
        {t('documents.title')}
      </Heading>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {list.data && list.data.length === 0 ? <Paragraph>{t('documents.none')}</Paragraph> : null}
      {list.data && list.data.length > 0 ? (
        <RegisterTable
          id="document-table"
          caption={t('documents.title')}
          columns={columns}
          items={list.data}
          rowKey={(d) => d.id}
          controls={false}
          actionsHeader={t('documents.colActions')}
          actions={canEdit ? (d) => <RowActions register={register} item={d} name={d.title} /> : undefined}
        />
      ) : null}
      <StatusMessage message={register.status} />
      <DeleteConfirmation register={register} nameOf={(d) => d.title} />
      {canEdit ? (
        <form onSubmit={register.onSubmit} noValidate aria-labelledby="documents-add-heading">
          <Heading level={3} data-size="xs" id="documents-add-heading" ref={register.formHeadingRef} tabIndex={-1}>
            {register.editing ? t('documents.editHeading', { title: register.editing.title }) : t('documents.add')}
          </Heading>
          <FormFeedback errors={errors} idFor={register.idOf} onReload={register.reloadAfterConflict} />
          <TextInput id="document-title" label={t('documents.colTitle')} value={form.title} onChange={set('title')} error={fieldError(errors, 'title')} />
          <SelectInput id="document-kind" label={t('documents.kind')} value={form.kind} onChange={set('kind')} choices={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))} error={fieldError(errors, 'kind')} />
          <SelectInput id="document-ownerId" label={t('documents.owner')} value={form.ownerId} onChange={set('ownerId')} choices={persons.map((p) => ({ value: p.id, label: p.name }))} emptyLabel={t('risk.noOwner')} error={fieldError(errors, 'ownerId')} />
          <TextInput id="document-adoptedDate" label={t('documents.adopted')} description="dd.mm.åååå" value={form.adoptedDate} onChange={set('adoptedDate')} error={fieldError(errors, 'adoptedDate')} />
          <TextInput id="document-reviewMonths" label={t('documents.reviewMonths')} inputMode="numeric" value={form.reviewMonths} onChange={set('reviewMonths')} error={fieldError(errors, 'reviewMonths')} />
          <TextInput id="document-link" label={t('documents.link')} value={form.link} onChange={set('link')} error={fieldError(errors, 'link')} />
          <TextInput id="document-reference" label={t('documents.reference')} value={form.reference} onChange={set('reference')} error={fieldError(errors, 'reference')} />
          <div className="form-actions">
            <Button type="submit" data-size="sm" variant="secondary" loading={register.busy}>
              {register.editing ? t('documents.saveChanges') : t('documents.add')}
            </Button>
            {register.editing ? (
              <Button type="button" data-size="sm" variant="tertiary" onClick={register.resetForm}>
                {t('common.cancel')}
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
