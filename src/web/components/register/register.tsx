/**
 * The table-plus-form pattern of the register pages (persons, suppliers, contracts, integrations), as in
 * SitesPage: edit in the form under the table, delete with a confirmation, a stale version (409) shows a
 * message with a reload button.
 */
import { useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { Alert, Button, Checkbox, Heading, Paragraph } from '@digdir/designsystemet-react';
import { api } from '../../api.ts';
import { useApi, type ApiResource } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useFocusOn, VisuallyHidden } from '../ui.tsx';
import { errorsFrom, FormFeedback, NO_ERRORS, problemMessage, type FormErrors } from '../../forms.tsx';

export interface Versioned {
  readonly id: string;
  readonly version: number;
}

export interface RegisterOptions<T extends Versioned, F> {
  /** Collection path, e.g. orgPath(org.id, '/persons'). */
  readonly path: string;
  readonly empty: F;
  readonly formOf: (item: T) => F;
  readonly bodyOf: (form: F) => Record<string, unknown>;
  readonly nameOf: (item: T) => string;
  /** Input ids are `${idPrefix}-${field}`. */
  readonly idPrefix: string;
  /** API field → input id, for fields whose input id is not `${idPrefix}-${field}`. */
  readonly idFor?: (field: string) => string | undefined;
  /** The list when the page loads it with other data (then `path` is not fetched; `reload` reloads the page's data). */
  readonly list?: ApiResource<T[]>;
}

export interface Register<T extends Versioned, F> {
  readonly list: ApiResource<T[]>;
  readonly editing: T | null;
  readonly form: F;
  readonly errors: FormErrors;
  readonly busy: boolean;
  readonly status: string | null;
  readonly confirming: T | null;
  readonly deleteError: string | null;
  readonly formHeadingRef: RefObject<HTMLHeadingElement | null>;
  readonly confirmRef: RefObject<HTMLDivElement | null>;
  set: <K extends keyof F>(field: K) => (value: F[K]) => void;
  setForm: (update: (form: F) => F) => void;
  startEdit: (item: T) => void;
  resetForm: () => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  askDelete: (item: T) => void;
  cancelDelete: () => void;
  onDelete: (item: T) => void;
  reloadAfterConflict: () => void;
  idOf: (field: string) => string | undefined;
}

export function useRegister<T extends Versioned, F extends object>(options: RegisterOptions<T, F>): Register<T, F> {
  const t = useT();
  const fetched = useApi<T[]>(options.list ? null : options.path);
  const list = options.list ?? fetched;
  const [editing, setEditing] = useState<T | null>(null);
  const [form, setFormState] = useState<F>(options.empty);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<T | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [formFocus, setFormFocus] = useState(0);
  const formHeadingRef = useFocusOn<HTMLHeadingElement>(formFocus || null);
  const confirmRef = useFocusOn<HTMLDivElement>(confirming?.id ?? null);
  const fields = Object.keys(options.empty);

  const resetForm = () => {
    setEditing(null);
    setFormState(options.empty);
    setErrors(NO_ERRORS);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    const body = options.bodyOf(form);
    const request = editing
      ? api.patch<T>(`${options.path}/${editing.id}`, { version: editing.version, ...body })
      : api.post<T>(options.path, body);
    request.then(
      (saved) => {
        setStatus(editing ? t('common.saved', { name: options.nameOf(saved) }) : t('common.created', { name: options.nameOf(saved) }));
        resetForm();
        list.reload();
        setBusy(false);
      },
      (error: unknown) => {
        setErrors((prev) => errorsFrom(error, t, prev));
        setBusy(false);
      },
    );
  };

  const onDelete = (item: T) => {
    setDeleteError(null);
    api.delete(`${options.path}/${item.id}?version=${item.version}`).then(
      () => {
        setConfirming(null);
        if (editing?.id === item.id) resetForm();
        setStatus(t('common.deleted', { name: options.nameOf(item) }));
        list.reload();
      },
      (error: unknown) => setDeleteError(problemMessage(error, t)),
    );
  };

  return {
    list,
    editing,
    form,
    errors,
    busy,
    status,
    confirming,
    deleteError,
    formHeadingRef,
    confirmRef,
    set: (field) => (value) => setFormState((f) => ({ ...f, [field]: value })),
    setForm: (update) => setFormState(update),
    startEdit: (item) => {
      setEditing(item);
      setFormState(options.formOf(item));
      setErrors(NO_ERRORS);
      setStatus(null);
      setFormFocus((n) => n + 1);
    },
    resetForm,
    onSubmit,
    askDelete: (item) => {
      setDeleteError(null);
      setConfirming(item);
    },
    cancelDelete: () => setConfirming(null),
    onDelete,
    reloadAfterConflict: () => {
      resetForm();
      setConfirming(null);
      setDeleteError(null);
      list.reload();
    },
    idOf: (field) => options.idFor?.(field) ?? (fields.includes(field) ? `${options.idPrefix}-${field}` : undefined),
  };
}

