/** Import of a year's statistics, accounts or cost pools: choose the year and the file, preview every problem, then confirm. */
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { formatInteger } from '../../../domain/format.ts';
import { orgPath } from '../../api.ts';
import { ImportPreview } from '../../components/import-preview/ImportPreview.tsx';
import { IMPORT_KINDS, useYear, yearUrl, YearPicker, type ImportKind } from '../../features/iks-year/common.tsx';
import { orgTitle } from '../../features/portfolio/common.tsx';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { NoAccess, Page } from '../../components/ui.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';

interface Result {
  dryRun: boolean;
  values?: number;
  lines?: number;
  pools?: number;
  discrepancies?: { metric?: string; column?: string; printed: number; computed: number }[];
  problems: { row: number; column: string; message: string }[];
}

const PATHS: Record<ImportKind, string> = { statistikk: '/statistics-import', regnskap: '/accounts-import', fordeling: '/cost-pools-import' };
const TITLES: Record<ImportKind, MessageKey> = { statistikk: 'year.import.statistics', regnskap: 'year.import.accounts', fordeling: 'year.import.pools' };
const HINTS: Record<ImportKind, MessageKey> = { statistikk: 'year.import.statisticsHint', regnskap: 'year.import.accountsHint', fordeling: 'year.import.poolsHint' };

export function YearImportPage() {
  const { kind } = useParams();
  return IMPORT_KINDS.includes(kind as ImportKind) ? <ImportForKind kind={kind as ImportKind} /> : <NotFoundPage />;
}

function ImportForKind({ kind }: { kind: ImportKind }) {
  const t = useT();
  const org = useOrganization();
  const [year, setYear] = useYear();
  if (!org.abilities.edit) return <NoAccess />;
  const title = t(TITLES[kind]);
  const count = (r: Result) => r.values ?? r.lines ?? r.pools ?? 0;
  return (
    <>
      <p className="back-link">
        <RouterLink to={yearUrl(org.slug, year)}>{t('year.import.back', { year })}</RouterLink>
      </p>
      <Page title={orgTitle(title, org)} heading={title} intro={t(HINTS[kind])}>
        <YearPicker id="import-year" year={year} onChange={setYear} />
        <ImportPreview<Result>
          id="year-import"
          label={title}
          hint={t('year.import.fileHint')}
          path={orgPath(org.id, PATHS[kind])}
          params={{ year: String(year) }}
          summary={(preview) => (
            <>
              <Paragraph>{t('year.import.count', { count: count(preview) })}</Paragraph>
              {(preview.discrepancies ?? []).length > 0 ? (
                <Alert data-color="warning" className="block">
                  <Heading level={3} data-size="xs">
                    {t('year.import.discrepancies')}
                  </Heading>
                  <ul>
                    {(preview.discrepancies ?? []).map((d, i) => (
                      <li key={i}>{t('year.import.discrepancy', { what: d.metric ?? d.column ?? '', printed: formatInteger(d.printed), computed: formatInteger(d.computed) })}</li>
                    ))}
                  </ul>
                </Alert>
              ) : null}
            </>
          )}
          problemsCaption={t('year.import.problems')}
          noProblems={t('year.import.noProblems')}
          confirmLabel={(preview) => t('year.import.confirm', { count: count(preview), year })}
          done={(imported) => (
            <>
              <Heading level={2} data-size="xs">
                {t('year.import.done', { count: count(imported), year })}
              </Heading>
              <Paragraph>
                <RouterLink to={yearUrl(org.slug, year)}>{t('year.import.toYear', { year })}</RouterLink>
              </Paragraph>
            </>
          )}
        />
      </Page>
    </>
  );
}
