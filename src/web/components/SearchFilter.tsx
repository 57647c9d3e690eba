/**
 * A register list opened from a search hit (`?q=<name>`): shows the rows the search rule finds, says so, and offers
 * "Vis alle". The rule is the domain's, so the list agrees with the hit that led here.
 */
import type { ReactElement } from 'react';
import { Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink, useLocation, useSearchParams } from 'react-router';
import { matchesSearch } from '../../domain/search.ts';
import { useT } from '../i18n/index.tsx';

export interface SearchFilter<T> {
  readonly rows: T[];
  /** The notice to render above the table, or null without `?q=`. */
  readonly notice: ReactElement | null;
}

export function useSearchFilter<T>(all: T[], nameOf: (row: T) => string): SearchFilter<T> {
  const t = useT();
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const q = params.get('q')?.trim() ?? '';
  if (q === '') return { rows: all, notice: null };
  const rows = all.filter((row) => matchesSearch(nameOf(row), q));
  const rest = new URLSearchParams(params);
  rest.delete('q');
  const showAll = rest.size > 0 ? `${pathname}?${rest}` : pathname;
  const notice = (
    <Paragraph className="search-filter">
      {t('search.filtered', { q, shown: rows.length, total: all.length })}{' '}
      <Link asChild>
        <RouterLink to={showAll}>{t('search.showAll')}</RouterLink>
      </Link>
    </Paragraph>
  );
  return { rows, notice };
}
