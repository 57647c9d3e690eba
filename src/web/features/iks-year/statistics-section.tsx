/** Statistics of a year: per metric, a table per kommune with the total, its bar chart, and the years as lines with a table. */
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { monthSeries, MONTH_ABBREVIATIONS, type Metric, type StatisticsYear } from '../../../domain/statistics.ts';
import { formatInteger } from '../../../domain/format.ts';
import { orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { TableScroll } from '../../components/ui.tsx';

const n = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : formatInteger(v));

export function StatisticsSection({ orgId, data }: { orgId: string; data: StatisticsYear }) {
  const t = useT();
  const shown = data.metrics.filter((m) => data.values.some((v) => v.metricId === m.id) || data.history.some((h) => h.metricId === m.id) || data.months.some((v) => v.metricId === m.id));
  if (shown.length === 0) return <Paragraph>{t('year.stats.none', { year: data.year })}</Paragraph>;
  const value = (metricId: string, subjectId: string) => data.values.find((v) => v.metricId === metricId && v.subjectId === subjectId)?.value;
  return (
    <>
      {shown.map((m) => {
        const subjects = data.subjects.filter((s) => data.history.some((h) => h.metricId === m.id && h.subjectId === s.organizationId));
        const years = [...new Set(data.history.filter((h) => h.metricId === m.id && h.year <= data.year).map((h) => h.year))].sort((a, b) => a - b);
        const total = data.totals.find((x) => x.metricId === m.id)?.total ?? null;
        const caption = m.unit ? `${m.name} (${m.unit}) ${data.year}` : `${m.name} ${data.year}`;
        const historyCaption = t('year.stats.historyCaption', { metric: m.unit ? `${m.name} (${m.unit})` : m.name });
        return (
          <section key={m.id} className="year-metric" aria-labelledby={`metric-${m.id}`}>
            <Heading level={3} data-size="xs" id={`metric-${m.id}`}>
              {m.name}
            </Heading>
            {m.description ? <Paragraph>{m.description}</Paragraph> : null}
            {subjects.length > 0 ? (
            <div className="year-chart-pair">
              <img className="year-chart" src={orgPath(orgId, `/statistics/chart?year=${data.year}&metricId=${m.id}&kind=bars`)} alt={t('year.stats.barsAlt', { metric: m.name, year: data.year })} width={640} height={320} />
              <TableScroll label={caption}>
                <Table zebra border className="data-table">
                  <caption>{caption}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('year.stats.kommune')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col" className="num">{m.unit ? t('year.stats.valueIn', { unit: m.unit }) : t('year.stats.value')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {subjects.map((s) => (
                      <Table.Row key={s.organizationId}>
                        <Table.HeaderCell scope="row">{s.name}</Table.HeaderCell>
                        <Table.Cell className="num">{n(value(m.id, s.organizationId))}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                  <tfoot>
                    <Table.Row>
                      <Table.HeaderCell scope="row">{t('year.total')}</Table.HeaderCell>
                      <Table.Cell className="num">{n(total)}</Table.Cell>
                    </Table.Row>
                  </tfoot>
                </Table>
              </TableScroll>
            </div>
            ) : null}
            {years.length > 1 ? (
              <div className="year-chart-pair">
                <img className="year-chart" src={orgPath(orgId, `/statistics/chart?year=${data.year}&metricId=${m.id}&kind=lines`)} alt={t('year.stats.linesAlt', { metric: m.name })} width={640} height={340} />
                <TableScroll label={historyCaption}>
                  <Table zebra border className="data-table">
                    <caption>{historyCaption}</caption>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell scope="col">{t('year.stats.kommune')}</Table.HeaderCell>
                        {years.map((y) => (
                          <Table.HeaderCell scope="col" className="num" key={y}>
                            {y}
                          </Table.HeaderCell>
                        ))}
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {subjects.map((s) => (
                        <Table.Row key={s.organizationId}>
                          <Table.HeaderCell scope="row">{s.name}</Table.HeaderCell>
                          {years.map((y) => (
                            <Table.Cell className="num" key={y}>
                              {n(data.history.find((h) => h.metricId === m.id && h.subjectId === s.organizationId && h.year === y)?.value)}
                            </Table.Cell>
                          ))}
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </TableScroll>
              </div>
            ) : null}
            <MonthsPair orgId={orgId} data={data} metric={m} />
          </section>
        );
      })}
    </>
  );
}

/** A metric's values per month of the year: a line per kommune (and their sum) with the table of the same numbers. */
function MonthsPair({ orgId, data, metric }: { orgId: string; data: StatisticsYear; metric: Metric }) {
  const t = useT();
  const series = monthSeries(data, metric.id);
  if (!series) return null;
  const caption = t('year.stats.monthsCaption', { metric: metric.unit ? `${metric.name} (${metric.unit})` : metric.name, year: data.year });
  return (
    <div className="year-chart-pair">
      <img className="year-chart" src={orgPath(orgId, `/statistics/chart?year=${data.year}&metricId=${metric.id}&kind=months`)} alt={t('year.stats.monthsAlt', { metric: metric.name, year: data.year })} width={640} height={340} />
      <TableScroll label={caption}>
        <Table zebra border className="data-table">
          <caption>{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('year.stats.kommune')}</Table.HeaderCell>
              {MONTH_ABBREVIATIONS.map((month) => (
                <Table.HeaderCell scope="col" className="num" key={month}>
                  {month}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell scope="col" className="num">{t('year.stats.yearTotal')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {series.rows.map((r) => (
              <Table.Row key={r.subjectId}>
                <Table.HeaderCell scope="row">{r.name}</Table.HeaderCell>
                {r.values.map((v, i) => (
                  <Table.Cell className="num" key={i}>
                    {n(v)}
                  </Table.Cell>
                ))}
                <Table.Cell className="num">{n(r.total)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
          {series.rows.length > 1 ? (
            <tfoot>
              <Table.Row>
                <Table.HeaderCell scope="row">{t('year.total')}</Table.HeaderCell>
                {series.totals.map((v, i) => (
                  <Table.Cell className="num" key={i}>
                    {n(v)}
                  </Table.Cell>
                ))}
                <Table.Cell className="num">{n(series.total)}</Table.Cell>
              </Table.Row>
            </tfoot>
          ) : null}
        </Table>
      </TableScroll>
    </div>
  );
}
