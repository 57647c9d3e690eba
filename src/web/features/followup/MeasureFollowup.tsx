/**
 * Follow-up on the measure page: its benefits (gevinster) with targets and measured values, and its
 * status reports with the actual spend to date. Benefits are plan text (added, changed and deleted in
 * a draft revision only); measured values, reports and actual spend are follow-up, recorded and
 * corrected on an adopted revision too.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Benefit } from '../../../domain/benefit.ts';
import { BENEFIT_DISPOSITION_LABELS, BENEFIT_KIND_LABELS } from '../../labels.ts';
import type { Followup } from '../../../domain/followup.ts';
import { formatKroner } from '../../../domain/money.ts';
import type { Measure, Revision } from '../../../domain/plan.ts';
import { api } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, StatusMessage, TableScroll } from '../../components/ui.tsx';
import { clientErrors, errorsFrom, fieldError, FormFeedback, NO_ERRORS, SelectInput, TextInput, type FormErrors } from '../../forms.tsx';
import { canEditRevision } from '../plan/common.tsx';
import { BenefitForm, unitHint } from './BenefitForm.tsx';
import { ConfirmDelete, focusLater } from './ConfirmDelete.tsx';
import { StatusReports } from './StatusReports.tsx';
import { followupPath, formatValue, inputValue, parseValue } from './common.ts';

export function MeasureFollowup({ revision, measure }: { revision: Revision; measure: Measure }) {
  const t = useT();
  const org = useOrganization();
  const path = followupPath(org.id, revision.id, '/followup');
  const res = useApi<Followup>(path);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const data = res.data;
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!data) return <Loading />;
  const benefits = data.benefits.filter((b) => b.measureId === measure.id);
  const reports = data.reports.filter((r) => r.measureId === measure.id).reverse();
  const row = data.measures.find((m) => m.id === measure.id);
  const money = row?.money ?? [];
  const canEditPlan = canEditRevision(org, revision);
  const saved = (message: string, focusId: string) => {
    setEditing(null);
    setNotice(message);
    res.reload();
    focusLater(focusId);
  };
  return (
    <>
      <section aria-labelledby="followup-benefits-heading" className="form-section">
        <Heading level={2} data-size="sm" id="followup-benefits-heading" tabIndex={-1}>
          {t('followup.benefits')}
        </Heading>
        <StatusMessage message={notice} />
        {org.abilities.edit && !canEditPlan ? <Paragraph data-size="sm">{t('followup.benefitsFrozen')}</Paragraph> : null}
        {benefits.length === 0 ? <Paragraph>{t('followup.noBenefits')}</Paragraph> : null}
        {benefits.map((b) =>
          editing === b.id ? (
            <BenefitForm
              key={b.id}
              revisionId={revision.id}
              measureId={measure.id}
              years={data.years}
              benefit={b}
              onSaved={(name) => saved(t('common.saved', { name }), `benefit-${b.id}-heading`)}
              onCancel={() => {
                setEditing(null);
                focusLater(`benefit-${b.id}-edit`);
              }}
              onReload={() => {
                setEditing(null);
                res.reload();
              }}
            />
          ) : (
            <BenefitView
              key={b.id}
              benefit={b}
              years={data.years}
              revisionId={revision.id}
              canRecord={org.abilities.edit}
              canEdit={canEditPlan}
              onEdit={() => {
                setNotice(null);
                setEditing(b.id);
                focusLater('benefit-form-heading');
              }}
              onDeleted={() => saved(t('common.deleted', { name: b.indicator }), 'followup-benefits-heading')}
              onSaved={res.reload}
            />
          ),
        )}
        {canEditPlan && editing === null ? <BenefitForm revisionId={revision.id} measureId={measure.id} years={data.years} onSaved={() => res.reload()} /> : null}
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
        <StatusReports revisionId={revision.id} measureId={measure.id} years={data.years} reports={reports} actuals={row?.actuals ?? []} canEdit={org.abilities.edit} onChanged={res.reload} />
      </section>
    </>
  );
}

interface ViewProps {
  readonly benefit: Benefit;
  readonly years: readonly number[];
  readonly revisionId: string;
  /** Measured values may be recorded (follow-up). */
  readonly canRecord: boolean;
  /** The benefit itself may be changed or deleted (plan text, draft revision). */
  readonly canEdit: boolean;
  readonly onEdit: () => void;
  readonly onDeleted: () => void;
  readonly onSaved: () => void;
}

