/**
 * Handlingsplan: every measure with an investering and a drift row, a column per year and a total, subtotals
 * per focus area and sums per kind and year. The page loads the lean table (`/actionplan`: budget lines as
 * columns); money per kind and year comes from `actionPlanMoney`, every sum from `compactPlanTotals` (which is
 * `planTotals`); filters and sorting only
 * choose and order the measures that go into it.
 */
import { Fragment, useMemo, useState } from 'react';
import { useParams, Link as RouterLink } from 'react-router';
import { Field, Label, Paragraph, Select, Switch, Table } from '@digdir/designsystemet-react';
import type { ActionPlanMeasure, ActionPlanTable, MeasureStatus } from '../../../domain/plan.ts';
import { MEASURE_STATUSES } from '../../../domain/plan.ts';
import { revisionState } from '../../../domain/plan-revisions.ts';
import { COST_KINDS, actionPlanMoney, compactPlanTotals, expandCompact, type CostKind, type Totals } from '../../../domain/plan-totals.ts';
import { COST_KIND_LABELS, MEASURE_STATUS_LABELS } from '../../labels.ts';
import { formatThousands } from '../../../domain/money.ts';
import { useT, type Translate } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, Page } from '../../components/ui.tsx';
import {
  AdoptedNotice,
  BackToRevision,
  byNumber,
  EconomyPlanSection,
  kr,
  measureUrl,
  RevisionStatusTag,
  useActionPlanTable,
} from '../../features/plan/common.tsx';

type SortKey = 'number' | 'title' | 'total';
/** How amounts are shown: whole kroner, or thousands rounded for display (sums rounded from exact kroner). */
type Format = (amount: number) => string;
type Direction = 'ascending' | 'descending';
const NO_AREA = '-';

export function ActionPlanPage() {
  const t = useT();
  const org = useOrganization();
  const { revisionId = '' } = useParams();
  const revision = useActionPlanTable(org.id, revisionId);
  const rev = revision.data;
  const title = rev ? t('plan.actionPlanTitle', { from: rev.period.startYear, to: rev.period.endYear }) : t('plan.actionPlan');

  return (
    <>
      {rev ? <BackToRevision slug={org.slug} revision={rev} /> : null}
      <Page title={title} intro={rev ? t('plan.actionPlanIntro', { plan: rev.period.name, number: rev.number }) : undefined}>
        {revision.error ? <LoadError error={revision.error} onRetry={revision.reload} /> : null}
        {revision.loading && !rev ? <Loading /> : null}
        {rev ? <ActionPlan revision={rev} /> : null}
      </Page>
    </>
  );
}

