/**
 * Follow-up on the measure page: its benefits (gevinster) with targets and measured values, and its
 * status reports with the actual spend to date. Benefits are plan text (edited in a draft revision);
 * measured values, reports and actual spend are follow-up, recorded on an adopted revision too.
 */
import { useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { BENEFIT_KINDS, type Benefit, type BenefitKind } from '../../../domain/benefit.ts';
import { BENEFIT_DISPOSITION_LABELS, BENEFIT_KIND_LABELS, REPORT_STATUS_LABELS } from '../../labels.ts';
import type { Followup } from '../../../domain/followup.ts';
import { formatDate } from '../../../domain/format.ts';
import { formatKroner, parseKroner } from '../../../domain/money.ts';
import type { Measure, Revision } from '../../../domain/plan.ts';
import { api } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, StatusMessage, TableScroll } from '../../components/ui.tsx';
import { choicesFrom, clientErrors, errorsFrom, fieldError, FormFeedback, NO_ERRORS, SelectInput, TextInput, type FormErrors } from '../../forms.tsx';
import { canEditRevision } from '../plan/common.tsx';
import { followupPath, formatValue, parseValue } from './common.ts';

export function MeasureFollowup({ revision, measure }: { revision: Revision; measure: Measure }) {
  const t = useT();
  const org = useOrganization();
  const path = followupPath(org.id, revision.id, '/followup');
  const res = useApi<Followup>(path);
  const data = res.data;
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!data) return <Loading />;
  const benefits = data.benefits.filter((b) => b.measureId === measure.id);
  const reports = data.reports.filter((r) => r.measureId === measure.id).reverse();
  const money = data.measures.find((m) => m.id === measure.id)?.money ?? [];
  return (
    <>
      <section aria-labelledby="followup-benefits-heading" className="form-section">
        <Heading level={2} data-size="sm" id="followup-benefits-heading">
          {t('followup.benefits')}
        </Heading>
        {benefits.length === 0 ? <Paragraph>{t('followup.noBenefits')}</Paragraph> : null}
        {benefits.map((b) => (
          <BenefitView key={b.id} benefit={b} years={data.years} revisionId={revision.id} canRecord={org.abilities.edit} onSaved={res.reload} />
        ))}
        {canEditRevision(org, revision) ? <BenefitForm revisionId={revision.id} measureId={measure.id} years={data.years} onSaved={res.reload} /> : null}
      </section>
      <section aria-labelledby="followup-status-heading" className="form-section">
        <Heading level={2} data-size="sm" id="followup-status-heading">
          {t('followup.status')}
        </Heading>
        <TableScroll label={t('followup.moneyCaption')}>
          <table className="data-table">
            <caption>{t('followup.moneyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('followup.year')}</th>
                <th scope="col">{t('followup.planned')}</th>
                <th scope="col">{t('followup.actual')}</th>
                <th scope="col">{t('followup.deviation')}</th>
              </tr>
            </thead>
            <tbody>
              {money.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td className="num">{formatKroner(y.planned)}</td>
                  <td className="num">{formatKroner(y.actual)}</td>
                  <td className="num">
                    {formatKroner(y.deviation)}
                    {y.deviation > 0 ? ` (${t('followup.overBudget')})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {reports.length === 0 ? <Paragraph>{t('followup.noReports')}</Paragraph> : null}
        <ul className="report-list">
          {reports.map((r) => (
            <li key={r.id}>
              <strong>
                {formatDate(r.reportDate)} – {REPORT_STATUS_LABELS[r.status]}
              </strong>
              : {r.summary}
            </li>
          ))}
        </ul>
        {org.abilities.edit ? <StatusReportForm revisionId={revision.id} measureId={measure.id} years={data.years} onSaved={res.reload} /> : null}
      </section>
    </>
  );
}

function BenefitView({ benefit: b, years, revisionId, canRecord, onSaved }: { benefit: Benefit; years: readonly number[]; revisionId: string; canRecord: boolean; onSaved: () => void }) {
  const t = useT();
  const caption = `${b.indicator} (${BENEFIT_KIND_LABELS[b.kind]})`;
  return (
    <div className="benefit">
      <Heading level={3} data-size="xs">
        {caption}
      </Heading>
      <Paragraph data-size="sm">
        {t('followup.baseline')}: {formatValue(b.kind, b.baseline, b.unit)} · {t('followup.owner')}: {b.owner ?? t('followup.noOwner')}
        {b.disposition ? ` · ${BENEFIT_DISPOSITION_LABELS[b.disposition]}` : ''}
      </Paragraph>
      <TableScroll label={caption}>
        <table className="data-table">
          <caption className="visually-hidden">{t('followup.benefitTable', { name: b.indicator })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followup.year')}</th>
              <th scope="col">{t('followup.target')}</th>
              <th scope="col">{t('followup.measured')}</th>
              <th scope="col">{t('followup.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => {
              const result = b.results.find((r) => r.year === y);
              return (
                <tr key={y}>
                  <th scope="row">{y}</th>
                  <td className="num">{formatValue(b.kind, b.targets.find((x) => x.year === y)?.value, b.unit)}</td>
                  <td className="num">{formatValue(b.kind, result?.value, b.unit)}</td>
                  <td>{result?.comment ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {canRecord ? <ResultForm benefit={b} years={years} revisionId={revisionId} onSaved={onSaved} /> : null}
    </div>
  );
}

function unitHint(kind: BenefitKind, t: ReturnType<typeof useT>): string {
  return kind === 'economic' ? t('followup.hintKroner') : kind === 'time' ? t('followup.hintHours') : t('followup.hintWhole');
}

function ResultForm({ benefit: b, years, revisionId, onSaved }: { benefit: Benefit; years: readonly number[]; revisionId: string; onSaved: () => void }) {
  const t = useT();
  const org = useOrganization();
  const [year, setYear] = useState(String(years[0] ?? ''));
  const [value, setValue] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState<string | null>(null);
  const id = (f: string) => `result-${b.id}-${f}`;
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setStatus(null);
    const parsed = parseValue(b.kind, value);
    if (parsed === null || typeof parsed === 'string') {
      setErrors((p) => clientErrors([{ field: 'value', message: `${t('followup.measured')}: ${unitHint(b.kind, t)}` }], p));
      return;
    }
    try {
      await api.put(followupPath(org.id, revisionId, `/benefits/${b.id}/results`), { year: Number(year), value: parsed, comment });
      setErrors(NO_ERRORS);
      setValue('');
      setComment('');
      setStatus(t('followup.resultSaved', { name: b.indicator }));
      onSaved();
    } catch (error) {
      setErrors((p) => errorsFrom(error, t, p));
    }
  };
  return (
    <form className="form form--inline" noValidate onSubmit={(e) => void onSubmit(e)} aria-label={t('followup.recordFor', { name: b.indicator })}>
      <StatusMessage message={status} />
      <FormFeedback errors={errors} idFor={(f) => (['year', 'value', 'comment'].includes(f) ? id(f) : undefined)} />
      <SelectInput id={id('year')} label={t('followup.year')} value={year} onChange={setYear} choices={years.map((y) => ({ value: String(y), label: String(y) }))} />
      <TextInput id={id('value')} label={t('followup.measured')} description={unitHint(b.kind, t)} value={value} onChange={setValue} inputMode="text" error={fieldError(errors, 'value')} />
      <TextInput id={id('comment')} label={t('followup.comment')} value={comment} onChange={setComment} error={fieldError(errors, 'comment')} />
      <Button type="submit" variant="secondary">
        {t('followup.recordResult')}
      </Button>
    </form>
  );
}

function BenefitForm({ revisionId, measureId, years, onSaved }: { revisionId: string; measureId: string; years: readonly number[]; onSaved: () => void }) {
  const t = useT();
  const org = useOrganization();
  const empty = { kind: 'economic', indicator: '', unit: '', baseline: '', owner: '', disposition: '' };
  const [form, setForm] = useState(empty);
  const [targets, setTargets] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState<string | null>(null);
  const set = (f: keyof typeof empty) => (v: string) => setForm((x) => ({ ...x, [f]: v }));
  const kind = form.kind as BenefitKind;
  const idFor = (f: string) => {
    const m = /^targets\.(\d+)/.exec(f);
    if (m) return `benefit-target-${sentYears[Number(m[1])] ?? ''}`;
    return ['kind', 'indicator', 'unit', 'baseline', 'owner', 'disposition'].includes(f) ? `benefit-${f}` : undefined;
  };
  const sentYears = years.filter((y) => (targets[y] ?? '').trim() !== '');
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setStatus(null);
    const problems: Array<{ field: string; message: string }> = [];
    const baseline = parseValue(kind, form.baseline);
    if (typeof baseline === 'string') problems.push({ field: 'baseline', message: `${t('followup.baseline')}: ${unitHint(kind, t)}` });
    const parsedTargets = sentYears.map((y, i) => {
      const v = parseValue(kind, targets[y] ?? '');
      if (typeof v === 'string' || v === null) problems.push({ field: `targets.${i}.value`, message: `${t('followup.targetFor', { year: y })}: ${unitHint(kind, t)}` });
      return { year: y, value: typeof v === 'number' ? v : 0 };
    });
    if (problems.length > 0) {
      setErrors((p) => clientErrors(problems, p));
      return;
    }
    try {
      await api.post(followupPath(org.id, revisionId, `/measures/${measureId}/benefits`), {
        kind,
        indicator: form.indicator,
        unit: form.unit,
        baseline,
        owner: form.owner,
        disposition: form.disposition === '' ? null : form.disposition,
        targets: parsedTargets,
      });
      setErrors(NO_ERRORS);
      setStatus(t('common.created', { name: form.indicator.trim() }));
      setForm(empty);
      setTargets({});
      onSaved();
    } catch (error) {
      setErrors((p) => errorsFrom(error, t, p));
    }
  };
  return (
    <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="benefit-form-heading">
      <Heading level={3} data-size="xs" id="benefit-form-heading">
        {t('followup.addBenefit')}
      </Heading>
      <StatusMessage message={status} />
      <FormFeedback errors={errors} idFor={idFor} />
      <SelectInput id="benefit-kind" label={t('followup.kind')} value={form.kind} onChange={set('kind')} choices={BENEFIT_KINDS.map((k) => ({ value: k, label: BENEFIT_KIND_LABELS[k] }))} />
      <TextInput id="benefit-indicator" label={t('followup.indicator')} value={form.indicator} onChange={set('indicator')} error={fieldError(errors, 'indicator')} />
      <TextInput id="benefit-unit" label={t('followup.unit')} value={form.unit} onChange={set('unit')} error={fieldError(errors, 'unit')} />
      <TextInput id="benefit-baseline" label={t('followup.baseline')} description={unitHint(kind, t)} value={form.baseline} onChange={set('baseline')} error={fieldError(errors, 'baseline')} />
      {years.map((y) => (
        <TextInput
          key={y}
          id={`benefit-target-${y}`}
          label={t('followup.targetFor', { year: y })}
          value={targets[y] ?? ''}
          onChange={(v) => setTargets((x) => ({ ...x, [y]: v }))}
          error={fieldError(errors, `targets.${sentYears.indexOf(y)}.value`) ?? fieldError(errors, `targets.${sentYears.indexOf(y)}.year`)}
        />
      ))}
      <TextInput id="benefit-owner" label={t('followup.owner')} value={form.owner} onChange={set('owner')} error={fieldError(errors, 'owner')} />
      <SelectInput id="benefit-disposition" label={t('followup.disposition')} value={form.disposition} onChange={set('disposition')} choices={choicesFrom(BENEFIT_DISPOSITION_LABELS)} emptyLabel={t('followup.noDisposition')} />
      <div className="form-actions">
        <Button type="submit">{t('followup.addBenefit')}</Button>
      </div>
    </form>
  );
}

function StatusReportForm({ revisionId, measureId, years, onSaved }: { revisionId: string; measureId: string; years: readonly number[]; onSaved: () => void }) {
  const t = useT();
  const org = useOrganization();
  const [reportDate, setReportDate] = useState('');
  const [status, setStatusValue] = useState('on_track');
  const [text, setText] = useState('');
  const [spend, setSpend] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [message, setMessage] = useState<string | null>(null);
  const keys = years.flatMap((y) => (['drift', 'invest'] as const).map((kind) => ({ key: `${kind}-${y}`, kind, year: y })));
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setMessage(null);
    const problems: Array<{ field: string; message: string }> = [];
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(reportDate.trim());
    const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : reportDate.trim();
    const actuals = keys
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
    try {
      await api.post(followupPath(org.id, revisionId, `/measures/${measureId}/status-reports`), { reportDate: iso, status, summary: text, actuals });
      setErrors(NO_ERRORS);
      setMessage(t('followup.reportSaved'));
      setText('');
      setSpend({});
      setReportDate('');
      onSaved();
    } catch (error) {
      setErrors((p) => errorsFrom(error, t, p));
    }
  };
  const idFor = (f: string) => {
    if (['reportDate', 'status', 'summary'].includes(f)) return `report-${f}`;
    const s = /^spend\.(.+)$/.exec(f);
    return s ? `report-spend-${s[1]}` : undefined;
  };
  return (
    <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="report-form-heading">
      <Heading level={3} data-size="xs" id="report-form-heading">
        {t('followup.addReport')}
      </Heading>
      <StatusMessage message={message} />
      <FormFeedback errors={errors} idFor={idFor} />
      <TextInput id="report-reportDate" label={t('followup.reportDate')} description={t('followup.dateHint')} value={reportDate} onChange={setReportDate} error={fieldError(errors, 'reportDate')} />
      <SelectInput id="report-status" label={t('followup.reportStatus')} value={status} onChange={setStatusValue} choices={choicesFrom(REPORT_STATUS_LABELS)} error={fieldError(errors, 'status')} />
      <TextInput id="report-summary" label={t('followup.reportText')} value={text} onChange={setText} multiline error={fieldError(errors, 'summary')} />
      <Paragraph data-size="sm">{t('followup.spendIntro')}</Paragraph>
      {keys.map((k) => (
        <TextInput
          key={k.key}
          id={`report-spend-${k.key}`}
          label={t(k.kind === 'drift' ? 'followup.spendDrift' : 'followup.spendInvest', { year: k.year })}
          value={spend[k.key] ?? ''}
          onChange={(v) => setSpend((x) => ({ ...x, [k.key]: v }))}
          error={fieldError(errors, `spend.${k.key}`)}
        />
      ))}
      <div className="form-actions">
        <Button type="submit">{t('followup.addReport')}</Button>
      </div>
    </form>
  );
}