function BenefitView({ benefit: b, years, revisionId, canRecord, canEdit, onEdit, onDeleted, onSaved }: ViewProps) {
  const t = useT();
  const org = useOrganization();
  const [confirming, setConfirming] = useState<'benefit' | number | null>(null);
  const [preset, setPreset] = useState<{ year: number; n: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const caption = `${b.indicator} (${BENEFIT_KIND_LABELS[b.kind]})`;
  const removeBenefit = async () => {
    await api.delete(followupPath(org.id, revisionId, `/benefits/${b.id}?version=${b.version}`));
    setConfirming(null);
    onDeleted();
  };
  const removeResult = async (year: number) => {
    await api.delete(followupPath(org.id, revisionId, `/benefits/${b.id}/results/${year}`));
    setConfirming(null);
    setNotice(t('followup.resultDeleted', { year, name: b.indicator }));
    onSaved();
    focusLater(`benefit-${b.id}-heading`);
  };
  const recorded = years.filter((y) => b.results.some((r) => r.year === y));
  return (
    <div className="benefit">
      <Heading level={3} data-size="xs" id={`benefit-${b.id}-heading`} tabIndex={-1}>
        {caption}
      </Heading>
      <StatusMessage message={notice} />
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
              {canRecord && recorded.length > 0 ? <th scope="col">{t('followup.actions')}</th> : null}
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
                  {canRecord && recorded.length > 0 ? (
                    <td>
                      {result ? (
                        <span className="row-actions">
                          <Button variant="tertiary" data-size="sm" aria-label={t('followup.editResultOf', { year: y, name: b.indicator })} onClick={() => setPreset((p) => ({ year: y, n: (p?.n ?? 0) + 1 }))}>
                            {t('common.edit')}
                          </Button>
                          <Button id={`result-${b.id}-${y}-delete`} variant="tertiary" data-size="sm" data-color="danger" aria-label={t('followup.deleteResultOf', { year: y, name: b.indicator })} onClick={() => { setNotice(null); setConfirming(y); }}>
                            {t('common.delete')}
                          </Button>
                        </span>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {typeof confirming === 'number' ? (
        <ConfirmDelete
          question={t('followup.deleteResultConfirm', { year: confirming, name: b.indicator })}
          onConfirm={() => removeResult(confirming)}
          onCancel={() => {
            focusLater(`result-${b.id}-${confirming}-delete`);
            setConfirming(null);
          }}
        />
      ) : null}
      {canRecord ? <ResultForm benefit={b} years={years} revisionId={revisionId} preset={preset} onSaved={onSaved} /> : null}
      {canEdit ? (
        <div className="form-actions">
          <Button id={`benefit-${b.id}-edit`} variant="secondary" onClick={onEdit}>
            {t('followup.editBenefitButton')}
            <span className="visually-hidden"> {b.indicator}</span>
          </Button>
          <Button id={`benefit-${b.id}-delete`} variant="tertiary" data-color="danger" onClick={() => { setNotice(null); setConfirming('benefit'); }}>
            {t('followup.deleteBenefit')}
            <span className="visually-hidden"> {b.indicator}</span>
          </Button>
        </div>
      ) : null}
      {confirming === 'benefit' ? (
        <ConfirmDelete
          question={t('followup.deleteBenefitConfirm', { name: b.indicator })}
          onConfirm={removeBenefit}
          onCancel={() => {
            setConfirming(null);
            focusLater(`benefit-${b.id}-delete`);
          }}
        />
      ) : null}
    </div>
  );
}

interface ResultProps {
  readonly benefit: Benefit;
  readonly years: readonly number[];
  readonly revisionId: string;
  /** A year whose recorded value the user chose to correct (n changes on every choice). */
  readonly preset: { year: number; n: number } | null;
  readonly onSaved: () => void;
}

/** Records a year's measured value and comment; recording a year again corrects it. */
function ResultForm({ benefit: b, years, revisionId, preset, onSaved }: ResultProps) {
  const t = useT();
  const org = useOrganization();
  const [year, setYear] = useState(String(years[0] ?? ''));
  const [value, setValue] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState<string | null>(null);
  const id = (f: string) => `result-${b.id}-${f}`;
  const fill = (y: string) => {
    const r = b.results.find((x) => String(x.year) === y);
    setValue(inputValue(b.kind, r?.value));
    setComment(r?.comment ?? '');
  };
  useEffect(() => {
    if (!preset) return;
    setYear(String(preset.year));
    fill(String(preset.year));
    setStatus(null);
    focusLater(`result-${b.id}-value`);
    // Only a new choice (preset.n) refills the form; a reload of the benefit does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preset]);
  // Choosing a year that has a value shows it for correction, unless something is typed already.
  const onYear = (y: string) => {
    setYear(y);
    if (value.trim() === '' && comment.trim() === '') fill(y);
  };
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
      <SelectInput id={id('year')} label={t('followup.year')} value={year} onChange={onYear} choices={years.map((y) => ({ value: String(y), label: String(y) }))} />
      <TextInput id={id('value')} label={t('followup.measured')} description={unitHint(b.kind, t)} value={value} onChange={setValue} inputMode="text" error={fieldError(errors, 'value')} />
      <TextInput id={id('comment')} label={t('followup.comment')} value={comment} onChange={setComment} error={fieldError(errors, 'comment')} />
      <Button type="submit" variant="secondary">
        {t('followup.recordResult')}
      </Button>
    </form>
  );
}

