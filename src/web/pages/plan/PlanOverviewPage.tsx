/** Plan: the periods and their revisions, a dashboard for the newest revision, and a form for a new plan. */
import { Fragment, useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { Button, Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { isLate, MEASURE_STATUSES, type PlanPeriod, type Revision } from '../../../domain/plan.ts';
import { MEASURE_STATUS_LABELS } from '../../labels.ts';
import { revisionInForce } from '../../../domain/plan-revisions.ts';
import { formatDate, formatInteger } from '../../../domain/format.ts';
import { api, orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, Page, TableScroll } from '../../components/ui.tsx';
import { errorsFrom, fieldError, FormFeedback, label, NO_ERRORS, parseCount, TextInput, type FormErrors } from '../../forms.tsx';
import {
  actionPlanUrl,
  byNumber,
  importUrl,
  latestRevision,
  MoneyChart,
  MoneyPerYearTable,
  measureUrl,
  revisionUrl,
  RevisionStatusTag,
  todayIso,
  usePlans,
  useRevision,
} from '../../features/plan/common.tsx';
import { FollowupSummary } from '../../features/followup/FollowupSummary.tsx';

export function PlanOverviewPage() {
  const t = useT();
  const org = useOrganization();
  const plans = usePlans(org.id);
  const periods = plans.data ?? [];
  const latest = latestRevision(periods);

  return (
    <Page title={t('plan.title')} intro={t('plan.intro')}>
      {!org.abilities.edit ? <Paragraph className="muted">{t('common.readOnly')}</Paragraph> : null}
      {plans.error ? <LoadError error={plans.error} onRetry={plans.reload} /> : null}
      {plans.loading && !plans.data ? <Loading /> : null}
      {plans.data && periods.length === 0 ? <Paragraph>{t('plan.empty')}</Paragraph> : null}
      {latest ? <Dashboard revisionId={latest.revision.id} /> : null}
      {latest ? <FollowupSummary revisionId={latest.revision.id} /> : null}
      {periods.length > 0 ? <Periods periods={periods} /> : null}
      {org.abilities.edit ? (
        <>
          <NewPlanForm />
          <Paragraph>
            <RouterLink to={importUrl(org.slug)}>{t('plan.importLink')}</RouterLink>
          </Paragraph>
        </>
      ) : null}
    </Page>
  );
}

function Periods({ periods }: { periods: readonly PlanPeriod[] }) {
  const t = useT();
  const org = useOrganization();
  return (
    <section aria-labelledby="plan-periods">
      <Heading level={2} data-size="sm" id="plan-periods">
        {t('plan.periods')}
      </Heading>
      {periods.map((p) => {
        const caption = t('plan.revisionsCaption', { plan: p.name, from: p.startYear, to: p.endYear });
        const revisions = [...p.revisions].sort((a, b) => b.number - a.number);
        const inForce = revisionInForce(p.revisions);
        return (
          <Fragment key={p.id}>
            <Paragraph>
              {inForce ? t('plan.inForce', { number: inForce.number, date: inForce.adoptedDate ? formatDate(inForce.adoptedDate) : '–' }) : t('plan.noneInForce')}
            </Paragraph>
            <TableScroll label={caption}>
              <Table zebra border className="data-table">
                <caption>{caption}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('plan.colRevision')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{label('status')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{label('adoptedDate')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{label('decisionRef')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('plan.colCreated')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('plan.colPublished')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {revisions.map((r) => (
                    <Table.Row key={r.id}>
                      <Table.HeaderCell scope="row">
                        <RouterLink to={revisionUrl(org.slug, r.id)}>
                          {t('plan.revisionN', { number: r.number })}
                          <span className="visually-hidden"> {p.name}</span>
                        </RouterLink>
                      </Table.HeaderCell>
                      <Table.Cell>
                        <RevisionStatusTag state={r.state} />
                      </Table.Cell>
                      <Table.Cell>{r.adoptedDate ? formatDate(r.adoptedDate) : '–'}</Table.Cell>
                      <Table.Cell>{r.decisionRef ?? '–'}</Table.Cell>
                      <Table.Cell>{formatDate(r.createdAt)}</Table.Cell>
                      <Table.Cell>{r.publishedAt ? t('plan.publishedShort', { date: formatDate(r.publishedAt) }) : '–'}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          </Fragment>
        );
      })}
    </section>
  );
}

function Dashboard({ revisionId }: { revisionId: string }) {
  const t = useT();
  const org = useOrganization();
  const revision = useRevision(org.id, revisionId);
  const rev = revision.data;
  return (
    <section aria-labelledby="plan-dashboard">
      <Heading level={2} data-size="sm" id="plan-dashboard">
        {rev ? t('plan.dashboardHeading', { plan: rev.period.name, number: rev.number }) : t('plan.dashboard')}
      </Heading>
      {revision.error ? <LoadError error={revision.error} onRetry={revision.reload} /> : null}
      {revision.loading && !rev ? <Loading /> : null}
      {rev ? <DashboardBody revision={rev} /> : null}
    </section>
  );
}

function DashboardBody({ revision }: { revision: Revision }) {
  const t = useT();
  const org = useOrganization();
  const today = todayIso();
  const late = revision.measures.filter((m) => isLate(m, today)).sort(byNumber);
  const years = revision.totals.years;
  return (
    <>
      <p className="revision-meta">
        <RevisionStatusTag state={revision.state} />
        {revision.status === 'adopted' && revision.adoptedDate ? (
          <span>{t('plan.adoptedShort', { date: formatDate(revision.adoptedDate), ref: revision.decisionRef ?? '–' })}</span>
        ) : null}
        <RouterLink to={revisionUrl(org.slug, revision.id)}>{t('plan.openRevision')}</RouterLink>
        <RouterLink to={actionPlanUrl(org.slug, revision.id)}>{t('plan.openActionPlan')}</RouterLink>
      </p>
      <Heading level={3} data-size="xs">
        {t('plan.statusCounts')}
      </Heading>
      <ul className="figures status-figures">
        {MEASURE_STATUSES.map((s) => (
          <li key={s}>
            <Card className="figure" data-color="neutral">
              <Paragraph data-size="sm" className="figure__label">
                {MEASURE_STATUS_LABELS[s]}
              </Paragraph>
              <Paragraph data-size="xl" className="figure__value">
                {formatInteger(revision.measures.filter((m) => m.status === s).length)}
              </Paragraph>
            </Card>
          </li>
        ))}
      </ul>
      <Heading level={3} data-size="xs">
        {t('plan.moneyPerYear')}
      </Heading>
      <MoneyChart id="dashboard-chart" totals={revision.totals.overall} years={years} />
      <MoneyPerYearTable
        totals={revision.totals.overall}
        years={years}
        caption={t('plan.moneyCaption', { plan: revision.period.name, number: revision.number })}
        hideCaption
      />
      <Heading level={3} data-size="xs">
        {t('plan.lateHeading')}
      </Heading>
      {late.length === 0 ? (
        <Paragraph>{t('plan.noLate')}</Paragraph>
      ) : (
        <TableScroll label={t('plan.lateCaption')}>
          <Table zebra border className="data-table">
            <caption className="visually-hidden">{t('plan.lateCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('plan.colNumber')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('plan.colMeasure')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('responsible')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('endDate')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {late.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell>{m.number ?? '–'}</Table.Cell>
                  <Table.HeaderCell scope="row">
                    <RouterLink to={measureUrl(org.slug, revision.id, m.id)}>{m.title}</RouterLink>
                  </Table.HeaderCell>
                  <Table.Cell>{m.responsible ?? '–'}</Table.Cell>
                  <Table.Cell>{m.endDate ? formatDate(m.endDate) : '–'}</Table.Cell>
                  <Table.Cell>{MEASURE_STATUS_LABELS[m.status]}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </>
  );
}

interface PlanForm {
  name: string;
  startYear: string;
  endYear: string;
  vision: string;
}

const PLAN_FIELDS = ['name', 'startYear', 'endYear', 'vision'];

function NewPlanForm() {
  const t = useT();
  const org = useOrganization();
  const navigate = useNavigate();
  const [form, setForm] = useState<PlanForm>({ name: '', startYear: '', endYear: '', vision: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof PlanForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      const created = await api.post<Revision>(orgPath(org.id, '/plans'), {
        name: form.name,
        startYear: parseCount(form.startYear),
        endYear: parseCount(form.endYear),
        vision: form.vision,
      });
      navigate(revisionUrl(org.slug, created.id));
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="plan-new-heading" className="form-section">
      <Heading level={2} data-size="sm" id="plan-new-heading">
        {t('plan.newPlan')}
      </Heading>
      <Paragraph className="muted">{t('plan.newPlanIntro')}</Paragraph>
      <FormFeedback errors={errors} idFor={(f) => (PLAN_FIELDS.includes(f) ? `plan-${f}` : undefined)} />
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="plan-new-heading">
        <TextInput id="plan-name" label={label('name')} value={form.name} onChange={set('name')} error={fieldError(errors, 'name')} />
        <div className="form-row">
          <TextInput
            id="plan-startYear"
            label={label('startYear')}
            value={form.startYear}
            onChange={set('startYear')}
            inputMode="numeric"
            description={t('plan.yearHint')}
            error={fieldError(errors, 'startYear')}
          />
          <TextInput
            id="plan-endYear"
            label={label('endYear')}
            value={form.endYear}
            onChange={set('endYear')}
            inputMode="numeric"
            description={t('plan.yearHint')}
            error={fieldError(errors, 'endYear')}
          />
        </div>
        <TextInput
          id="plan-vision"
          label={`${label('vision')} ${t('common.optional')}`}
          value={form.vision}
          onChange={set('vision')}
          multiline
          error={fieldError(errors, 'vision')}
        />
        <div className="form-actions">
          <Button type="submit" loading={busy}>
            {t('plan.createPlan')}
          </Button>
        </div>
      </form>
    </section>
  );
}
