/** "Årsmelding og tall": a year's statistics, accounts per ansvar and cost sharing, with links to their imports. */
import { Link as RouterLink } from 'react-router';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { AccountsYear } from '../../../domain/accounts.ts';
import type { StatisticsYear } from '../../../domain/statistics.ts';
import { orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, Page } from '../../components/ui.tsx';
import { orgTitle } from '../../features/portfolio/common.tsx';
import { AccountsSection } from '../../features/iks-year/accounts-section.tsx';
import { paymentsUrl, useYear, yearImportUrl, YearPicker } from '../../features/iks-year/common.tsx';
import { MetricsSection } from '../../features/iks-year/metrics-section.tsx';
import { PoolsSection, type PoolsData } from '../../features/iks-year/pools-section.tsx';
import { StatisticsSection } from '../../features/iks-year/statistics-section.tsx';

export function YearPage() {
  const t = useT();
  const org = useOrganization();
  const [year, setYear] = useYear();
  const stats = useApi<StatisticsYear>(orgPath(org.id, `/statistics?year=${year}`));
  const accounts = useApi<AccountsYear>(orgPath(org.id, `/accounts?year=${year}`));
  const pools = useApi<PoolsData>(orgPath(org.id, `/cost-pools?year=${year}`));
  const canEdit = org.abilities.edit;
  const title = t('year.title', { year });
  return (
    <Page title={orgTitle(title, org)} heading={title} intro={t('year.intro')}>
      <YearPicker id="year-picker" year={year} years={[...(stats.data?.years ?? []), ...(accounts.data?.years ?? [])]} onChange={setYear} />
      {org.kind === 'kommune' ? (
        <Paragraph>
          <RouterLink to={paymentsUrl(org.slug, year)}>{t('year.payments.link')}</RouterLink>
        </Paragraph>
      ) : null}

      <section aria-labelledby="year-stats" className="block">
        <Heading level={2} data-size="sm" id="year-stats">
          {t('year.stats.heading')}
        </Heading>
        {canEdit ? (
          <Paragraph>
            <RouterLink to={yearImportUrl(org.slug, 'statistikk', year)}>{t('year.stats.import')}</RouterLink>
          </Paragraph>
        ) : null}
        {stats.error ? (
          <LoadError error={stats.error} onRetry={stats.reload} />
        ) : stats.data ? (
          <>
            <StatisticsSection orgId={org.id} data={stats.data} />
            <MetricsSection orgId={org.id} metrics={stats.data.metrics} canEdit={canEdit} onChange={stats.reload} />
          </>
        ) : (
          <Loading />
        )}
      </section>

      <section aria-labelledby="year-accounts" className="block">
        <Heading level={2} data-size="sm" id="year-accounts">
          {t('year.accounts.heading')}
        </Heading>
        {canEdit ? (
          <Paragraph>
            <RouterLink to={yearImportUrl(org.slug, 'regnskap', year)}>{t('year.accounts.import')}</RouterLink>
          </Paragraph>
        ) : null}
        {accounts.error ? <LoadError error={accounts.error} onRetry={accounts.reload} /> : accounts.data ? <AccountsSection data={accounts.data} /> : <Loading />}
      </section>

      <section aria-labelledby="year-pools" className="block">
        <Heading level={2} data-size="sm" id="year-pools">
          {t('year.pools.heading')}
        </Heading>
        {canEdit ? (
          <Paragraph>
            <RouterLink to={yearImportUrl(org.slug, 'fordeling', year)}>{t('year.pools.import')}</RouterLink>
          </Paragraph>
        ) : null}
        {pools.error ? (
          <LoadError error={pools.error} onRetry={pools.reload} />
        ) : pools.data ? (
          <PoolsSection orgId={org.id} data={pools.data} canEdit={canEdit} onChange={pools.reload} />
        ) : (
          <Loading />
        )}
      </section>
    </Page>
  );
}
