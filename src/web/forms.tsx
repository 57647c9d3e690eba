import { useEffect, useRef, type ReactNode } from 'react';
import {
  Alert,
  Button,
  ErrorSummary,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { ApiError, type FieldError } from './api.ts';
import { fieldLabel } from './labels.ts';
import { useT, type Translate } from './i18n/index.tsx';

/** What a failed submit left behind: per-field messages, a message for the whole form, and whether it was a 409. */
export interface FormErrors {
  readonly fields: readonly FieldError[];
  readonly message: string | null;
  readonly conflict: boolean;
  /** Changes on every failed submit so the summary is re-announced and re-focused. */
  readonly attempt: number;
}

export const NO_ERRORS: FormErrors = { fields: [], message: null, conflict: false, attempt: 0 };

export function hasErrors(errors: FormErrors): boolean {
  return errors.fields.length > 0 || errors.message !== null;
}

/** The sentence to show for a failed request: the API's own `detail` when it has one. */
export function problemMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.generic');
  if (error.status === 0) return t('error.network');
  if (error.problem.detail) return error.problem.detail;
  switch (error.status) {
    case 403:
      return t('error.forbidden');
    case 404:
      return t('error.notFound');
    case 409:
      return t('error.conflict');
    case 429:
      return t('error.tooManyAttempts');
    default:
      return t('error.generic');
  }
}

export function errorsFrom(error: unknown, t: Translate, previous: FormErrors): FormErrors {
  const attempt = previous.attempt + 1;
  if (error instanceof ApiError) {
    const fields = error.problem.errors ?? [];
    if (fields.length > 0) return { fields, message: null, conflict: false, attempt };
    if (error.status === 409) return { fields: [], message: problemMessage(error, t), conflict: true, attempt };
  }
  return { fields: [], message: problemMessage(error, t), conflict: false, attempt };
}

export function clientErrors(fields: readonly FieldError[], previous: FormErrors): FormErrors {
  return { fields, message: null, conflict: false, attempt: previous.attempt + 1 };
}

/** Message(s) for one field; API paths such as `owners.0.staffAccess` count for `owners`. */
export function fieldError(errors: FormErrors, field: string): string | undefined {
  const messages = errors.fields
    .filter((e) => e.field === field || e.field.startsWith(`${field}.`) || e.field.startsWith(`${field}[`))
    .map((e) => e.message);
  return messages.length > 0 ? messages.join(' ') : undefined;
}

/**
 * Error summary (focused when it appears) or, for errors that belong to no field, an alert.
 * `idFor` maps an API field name to the id of its input so the summary can link to it.
 */
export function FormFeedback({
  errors,
  idFor,
  onReload,
}: {
  errors: FormErrors;
  idFor: (field: string) => string | undefined;
  onReload?: () => void;
}) {
  const t = useT();
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.message !== null) alertRef.current?.focus();
  }, [errors]);

  if (errors.fields.length > 0) {
    return (
      <ErrorSummary key={errors.attempt} className="block">
        <Heading level={2} data-size="xs">
          {t('common.errorSummary')}
        </Heading>
        <ErrorSummary.List>
          {errors.fields.map((e, i) => {
            const root = e.field.split(/[.[]/)[0] ?? e.field;
            const id = idFor(e.field) ?? idFor(root);
            return (
              <ErrorSummary.Item key={`${e.field}-${i}`}>
                {id ? (
                  <ErrorSummary.Link
                    href={`#${id}`}
                    onClick={(event) => {
                      const target = document.getElementById(id);
                      if (target) {
                        event.preventDefault();
                        target.focus();
                        target.scrollIntoView({ block: 'center' });
                      }
                    }}
                  >
                    {e.message}
                  </ErrorSummary.Link>
                ) : (
                  e.message
                )}
              </ErrorSummary.Item>
            );
          })}
        </ErrorSummary.List>
      </ErrorSummary>
    );
  }
  if (errors.message !== null) {
    return (
      <Alert
        key={errors.attempt}
        ref={alertRef}
        tabIndex={-1}
        data-color={errors.conflict ? 'warning' : 'danger'}
        className="block"
        role="alert"
      >
        {errors.conflict ? (
          <Heading level={2} data-size="xs">
            {t('common.conflictTitle')}
          </Heading>
        ) : null}
        <Paragraph>{errors.message}</Paragraph>
        {errors.conflict && onReload ? (
          <Button variant="secondary" data-size="sm" onClick={onReload}>
            {t('common.reload')}
          </Button>
        ) : null}
      </Alert>
    );
  }
  return null;
}

export function TextInput({
  id,
  label,
  value,
  onChange,
  error,
  description,
  type = 'text',
  inputMode,
  autoComplete,
  multiline = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  description?: ReactNode;
  type?: 'text' | 'password' | 'email' | 'search';
  inputMode?: 'numeric' | 'text' | 'email';
  autoComplete?: string;
  multiline?: boolean;
}) {
  if (multiline) {
    return (
      <Textfield
        className="form-field"
        id={id}
        name={id}
        label={label}
        description={description}
        error={error}
        multiline
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <Textfield
      className="form-field"
      id={id}
      name={id}
      label={label}
      description={description}
      error={error}
      type={type}
      inputMode={inputMode}
      autoComplete={autoComplete}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export function SelectInput({
  id,
  label,
  value,
  onChange,
  choices,
  error,
  description,
  emptyLabel,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  choices: readonly Choice[];
  error?: string;
  description?: ReactNode;
  /** Adds a first option with value '' (nothing chosen). */
  emptyLabel?: string;
}) {
  return (
    <Field className="form-field">
      <Label htmlFor={id}>{label}</Label>
      {description ? <Field.Description>{description}</Field.Description> : null}
      <Select id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined}>
        {emptyLabel !== undefined ? <Select.Option value="">{emptyLabel}</Select.Option> : null}
        {choices.map((c) => (
          <Select.Option key={c.value} value={c.value}>
            {c.label}
          </Select.Option>
        ))}
      </Select>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}

/** '' → null, whole number text → number, anything else is sent as typed so the API names the error. */
export function parseCount(text: string): number | string | null {
  const t = text.trim().replace(/[\s\u00a0]/g, '');
  if (t === '') return null;
  if (/^[-−]?\d+$/.test(t)) return Number(t.replace('−', '-'));
  return text;
}

export function choicesFrom<K extends string>(labels: Record<K, string>): Choice[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/** The Norwegian label of an API field name, from the shared domain labels. */
export function label(field: string): string {
  return fieldLabel([field]);
}
