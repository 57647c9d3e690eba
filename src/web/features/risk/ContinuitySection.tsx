/** Continuity of one system on its page: backup, restore test, RTO/RPO, fallback site (issue 16). */
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Checkbox, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Continuity } from '../../../domain/continuity.ts';
import { formatDate } from '../../../domain/format.ts';
import { api, orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { errorsFrom, fieldError, FormFeedback, NO_ERRORS, parseCount, TextInput, type FormErrors } from '../../forms.tsx';
import { StatusMessage } from '../../components/ui.tsx';
import { parseDateInput } from '../plan/common.tsx';

interface Form {
  backupLocation: string;
  backupFrequency: string;
  restoreTested: string;
  rtoHours: string;
  rpoHours: string;
  fallbackSite: boolean;
}

export function ContinuitySection({ orgId, systemId, canEdit }: { orgId: string; systemId: string; canEdit: boolean }) {
  const t = useT();
  const resource = useApi<Continuity>(orgPath(orgId, `/systems/${systemId}/continuity`));
  const [form, setForm] = useState<Form>({ backupLocation: '', backupFrequency: '', restoreTested: '', rtoHours: '', rpoHours: '', fallbackSite: false });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const c = resource.data;
  useEffect(() => {
    if (c) {
      setForm({
        backupLocation: c.backupLocation ?? '',
        backupFrequency: c.backupFrequency ?? '',
        restoreTested: c.restoreTested ? formatDate(c.restoreTested) : '',
        rtoHours: c.rtoHours === null ? '' : String(c.rtoHours),
        rpoHours: c.rpoHours === null ? '' : String(c.rpoHours),
        fallbackSite: c.fallbackSite ?? false,
      });
    }
  }, [c]);
  if (!c) return null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const date = parseDateInput(form.restoreTested);
    try {
      await api.put(orgPath(orgId, `/systems/${systemId}/continuity`), {
        version: c.version,
        backupLocation: form.backupLocation,
        backupFrequency: form.backupFrequency,
        restoreTested: date === undefined ? form.restoreTested : date,
        rtoHours: parseCount(form.rtoHours),
        rpoHours: parseCount(form.rpoHours),
        fallbackSite: form.fallbackSite,
      });
      setErrors(NO_ERRORS);
      setSaved(true);
      resource.reload();
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    }
  };
  const set = (key: keyof Form) => (v: string) => setForm((f) => ({ ...f, [key]: v }));
  const id = (field: string) => `continuity-${field}`;

  return (
    <section aria-labelledby="continuity-heading">
      <Heading level={2} data-size="sm" id="continuity-heading">
        {t('continuity.title')}
      </Heading>
      {c.restoreOverdue ? <Paragraph data-color="warning">{t('continuity.restoreOverdue')}</Paragraph> : null}
      {canEdit ? (
        <form onSubmit={onSubmit} noValidate aria-labelledby="continuity-heading">
          <FormFeedback errors={errors} idFor={(f) => id(f.split('.')[0] ?? f)} />
          <TextInput id={id('backupLocation')} label={t('continuity.backupLocation')} value={form.backupLocation} onChange={set('backupLocation')} error={fieldError(errors, 'backupLocation')} />
          <TextInput id={id('backupFrequency')} label={t('continuity.backupFrequency')} value={form.backupFrequency} onChange={set('backupFrequency')} error={fieldError(errors, 'backupFrequency')} />
          <TextInput id={id('restoreTested')} label={t('continuity.restoreTested')} description="dd.mm.åååå" value={form.restoreTested} onChange={set('restoreTested')} error={fieldError(errors, 'restoreTested')} />
          <TextInput id={id('rtoHours')} label={t('continuity.rto')} inputMode="numeric" value={form.rtoHours} onChange={set('rtoHours')} error={fieldError(errors, 'rtoHours')} />
          <TextInput id={id('rpoHours')} label={t('continuity.rpo')} inputMode="numeric" value={form.rpoHours} onChange={set('rpoHours')} error={fieldError(errors, 'rpoHours')} />
          <Checkbox id={id('fallbackSite')} label={t('continuity.fallbackSite')} checked={form.fallbackSite} onChange={(e) => setForm((f) => ({ ...f, fallbackSite: e.target.checked }))} />
          <Button type="submit" data-size="sm" variant="secondary">
            {t('continuity.save')}
          </Button>
          <StatusMessage message={saved ? t('continuity.saved') : null} />
        </form>
      ) : (
        <dl className="facts">
          <dt>{t('continuity.backupLocation')}</dt>
          <dd>{c.backupLocation ?? '–'}</dd>
          <dt>{t('continuity.backupFrequency')}</dt>
          <dd>{c.backupFrequency ?? '–'}</dd>
          <dt>{t('continuity.restoreTested')}</dt>
          <dd>{c.restoreTested ? formatDate(c.restoreTested) : '–'}</dd>
          <dt>{t('continuity.rto')}</dt>
          <dd>{c.rtoHours ?? '–'}</dd>
          <dt>{t('continuity.rpo')}</dt>
          <dd>{c.rpoHours ?? '–'}</dd>
          <dt>{t('continuity.fallbackSite')}</dt>
          <dd>{c.fallbackSite === null ? '–' : c.fallbackSite ? t('risk.yes') : '–'}</dd>
        </dl>
      )}
    </section>
  );
}
