/**
 * One register (issue 12): status line, read-only note, load error, the search-hit filter, the empty text, the
 * table (RegisterTable: sortable, filterable, caption, row actions), the delete confirmation with its 409 reload,
 * and the add/edit form with its 409 reload. A page gives its columns, its form fields and its special parts
 * (slots `top`, `beforeList`, `filters`, `expansion`, `footer`, `actions`, `confirmations`, `form.intro`, `after`).
 */
import type { ReactNode } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useT } from '../../i18n/index.tsx';
import { LoadError, Loading, StatusMessage } from '../ui.tsx';
import { useSearchFilter } from '../SearchFilter.tsx';
import { RegisterTable, type RowExpansion, type TableColumn } from '../register-table/RegisterTable.tsx';
import { DeleteConfirmation, RegisterForm, RowActions, type Register, type RemoveWords, type Versioned } from './register.tsx';

export interface RegisterFormSlot<T> {
  readonly addHeading: string;
  readonly editHeading: (item: T) => string;
  readonly addLabel: string;
  /** Hints between the form's heading and its fields. */
  readonly intro?: ReactNode;
  readonly fields: ReactNode;
}

export interface RegisterViewProps<T extends Versioned, F> {
  readonly register: Register<T, F>;
  /** Form input ids are `${idPrefix}-…`; the table's filter is `${idPrefix}-table-filter`. */
  readonly idPrefix: string;
  readonly caption: string;
  readonly columns: ReadonlyArray<TableColumn<T>>;
  readonly nameOf: (item: T) => string;
  /** May add, edit and delete: the form and the row buttons (else a read-only note). */
  readonly canEdit: boolean;
  /** Shown when the list is empty (none: nothing is said). */
  readonly emptyText?: string;
  /** The rows to show when the page filters and sorts them itself (default: the register's list). */
  readonly rows?: T[];
  /** Shown when `rows` is empty but the list is not. */
  readonly noMatchText?: string;
  /** Name used by the search-hit filter (`?q=`); without it the page has none. */
  readonly searchName?: (item: T) => string;
  /** False: the table has no filter field or sort buttons (the page has its own). */
  readonly tableControls?: boolean;
  /** Between the status line and the list (export links, alerts). */
  readonly top?: ReactNode;
  /** Wraps the list in a section with this heading. */
  readonly listHeading?: { readonly id: string; readonly text: string };
  /** Above the table, inside the list section (the page's own filter bar). */
  readonly filters?: ReactNode;
  readonly expansion?: (item: T) => RowExpansion | null;
  readonly footer?: (shown: readonly T[]) => ReactNode;
  /** After the read-only note, before the list (e.g. invitations to answer). */
  readonly beforeList?: ReactNode;
  /**
   * The actions column: `false` none; a function, the page's own buttons per row (shown while `showActions`);
   * default edit and delete while `canEdit`.
   */
  readonly actions?: false | ((item: T) => ReactNode);
  readonly showActions?: boolean;
  /** False: rows have no edit button (add and delete only). */
  readonly rowEdit?: boolean;
  readonly remove?: RemoveWords<T>;
  /** After the delete confirmation (another question the page asks). */
  readonly confirmations?: ReactNode;
  /** Without it, the register has no form (list only). */
  readonly form?: RegisterFormSlot<T>;
  /** After the form (imports, related lists). */
  readonly after?: ReactNode;
}

export function RegisterView<T extends Versioned, F>(props: RegisterViewProps<T, F>) {
  const t = useT();
  const { register, canEdit, nameOf } = props;
  const { list } = register;
  const found = useSearchFilter(props.rows ?? list.data ?? [], props.searchName ?? (() => ''));
  const rows = props.searchName ? found.rows : (props.rows ?? list.data ?? []);
  const actions =
    props.actions === false
      ? undefined
      : typeof props.actions === 'function'
        ? (props.showActions ?? canEdit)
          ? props.actions
          : undefined
        : canEdit
          ? (item: T) => <RowActions register={register} item={item} name={nameOf(item)} edit={props.rowEdit ?? true} deleteLabel={props.remove?.label} />
          : undefined;
  const listBody = (
    <>
      {!canEdit ? <Paragraph className="muted">{t('common.readOnly')}</Paragraph> : null}
      {props.beforeList}
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.length > 0 ? props.filters : null}
      {props.searchName ? found.notice : null}
      {list.data && list.data.length === 0 && props.emptyText ? <Paragraph>{props.emptyText}</Paragraph> : null}
      {list.data && list.data.length > 0 && rows.length === 0 && props.noMatchText ? <Paragraph>{props.noMatchText}</Paragraph> : null}
      {rows.length > 0 ? (
        <RegisterTable
          id={`${props.idPrefix}-table`}
          caption={props.caption}
          columns={props.columns}
          items={rows}
          rowKey={register.keyOf}
          controls={props.tableControls ?? true}
          expansion={props.expansion}
          footer={props.footer}
          actions={actions}
        />
      ) : null}
    </>
  );
  return (
    <>
      <StatusMessage message={register.status} />
      {props.top}
      {props.listHeading ? (
        <section aria-labelledby={props.listHeading.id}>
          <Heading level={2} data-size="sm" id={props.listHeading.id}>
            {props.listHeading.text}
          </Heading>
          {listBody}
        </section>
      ) : (
        listBody
      )}
      <DeleteConfirmation register={register} nameOf={nameOf} words={props.remove} />
      {props.confirmations}
      {canEdit && props.form ? (
        <RegisterForm
          register={register}
          idPrefix={props.idPrefix}
          addHeading={props.form.addHeading}
          editHeading={props.form.editHeading}
          addLabel={props.form.addLabel}
          intro={props.form.intro}
        >
          {props.form.fields}
        </RegisterForm>
      ) : null}
      {props.after}
    </>
  );
}
