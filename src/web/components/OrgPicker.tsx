import { useMemo, useState, type ReactNode } from 'react';
import { Checkbox, Fieldset, Paragraph } from '@digdir/designsystemet-react';
import { useT } from '../i18n/index.tsx';
import { TextInput } from '../forms.tsx';

export interface DirectoryEntry {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly kommunenummer: string | null;
}

const MAX_SHOWN = 40;

/**
 * A checkbox list of organizations, narrowed by a text search. Selected entries are always listed first,
 * so a choice never disappears from view when the search changes.
 */
export function OrgPicker({
  idPrefix,
  legend,
  description,
  filterLabel,
  entries,
  selected,
  onToggle,
  error,
  renderExtra,
}: {
  idPrefix: string;
  legend: string;
  description?: string;
  filterLabel: string;
  entries: readonly DirectoryEntry[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, checked: boolean) => void;
  error?: string;
  /** Extra controls after a selected entry (e.g. an access level). */
  renderExtra?: (entry: DirectoryEntry) => ReactNode;
}) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const { shown, total, anyMatch } = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const chosen = entries.filter((e) => selected.has(e.id));
    const matching = entries.filter(
      (e) => q === '' || e.name.toLowerCase().includes(q) || (e.kommunenummer ?? '').startsWith(q),
    );
    const unchosen = matching.filter((e) => !selected.has(e.id));
    return { shown: [...chosen, ...unchosen.slice(0, MAX_SHOWN)], total: unchosen.length, anyMatch: matching.length > 0 };
  }, [entries, filter, selected]);
  const hidden = total - Math.min(total, MAX_SHOWN);

  return (
    <Fieldset className="org-picker" aria-invalid={error ? true : undefined} id={idPrefix}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description ? <Fieldset.Description>{description}</Fieldset.Description> : null}
      {error ? (
        <Paragraph className="error-text" data-size="sm">
          {error}
        </Paragraph>
      ) : null}
      <TextInput
        id={`${idPrefix}-filter`}
        type="search"
        label={filterLabel}
        description={t('coop.memberFilterHint')}
        value={filter}
        onChange={setFilter}
      />
      <Paragraph data-size="sm" className="muted" aria-live="polite">
        {t('coop.selected', { count: selected.size })}
        {hidden > 0 ? ` · ${t('coop.moreMatches', { shown: MAX_SHOWN, total })}` : ''}
        {!anyMatch && filter.trim() !== '' ? ` · ${t('coop.noMatches')}` : ''}
      </Paragraph>
      <ul className="org-picker__list">
        {shown.map((entry) => (
          <li key={entry.id}>
            <Checkbox
              id={`${idPrefix}-${entry.id}`}
              label={entry.kommunenummer ? `${entry.name} (${entry.kommunenummer})` : entry.name}
              checked={selected.has(entry.id)}
              onChange={(e) => onToggle(entry.id, e.target.checked)}
            />
            {selected.has(entry.id) && renderExtra ? renderExtra(entry) : null}
          </li>
        ))}
      </ul>
    </Fieldset>
  );
}
