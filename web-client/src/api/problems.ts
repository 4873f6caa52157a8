// RFC 9457 problem details → words in the person's language. The services' own titles and details are
// English and technical, so they are never shown; the status (and offline) chooses the message, and
// the correlation id is added so a coordinator can find the request in the logs.
import type { MessageKey } from '../i18n/messages/en';
import type { MessageValues } from '../i18n/translator';

export interface ProblemDetails {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails | null,
    readonly correlationId: string | null,
    readonly offline = false,
  ) {
    super(offline ? 'offline' : `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

const KNOWN = [400, 401, 403, 404, 409, 422, 429, 500, 503] as const;

export function problemMessageKey(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'error.unknown';
  if (error.offline) return 'error.offline';
  const status = error.problem?.status ?? error.status;
  if ((KNOWN as readonly number[]).includes(status)) return `error.${status}` as MessageKey;
  if (status === 502 || status === 504) return 'error.503';
  if (status >= 500) return 'error.500';
  if (status >= 400) return 'error.400';
  return 'error.unknown';
}

export type Translate = (key: MessageKey, values?: MessageValues) => string;

export function problemMessage(error: unknown, t: Translate): string {
  const message = t(problemMessageKey(error));
  const reference = error instanceof ApiError ? error.correlationId : null;
  return reference ? `${message} ${t('error.reference', { id: reference })}` : message;
}
