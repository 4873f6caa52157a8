// One state-changing call from a button or a form: busy while it runs (the button says so and is not
// pressed twice), the failure kept for the alert and the fields, success reported once.
import { useState } from 'preact/hooks';
import { fieldErrors, type FieldErrors } from './fields';
import { offline } from '../api/connectivity';
import { ApiError } from '../api/problems';

export interface Action<A extends unknown[]> {
  readonly busy: boolean;
  readonly error: unknown;
  readonly fields: FieldErrors;
  run(...args: A): Promise<boolean>;
  reset(): void;
}

export function useAction<A extends unknown[]>(call: (...args: A) => Promise<unknown>): Action<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return {
    busy,
    error,
    fields: fieldErrors(error),
    async run(...args: A) {
      if (busy) return false;
      if (offline.value) {
        // offline, the screen shows the last copy: read-only, nothing is sent
        setError(new ApiError(0, null, null, true));
        return false;
      }
      setBusy(true);
      setError(null);
      try {
        await call(...args);
        return true;
      } catch (failure) {
        setError(failure);
        return false;
      } finally {
        setBusy(false);
      }
    },
    reset() {
      setError(null);
    },
  };
}
