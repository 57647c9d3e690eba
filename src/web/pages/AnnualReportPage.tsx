import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { AnnualReportOverview } from '../../domain/annual-report.ts';
import { MEASURE_STATUS_LABELS } from '../labels.ts';
import type { MeasureStatus } from '../../domain/plan.ts';
import { api, orgPath } from '../api.ts';
import { useApi } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import { useOrganization } from '../session.tsx';
import { LoadError, Loading, Page, StatusMessage } from '../components/ui.tsx';
import { errorsFrom, fieldError, FormFeedback, NO_ERRORS, TextInput, type FormErrors } from '../forms.tsx';

type Measure = AnnualReportOverview['measures'][number];

/** The year shown: `?ar=2017`, else last year (the report is written after the year ends). */
function useYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const wanted = Number(params.get('ar'));
  const year = Number.isInteger(wanted) && wanted >= 1990 && wanted <= 2100 ? wanted : new Date().getFullYear() - 1;
  return [year, (y) => setParams({ ar: String(y) })];
}

function ResultForm({ measure, revisionId, onSaved }: { measure: Measure; revisionId: string; onSaved: (title: string) => void }) {
  const t = useT();
  const org = useOrganization();
  const [result, setResult] = useState(measure.result ?? '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const id = `result-${measure.id}`;
  const name = measure.number ? `${measure.number} ${measure.title}` : measure.title;
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api.patch(orgPath(org.id, `/revisions/${revisionId}/measures/${measure.id}`), { version: measure.version, result });
      setErrors(NO_ERRORS);
      onSaved(name);
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form annual-result" noValidate onSubmit={(e) => void onSubmit(e)}>
      <FormFeedback errors={errors} idFor={(field) => (field === 'result' ? id : undefined)} />
      <TextInput
        id={id}
        label={t('annual.resultFor', { name })}
        description={t('annual.statusIs', { status: MEASURE_STATUS_LABELS[measure.status as MeasureStatus] ?? measure.status })}
        value={result}
        onChange={setResult}
        multiline
        error={fieldError(errors, 'result')}
      />
      <div className="form-actions">
        <Button type="submit" variant="secondary" loading={busy}>
          {t('annual.saveResult')}
        </Button>
      </div>
    </form>
  );
}

