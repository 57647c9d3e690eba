/**
 * One import UI for every file import (issue 12): choose a file → preview what the server would import
 * (a dry run) with every row and cell it cannot use (row, column, Norwegian message) in a captioned
 * table → one import button → the result. Focus moves to the preview heading, to the result, or to
 * the error summary. A caller gives the endpoint, its own summary and row tables, and the texts; the
 * problems come from the answer's `problems`.
 */
import { useEffect, type ReactNode } from 'react';
import { Alert, Button, Heading, Table } from '@digdir/designsystemet-react';
import { useT } from '../../i18n/index.tsx';
import { TableScroll } from '../ui.tsx';
import { FileImportForm, useFileImport } from './file-import.tsx';

/** A row or cell the import cannot use. */
export interface ImportProblem {
  readonly row: number | string | null;
  readonly column: string | null;
  readonly message: string;
}

/** The rows and cells an import's answer lists as unusable, in its `problems` (null: the import has no such list). */
function problemsOf(answer: object): readonly ImportProblem[] | null {
  return 'problems' in answer && Array.isArray(answer.problems) ? (answer.problems as readonly ImportProblem[]) : null;
}

export interface ImportPreviewProps<T extends object> {
  /** Ids: `${id}-file` (the file input), `${id}-preview` (the preview heading), `${id}-heading` (with `section`). */
  readonly id: string;
  /** The accessible name of the file form (and, with `section`, the heading). */
  readonly label: string;
  readonly hint: string;
  /** The import endpoint; it is called with `filename`, `dryRun` and `params` in the query. */
  readonly path: string;
  readonly params?: Readonly<Record<string, string>>;
  /** A section of a page: the import is a section with `label` as its level-2 heading, the preview's a level-3 heading. */
  readonly section?: boolean;
  /** Counts, totals and printed sums that do not add up: first in the preview. */
  readonly summary?: (preview: T) => ReactNode;
  readonly problemsCaption?: string;
  /** The alert above the problem table. */
  readonly problemsIntro?: (count: number) => string;
  readonly problemsTone?: 'warning' | 'danger';
  /** Said when there are no problems. */
  readonly noProblems?: string;
  /** What would be imported, row by row: after the problems. */
  readonly details?: (preview: T) => ReactNode;
  /** The import button's text; null: nothing can be imported (and `refusal` says why, if given). */
  readonly confirmLabel: (preview: T) => string | null;
  readonly refusal?: (preview: T) => string | null;
  /** The content of the success alert. */
  readonly done: (imported: T) => ReactNode;
  readonly onImported?: (imported: T) => void;
}

export function ImportPreview<T extends object>(props: ImportPreviewProps<T>) {
  const upload = useFileImport<T>((filename, dryRun) => `${props.path}?${new URLSearchParams({ filename, dryRun: String(dryRun), ...props.params }).toString()}`);
  const { imported } = upload;
  const { onImported } = props;
  useEffect(() => {
    if (imported && onImported) onImported(imported);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per import
  }, [imported]);
  const body = (
    <>
      <FileImportForm id={`${props.id}-file`} label={props.label} hint={props.hint} state={upload} />
      {imported ? (
        <Alert data-color="success" className="block" ref={upload.doneRef} tabIndex={-1}>
          {props.done(imported)}
        </Alert>
      ) : null}
      {upload.preview && !imported ? <Preview props={props} preview={upload.preview} upload={upload} /> : null}
    </>
  );
  if (!props.section) return body;
  return (
    <section aria-labelledby={`${props.id}-heading`} className="block">
      <Heading level={2} data-size="sm" id={`${props.id}-heading`}>
        {props.label}
      </Heading>
      {body}
    </section>
  );
}

function Preview<T extends object>({ props, preview, upload }: { props: ImportPreviewProps<T>; preview: T; upload: ReturnType<typeof useFileImport<T>> }) {
  const t = useT();
  const problems = problemsOf(preview);
  const confirm = props.confirmLabel(preview);
  const refusal = confirm === null ? (props.refusal?.(preview) ?? null) : null;
  const headingId = `${props.id}-preview`;
  const inSection = Boolean(props.section);
  return (
    <section aria-labelledby={headingId} className="import-preview">
      <Heading level={inSection ? 3 : 2} data-size={inSection ? 'xs' : 'sm'} id={headingId} ref={upload.previewRef} tabIndex={-1}>
        {t('import.previewHeading', { name: upload.file?.name ?? '' })}
      </Heading>
      {props.summary?.(preview)}
      {problems === null ? null : problems.length > 0 ? (
        <>
          {props.problemsIntro ? (
            <Alert data-color={props.problemsTone ?? 'warning'} className="block">
              {props.problemsIntro(problems.length)}
            </Alert>
          ) : null}
          <ProblemTable caption={props.problemsCaption ?? t('importPreview.problemsCaption')} problems={problems} />
        </>
      ) : props.noProblems ? (
        <Alert data-color="success" className="block">
          {props.noProblems}
        </Alert>
      ) : null}
      {props.details?.(preview)}
      {confirm !== null ? (
        <div className="form-actions">
          <Button onClick={upload.confirm} loading={upload.busy === 'import'}>
            {confirm}
          </Button>
        </div>
      ) : refusal ? (
        <Alert data-color="danger" className="block">
          {refusal}
        </Alert>
      ) : null}
    </section>
  );
}

/** Every row and cell the import cannot use: row, column and the message. */
export function ProblemTable({ caption, problems }: { caption: string; problems: readonly ImportProblem[] }) {
  const t = useT();
  return (
    <TableScroll label={caption}>
      <Table zebra border data-size="sm" className="data-table">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('import.colRow')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('import.colColumn')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('importPreview.colMessage')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {problems.map((p, i) => (
            <Table.Row key={`${p.row ?? ''}-${p.column ?? ''}-${i}`}>
              <Table.Cell>{p.row ?? '–'}</Table.Cell>
              <Table.Cell>{p.column || '–'}</Table.Cell>
              <Table.Cell>{p.message}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
