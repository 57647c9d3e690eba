/**
 * A measure's status reports, newest first, each with the actual spend to date: added, corrected and
 * deleted by an editor, on an adopted revision too (follow-up, not plan text). The actual spend
 * belongs to the measure per kind and year, so a report sets the years filled in and leaves the rest.
 */
import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { REPORT_STATUS_LABELS } from '../../labels.ts';
import type { EditableStatusReport } from '../../../domain/followup.ts';
import { formatDate } from '../../../domain/format.ts';
import { parseKroner } from '../../../domain/money.ts';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { StatusMessage } from '../../components/ui.tsx';
import { choicesFrom, clientErrors, errorsFrom, fieldError, FormFeedback, NO_ERRORS, SelectInput, TextInput, type FormErrors } from '../../forms.tsx';
import { ConfirmDelete, focusLater } from './ConfirmDelete.tsx';
import { followupPath } from './common.ts';

interface Actual {
  readonly kind: string;
  readonly year: number;
  readonly amount: number;
}

interface ListProps {
  readonly revisionId: string;
  readonly measureId: string;
  readonly years: readonly number[];
  readonly reports: readonly EditableStatusReport[];
  readonly actuals: readonly Actual[];
  readonly canEdit: boolean;
  readonly onChanged: () => void;
}