/** Edit and delete buttons for one row; the row's name is read out with them. */
export function RowActions<T extends Versioned, F>({ register, item, name }: { register: Register<T, F>; item: T; name: string }) {
  const t = useT();
  return (
    <div className="row-actions">
      <Button variant="tertiary" data-size="sm" onClick={() => register.startEdit(item)}>
        {t('common.edit')}
        <VisuallyHidden> {name}</VisuallyHidden>
      </Button>
      <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => register.askDelete(item)}>
        {t('common.delete')}
        <VisuallyHidden> {name}</VisuallyHidden>
      </Button>
    </div>
  );
}

export function DeleteConfirmation<T extends Versioned, F>({ register, nameOf }: { register: Register<T, F>; nameOf: (item: T) => string }) {
  const t = useT();
  const item = register.confirming;
  if (!item) return null;
  return (
    <Alert data-color="warning" className="block confirm" ref={register.confirmRef} tabIndex={-1}>
      <Paragraph>{t('common.deleteConfirm', { name: nameOf(item) })}</Paragraph>
      {register.deleteError ? (
        <Paragraph className="error-text" role="alert">
          {register.deleteError}
        </Paragraph>
      ) : null}
      <div className="form-actions">
        <Button data-color="danger" onClick={() => register.onDelete(item)}>
          {t('common.confirmDelete')}
        </Button>
        <Button variant="secondary" onClick={register.cancelDelete}>
          {t('common.cancel')}
        </Button>
        {register.deleteError ? (
          <Button variant="tertiary" onClick={register.reloadAfterConflict}>
            {t('common.reload')}
          </Button>
        ) : null}
      </div>
    </Alert>
  );
}

/** The add/edit form section under the table. */
export function RegisterForm<T extends Versioned, F>({
  register,
  idPrefix,
  addHeading,
  editHeading,
  addLabel,
  children,
}: {
  register: Register<T, F>;
  idPrefix: string;
  addHeading: string;
  editHeading: (item: T) => string;
  addLabel: string;
  children: ReactNode;
}) {
  const t = useT();
  const headingId = `${idPrefix}-form-heading`;
  return (
    <section aria-labelledby={headingId} className="form-section">
      <Heading level={2} data-size="sm" id={headingId} ref={register.formHeadingRef} tabIndex={-1}>
        {register.editing ? editHeading(register.editing) : addHeading}
      </Heading>
      <FormFeedback errors={register.errors} idFor={register.idOf} onReload={register.reloadAfterConflict} />
      <form className="form" noValidate onSubmit={register.onSubmit} aria-labelledby={headingId}>
        {children}
        <div className="form-actions">
          <Button type="submit" loading={register.busy}>
            {register.editing ? t('common.saveChanges') : addLabel}
          </Button>
          {register.editing ? (
            <Button type="button" variant="secondary" onClick={register.resetForm}>
              {t('common.cancel')}
            </Button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

/** '' → null for optional select/text values sent to the API. */
export const orNull = (s: string): string | null => (s.trim() === '' ? null : s);

export function CheckboxInput({ id, label, checked, onChange, description }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void; description?: string }) {
  return <Checkbox id={id} name={id} label={label} description={description} checked={checked} onChange={(e) => onChange(e.target.checked)} />;
}
