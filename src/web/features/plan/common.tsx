/** Shared pieces of the plan pages: addresses, loading a revision, status tags, the money chart and økonomiplan. */
import { Alert, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import type { ActionPlanTable, Measure, PlanPeriod, Revision, RevisionSummary } from '../../../domain/plan.ts';
import { economyPlan, type CostKind, type MeasureLike } from '../../../domain/plan-totals.ts';
import { COST_KIND_LABELS } from '../../labels.ts';
import type { RevisionState } from '../../../domain/plan-revisions.ts';
import { formatKroner } from '../../../domain/money.ts';
import { compareMeasures } from '../../../domain/measure-order.ts';
import { formatDate } from '../../../domain/format.ts';
import type { AccessibleOrganization } from '../../../domain/organization.ts';
import { orgPath } from '../../api.ts';
import { useApi, type ApiResource } from '../../hooks.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { TableScroll } from '../../components/ui.tsx';

// ------------------------------------------------------------------ addresses

export const planUrl = (slug: string): string => `/o/${slug}/plan`;
export const importUrl = (slug: string, revisionId?: string): string =>
  `/o/${slug}/plan/import${revisionId ? `?revisjon=${encodeURIComponent(revisionId)}` : ''}`;
export const revisionUrl = (slug: string, revisionId: string): string => `/o/${slug}/plan/r/${revisionId}`;
export const actionPlanUrl = (slug: string, revisionId: string): string => `${revisionUrl(slug, revisionId)}/handlingsplan`;
export const measureUrl = (slug: string, revisionId: string, measureId: string): string =>
  `${revisionUrl(slug, revisionId)}/tiltak/${measureId}`;
export const newMeasureUrl = (slug: string, revisionId: string, focusAreaId?: string): string =>
  `${revisionUrl(slug, revisionId)}/tiltak/ny${focusAreaId ? `?omrade=${encodeURIComponent(focusAreaId)}` : ''}`;
export const compareUrl = (slug: string, revisionId: string, otherId?: string | null): string =>
  `${revisionUrl(slug, revisionId)}/sammenlign${otherId ? `?med=${encodeURIComponent(otherId)}` : ''}`;
export const exportUrl = (orgId: string, revisionId: string, format: 'csv' | 'xlsx' | 'json'): string =>
  orgPath(orgId, `/revisions/${revisionId}/export?format=${format}`);
export const documentUrl = (orgId: string, revisionId: string, format: 'docx' | 'pdf'): string =>
  orgPath(orgId, `/revisions/${revisionId}/document?format=${format}`);
/** The public, server-rendered innsyn page (not part of the app: a plain link, not a router link). */
export const innsynUrl = (slug: string): string => `/innsyn/${encodeURIComponent(slug)}`;

// ------------------------------------------------------------------ data

export function useRevision(orgId: string, revisionId: string | undefined): ApiResource<Revision> {
  return useApi<Revision>(revisionId ? orgPath(orgId, `/revisions/${revisionId}`) : null);
}

/** The handlingsplan table: the lean form of a revision (money per kind and year, no lines). */
export function useActionPlanTable(orgId: string, revisionId: string | undefined): ApiResource<ActionPlanTable> {
  return useApi<ActionPlanTable>(revisionId ? orgPath(orgId, `/revisions/${revisionId}/actionplan`) : null);
}

export function usePlans(orgId: string): ApiResource<PlanPeriod[]> {
  return useApi<PlanPeriod[]>(orgPath(orgId, '/plans'));
}

/** Whether the user may change this revision: edit rights and a draft (adopted revisions are read-only). */
export function canEditRevision(org: AccessibleOrganization, revision: Pick<Revision, 'status'>): boolean {
  return org.abilities.edit && revision.status === 'draft';
}

/** The newest revision of the most recent period: what the dashboard shows. */
export function latestRevision(periods: readonly PlanPeriod[]): { period: PlanPeriod; revision: RevisionSummary } | null {
  const sorted = [...periods].sort((a, b) => b.startYear - a.startYear || b.endYear - a.endYear);
  for (const period of sorted) {
    const revision = [...period.revisions].sort((a, b) => b.number - a.number)[0];
    if (revision) return { period, revision };
  }
  return null;
}

/** Today as `YYYY-MM-DD` in local time (what `isLate` compares with). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const kr = (amount: number): string => formatKroner(amount);

/**
 * A date as Norwegians type it (`22.11.2026`, `1.3.2026`) or ISO → `YYYY-MM-DD`; '' → null;
 * anything else (or a day that does not exist) → undefined.
 */
export function parseDateInput(text: string): string | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  const no = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const [y, m, d] = no ? [Number(no[3]), Number(no[2]), Number(no[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [0, 0, 0];
  if (y === 0) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `2026-11-22` → `22.11.2026` for a date field; null → ''. */
export const dateInputValue = (iso: string | null): string => (iso ? formatDate(iso) : '');

/** `+25 000 kr`, `−25 000 kr`, `0 kr`. */
export function signedKroner(amount: number): string {
  return amount > 0 ? `+${formatKroner(amount)}` : formatKroner(amount);
}

/** Measures in plan order: by number (natural: 2 before 10), then title (the domain's one rule). */
export const byNumber = compareMeasures;

export const measureName = (m: Pick<Measure, 'number' | 'title'>): string => (m.number ? `${m.number} ${m.title}` : m.title);

// ------------------------------------------------------------------ small components

/** The label of a revision's state: Utkast, Vedtatt (in force) or Erstattet. */
export const REVISION_STATE_KEYS: Record<RevisionState, MessageKey> = {
  draft: 'plan.state.draft',
  adopted: 'plan.state.adopted',
  replaced: 'plan.state.replaced',
};

export function RevisionStatusTag({ state }: { state: RevisionState }) {
  const t = useT();
  return (
    <Tag data-color={state === 'adopted' ? 'success' : state === 'replaced' ? 'neutral' : 'warning'} data-size="sm">
      {t(REVISION_STATE_KEYS[state])}
    </Tag>
  );
}

/** "Vedtatt 12.12.2024 (K-sak 081/24) – skrivebeskyttet" on an adopted revision. */
export function AdoptedNotice({ revision }: { revision: Pick<Revision, 'status' | 'state' | 'adoptedDate' | 'decisionRef'> }) {
  const t = useT();
  if (revision.status !== 'adopted') return null;
  return (
    <Alert data-color={revision.state === 'replaced' ? 'warning' : 'info'} className="block">
      {t('plan.adoptedNotice', {
        date: revision.adoptedDate ? formatDate(revision.adoptedDate) : '–',
        ref: revision.decisionRef ?? '–',
      })}
      {revision.state === 'replaced' ? <Paragraph>{t('plan.replacedNotice')}</Paragraph> : null}
    </Alert>
  );
}

/** Link back to the revision page, shown above the heading of its sub-pages. */
export function BackToRevision({ slug, revision }: { slug: string; revision: Pick<Revision, 'id' | 'number' | 'period'> }) {
  const t = useT();
  return (
    <p className="back-link">
      <RouterLink to={revisionUrl(slug, revision.id)}>
        {t('plan.backToRevision', { plan: revision.period.name, number: revision.number })}
      </RouterLink>
    </p>
  );
}

// ------------------------------------------------------------------ money per year: chart and table

/** `Totals` from plan-totals, or the same shape as the API sends it (`revision.totals`). */
export interface TotalsLike {
  readonly byYear: Readonly<Record<CostKind, Readonly<Record<number, number>>>>;
  readonly byKind: Readonly<Record<CostKind, number>>;
  readonly perYear: Readonly<Record<number, number>>;
  readonly total: number;
}

const CHART = { width: 640, height: 260, top: 24, bottom: 36, left: 12, right: 12 };

/**
 * Invest and drift per year as grouped bars. The SVG is one image with a summary as its name; the
 * table under it has the same figures for screen readers, keyboard and print.
 */
export function MoneyChart({ totals, years, id }: { totals: TotalsLike; years: readonly number[]; id: string }) {
  const t = useT();
  const invest = (y: number) => totals.byYear.invest[y] ?? 0;
  const drift = (y: number) => totals.byYear.drift[y] ?? 0;
  const max = Math.max(1, ...years.flatMap((y) => [invest(y), drift(y)]));
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const slot = (CHART.width - CHART.left - CHART.right) / Math.max(1, years.length);
  const barWidth = Math.min(56, slot / 3);
  const summary = t('plan.chartSummary', {
    years: years.map((y) => t('plan.chartYear', { year: y, invest: kr(invest(y)), drift: kr(drift(y)) })).join('; '),
  });
  const bar = (value: number, x: number, className: string, key: string) => {
    const h = value <= 0 ? 0 : Math.max(2, (value / max) * plotHeight);
    return <rect key={key} className={className} x={x} y={CHART.top + plotHeight - h} width={barWidth} height={h} />;
  };
  return (
    <figure className="money-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="money-chart__caption">
        {t('plan.chartCaption')}
      </figcaption>
      <ul className="money-chart__legend" aria-hidden="true">
        <li>
          <span className="swatch swatch--invest" /> {COST_KIND_LABELS.invest}
        </li>
        <li>
          <span className="swatch swatch--drift" /> {COST_KIND_LABELS.drift}
        </li>
      </ul>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        className="money-chart__svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <line
          className="money-chart__axis"
          x1={CHART.left}
          x2={CHART.width - CHART.right}
          y1={CHART.top + plotHeight}
          y2={CHART.top + plotHeight}
        />
        {years.map((y, i) => {
          const x0 = CHART.left + i * slot + (slot - 2 * barWidth - 4) / 2;
          return (
            <g key={y}>
              {bar(invest(y), x0, 'bar bar--invest', 'i')}
              {bar(drift(y), x0 + barWidth + 4, 'bar bar--drift', 'd')}
              <text className="money-chart__label" x={x0 + barWidth + 2} y={CHART.height - 12} textAnchor="middle">
                {y}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Per year: investering, drift and sum, with a total row; every figure from `Totals`. */
export function MoneyPerYearTable({
  totals,
  years,
  caption,
  hideCaption = false,
}: {
  totals: TotalsLike;
  years: readonly number[];
  caption: string;
  /** When a heading or the chart above already says what the table is. */
  hideCaption?: boolean;
}) {
  const t = useT();
  return (
    <TableScroll label={caption}>
      <Table zebra border className="data-table">
        <caption className={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('plan.colYear')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {COST_KIND_LABELS.invest}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {COST_KIND_LABELS.drift}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('plan.colSum')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {years.map((y) => (
            <Table.Row key={y}>
              <Table.HeaderCell scope="row">{y}</Table.HeaderCell>
              <Table.Cell className="num">{kr(totals.byYear.invest[y] ?? 0)}</Table.Cell>
              <Table.Cell className="num">{kr(totals.byYear.drift[y] ?? 0)}</Table.Cell>
              <Table.Cell className="num">{kr(totals.perYear[y] ?? 0)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
        <Table.Foot>
          <Table.Row>
            <Table.HeaderCell scope="row">{t('plan.total')}</Table.HeaderCell>
            <Table.Cell className="num">{kr(totals.byKind.invest)}</Table.Cell>
            <Table.Cell className="num">{kr(totals.byKind.drift)}</Table.Cell>
            <Table.Cell className="num">{kr(totals.total)}</Table.Cell>
          </Table.Row>
        </Table.Foot>
      </Table>
    </TableScroll>
  );
}

/** Økonomiplan: the four years from the plan's first year, from `economyPlan`. */
export function EconomyPlanSection({
  measures,
  startYear,
  headingId,
}: {
  /** A revision's measures, or compact ones expanded with `expandCompact`. */
  measures: readonly MeasureLike[];
  startYear: number;
  headingId: string;
}) {
  const t = useT();
  const rows = economyPlan(measures, startYear);
  const first = rows[0]?.year ?? startYear;
  const last = rows[rows.length - 1]?.year ?? first;
  const caption = t('plan.economyCaption', { from: first, to: last });
  return (
    <section aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {caption}
      </Heading>
      <Paragraph className="muted">{t('plan.economyIntro')}</Paragraph>
      <TableScroll label={caption}>
        <Table zebra border className="data-table">
          <caption className="visually-hidden">{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('plan.colYear')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="num">
                {COST_KIND_LABELS.invest}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="num">
                {COST_KIND_LABELS.drift}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="num">
                {t('plan.colSum')}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.year}>
                <Table.HeaderCell scope="row">{r.year}</Table.HeaderCell>
                <Table.Cell className="num">{kr(r.invest)}</Table.Cell>
                <Table.Cell className="num">{kr(r.drift)}</Table.Cell>
                <Table.Cell className="num">{kr(r.total)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}