function ActionPlan({ revision }: { revision: ActionPlanTable }) {
  const t = useT();
  const org = useOrganization();
  const [status, setStatus] = useState<'' | MeasureStatus>('');
  const [area, setArea] = useState('');
  // The "Nr." column only when some measure has a number (an import without prosjektnr has none).
  const numbered = revision.measures.some((m) => m.number !== null && m.number.trim() !== '');
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({ key: numbered ? 'number' : 'title', direction: 'ascending' });
  const [thousands, setThousands] = useState(false);
  const fmt: Format = thousands ? formatThousands : kr;
  // Each measure's money per kind and year, from its lines (the payload carries only the parts).
  const money = useMemo(() => actionPlanMoney(revision.period.startYear, revision.period.endYear, revision.measures), [revision]);
  const years = money.years;
  const areas = useMemo(() => [...revision.focusAreas].sort((a, b) => a.position - b.position), [revision.focusAreas]);

  const shown = money.measures.filter(
    (m) => (status === '' || m.status === status) && (area === '' || (m.focusAreaId ?? NO_AREA) === area),
  );
  const totals = compactPlanTotals(shown, years);
  const economy = useMemo(() => money.measures.map((m) => expandCompact(m, money.years)), [money]);
  const compare = (a: ActionPlanMeasure, b: ActionPlanMeasure): number => {
    let c: number;
    if (sort.key === 'title') c = a.title.localeCompare(b.title, 'nb');
    else if (sort.key === 'total') c = (totals.perMeasure[a.id]?.total ?? 0) - (totals.perMeasure[b.id]?.total ?? 0) || byNumber(a, b);
    else c = byNumber(a, b);
    return sort.direction === 'ascending' ? c : -c;
  };
  const groups = [
    ...areas.map((a) => ({ key: a.id, title: a.title, measures: shown.filter((m) => m.focusAreaId === a.id).sort(compare) })),
    { key: '', title: t('plan.noFocusArea'), measures: shown.filter((m) => m.focusAreaId === null).sort(compare) },
  ].filter((g) => g.measures.length > 0);

  const columns = (numbered ? 3 : 2) + years.length + 1;
  const caption =
    t('plan.actionPlanCaption', { plan: revision.period.name, number: revision.number }) + (thousands ? ` ${t('print.inThousandsCaption')}` : '');
  const sortBy = (key: SortKey) => () =>
    setSort((s) => ({ key, direction: s.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }));
  const ariaSort = (key: SortKey): Direction | 'none' => (sort.key === key ? sort.direction : 'none');
  const sortName = { number: t('plan.colNumber'), title: t('plan.colMeasure'), total: t('plan.colTotal') }[sort.key];

  const state = revisionState(revision, revision.periodRevisions);
  return (
    <>
      <p className="revision-meta">
        <RevisionStatusTag state={state} />
      </p>
      <AdoptedNotice revision={{ ...revision, state }} />
      <div className="filters" role="group" aria-label={t('plan.filters')}>
        <Field>
          <Label htmlFor="ap-status">{t('plan.filterStatus')}</Label>
          <Select id="ap-status" value={status} onChange={(e) => setStatus(e.target.value as '' | MeasureStatus)}>
            <Select.Option value="">{t('plan.allStatuses')}</Select.Option>
            {MEASURE_STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {MEASURE_STATUS_LABELS[s]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="ap-area">{t('plan.filterArea')}</Label>
          <Select id="ap-area" value={area} onChange={(e) => setArea(e.target.value)}>
            <Select.Option value="">{t('plan.allAreas')}</Select.Option>
            {areas.map((a) => (
              <Select.Option key={a.id} value={a.id}>
                {a.title}
              </Select.Option>
            ))}
            <Select.Option value={NO_AREA}>{t('plan.noFocusArea')}</Select.Option>
          </Select>
        </Field>
        <Switch
          id="ap-thousands"
          className="plan-thousands"
          label={t('print.inThousands')}
          checked={thousands}
          onChange={(e) => setThousands(e.target.checked)}
        />
      </div>
      <Paragraph role="status" className="muted" data-size="sm">
        {t('plan.shownCount', { shown: shown.length, total: money.measures.length })}{' '}
        {t('plan.sortedBy', {
          column: sortName,
          direction: sort.direction === 'ascending' ? t('plan.ascending') : t('plan.descending'),
        })}
      </Paragraph>

      {thousands ? (
        <Paragraph className="muted plan-rounding-note" data-size="sm">
          {t('print.roundingNote')}
        </Paragraph>
      ) : null}
      <div className="table-scroll plan-table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <Table border className="data-table plan-table">
          <caption>{caption}</caption>
          <Table.Head>
            <Table.Row>
              {/* Designsystemet puts a button in a header cell with `sort`; its click bubbles to the cell. Chromium does
                  not paint the button in the header it repeats on printed pages, so print shows data-print-label instead. */}
              {numbered ? (
                <Table.HeaderCell scope="col" sort={ariaSort('number')} onClick={sortBy('number')} data-print-label={t('plan.colNumber')}>
                  {t('plan.colNumber')}
                </Table.HeaderCell>
              ) : null}
              <Table.HeaderCell scope="col" sort={ariaSort('title')} onClick={sortBy('title')} data-print-label={t('plan.colMeasure')}>
                {t('plan.colMeasure')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('plan.colKind')}</Table.HeaderCell>
              {years.map((y) => (
                <Table.HeaderCell key={y} scope="col" className="num">
                  {y}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell
                scope="col"
                className="num"
                sort={ariaSort('total')}
                onClick={sortBy('total')}
                data-print-label={t('plan.colTotal')}
              >
                {t('plan.colTotal')}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          {groups.map((g) => (
            <tbody key={g.key || 'none'} className="plan-table__group">
              <tr className="plan-table__area">
                <th scope="rowgroup" colSpan={columns}>
                  {g.title}
                </th>
              </tr>
              {g.measures.map((m) => (
                <Fragment key={m.id}>
                  {COST_KINDS.map((kind, i) => (
                    <tr key={kind} className={i === 0 ? 'plan-table__first' : undefined}>
                      {i === 0 ? (
                        <>
                          {numbered ? (
                            <td rowSpan={2} className="nowrap">
                              {m.number ?? '–'}
                            </td>
                          ) : null}
                          <th scope="rowgroup" rowSpan={2} className="plan-table__title">
                            <RouterLink to={measureUrl(org.slug, revision.id, m.id)}>{m.title}</RouterLink>
                            <span className="plan-table__status">{MEASURE_STATUS_LABELS[m.status]}</span>
                          </th>
                        </>
                      ) : null}
                      <KindCells kind={kind} totals={totals.perMeasure[m.id]} years={years} fmt={fmt} />
                    </tr>
                  ))}
                </Fragment>
              ))}
              <SumRows
                label={t('plan.sumArea', { area: g.title })}
                totals={totals.perFocusArea[g.key]}
                years={years}
                t={t}
                fmt={fmt}
                labelColumns={numbered ? 2 : 1}
                className="plan-table__subtotal"
              />
            </tbody>
          ))}
          {groups.length === 0 ? (
            <tbody>
              <tr>
                <td colSpan={columns}>{t('plan.noMatches')}</td>
              </tr>
            </tbody>
          ) : null}
          <tfoot className="plan-table__foot">
            <SumRows
              label={t('plan.sumAll')}
              totals={totals.overall}
              years={years}
              t={t}
              fmt={fmt}
              labelColumns={numbered ? 2 : 1}
              className="plan-table__total"
            />
          </tfoot>
        </Table>
      </div>
      <EconomyPlanSection measures={economy} startYear={revision.period.startYear} headingId="ap-economy" />
    </>
  );
}

function KindCells({ kind, totals, years, fmt }: { kind: CostKind; totals: Totals | undefined; years: readonly number[]; fmt: Format }) {
  return (
    <>
      <th scope="row" className="plan-table__kind">
        {COST_KIND_LABELS[kind]}
      </th>
      {years.map((y) => (
        <td key={y} className="num">
          {fmt(totals?.byYear[kind][y] ?? 0)}
        </td>
      ))}
      <td className="num plan-table__rowtotal">{fmt(totals?.byKind[kind] ?? 0)}</td>
    </>
  );
}

/** SUM INVEST / SUM DRIFT / SUM rows for a group or the whole table. */
function SumRows({
  label,
  totals,
  years,
  t,
  fmt,
  labelColumns,
  className,
}: {
  label: string;
  totals: Totals | undefined;
  years: readonly number[];
  t: Translate;
  fmt: Format;
  labelColumns: number;
  className: string;
}) {
  return (
    <>
      {COST_KINDS.map((kind, i) => (
        <tr key={kind} className={className}>
          {i === 0 ? (
            <th scope="rowgroup" rowSpan={3} colSpan={labelColumns}>
              {label}
            </th>
          ) : null}
          <KindCells kind={kind} totals={totals} years={years} fmt={fmt} />
        </tr>
      ))}
      <tr className={`${className} ${className}--sum`}>
        <th scope="row" className="plan-table__kind">
          {t('plan.kindSum')}
        </th>
        {years.map((y) => (
          <td key={y} className="num">
            {fmt(totals?.perYear[y] ?? 0)}
          </td>
        ))}
        <td className="num plan-table__rowtotal">{fmt(totals?.total ?? 0)}</td>
      </tr>
    </>
  );
}
