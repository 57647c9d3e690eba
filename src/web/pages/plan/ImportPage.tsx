/**
 * Import a handlingsplan from a spreadsheet (CSV or XLSX): preview first (measures, years, totals and every
 * printed total that does not add up), then import into a new plan and go to the revision.
 */
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { COST_KIND_LABELS } from '../../labels.ts';
import { subtract } from '../../../domain/money.ts';
import type { CostKind } from '../../../domain/plan-totals.ts';
import { orgPath } from '../../api.ts';
import { ImportPreview } from '../../components/import-preview/ImportPreview.tsx';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { NoAccess, Page, TableScroll } from '../../components/ui.tsx';
import { kr, planUrl, revisionUrl, signedKroner, useRevision } from '../../features/plan/common.tsx';

type DiscrepancyKind = 'row_total' | 'column_sum' | 'unit_price';

interface ImportResult {
  readonly dryRun: boolean;
  readonly measures: number;
  readonly years: number[];
  readonly totals: Record<CostKind, Record<string, number>>;
  readonly discrepancies: ReadonlyArray<{
    row: string | number;
    column: string;
    type: CostKind;
    kind: DiscrepancyKind;
    printed: number;
    computed: number;
  }>;
  readonly rows: ReadonlyArray<{ number: string | null; title: string; focusArea: string | null; invest: number; drift: number }>;
  readonly revisionId: string | null;
  readonly periodId: string | null;
}

const DISCREPANCY_LABELS: Record<DiscrepancyKind, MessageKey> = {
  row_total: 'import.kindRowTotal',
  column_sum: 'import.kindColumnSum',
  unit_price: 'import.kindUnitPrice',
};


export function ImportPage() {
  const t = useT();
  const org = useOrganization();
  const [params] = useSearchParams();
  // From a draft revision's page: import into that revision instead of a new plan.
  const target = params.get('revisjon');
  const targetRevision = useRevision(org.id, target ?? undefined);
  if (!org.abilities.edit) return <NoAccess />;

  return (
    <>
      <p className="back-link">
        <RouterLink to={planUrl(org.slug)}>{t('plan.backToPlans')}</RouterLink>
      </p>
      <Page title={t('import.title')} intro={t('import.intro')}>
        {targetRevision.data ? (
          <Alert data-color="info" className="block">
            {t('import.intoRevision', { plan: targetRevision.data.period.name, number: targetRevision.data.number })}
          </Alert>
        ) : target ? null : (
          <Paragraph>{t('import.newPlan')}</Paragraph>
        )}
        <ImportPreview<ImportResult>
          id="import"
          label={t('import.title')}
          hint={t('import.fileHint')}
          path={orgPath(org.id, '/actionplan-import')}
          params={target ? { revisionId: target } : undefined}
          summary={(preview) => (
            <>
              <dl className="facts">
                <dt>{t('import.measures')}</dt>
                <dd>{preview.measures}</dd>
                <dt>{t('import.years')}</dt>
                <dd>{preview.years.length > 0 ? `${preview.years[0]}–${preview.years[preview.years.length - 1]}` : '–'}</dd>
                <dt>{t('import.discrepancies')}</dt>
                <dd>{preview.discrepancies.length}</dd>
              </dl>
              <TotalsTable result={preview} />
              <Discrepancies result={preview} />
            </>
          )}
          details={(preview) => <RowsTable result={preview} />}
          confirmLabel={() => t('import.import')}
          done={(imported) => (
            <>
              <Heading level={2} data-size="xs">
                {t('import.done', { count: imported.measures })}
              </Heading>
              {imported.revisionId ? (
                <Paragraph>
                  <RouterLink to={revisionUrl(org.slug, imported.revisionId)}>{t('import.openRevision')}</RouterLink>
                </Paragraph>
              ) : null}
            </>
          )}
        />
      </Page>
    </>
  );
}

function TotalsTable({ result }: { result: ImportResult }) {
  const t = useT();
  const caption = t('import.totalsCaption');
  return (
    <TableScroll label={caption}>
      <Table zebra border className="data-table">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('plan.colKind')}</Table.HeaderCell>
            {result.years.map((y) => (
              <Table.HeaderCell key={y} scope="col" className="num">
                {y}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {(['invest', 'drift'] as const).map((kind) => (
            <Table.Row key={kind}>
              <Table.HeaderCell scope="row">{COST_KIND_LABELS[kind]}</Table.HeaderCell>
              {result.years.map((y) => (
                <Table.Cell key={y} className="num">
                  {kr(result.totals[kind]?.[String(y)] ?? 0)}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function Discrepancies({ result }: { result: ImportResult }) {
  const t = useT();
  if (result.discrepancies.length === 0) {
    return (
      <Alert data-color="success" className="block">
        {t('import.noDiscrepancies')}
      </Alert>
    );
  }
  const caption = t('import.discrepanciesCaption');
  return (
    <>
      <Alert data-color="warning" className="block">
        {t('import.discrepanciesIntro', { count: result.discrepancies.length })}
      </Alert>
      <TableScroll label={caption}>
        <Table zebra border className="data-table">
          <caption>{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('import.colRow')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('import.colColumn')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('import.colType')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('import.colKind')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="num">
                {t('import.colPrinted')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="num">
                {t('import.colComputed')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="num">
                {t('import.colDifference')}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {result.discrepancies.map((d, i) => (
              <Table.Row key={`${d.row}-${d.column}-${d.type}-${i}`}>
                <Table.Cell>{d.row}</Table.Cell>
                <Table.Cell>{d.column}</Table.Cell>
                <Table.Cell>{COST_KIND_LABELS[d.type] ?? d.type}</Table.Cell>
                <Table.Cell>{t(DISCREPANCY_LABELS[d.kind] ?? 'import.kindRowTotal')}</Table.Cell>
                <Table.Cell className="num">{kr(d.printed)}</Table.Cell>
                <Table.Cell className="num">{kr(d.computed)}</Table.Cell>
                <Table.Cell className="num">{signedKroner(subtract(d.printed, d.computed))}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </>
  );
}

function RowsTable({ result }: { result: ImportResult }) {
  const t = useT();
  if (result.rows.length === 0) return null;
  const caption = t('import.rowsCaption');
  return (
    <TableScroll label={caption}>
      <Table zebra border className="data-table">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('plan.colNumber')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('plan.colMeasure')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('compare.focusArea')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {COST_KIND_LABELS.invest}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {COST_KIND_LABELS.drift}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {result.rows.map((r, i) => (
            <Table.Row key={`${r.number ?? ''}-${i}`}>
              <Table.Cell>{r.number ?? '–'}</Table.Cell>
              <Table.HeaderCell scope="row">{r.title}</Table.HeaderCell>
              <Table.Cell>{r.focusArea ?? '–'}</Table.Cell>
              <Table.Cell className="num">{kr(r.invest)}</Table.Cell>
              <Table.Cell className="num">{kr(r.drift)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
