/** The replacement forecast: period and price change, chart with a table alternative, age profile, and «Legg i handlingsplanen». */
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { Heading, Paragraph, Table, Button } from '@digdir/designsystemet-react';
import { formatInteger } from '../../../domain/format.ts';
import { formatKroner } from '../../../domain/money.ts';
import { orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, Page, TableScroll } from '../../components/ui.tsx';
import { TextInput } from '../../forms.tsx';
import { ApplyForecast } from './ApplyForecast.tsx';
import { ForecastChart } from './ForecastChart.tsx';

interface QA {
  quantity: number;
  amount: number;
}
export interface ForecastData {
  forecast: {
    from: number;
    to: number;
    priceChangePercent: number;
    years: Record<string, QA>;
    overdue: QA;
    total: QA;
    classes: Array<{ classId: string; className: string; unitPrice: number | null; years: Record<string, QA>; overdue: QA; total: QA }>;
  };
  ageProfile: Array<{ classId: string; className: string; quantity: number; ages: Record<string, number> }>;
  incomplete: number;
}

export function ForecastPage() {
  const t = useT();
  const org = useOrganization();
  const thisYear = new Date().getFullYear();
  const [query, setQuery] = useState({ from: String(thisYear), to: String(thisYear + 3), priceChange: '0' });
  const [form, setForm] = useState(query);
  const path = orgPath(org.id, `/assets-forecast?from=${encodeURIComponent(query.from)}&to=${encodeURIComponent(query.to)}&priceChange=${encodeURIComponent(query.priceChange.replace(',', '.'))}`);
  const data = useApi<ForecastData>(path);
  const f = data.data?.forecast;
  const years = f ? Object.keys(f.years) : [];
  const oldest = Math.max(0, ...(data.data?.ageProfile ?? []).map((c) => Object.keys(c.ages).length - 1));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQuery(form);
  };

  return (
    <Page title={t('assets.forecastTitle')} intro={t('assets.forecastIntro')}>
      <ul className="page-actions">
        <li>
          <RouterLink to={`/o/${org.slug}/utstyr`}>{t('assets.backToRegister')}</RouterLink>
        </li>
      </ul>
      <form className="form form-row" noValidate onSubmit={onSubmit} aria-label={t('assets.forecastPeriod')}>
        <TextInput id="forecast-from" label={t('assets.from')} value={form.from} onChange={(v) => setForm((s) => ({ ...s, from: v }))} inputMode="numeric" />
        <TextInput id="forecast-to" label={t('assets.to')} value={form.to} onChange={(v) => setForm((s) => ({ ...s, to: v }))} inputMode="numeric" />
        <TextInput id="forecast-priceChange" label={t('assets.priceChange')} description={t('assets.priceChangeHint')} value={form.priceChange} onChange={(v) => setForm((s) => ({ ...s, priceChange: v }))} />
        <div className="form-actions">
          <Button type="submit">{t('assets.showForecast')}</Button>
        </div>
      </form>
      {data.error ? <LoadError error={data.error} onRetry={data.reload} /> : null}
      {data.loading && !data.data ? <Loading /> : null}
      {f ? (
        <>
          <section aria-labelledby="forecast-heading" className="block">
            <Heading level={2} data-size="sm" id="forecast-heading">
              {t('assets.forecastHeading', { from: f.from, to: f.to })}
            </Heading>
            <Paragraph>
              {t('assets.overdueText', { quantity: formatInteger(f.overdue.quantity), amount: formatKroner(f.overdue.amount), year: f.from })}
            </Paragraph>
            {data.data && data.data.incomplete > 0 ? <Paragraph className="muted">{t('assets.incomplete', { count: data.data.incomplete })}</Paragraph> : null}
            <ForecastChart years={years.map((y) => ({ year: y, amount: f.years[y]!.amount }))} label={t('assets.chartLabel', { from: f.from, to: f.to })} />
            <TableScroll label={t('assets.forecastCaption')}>
              <Table zebra border className="data-table" id="forecast-table">
                <caption>{t('assets.forecastCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('assets.className')}</Table.HeaderCell>
                    {years.map((y) => (
                      <Table.HeaderCell key={y} scope="col" className="num">
                        {y}
                      </Table.HeaderCell>
                    ))}
                    <Table.HeaderCell scope="col" className="num">
                      {t('assets.sum')}
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {f.classes.map((c) => (
                    <Table.Row key={c.classId}>
                      <Table.HeaderCell scope="row">{c.className}</Table.HeaderCell>
                      {years.map((y) => (
                        <Table.Cell key={y} className="num">
                          {c.years[y]!.quantity > 0 ? t('assets.unitsAmount', { quantity: formatInteger(c.years[y]!.quantity), amount: formatKroner(c.years[y]!.amount) }) : '–'}
                        </Table.Cell>
                      ))}
                      <Table.Cell className="num">{formatKroner(c.total.amount)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
                <Table.Foot>
                  <Table.Row>
                    <Table.HeaderCell scope="row">{t('assets.sum')}</Table.HeaderCell>
                    {years.map((y) => (
                      <Table.Cell key={y} className="num" data-year={y}>
                        {formatKroner(f.years[y]!.amount)}
                      </Table.Cell>
                    ))}
                    <Table.Cell className="num">{formatKroner(f.total.amount)}</Table.Cell>
                  </Table.Row>
                </Table.Foot>
              </Table>
            </TableScroll>
          </section>
          <section aria-labelledby="age-heading" className="block">
            <Heading level={2} data-size="sm" id="age-heading">
              {t('assets.ageHeading', { year: f.from })}
            </Heading>
            <TableScroll label={t('assets.ageCaption')}>
              <Table zebra border className="data-table">
                <caption>{t('assets.ageCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('assets.className')}</Table.HeaderCell>
                    {Array.from({ length: oldest + 1 }, (_, a) => (
                      <Table.HeaderCell key={a} scope="col" className="num">
                        {t('assets.ageYears', { n: a })}
                      </Table.HeaderCell>
                    ))}
                    <Table.HeaderCell scope="col" className="num">
                      {t('assets.units')}
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {(data.data?.ageProfile ?? []).map((c) => (
                    <Table.Row key={c.classId}>
                      <Table.HeaderCell scope="row">{c.className}</Table.HeaderCell>
                      {Array.from({ length: oldest + 1 }, (_, a) => (
                        <Table.Cell key={a} className="num">
                          {c.ages[String(a)] ? formatInteger(c.ages[String(a)]!) : '–'}
                        </Table.Cell>
                      ))}
                      <Table.Cell className="num">{formatInteger(c.quantity)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          </section>
          {org.abilities.edit ? <ApplyForecast orgId={org.id} slug={org.slug} from={f.from} to={f.to} priceChange={f.priceChangePercent} /> : null}
        </>
      ) : null}
    </Page>
  );
}