export function StatusReports({ revisionId, measureId, years, reports, actuals, canEdit, onChanged }: ListProps) {
  const t = useT();
  const org = useOrganization();
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = async (r: EditableStatusReport) => {
    await api.delete(followupPath(org.id, revisionId, `/status-reports/${r.id}?version=${r.version}`));
    setDeleting(null);
    setNotice(t('followup.reportDeleted', { date: formatDate(r.reportDate) }));
    onChanged();
    focusLater('report-list-heading');
  };
  return (
    <>
      <Heading level={3} data-size="xs" id="report-list-heading" tabIndex={-1}>
        {t('followup.reports')}
      </Heading>
      <StatusMessage message={notice} />
      {reports.length === 0 ? <Paragraph>{t('followup.noReports')}</Paragraph> : null}
      <ul className="report-list">
        {reports.map((r) => (
          <li key={r.id}>
            {editing === r.id ? (
              <StatusReportForm
                revisionId={revisionId}
                measureId={measureId}
                years={years}
                report={r}
                actuals={actuals}
                onSaved={() => {
                  setEditing(null);
                  setNotice(t('followup.reportSaved'));
                  onChanged();
                  focusLater(`report-${r.id}-edit`);
                }}
                onCancel={() => {
                  setEditing(null);
                  focusLater(`report-${r.id}-edit`);
                }}
                onReload={() => {
                  setEditing(null);
                  onChanged();
                }}
              />
            ) : (
              <>
                <strong>
                  {formatDate(r.reportDate)} – {REPORT_STATUS_LABELS[r.status]}
                </strong>
                : {r.summary}
                {canEdit ? (
                  <span className="row-actions">
                    <Button id={`report-${r.id}-edit`} variant="tertiary" data-size="sm" aria-label={t('followup.editReportOf', { date: formatDate(r.reportDate) })} onClick={() => { setNotice(null); setDeleting(null); setEditing(r.id); }}>
                      {t('common.edit')}
                    </Button>
                    <Button id={`report-${r.id}-delete`} variant="tertiary" data-size="sm" data-color="danger" aria-label={t('followup.deleteReportOf', { date: formatDate(r.reportDate) })} onClick={() => { setNotice(null); setEditing(null); setDeleting(r.id); }}>
                      {t('common.delete')}
                    </Button>
                  </span>
                ) : null}
                {deleting === r.id ? (
                  <ConfirmDelete
                    question={t('followup.deleteReportConfirm', { date: formatDate(r.reportDate) })}
                    onConfirm={() => remove(r)}
                    onCancel={() => {
                      setDeleting(null);
                      focusLater(`report-${r.id}-delete`);
                    }}
                  />
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
      {canEdit && editing === null ? <StatusReportForm revisionId={revisionId} measureId={measureId} years={years} actuals={actuals} onSaved={onChanged} /> : null}
    </>
  );
}

interface FormProps {
  readonly revisionId: string;
  readonly measureId: string;
  readonly years: readonly number[];
  readonly actuals: readonly Actual[];
  readonly onSaved: () => void;
  /** The report to correct; without it the form adds a new one. */
  readonly report?: EditableStatusReport;
  readonly onCancel?: () => void;
  readonly onReload?: () => void;
}

function StatusReportForm({ revisionId, measureId, years, actuals, onSaved, report, onCancel, onReload }: FormProps) {
  const t = useT();
  const org = useOrganization();
  const keys = years.flatMap((y) => (['drift', 'invest'] as const).map((kind) => ({ key: `${kind}-${y}`, kind, year: y })));
  // Correcting a report shows the spend recorded so far; a new report starts empty (fill in what changed).
  const recorded = () => (report ? Object.fromEntries(actuals.map((a) => [`${a.kind}-${a.year}`, String(a.amount)])) : {});
  const [reportDate, setReportDate] = useState(report ? formatDate(report.reportDate) : '');
  const [status, setStatusValue] = useState<string>(report?.status ?? 'on_track');
  const [text, setText] = useState(report?.summary ?? '');
  const [spend, setSpend] = useState<Record<string, string>>(recorded);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setMessage(null);
    const problems: Array<{ field: string; message: string }> = [];
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(reportDate.trim());
    const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : reportDate.trim();
    const entries = keys
      .filter((k) => (spend[k.key] ?? '').trim() !== '')
      .map((k) => {
        const amount = parseKroner(spend[k.key] ?? '');
        if (amount === null) problems.push({ field: `spend.${k.key}`, message: `${t(k.kind === 'drift' ? 'followup.spendDrift' : 'followup.spendInvest', { year: k.year })}: ${t('followup.hintKroner')}` });
        return { kind: k.kind, year: k.year, amount: amount ?? 0 };
      });
    if (problems.length > 0) {
      setErrors((p) => clientErrors(problems, p));
      return;
    }
    const body = { reportDate: iso, status, summary: text, actuals: entries };
    try {
      if (report) await api.put(followupPath(org.id, revisionId, `/status-reports/${report.id}`), { ...body, version: report.version });
      else await api.post(followupPath(org.id, revisionId, `/measures/${measureId}/status-reports`), body);
      setErrors(NO_ERRORS);
      if (!report) {
        setMessage(t('followup.reportSaved'));
        setText('');
        setSpend({});
        setReportDate('');
      }
      onSaved();
    } catch (error) {
      setErrors((p) => errorsFrom(error, t, p));
    }
  };
  // The API names the n-th sent entry (`actuals.0.amount`); the form names its input.
  const idFor = (f: string) => {
    if (['reportDate', 'status', 'summary'].includes(f)) return `report-${f}`;
    const s = /^spend\.(.+)$/.exec(f);
    if (s) return `report-spend-${s[1]}`;
    const a = /^actuals\.(\d+)/.exec(f);
    const sent = keys.filter((k) => (spend[k.key] ?? '').trim() !== '');
    return a ? `report-spend-${sent[Number(a[1])]?.key ?? ''}` : undefined;
  };
  const heading = report ? t('followup.editReportOf', { date: formatDate(report.reportDate) }) : t('followup.addReport');
  return (
    <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="report-form-heading">
      <Heading level={3} data-size="xs" id="report-form-heading">
        {heading}
      </Heading>
      <StatusMessage message={message} />
      <FormFeedback errors={errors} idFor={idFor} onReload={onReload} />
      <TextInput id="report-reportDate" label={t('followup.reportDate')} description={t('followup.dateHint')} value={reportDate} onChange={setReportDate} error={fieldError(errors, 'reportDate')} />
      <SelectInput id="report-status" label={t('followup.reportStatus')} value={status} onChange={setStatusValue} choices={choicesFrom(REPORT_STATUS_LABELS)} error={fieldError(errors, 'status')} />
      <TextInput id="report-summary" label={t('followup.reportText')} value={text} onChange={setText} multiline error={fieldError(errors, 'summary')} />
      <Paragraph data-size="sm">{report ? t('followup.spendEditIntro') : t('followup.spendIntro')}</Paragraph>
      {keys.map((k) => (
        <TextInput
          key={k.key}
          id={`report-spend-${k.key}`}
          label={t(k.kind === 'drift' ? 'followup.spendDrift' : 'followup.spendInvest', { year: k.year })}
          value={spend[k.key] ?? ''}
          onChange={(v) => setSpend((x) => ({ ...x, [k.key]: v }))}
          error={fieldError(errors, `spend.${k.key}`) ?? actualError(errors, keys, spend, k.key)}
        />
      ))}
      <div className="form-actions">
        <Button type="submit">{report ? t('common.saveChanges') : t('followup.addReport')}</Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** The API's message for the sent entry that came from this input, if any. */
function actualError(errors: FormErrors, keys: ReadonlyArray<{ key: string }>, spend: Record<string, string>, key: string): string | undefined {
  const index = keys.filter((k) => (spend[k.key] ?? '').trim() !== '').findIndex((k) => k.key === key);
  return index < 0 ? undefined : fieldError(errors, `actuals.${index}`);
}
