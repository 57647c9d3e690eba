import type { StaffAccess } from '../../domain/roles.ts';
import { STAFF_ACCESS_LABELS } from '../labels.ts';
import { useT } from '../i18n/index.tsx';
import { label } from '../forms.tsx';
import { OrgPicker, type DirectoryEntry } from './OrgPicker.tsx';

export type Owners = ReadonlyMap<string, StaffAccess>;

/** Owner municipalities of an IKS, each with the access the IKS staff get there. */
export function OwnersPicker({
  idPrefix,
  entries,
  owners,
  onChange,
  error,
}: {
  idPrefix: string;
  entries: readonly DirectoryEntry[];
  owners: Owners;
  onChange: (owners: Owners) => void;
  error?: string;
}) {
  const t = useT();
  const candidates = entries.filter((d) => d.kind === 'kommune');
  return (
    <OrgPicker
      idPrefix={idPrefix}
      legend={label('owners')}
      description={t('orgs.ownersHint')}
      filterLabel={t('orgs.ownerFilter')}
      entries={candidates}
      selected={new Set(owners.keys())}
      onToggle={(id, checked) => {
        const next = new Map(owners);
        if (checked) next.set(id, 'reader');
        else next.delete(id);
        onChange(next);
      }}
      error={error}
      renderExtra={(entry) => (
        <div className="owner-access">
          <label htmlFor={`${idPrefix}-access-${entry.id}`} className="ds-label" data-weight="regular">
            {t('orgs.staffAccessFor', { name: entry.name })}
          </label>
          <select
            id={`${idPrefix}-access-${entry.id}`}
            className="ds-input"
            data-size="sm"
            value={owners.get(entry.id) ?? 'reader'}
            onChange={(e) => {
              const next = new Map(owners);
              next.set(entry.id, e.target.value as StaffAccess);
              onChange(next);
            }}
          >
            {(Object.keys(STAFF_ACCESS_LABELS) as StaffAccess[]).map((a) => (
              <option key={a} value={a}>
                {STAFF_ACCESS_LABELS[a]}
              </option>
            ))}
          </select>
        </div>
      )}
    />
  );
}

export function ownersBody(owners: Owners): { organizationId: string; staffAccess: StaffAccess }[] {
  return [...owners.entries()].map(([organizationId, staffAccess]) => ({ organizationId, staffAccess }));
}
