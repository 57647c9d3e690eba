/**
 * "Hva vi betaler IKS-et": an owner kommune's share of each cost pool of the IKS(s) it owns, and a
 * cooperation member's share of each pool of the cooperations it has joined (shown with the
 * cooperation's name), per year, with the key, its refunds and an XLSX export.
 */
import { Link as RouterLink } from 'react-router';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { CostPoolBasis, CostShareKey } from '../../../domain/cost-sharing.ts';
import { formatKroner } from '../../../domain/money.ts';
import { orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, Page, TableScroll } from '../../components/ui.tsx';
import { orgTitle } from '../../features/portfolio/common.tsx';
import { BASIS_KEYS, KEY_KEYS, useYear, yearUrl, YearPicker } from '../../features/iks-year/common.tsx';

interface Payments {
  year: number;
  organizations: {
    organizationId: string;
    name: string;
    total: number;
    refund: number;
    pools: { id: string; name: string; ansvar: string | null; basis: CostPoolBasis; key: CostShareKey; metric: string | null; cooperation: string | null; amount: number | null; problem: string | null; share: number | null }[];
  }[];
}

const kr = (v: number | null): string => (v === null ? '–' : formatKroner(v));

export function PaymentsPage() {
  const t = useT();
  const org = useOrganization();
  const [year, setYear] = useYear();
  const payments = useApi<Payments>(orgPath(org.id, `/iks-payments?year=${year}`));
  const title = t('year.payments.title', { year });
  return (
    <>
      <p className="back-link">
        <RouterLink to={yearUrl(org.slug, year)}>{t('year.import.back', { year })}</RouterLink>
      </p>
      <Page title={orgTitle(title, org)} heading={title} intro={t('year.payments.intro')}>
        <YearPicker id="payments-year" year={year} onChange={setYear} />
        {payments.error ? <LoadError error={payments.error} onRetry={payments.reload} /> : null}
        {!payments.data ? (
          payments.error ? null : <Loading />
        ) : payments.data.organizations.length === 0 ? (
          <Paragraph>{t('year.payments.none', { year })}</Paragraph>
        ) : (
          <>
            <Paragraph>
              <a href={orgPath(org.id, `/iks-payments/export?year=${year}`)} download>
                {t('year.payments.export', { year })}
              </a>
            </Paragraph>
            {payments.data.organizations.map((o) => {
              const caption = t('year.payments.caption', { name: o.name, year });
              return (
                <section key={o.organizationId} aria-labelledby={`pay-${o.organizationId}`} className="block">
                  <Heading level={2} data-size="sm" id={`pay-${o.organizationId}`}>
                    {o.name}
                  </Heading>
                  <dl className="facts">
                    <dt>{t('year.payments.total')}</dt>
                    <dd>{formatKroner(o.total)}</dd>
                    <dt>{t('year.payments.refund')}</dt>
                    <dd>{formatKroner(o.refund)}</dd>
                  </dl>
                  <TableScroll label={caption}>
                    <Table zebra border className="data-table">
                      <caption>{caption}</caption>
                      <Table.Head>
                        <Table.Row>
                          <Table.HeaderCell scope="col">{t('year.pools.name')}</Table.HeaderCell>
                          <Table.HeaderCell scope="col">{t('year.pools.basis')}</Table.HeaderCell>
                          <Table.HeaderCell scope="col">{t('year.pools.key')}</Table.HeaderCell>
                          <Table.HeaderCell scope="col" className="num">{t('year.payments.poolAmount')}</Table.HeaderCell>
                          <Table.HeaderCell scope="col" className="num">{t('year.payments.ourShare')}</Table.HeaderCell>
                        </Table.Row>
                      </Table.Head>
                      <Table.Body>
                        {o.pools.map((p) => (
                          <Table.Row key={p.id}>
                            <Table.HeaderCell scope="row">
                              {p.name}
                              {p.cooperation ? <span className="muted">{` (${t('year.pools.inCooperation', { name: p.cooperation })})`}</span> : null}
                            </Table.HeaderCell>
                            <Table.Cell>{t(BASIS_KEYS[p.basis])}</Table.Cell>
                            <Table.Cell>{`${t(KEY_KEYS[p.key])}${p.metric ? ` (${p.metric})` : ''}`}</Table.Cell>
                            <Table.Cell className="num">{kr(p.amount)}</Table.Cell>
                            <Table.Cell className="num">{p.problem ?? kr(p.share)}</Table.Cell>
                          </Table.Row>
                        ))}
                      </Table.Body>
                    </Table>
                  </TableScroll>
                </section>
              );
            })}
          </>
        )}
      </Page>
    </>
  );
}