export function AnnualReportPage() {
  const t = useT();
  const org = useOrganization();
  const [year, setYear] = useYear();
  const report = useApi<AnnualReportOverview>(orgPath(org.id, `/annual-reports/${year}`));
  const [yearText, setYearText] = useState(String(year));
  const [title, setTitle] = useState('');
  const [introduction, setIntroduction] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const data = report.data;
  const canEdit = org.abilities.edit;

  useEffect(() => {
    setYearText(String(year));
  }, [year]);
  useEffect(() => {
    if (data) {
      setTitle(data.title ?? '');
      setIntroduction(data.introduction);
    }
  }, [data]);

  const onShow = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const y = Number(yearText);
    if (Number.isInteger(y) && y >= 1990 && y <= 2100) setYear(y);
  };

  const onSave = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!data) return;
    setBusy(true);
    setStatus(null);
    try {
      await api.put(orgPath(org.id, `/annual-reports/${year}`), { title, introduction, version: data.version });
      setErrors(NO_ERRORS);
      setStatus(t('annual.introSaved', { year: String(year) }));
      report.reload();
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(false);
    }
  };

  const revision = data?.revision ?? null;
  const documentUrl = (format: 'docx' | 'pdf') => orgPath(org.id, `/annual-reports/${year}/document?format=${format}`);

  return (
    <Page title={t('annual.title', { year: String(year) })} intro={t('annual.intro')}>
      <form className="form form-row annual-year" role="search" aria-label={t('annual.chooseYear')} noValidate onSubmit={onShow}>
        <TextInput id="annual-year" label={t('annual.year')} value={yearText} onChange={setYearText} inputMode="numeric" />
        <div className="form-actions">
          <Button type="submit" variant="secondary">
            {t('annual.show')}
          </Button>
        </div>
      </form>
      <StatusMessage message={status} />
      {report.error ? <LoadError error={report.error} onRetry={report.reload} /> : null}
      {report.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <section aria-labelledby="annual-intro" className="form-section">
            <Heading level={2} data-size="sm" id="annual-intro">
              {t('annual.introHeading')}
            </Heading>
            {canEdit ? (
              <>
                <FormFeedback errors={errors} idFor={(field) => (field === 'title' || field === 'introduction' ? `annual-${field}` : undefined)} onReload={report.reload} />
                <form className="form" noValidate onSubmit={(e) => void onSave(e)} aria-labelledby="annual-intro">
                  <TextInput id="annual-title" label={t('annual.docTitle')} description={t('annual.docTitleHint')} value={title} onChange={setTitle} error={fieldError(errors, 'title')} />
                  <TextInput
                    id="annual-introduction"
                    label={t('annual.introduction')}
                    description={t('annual.introductionHint')}
                    value={introduction}
                    onChange={setIntroduction}
                    multiline
                    error={fieldError(errors, 'introduction')}
                  />
                  <div className="form-actions">
                    <Button type="submit" loading={busy}>
                      {t('annual.saveIntro')}
                    </Button>
                  </div>
                </form>
              </>
            ) : (
              <>
                <Paragraph className="muted">{t('common.readOnly')}</Paragraph>
                <Paragraph style={{ whiteSpace: "pre-line" }}>{data.introduction || t('annual.noIntroduction')}</Paragraph>
              </>
            )}
          </section>

          <section aria-labelledby="annual-results" className="form-section">
            <Heading level={2} data-size="sm" id="annual-results">
              {t('annual.resultsHeading', { year: String(year) })}
            </Heading>
            {revision ? (
              <Paragraph>
                {t(revision.status === 'adopted' ? 'annual.fromAdopted' : 'annual.fromDraft', { plan: revision.planName, number: String(revision.number) })}{' '}
                <RouterLink to={`/o/${org.slug}/plan/r/${revision.id}`}>{t('annual.openRevision')}</RouterLink>
              </Paragraph>
            ) : (
              <Paragraph>{t('annual.noPlan', { year: String(year) })}</Paragraph>
            )}
            {revision && data.measures.length === 0 ? <Paragraph>{t('annual.noMeasures')}</Paragraph> : null}
            {revision && revision.status === 'adopted' && canEdit && data.measures.length > 0 ? <Paragraph className="muted">{t('annual.adoptedReadOnly')}</Paragraph> : null}
            {revision && data.measures.length > 0 ? (
              revision.status === 'draft' && canEdit ? (
                data.measures.map((m) => (
                  <ResultForm
                    key={`${m.id}-${m.version}`}
                    measure={m}
                    revisionId={revision.id}
                    onSaved={(name) => {
                      setStatus(t('annual.resultSaved', { name }));
                      report.reload();
                    }}
                  />
                ))
              ) : (
                <dl className="annual-results">
                  {data.measures.map((m) => (
                    <div key={m.id}>
                      <dt>
                        {m.number ? `${m.number} ` : ''}
                        {m.title} ({MEASURE_STATUS_LABELS[m.status as MeasureStatus] ?? m.status})
                      </dt>
                      <dd>{m.result ?? t('annual.noResult')}</dd>
                    </div>
                  ))}
                </dl>
              )
            ) : null}
          </section>

          <section aria-labelledby="annual-document" className="document-section">
            <Heading level={2} data-size="sm" id="annual-document">
              {t('annual.documentHeading')}
            </Heading>
            <Paragraph>{t('annual.documentIntro')}</Paragraph>
            <div className="form-actions">
              <Button asChild variant="secondary">
                <a href={documentUrl('docx')} download>
                  {t('annual.docx', { year: String(year) })}
                </a>
              </Button>
              <Button asChild variant="secondary">
                <a href={documentUrl('pdf')} download>
                  {t('annual.pdf', { year: String(year) })}
                </a>
              </Button>
            </div>
          </section>
        </>
      ) : null}
    </Page>
  );
}
