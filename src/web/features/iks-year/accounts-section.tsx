/** Accounts per ansvar: budget, accounts and deviation with the sum, and the words mindreforbruk/merforbruk. */
import { Paragraph, Table } from '@digdir/designsystemet-react';
import { deviationWord, type AccountsYear } from '../../../domain/accounts.ts';
import { formatKroner } from '../../../domain/money.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { TableScroll } from '../../components/ui.tsx';

const kr = (v: number | null): string => (v === null ? '–' : formatKroner(v));
const WORDS: Record<ReturnType<typeof deviationWord>, MessageKey> = {
  mindreforbruk: 'year.accounts.under',
  merforbruk: 'year.accounts.over',
  balanse: 'year.accounts.balance',
};

export function AccountsSection({ data }: { data: AccountsYear }) {
  const t = useT();
  if (data.lines.length === 0) return <Paragraph>{t('year.accounts.none', { year: data.year })}</Paragraph>;
  const caption = t('year.accounts.caption', { year: data.year });
  return (
    <TableScroll label={caption}>
      <Table zebra border className="data-table">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('year.accounts.ansvar')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('year.accounts.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">{t('year.accounts.budget')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">{t('year.accounts.actual')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">{t('year.accounts.deviation')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('year.accounts.meaning')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {data.lines.map((l) => (
            <Table.Row key={l.ansvarId}>
              <Table.Cell>{l.ansvar}</Table.Cell>
              <Table.HeaderCell scope="row">{l.name}</Table.HeaderCell>
              <Table.Cell className="num">{kr(l.budget)}</Table.Cell>
              <Table.Cell className="num">{kr(l.actual)}</Table.Cell>
              <Table.Cell className="num">{kr(l.deviation)}</Table.Cell>
              <Table.Cell>{t(WORDS[deviationWord(l.deviation)])}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
        <tfoot>
          <Table.Row>
            <Table.Cell />
            <Table.HeaderCell scope="row">{t('year.total')}</Table.HeaderCell>
            <Table.Cell className="num">{kr(data.total.budget)}</Table.Cell>
            <Table.Cell className="num">{kr(data.total.actual)}</Table.Cell>
            <Table.Cell className="num">{kr(data.total.deviation)}</Table.Cell>
            <Table.Cell>{t(WORDS[deviationWord(data.total.deviation)])}</Table.Cell>
          </Table.Row>
        </tfoot>
      </Table>
    </TableScroll>
  );
}
