// Field errors of a 422 problem ("errors": [{"field", "code", "message"}], platform-kit's ProblemDetailsAdvice)
// as message keys, so each error is shown next to its field in the person's language. The services'
// English "message" is never shown; the constraint's code chooses the words.
import { ApiError } from '../api/problems';
import type { MessageKey } from '../i18n/messages/en';

const CODES: Readonly<Record<string, MessageKey>> = {
  NotBlank: 'field.required',
  NotNull: 'field.required',
  NotEmpty: 'field.required',
  Size: 'field.size',
  Email: 'field.email',
  Pattern: 'field.pattern',
  Min: 'field.range',
  Max: 'field.range',
  Future: 'field.future',
  FutureOrPresent: 'field.future',
};

export type FieldErrors = Readonly<Record<string, MessageKey>>;

/** Field name → what to say about it; empty when the failure is not about fields. */
export function fieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors = error.problem?.['errors'];
  if (!Array.isArray(errors)) return {};
  const out: Record<string, MessageKey> = {};
  for (const entry of errors) {
    if (entry === null || typeof entry !== 'object') continue;
    const { field, code } = entry as { field?: unknown; code?: unknown };
    if (typeof field !== 'string' || field in out) continue;
    out[field] = (typeof code === 'string' && CODES[code]) || 'field.invalid';
  }
  return out;
}
