/** Security documents (policies and plans) with their next review; overdue ones are marked. */
import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { formatDate } from '../../../domain/format.ts';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, type SecurityDocument } from '../../../domain/security-documents.ts';
import { api, orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { errorsFrom, fieldError, FormFeedback, NO_ERRORS, parseCount, SelectInput, TextInput, type FormErrors } from '../../forms.tsx';
import { LoadError, StatusMessage, TableScroll } from '../../components/ui.tsx';
import { parseDateInput } from '../plan/common.tsx';

const EMPTY = { title: '', kind: 'security_plan', adoptedDate: '', reviewMonths: '12', link: '' };

export function SecurityDocuments({ orgId, canEdit }: { orgId: string; canEdit: boolean }) {
  const t = useT();
  const list = useApi<SecurityDocument[]>(orgPath(orgId, '/security-documents'));
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const set = (key: keyof typeof EMPTY) => (v: string) => setForm((f) => ({ ...f, [key]: v }));
  const id = (field: string) => `document-${field}`;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const date = parseDateInput(form.adoptedDate);
    try {
      const doc = await api.post<SecurityDocument>(orgPath(orgId, '/security-documents'), {
        title: form.title,
        kind: form.kind,
        adoptedDate: date === undefined ? form.adoptedDate : date,
        reviewMonths: parseCount(form.reviewMonths),
        link: form.link,
      });
      setErrors(NO_ERRORS);
      setForm(EMPTY);
      setSaved(t('documents.saved', { title: doc.title }));
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
                <Table.HeaderCell scope="col">{t('documents.adopted')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('documents.nextReview')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.map((d) => (
                <Table.Row key={d.id}>
                  <Table.HeaderCell scope="row">{d.link ? <a href={d.link}>{d.title}</a> : d.title}</Table.HeaderCell>
                  <Table.Cell>{DOCUMENT_KIND_LABELS[d.kind]}</Table.Cell>
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
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
      {canEdit ? (
        <form onSubmit={onSubmit} noValidate aria-labelledby="documents-add-heading">
          <Heading level={3} data-size="xs" id="documents-add-heading">
            {t('documents.add')}
          </Heading>
          <FormFeedback errors={errors} idFor={(f) => id(f.split('.')[0] ?? f)} />
          <TextInput id={id('title')} label={t('documents.colTitle')} value={form.title} onChange={set('title')} error={fieldError(errors, 'title')} />
          <SelectInput id={id('kind')} label={t('documents.kind')} value={form.kind} onChange={set('kind')} choices={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))} error={fieldError(errors, 'kind')} />
          <TextInput id={id('adoptedDate')} label={t('documents.adopted')} description="dd.mm.åååå" value={form.adoptedDate} onChange={set('adoptedDate')} error={fieldError(errors, 'adoptedDate')} />
          <TextInput id={id('reviewMonths')} label={t('documents.reviewMonths')} inputMode="numeric" value={form.reviewMonths} onChange={set('reviewMonths')} error={fieldError(errors, 'reviewMonths')} />
          <TextInput id={id('link')} label={t('documents.link')} value={form.link} onChange={set('link')} error={fieldError(errors, 'link')} />
          <Button type="submit" data-size="sm" variant="secondary">
            {t('documents.add')}
          </Button>
          <StatusMessage message={saved} />
        </form>
      ) : null}
    </section>
  );
}
