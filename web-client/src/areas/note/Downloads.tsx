// Downloads of a version (or the draft) in four formats. The first PDF after the service starts takes seconds:
// the button says it is preparing, counts the seconds and the kilobytes as they arrive, and never freezes.
import { useEffect, useRef, useState } from 'preact/hooks';
import { fetchFile, saveFile } from '../../api/download';
import { offline } from '../../api/connectivity';
import { t } from '../../i18n/i18n';
import { ProblemAlert, StatusMessage } from '../../ui/feedback';
import { downloadPath, fallbackName, FORMATS, type Format } from './api';
import { kilobytes, type DownloadState } from './logic';

const LABEL = { pdf: 'PDF', docx: 'DOCX (Word)', html: 'HTML', md: 'Markdown' } as const;

export function Downloads({ number, id }: { readonly number: number | 'draft'; readonly id: string }) {
  const [states, setStates] = useState<Partial<Record<Format, DownloadState>>>({});
  const timers = useRef(new Map<Format, ReturnType<typeof setInterval>>());
  useEffect(() => () => timers.current.forEach((timer) => clearInterval(timer)), []);

  function update(format: Format, next: (before: DownloadState | undefined) => DownloadState) {
    setStates((all) => ({ ...all, [format]: next(all[format]) }));
  }

  async function download(format: Format) {
    const started = Date.now();
    update(format, () => ({ state: 'preparing', seconds: 0, received: 0, total: null }));
    timers.current.set(format, setInterval(() => update(format, (before) => (before?.state === 'preparing'
      ? { ...before, seconds: Math.floor((Date.now() - started) / 1000) } : before ?? { state: 'idle' })), 1000));
    try {
      const file = await fetchFile(downloadPath(number, format), fallbackName(number, format), ({ received, total }) =>
        update(format, (before) => (before?.state === 'preparing' ? { ...before, received, total } : before ?? { state: 'idle' })));
      saveFile(file.blob, file.name);
      update(format, () => ({ state: 'done', name: file.name }));
    } catch (error) {
      update(format, () => ({ state: 'failed', error }));
    } finally {
      clearInterval(timers.current.get(format));
      timers.current.delete(format);
    }
  }

  const done = FORMATS.map((format) => states[format]).find((state) => state?.state === 'done');
  return (
    <section aria-labelledby={`${id}-title`} class="note-downloads" id={id}>
      <h2 id={`${id}-title`}>{t('note.downloads')}</h2>
      {offline.value && <p class="hint">{t('note.downloadsOffline')}</p>}
      <div class="actions">
        {FORMATS.map((format) => {
          const state = states[format];
          const preparing = state?.state === 'preparing';
          return (
            <button type="button" key={format} id={`${id}-${format}`} disabled={preparing || offline.value}
              aria-describedby={preparing ? `${id}-${format}-progress` : undefined} onClick={() => void download(format)}>
              {preparing ? t('note.preparing', { format: LABEL[format] }) : t('note.download', { format: LABEL[format] })}
            </button>
          );
        })}
      </div>
      {FORMATS.map((format) => {
        const state = states[format];
        if (state?.state !== 'preparing') return null;
        return (
          <p key={format} id={`${id}-${format}-progress`} class="note-progress">
            <progress max={state.total ?? undefined} value={state.total ? state.received : undefined} aria-hidden="true" />
            {' '}
            {state.received > 0
              ? t('note.received', { format: LABEL[format], kb: kilobytes(state.received), seconds: state.seconds })
              : t('note.waiting', { format: LABEL[format], seconds: state.seconds })}
          </p>
        );
      })}
      {FORMATS.map((format) => {
        const state = states[format];
        return state?.state === 'failed' ? (
          <div key={format}>
            <ProblemAlert error={state.error} />
            <button type="button" onClick={() => void download(format)}>{t('common.retry')}</button>
          </div>
        ) : null;
      })}
      <StatusMessage message={done?.state === 'done' ? t('note.saved', { name: done.name }) : null} />
    </section>
  );
}
