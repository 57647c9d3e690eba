/** The system page's contracts section, with each contract's alert tag. */
import { Link as RouterLink } from 'react-router';
import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { SystemDetail } from '../../../domain/portfolio.ts';
import { CONTRACT_TYPE_LABELS } from '../../labels.ts';
import { formatDate } from '../../../domain/format.ts';
import type { AccessibleOrganization } from '../../../domain/organization.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { TableScroll } from '../../components/ui.tsx';
import type { ContractAlert, ContractAlertKind } from '../../../domain/contracts.ts';
import { DpaFacts } from '../registers.tsx';
import { contractsUrl, date, kr } from './common.tsx';

/**
 * The alert the API computed for a contract by the one rule in src/domain/contracts.ts (notice deadline passed or
 * coming, end date coming, expired while the system runs), on the contract list and the system page alike.
 */
export function ContractAlertTag({ alert }: { alert: ContractAlert | null }) {
  const t = useT();
  if (!alert) return null;
  return (
    <Tag className="table-tag" data-color={alert.daysLeft < 0 ? 'danger' : 'warning'} data-size="sm">
      {t(CONTRACT_ALERT_KEYS[alert.kind], { date: formatDate(alert.date), days: Math.abs(alert.daysLeft) })}
    </Tag>
  );
}

const CONTRACT_ALERT_KEYS: Record<ContractAlertKind, MessageKey> = {
  notice_passed: 'contracts2.alertNoticePassed',
  notice: 'contracts2.alertNotice',
  ends: 'contracts2.alertEnds',
  expired: 'contracts2.alertExpired',
};

export function ContractsSection({ org, system }: { org: AccessibleOrganization; system: SystemDetail }) {
  const t = useT();
  const caption = t('system.contractsCaption', { name: system.name });
  return (
    <section aria-labelledby="system-contracts">
      <Heading level={2} data-size="sm" id="system-contracts">
        {t('system.contracts')}
      </Heading>
      <DpaFacts system={system} />
      {system.contracts.length === 0 ? (
        <Paragraph>{t('system.noContracts')}</Paragraph>
      ) : (
        <TableScroll label={caption}>
          <Table zebra border className="data-table">
            <caption>{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('contracts.colTitle')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('contracts.colType')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('contracts.colSupplier')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('contracts.colEnd')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="num">
                  {t('contracts.colYearlyCost')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {system.contracts.map((c) => (
                <Table.Row key={c.id}>
                  <Table.HeaderCell scope="row">{c.title}</Table.HeaderCell>
                  <Table.Cell>{CONTRACT_TYPE_LABELS[c.type]}</Table.Cell>
                  <Table.Cell>{c.supplierName ?? '–'}</Table.Cell>
                  <Table.Cell>
                    <span className="nowrap">{date(c.endDate)}</span> <ContractAlertTag alert={c.alert} />
                  </Table.Cell>
                  <Table.Cell className="num">{kr(c.yearlyCost)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
            <Table.Foot>
              <Table.Row>
                <Table.HeaderCell scope="row" colSpan={4}>
                  {t('contracts2.totalRunning')}
                </Table.HeaderCell>
                <Table.Cell className="num">{kr(system.yearlyContractCost)}</Table.Cell>
              </Table.Row>
            </Table.Foot>
          </Table>
        </TableScroll>
      )}
      {org.abilities.edit && system.owned ? (
        <Paragraph>
          <RouterLink to={contractsUrl(org.slug, system.id)}>{t('system.addContract')}</RouterLink>
        </Paragraph>
      ) : null}
    </section>
  );
}
