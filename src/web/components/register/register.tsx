/**
 * The table-plus-form pattern of every register page (sites, persons, suppliers, contracts, integrations,
 * cooperations, members, organizations): edit in the form under the table, delete with a confirmation, a stale
 * version (409) shows a message with a reload button.
 */
import { useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { Alert, Button, Checkbox, Heading, Paragraph } from '@digdir/designsystemet-react';
import { api } from '../../api.ts';
import { useApi, type ApiResource } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useFocusOn, VisuallyHidden } from '../ui.tsx';
import { clientErrors, errorsFrom, FormFeedback, NO_ERRORS, problemMessage, type FormErrors } from '../../forms.tsx';

/**
 * A register row. Its key is its `id` unless the register's `keyOf` says otherwise (a member is keyed by its
 * userId); edits and deletes send its `version`. A row without a version (an organization in the system list)
 * belongs to a register that only adds.
 */
export type Versioned = object;

/** `keyOf` may be left out only when the row has an `id`. */
type KeyOption<T> = T extends { readonly id: string } ? { readonly keyOf?: (item: T) => string } : { readonly keyOf: (item: T) => string };

export type RegisterOptions<T extends Versioned, F> = BaseOptions<T, F> & KeyOption<T>;

interface BaseOptions<T extends Versioned, F> {
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
  /** Problems found before anything is sent (shown like the API's). */
  readonly validate?: (form: F) => ReadonlyArray<{ field: string; message: string }>;
  /** The status line after an add (default «… er opprettet.»). */
  readonly createdMessage?: (saved: T) => string;
  /** The status line after a delete (default «… er slettet.»). */
  readonly deletedMessage?: (item: T) => string;
  /** After a save, besides reloading the list (e.g. refresh the session). */
  readonly onSaved?: (saved: T) => void;
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
  keyOf: (item: T) => string;
  /** The status line, for the page's own actions (a role change, an answered invitation). */
  setStatus: (message: string | null) => void;
}

const defaultKey = (item: object): string => String((item as { id?: unknown }).id);
const versionOf = (item: object): number | undefined => (item as { version?: number }).version;

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
  const keyOf = (options as { keyOf?: (item: T) => string }).keyOf ?? defaultKey;
  const formHeadingRef = useFocusOn<HTMLHeadingElement>(formFocus || null);
  const confirmRef = useFocusOn<HTMLDivElement>(confirming ? keyOf(confirming) : null);
  const fields = Object.keys(options.empty);

  const resetForm = () => {
    setEditing(null);
    setFormState(options.empty);
    setErrors(NO_ERRORS);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setStatus(null);
    const problems = options.validate?.(form) ?? [];
    if (problems.length > 0) {
      setErrors((prev) => clientErrors(problems, prev));
      return;
    }
    setBusy(true);
    const body = options.bodyOf(form);
    const request = editing
      ? api.patch<T>(`${options.path}/${keyOf(editing)}`, { version: versionOf(editing), ...body })
      : api.post<T>(options.path, body);
    request.then(
      (saved) => {
        setStatus(
          editing
            ? t('common.saved', { name: options.nameOf(saved) })
            : (options.createdMessage?.(saved) ?? t('common.created', { name: options.nameOf(saved) })),
        );
        resetForm();
        list.reload();
        options.onSaved?.(saved);
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
    api.delete(`${options.path}/${keyOf(item)}?version=${versionOf(item)}`).then(
      () => {
        setConfirming(null);
        if (editing && keyOf(editing) === keyOf(item)) resetForm();
        setStatus(options.deletedMessage?.(item) ?? t('common.deleted', { name: options.nameOf(item) }));
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
    keyOf,
    setStatus,
  };
}

/** The words of a register's delete (a member is «fjernet», not «slettet»). */
export interface RemoveWords<T> {
  /** The row button (default «Slett»). */
  readonly label?: string;
  /** The question (default «Vil du slette …?»). */
  readonly question?: (item: T) => string;
  /** The confirming button (default «Ja, slett»). */
  readonly confirmLabel?: string;
}

/** Edit (unless `edit` is false) and delete buttons for one row; the row's name is read out with them. */
export function RowActions<T extends Versioned, F>({
  register,
  item,
  name,
  edit = true,
  deleteLabel,
}: {
  register: Register<T, F>;
  item: T;
  name: string;
  edit?: boolean;
  deleteLabel?: string;
}) {
  const t = useT();
  return (
    <div className="row-actions">
      {edit ? (
        <Button variant="tertiary" data-size="sm" onClick={() => register.startEdit(item)}>
          {t('common.edit')}
          <VisuallyHidden> {name}</VisuallyHidden>
        </Button>
      ) : null}
      <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => register.askDelete(item)}>
        {deleteLabel ?? t('common.delete')}
        <VisuallyHidden> {name}</VisuallyHidden>
      </Button>
    </div>
  );
}

/** A question to confirm (delete, leave): focused when it opens, its error, and a reload after a 409. */
export function Confirmation({
  question,
  confirmLabel,
  error,
  onConfirm,
  onCancel,
  onReload,
  focusRef,
}: {
  question: string;
  confirmLabel: string;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  /** Offered with an error (the row changed since it was read). */
  onReload?: () => void;
  focusRef: RefObject<HTMLDivElement | null>;
}) {
  const t = useT();
  return (
    <Alert data-color="warning" className="block confirm" ref={focusRef} tabIndex={-1}>
      <Paragraph>{question}</Paragraph>
      {error ? (
        <Paragraph className="error-text" role="alert">
          {error}
        </Paragraph>
      ) : null}
      <div className="form-actions">
        <Button data-color="danger" onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        {error && onReload ? (
          <Button variant="tertiary" onClick={onReload}>
            {t('common.reload')}
          </Button>
        ) : null}
      </div>
    </Alert>
  );
}

export function DeleteConfirmation<T extends Versioned, F>({ register, nameOf, words }: { register: Register<T, F>; nameOf: (item: T) => string; words?: RemoveWords<T> }) {
  const t = useT();
  const item = register.confirming;
  if (!item) return null;
  return (
    <Confirmation
      question={words?.question ? words.question(item) : t('common.deleteConfirm', { name: nameOf(item) })}
      confirmLabel={words?.confirmLabel ?? t('common.confirmDelete')}
      error={register.deleteError}
      onConfirm={() => register.onDelete(item)}
      onCancel={register.cancelDelete}
      onReload={register.reloadAfterConflict}
      focusRef={register.confirmRef}
    />
  );
}

/** The add/edit form section under the table. */
export function RegisterForm<T extends Versioned, F>({
  register,
  idPrefix,
  addHeading,
  editHeading,
  addLabel,
  intro,
  children,
}: {
  register: Register<T, F>;
  idPrefix: string;
  addHeading: string;
  editHeading: (item: T) => string;
  addLabel: string;
  /** Hints between the heading and the form. */
  intro?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const headingId = `${idPrefix}-form-heading`;
  return (
    <section aria-labelledby={headingId} className="form-section">
      <Heading level={2} data-size="sm" id={headingId} ref={register.formHeadingRef} tabIndex={-1}>
        {register.editing ? editHeading(register.editing) : addHeading}
      </Heading>
      {intro}
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
