// A file from the gateway as the person's download: fetched (so that a slow first rendering can show progress and a
// refusal can be said in words), then saved through a Blob URL under the name the service gives it.
import { browser, noteAnswer, parseBody, problemError, type HttpDeps } from './http';
import { ApiError } from './problems';
import { reportUnreachable } from './connectivity';

export interface Progress {
  /** bytes received so far */
  readonly received: number;
  /** the size when the answer says it (Content-Length), else null */
  readonly total: number | null;
}

/** The file name from Content-Disposition (filename* first, then filename), else the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1]?.trim();
  // a name with a path in it is not taken as it stands
  return plain && !/[\\/]/.test(plain) ? plain : fallback;
}

/** Fetches the file, reporting bytes as they arrive. */
export async function fetchFile(path: string, fallbackName: string, onProgress: (progress: Progress) => void,
  deps: HttpDeps = browser): Promise<{ blob: Blob; name: string }> {
  let response: Response;
  try {
    response = await deps.fetch(path, { method: 'GET', credentials: 'same-origin' });
  } catch {
    reportUnreachable();
    throw new ApiError(0, null, null, true);
  }
  noteAnswer(response);
  if (!response.ok) throw problemError(response, parseBody(await response.text()));
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  const name = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  if (!response.body) return { blob: await response.blob(), name };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress({ received, total });
  }
  return { blob: new Blob(chunks as BlobPart[], { type }), name };
}

/** Hands the file to the browser's downloads. */
export function saveFile(blob: Blob, name: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // the download has started from the URL; free it a little later
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
