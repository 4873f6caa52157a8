// Labelled form controls. An error is written next to its field, tied to it with aria-describedby and
// aria-invalid, so it is read out when the field gets focus.
import type { ComponentChildren } from 'preact';
import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';

interface Common {
  readonly id: string;
  readonly label: string;
  readonly error?: MessageKey | undefined;
  readonly hint?: string | undefined;
}

/** What every control carries: its id and name, and the hint and error it is described by. */
function controlProps(id: string, error?: MessageKey, hint?: string) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter((x) => x !== null);
  return {
    id,
    name: id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ids.length ? ids.join(' ') : undefined,
  };
}

function Frame({ id, label, error, hint, children }: Common & { readonly children: ComponentChildren }) {
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      {children}
      {error && <p id={`${id}-error`} class="field-error">{t(error)}</p>}
    </div>
  );
}

interface InputProps extends Common {
  readonly value: string;
  readonly onValue: (value: string) => void;
  readonly type?: 'text' | 'email' | 'search' | 'password' | 'datetime-local' | 'date' | 'number' | 'url' | 'tel';
  readonly required?: boolean;
  readonly autoComplete?: string;
  readonly inputMode?: 'text' | 'email' | 'numeric' | 'search' | 'url' | 'tel';
  readonly maxLength?: number;
  readonly min?: string;
  readonly max?: string;
  readonly disabled?: boolean;
  readonly lang?: string;
}

export function TextField({ id, label, error, hint, value, onValue, type = 'text', ...rest }: InputProps) {
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <input
        {...controlProps(id, error, hint)}
        // Preact 11 types each input type separately; one labelled control serves them all
        type={type as 'text'}
        value={value}
        required={rest.required}
        autoComplete={rest.autoComplete}
        inputMode={rest.inputMode}
        maxLength={rest.maxLength}
        min={rest.min}
        max={rest.max}
        disabled={rest.disabled}
        lang={rest.lang}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </Frame>
  );
}

interface AreaProps extends Common {
  readonly value: string;
  readonly onValue: (value: string) => void;
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly rows?: number;
  readonly lang?: string;
}

export function TextArea({ id, label, error, hint, value, onValue, ...rest }: AreaProps) {
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <textarea
        {...controlProps(id, error, hint)}
        value={value}
        required={rest.required}
        maxLength={rest.maxLength}
        rows={rest.rows ?? 4}
        lang={rest.lang}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </Frame>
  );
}

export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly lang?: string;
}

type SelectProps = Common & {
  readonly value: string;
  readonly choices: readonly Choice[];
  readonly onValue: (value: string) => void;
  readonly required?: boolean;
  /** an empty first option, for "any" in filters or "choose…" in forms */
  readonly empty?: string;
};

export function SelectField({ id, label, error, hint, value, choices, onValue, required, empty }: SelectProps) {
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <select
        {...controlProps(id, error, hint)}
        value={value}
        required={required}
        onChange={(event) => onValue(event.currentTarget.value)}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} lang={choice.lang}>{choice.label}</option>
        ))}
      </select>
    </Frame>
  );
}
