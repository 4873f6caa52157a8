// What happened, said in words: a failed call as an alert in the person's language (never the service's
// English title or a raw status), a finished action as a polite status message.
import { problemMessage } from '../api/problems';
import { t } from '../i18n/i18n';

export function ProblemAlert({ error }: { readonly error: unknown }) {
  if (error === null || error === undefined) return null;
  return <p role="alert" class="error">{problemMessage(error, t)}</p>;
}

export function StatusMessage({ message }: { readonly message: string | null }) {
  // the live region is always present so that a new message is announced
  return <p role="status" class="status">{message ?? ''}</p>;
}

export function Loading() {
  return <p role="status">{t('shell.loading')}</p>;
}

/** A load that failed: what went wrong, in words, and a way to try again. */
export function LoadFailed({ error, retry }: { readonly error: unknown; readonly retry: () => void }) {
  return (
    <>
      <ProblemAlert error={error} />
      <button type="button" onClick={retry}>{t('common.retry')}</button>
    </>
  );
}
