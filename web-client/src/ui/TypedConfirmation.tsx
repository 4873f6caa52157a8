// A destructive action confirmed by typing a word shown on the screen (erasure: issue 13): the submit
// button works only once the typed word matches. The people area's person page and the back office's
// erasure use it with their own words and explanations.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { TextField } from './Field';

/** Case, surrounding spaces and the apostrophe used (Uzbek Oʻ is often typed O') do not matter. */
function normalisedWord(text: string): string {
  return text.trim().replace(/[ʻʼ‘’`']/g, "'").toLocaleUpperCase();
}

/** The typed confirmation: the word shown (an empty word confirms nothing). */
export function confirmsWord(typed: string, word: string): boolean {
  return word.trim() !== '' && normalisedWord(typed) === normalisedWord(word);
}

export interface TypedConfirmationProps {
  /** the form's id; the field is `${id}-word`, unless fieldId names it */
  readonly id: string;
  readonly fieldId?: string;
  readonly title: string;
  readonly word: string;
  /** the field's label, naming the word */
  readonly label: string;
  readonly submit: string;
  readonly busyText: string;
  readonly busy: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  /** what the action does, in words */
  readonly children: ComponentChildren;
}

export function TypedConfirmation(props: TypedConfirmationProps) {
  const { id, title, word, label, submit, busyText, busy, onConfirm, onCancel, children } = props;
  const [typed, setTyped] = useState('');
  const confirmed = confirmsWord(typed, word);
  const fieldId = props.fieldId ?? `${id}-word`;
  return (
    <form id={id} class="confirm" aria-labelledby={`${id}-title`} onSubmit={(event) => {
      event.preventDefault();
      if (confirmed && !busy) onConfirm();
    }}>
      <h3 id={`${id}-title`}>{title}</h3>
      {children}
      <TextField id={fieldId} label={label} value={typed} onValue={setTyped} autoComplete="off" />
      <div class="actions">
        <button type="submit" class="danger" disabled={!confirmed || busy}>{busy ? busyText : submit}</button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
