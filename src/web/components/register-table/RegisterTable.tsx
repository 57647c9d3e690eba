/**
 * One table for the registers (issue 12): columns declared once (headers from the domain's
 * RegisterColumn declarations, e.g. ASSET_COLUMNS), sortable headers (buttons, aria-sort), a text
 * filter over every column, a caption, and row actions. Keyboard: the sort buttons and the filter
 * are ordinary controls; the row count after filtering is announced politely.
 */
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { Button, Field, Input, Label, Table } from '@digdir/designsystemet-react';
import { useT } from '../../i18n/index.tsx';
import { TableScroll } from '../ui.tsx';
import './register-table.css';

export interface TableColumn<T> {
  key: string;
  header: string;
  /** The value sorted and filtered on (and shown, unless `render`). */
  value: (item: T) => string | number | null;
  render?: (item: T) => ReactNode;
  numeric?: boolean;
  /** False: a plain header without a sort button (e.g. a column of buttons). */
  sortable?: boolean;
  className?: string;
}

/** A row under an item's row, spanning the table (e.g. the systems a person holds roles on). */
export interface RowExpansion {
  id: string;
  content: ReactNode;
}

type Sort = { key: string; direction: 'ascending' | 'descending' } | null;

const collator = new Intl.Collator('nb', { numeric: true, sensitivity: 'base' });

function compare(a: string | number | null, b: string | number | null): number {
  if (a === null || a === '') return b === null || b === '' ? 0 : 1;
  if (b === null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

export function RegisterTable<T>({
  id,
  caption,
  columns,
  items,
  rowKey,
  rowHeader,
  actions,
  actionsHeader,
  footer,
  expansion,
  controls = true,
}: {
  id: string;
  caption: string;
  columns: ReadonlyArray<TableColumn<T>>;
  items: readonly T[];
  rowKey: (item: T) => string;
  /** The column whose cell is the row's header (default: the first). */
  rowHeader?: string;
  actions?: (item: T) => ReactNode;
  actionsHeader?: string;
  /** The table foot, given the rows shown after filtering. */
  footer?: (shown: readonly T[]) => ReactNode;
  expansion?: (item: T) => RowExpansion | null;
  /** False: no filter field and no sort buttons (the page sorts and filters itself). */
  controls?: boolean;
}) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<Sort>(null);
  const headerKey = rowHeader ?? columns[0]?.key;

  const shown = useMemo(() => {
    const needle = controls ? filter.trim().toLowerCase() : '';
    const filtered = needle === '' ? [...items] : items.filter((item) => columns.some((c) => String(c.value(item) ?? '').toLowerCase().includes(needle)));
    if (!sort) return filtered;
    const column = columns.find((c) => c.key === sort.key);
    if (!column) return filtered;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return filtered.sort((a, b) => sign * compare(column.value(a), column.value(b)));
  }, [items, columns, filter, sort, controls]);

  const toggle = (key: string) =>
    setSort((s) => (s?.key === key ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: 'ascending' }));

  return (
    <div className="register-table">
      {controls ? (
      <form className="register-table-filter" role="search" aria-label={t('registerTable.filterLabel', { caption })} onSubmit={(e) => e.preventDefault()}>
        <Field>
          <Label htmlFor={`${id}-filter`}>{t('registerTable.filter')}</Label>
          <Input id={`${id}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </Field>
        <p className="muted" aria-live="polite">
          {t('registerTable.count', { shown: shown.length, total: items.length })}
        </p>
      </form>
      ) : null}
      <TableScroll label={caption}>
        <Table zebra border className="data-table">
          <caption>{caption}</caption>
          <Table.Head>
            <Table.Row>
              {columns.map((c) => (
                <Table.HeaderCell key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={sort?.key === c.key ? sort.direction : undefined}>
                  {controls && c.sortable !== false ? (
                    <Button variant="tertiary" data-size="sm" className="sort-button" onClick={() => toggle(c.key)}>
                      {c.header}
                      <span aria-hidden="true">{sort?.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                    </Button>
                  ) : (
                    c.header
                  )}
                </Table.HeaderCell>
              ))}
              {actions ? <Table.HeaderCell scope="col">{actionsHeader ?? t('common.actions')}</Table.HeaderCell> : null}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shown.map((item) => {
              const more = expansion?.(item) ?? null;
              return (
              <Fragment key={rowKey(item)}>
              <Table.Row>
                {columns.map((c) => {
                  const content = c.render ? c.render(item) : (c.value(item) ?? '–');
                  const className = [c.numeric ? 'num' : '', c.className ?? ''].join(' ').trim() || undefined;
                  return c.key === headerKey ? (
                    <Table.HeaderCell key={c.key} scope="row" className={className}>
                      {content}
                    </Table.HeaderCell>
                  ) : (
                    <Table.Cell key={c.key} className={className}>
                      {content}
                    </Table.Cell>
                  );
                })}
                {actions ? <Table.Cell>{actions(item)}</Table.Cell> : null}
              </Table.Row>
              {more ? (
                <Table.Row id={more.id}>
                  <Table.Cell colSpan={columns.length + (actions ? 1 : 0)}>{more.content}</Table.Cell>
                </Table.Row>
              ) : null}
              </Fragment>
              );
            })}
          </Table.Body>
          {footer ? <Table.Foot>{footer(shown)}</Table.Foot> : null}
        </Table>
      </TableScroll>
    </div>
  );
}
