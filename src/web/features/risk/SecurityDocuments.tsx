/**
 * Security documents (policies and plans) with their next review; overdue ones are marked. Editors
 * add, edit and delete them (delete after a confirmation; a stale version answers 409).
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { formatDate } from '../../../domain/format.ts';
import type { Person } from '../../../domain/portfolio.ts';
import { DOCUMENT_KINDS, type SecurityDocument } from '../../../domain/security-documents.ts';
import { api, orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { errorsFrom, fieldError, FormFeedback, NO_ERRORS, parseCount, problemMessage, SelectInput, TextInput, type FormErrors } from '../../forms.tsx';
import { LoadError, StatusMessage, TableScroll, useFocusOn } from '../../components/ui.tsx';
import { parseDateInput } from '../plan/common.tsx';
import { DOCUMENT_KIND_LABELS } from '../../labels.ts';

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

function DeleteConfirm({ orgId, doc, onDone, onCancel }: { orgId: string; doc: SecurityDocument; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const ref = useFocusOn<HTMLDivElement>(doc.id);
  const onDelete = async () => {
    setError(null);
    try {
      await api.delete(orgPath(orgId, `/security-documents/${doc.id}?version=${doc.version}`));
      onDone();
    } catch (e) {
      setError(problemMessage(e, t));
    }
  };
  return (
    <Alert data-color="warning" className="block confirm" ref={ref} tabIndex={-1}>
      <Paragraph>{t('documents.deleteConfirm', { title: doc.title })}</Paragraph>
      {error ? (
        <Paragraph className="error-text" role="alert">
          {error}
        </Paragraph>
      ) : null}
      <div className="form-actions">
        <Button data-color="danger" onClick={() => void onDelete()}>
          {t('common.confirmDelete')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </Alert>
  );
}

export function SecurityDocuments({ orgId, canEdit, persons = [] }: { orgId: string; canEdit: boolean; persons?: readonly Person[] }) {
  const t = useT();
  const list = useApi<SecurityDocument[]>(orgPath(orgId, '/security-documents'));
  const [form, setForm] = useState<Form>(EMPTY);
  const [editing, setEditing] = useState<SecurityDocument | null>(null);
  const [deleting, setDeleting] = useState<SecurityDocument | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const headingRef = useFocusOn<HTMLHeadingElement>(editing?.id ?? null);
  const set = (key: keyof Form) => (v: string) => setForm((f) => ({ ...f, [key]: v }));
  const id = (field: string) => `document-${field}`;

  const startEdit = (d: SecurityDocument) => {
    setDeleting(null);
    setErrors(NO_ERRORS);
    setEditing(d);
    setForm(formOf(d));
  };
  const stopEdit = () => {
    setEditing(null);
    setErrors(NO_ERRORS);
    setForm(EMPTY);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const date = parseDateInput(form.adoptedDate);
    const body = {
      title: form.title,
      kind: form.kind,
      ownerId: form.ownerId === '' ? null : form.ownerId,
      adoptedDate: date === undefined ? form.adoptedDate : date,
      reviewMonths: form.reviewMonths.trim() === '' ? null : parseCount(form.reviewMonths),
      link: form.link,
      reference: form.reference,
    };
    try {
      const doc = editing
        ? await api.patch<SecurityDocument>(orgPath(orgId, `/security-documents/${editing.id}`), { version: editing.version, ...body })
        : await api.post<SecurityDocument>(orgPath(orgId, '/security-documents'), body);
      setSaved(editing ? t('documents.updated', { title: doc.title }) : t('documents.saved', { title: doc.title }));
      stopEdit();
      list.reload();
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    }
  };

  return (
    <section aria-labelledby="documents-heading" className="block">
      <Heading level={2} data-size="sm" id="documents-heading">
        {t('documents.title')}
      </Heading>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {list.data && list.data.length === 0 ? <Paragraph>{t('documents.none')}</Paragraph> : null}
      {list.data && list.data.length > 0 ? (
        <TableScroll label={t('documents.title')}>
          <Table data-size="sm" className="data-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('documents.colTitle')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('documents.kind')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('documents.owner')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('documents.adopted')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('documents.nextReview')}</Table.HeaderCell>
                {canEdit ? <Table.HeaderCell scope="col">{t('documents.colActions')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.map((d) => (
                <Table.Row key={d.id}>
                  <Table.HeaderCell scope="row">{d.link ? <a href={d.link}>{d.title}</a> : d.title}</Table.HeaderCell>
                  <Table.Cell>{DOCUMENT_KIND_LABELS[d.kind]}</Table.Cell>
                  <Table.Cell>{d.ownerName ?? '–'}</Table.Cell>
                  <Table.Cell>{d.adoptedDate ? formatDate(d.adoptedDate) : '–'}</Table.Cell>
                  <Table.Cell>
                    {d.nextReview ? formatDate(d.nextReview) : '–'}
                    {d.reviewOverdue ? (
                      <>
                        {' '}
                        <Tag data-color="danger" data-size="sm">
                          {t('risk.overdue')}
                        </Tag>
                      </>
                    ) : null}
                  </Table.Cell>
                  {canEdit ? (
                    <Table.Cell>
                      <span className="row-actions">
                        <Button type="button" variant="tertiary" data-size="sm" aria-label={t('documents.editOne', { title: d.title })} onClick={() => startEdit(d)}>
                          {t('common.edit')}
                        </Button>
                        <Button type="button" variant="tertiary" data-size="sm" data-color="danger" aria-label={t('documents.deleteOne', { title: d.title })} onClick={() => { stopEdit(); setDeleting(d); }}>
                          {t('common.delete')}
                        </Button>
                      </span>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
      <StatusMessage message={saved} />
      {deleting ? (
        <DeleteConfirm
          key={deleting.id}
          orgId={orgId}
          doc={deleting}
          onCancel={() => setDeleting(null)}
          onDone={() => {
            setSaved(t('common.deleted', { name: deleting.title }));
            setDeleting(null);
            list.reload();
          }}
        />
      ) : null}
      {canEdit ? (
        <form onSubmit={onSubmit} noValidate aria-labelledby="documents-add-heading">
          <Heading level={3} data-size="xs" id="documents-add-heading" ref={headingRef} tabIndex={-1}>
            {editing ? t('documents.editHeading', { title: editing.title }) : t('documents.add')}
          </Heading>
          <FormFeedback errors={errors} idFor={(f) => id(f.split('.')[0] ?? f)} />
          <TextInput id={id('title')} label={t('documents.colTitle')} value={form.title} onChange={set('title')} error={fieldError(errors, 'title')} />
          <SelectInput id={id('kind')} label={t('documents.kind')} value={form.kind} onChange={set('kind')} choices={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))} error={fieldError(errors, 'kind')} />
          <SelectInput id={id('ownerId')} label={t('documents.owner')} value={form.ownerId} onChange={set('ownerId')} choices={persons.map((p) => ({ value: p.id, label: p.name }))} emptyLabel={t('risk.noOwner')} error={fieldError(errors, 'ownerId')} />
          <TextInput id={id('adoptedDate')} label={t('documents.adopted')} description="dd.mm.åååå" value={form.adoptedDate} onChange={set('adoptedDate')} error={fieldError(errors, 'adoptedDate')} />
          <TextInput id={id('reviewMonths')} label={t('documents.reviewMonths')} inputMode="numeric" value={form.reviewMonths} onChange={set('reviewMonths')} error={fieldError(errors, 'reviewMonths')} />
          <TextInput id={id('link')} label={t('documents.link')} value={form.link} onChange={set('link')} error={fieldError(errors, 'link')} />
          <TextInput id={id('reference')} label={t('documents.reference')} value={form.reference} onChange={set('reference')} error={fieldError(errors, 'reference')} />
          <div className="form-actions">
            <Button type="submit" data-size="sm" variant="secondary">
              {editing ? t('documents.saveChanges') : t('documents.add')}
            </Button>
            {editing ? (
              <Button type="button" data-size="sm" variant="tertiary" onClick={stopEdit}>
                {t('common.cancel')}
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
