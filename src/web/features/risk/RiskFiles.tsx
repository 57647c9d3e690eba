/**
 * The risk register as a file on the Risiko page: export (XLSX, CSV) for those who see the
 * register, and for editors an import with a preview of every row and cell it cannot use
 * before anything is written (the same reading as `import risks`).
 */
import { Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { TableScroll } from '../../components/ui.tsx';
import { ImportPreview } from '../../components/import-preview/ImportPreview.tsx';
import { RISK_LEVEL_LABELS as LEVEL_LABELS } from '../../labels.ts';

interface RiskImportResult {
  readonly dryRun: boolean;
  readonly risks: number;
  readonly options: number;
  readonly levels: { low: number; medium: number; high: number };
  readonly rows: ReadonlyArray<{ row: number; title: string; action: 'create' | 'update'; options: number; level: 'low' | 'medium' | 'high' }>;
  readonly acceptedWords: readonly string[];
  readonly problems: ReadonlyArray<{ row: number; column: string; message: string }>;
}

export function RiskExportLinks({ orgId }: { orgId: string }) {
  const t = useT();
  return (
    <ul className="page-actions">
      <li>
        <Link href={orgPath(orgId, '/risks-export?format=xlsx')} download>
          {t('riskFiles.exportXlsx')}
        </Link>
      </li>
      <li>
        <Link href={orgPath(orgId, '/risks-export?format=csv')} download>
          {t('riskFiles.exportCsv')}
        </Link>
      </li>
    </ul>
  );
}

export function RiskImport({ orgId, onImported }: { orgId: string; onImported: () => void }) {
  const t = useT();
  return (
    <ImportPreview<RiskImportResult>
      id="risk-import"
      section
      label={t('riskFiles.importHeading')}
      hint={t('riskFiles.importHint')}
      path={orgPath(orgId, '/risks-import')}
      summary={(preview) => (
        <>
          <Paragraph>{t('riskFiles.previewSummary', { risks: preview.risks, options: preview.options, high: preview.levels.high, medium: preview.levels.medium, low: preview.levels.low })}</Paragraph>
          {preview.acceptedWords.length > 0 ? <Paragraph data-size="sm">{t('riskFiles.acceptedWords', { words: preview.acceptedWords.join(', ') })}</Paragraph> : null}
        </>
      )}
      problemsCaption={t('riskFiles.problemsCaption')}
      problemsIntro={(count) => t('riskFiles.problemsIntro', { count })}
      noProblems={t('riskFiles.noProblems')}
      details={(preview) => <RiskRows rows={preview.rows} />}
      confirmLabel={(preview) => (preview.risks > 0 ? t('riskFiles.importConfirm', { count: preview.risks }) : null)}
      refusal={() => t('riskFiles.nothingToImport')}
      done={(imported) => (
        <>
          {t('riskFiles.importDone', { risks: imported.risks, options: imported.options })}
          {imported.problems.length > 0 ? ` ${t('riskFiles.skipped', { count: imported.problems.length })}` : ''}
        </>
      )}
      onImported={onImported}
    />
  );
}

function RiskRows({ rows }: { rows: RiskImportResult['rows'] }) {
  const t = useT();
  if (rows.length === 0) return null;
  return (
    <TableScroll label={t('riskFiles.rowsCaption')}>
      <Table data-size="sm" className="data-table">
        <caption>{t('riskFiles.rowsCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('import.colRow')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('risk.colTitle')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('riskFiles.colAction')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('risk.options')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('risk.level')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.row}>
              <Table.Cell>{r.row}</Table.Cell>
              <Table.HeaderCell scope="row">{r.title}</Table.HeaderCell>
              <Table.Cell>{r.action === 'create' ? t('riskFiles.actionCreate') : t('riskFiles.actionUpdate')}</Table.Cell>
              <Table.Cell>{r.options}</Table.Cell>
              <Table.Cell>{LEVEL_LABELS[r.level]}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
