// One comment: who and when (the reader's zone), the quoted words, the text, its resolution (in words, the
// reason of a decline for everyone to read), replies; and what the viewer may do with it: reply, change or
// withdraw their own while the round is open, resolve (coordinators).
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import type { DateTimeFormatter } from '../../dates/format';
import { TextArea } from '../../ui/Field';
import { ProblemAlert } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { editComment, replyTo, resolve, withdrawComment, type Comment, type Outcome, type ReadRound } from './api';
import { commentActions, type Viewer } from './logic';
import { authorName, countryName } from './words';

type Mode = 'reply' | 'edit' | 'withdraw' | 'resolve' | null;

interface Props {
  readonly round: ReadRound;
  readonly comment: Comment;
  readonly viewer: Viewer;
  readonly format: DateTimeFormatter;
  readonly now: Date;
  readonly names: ReadonlyMap<string, string>;
  readonly onDone: (message: string) => void;
}

export function CommentItem({ round, comment, viewer, format, now, names, onDone }: Props) {
  const [mode, setMode] = useState<Mode>(null);
  const actions = commentActions(comment, round, viewer, now);
  const id = comment.id ?? '';
  const author = authorName(comment.authorId, viewer.personId, names);
  const resolution = comment.resolution;
  const close = () => {
    setMode(null);
    document.getElementById(`comment-${id}-actions`)?.querySelector('button')?.focus();
  };
  const finished = (message: string) => {
    setMode(null);
    onDone(message);
  };
  return (
    <li id={`comment-${id}`} class="consult-comment">
      <p class="meta">
        <strong>{author}</strong>
        {comment.country && <> · {countryName(comment.country)}</>}
        {comment.at && <> · {format(new Date(comment.at), viewer.zone)}</>}
        {comment.editedAt && <> · {t('consultations.edited')}</>}
      </p>
      {comment.quote && (
        <blockquote class="consult-quote">
          <span class="visually-hidden">{t('consultations.quoted')} </span>{comment.quote}
        </blockquote>
      )}
      <p class="consult-body">{comment.text}</p>
      {resolution?.outcome && (
        <p id={`resolution-${id}`} class={`consult-resolution ${resolution.outcome === 'ACCEPTED' ? 'accepted' : 'declined'}`}>
          <strong>{t(resolution.outcome === 'ACCEPTED' ? 'consultations.accepted' : 'consultations.declined')}</strong>
          {resolution.reason && <> {t('consultations.reason', { reason: resolution.reason })}</>}
        </p>
      )}
      {(comment.replies?.length ?? 0) > 0 && (
        <ul class="consult-replies" aria-label={t('consultations.replies')}>
          {comment.replies?.map((reply) => (
            <li key={reply.id}>
              <p class="meta">
                <strong>{authorName(reply.authorId, viewer.personId, names)}</strong>
                {reply.at && <> · {format(new Date(reply.at), viewer.zone)}</>}
              </p>
              <p class="consult-body">{reply.text}</p>
            </li>
          ))}
        </ul>
      )}
      {(actions.reply || actions.edit || actions.withdraw || actions.resolve) && mode === null && (
        <div class="actions" id={`comment-${id}-actions`}>
          {actions.reply && <button type="button" onClick={() => setMode('reply')}>{t('consultations.reply')}</button>}
          {actions.edit && <button type="button" onClick={() => setMode('edit')}>{t('consultations.edit')}</button>}
          {actions.withdraw && <button type="button" class="danger" onClick={() => setMode('withdraw')}>{t('consultations.withdraw')}</button>}
          {actions.resolve && <button type="button" class="primary" onClick={() => setMode('resolve')}>{t('consultations.resolve')}</button>}
        </div>
      )}
      {mode === 'reply' && (
        <TextForm id={`reply-${id}`} label={t('consultations.replyText')} initial="" max={4000} submit={t('consultations.sendReply')}
          call={(text) => replyTo(round.id, id, text)} onDone={() => finished(t('consultations.replied'))} onCancel={close} />
      )}
      {mode === 'edit' && (
        <TextForm id={`edit-${id}`} label={t('consultations.commentText')} initial={comment.text ?? ''} max={10000} submit={t('common.save')}
          call={(text) => editComment(round.id, id, text)} onDone={() => finished(t('consultations.changed'))} onCancel={close} />
      )}
      {mode === 'withdraw' && <Withdraw round={round} id={id} onDone={() => finished(t('consultations.withdrawn'))} onCancel={close} />}
      {mode === 'resolve' && <ResolveForm round={round} id={id} onDone={finished} onCancel={close} />}
    </li>
  );
}

function TextForm({ id, label, initial, max, submit, call, onDone, onCancel }: {
  readonly id: string;
  readonly label: string;
  readonly initial: string;
  readonly max: number;
  readonly submit: string;
  readonly call: (text: string) => Promise<unknown>;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const [empty, setEmpty] = useState(false);
  const action = useAction(async () => {
    await call(text.trim());
    onDone();
  });
  useEffect(() => document.getElementById(`${id}-text`)?.focus(), []);
  return (
    <form id={`${id}-form`} noValidate onSubmit={(event) => {
      event.preventDefault();
      if (!text.trim()) {
        setEmpty(true);
        document.getElementById(`${id}-text`)?.focus();
        return;
      }
      setEmpty(false);
      void action.run();
    }}>
      <TextArea id={`${id}-text`} label={label} value={text} onValue={setText} required rows={3} maxLength={max}
        error={empty ? 'field.required' : action.fields['text']} />
      <ProblemAlert error={action.error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>{action.busy ? t('consultations.sending') : submit}</button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

function Withdraw({ round, id, onDone, onCancel }: { readonly round: ReadRound; readonly id: string; readonly onDone: () => void; readonly onCancel: () => void }) {
  const action = useAction(async () => {
    await withdrawComment(round.id, id);
    onDone();
  });
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div role="group" aria-labelledby={`withdraw-${id}-question`} class="consult-confirm">
      <p id={`withdraw-${id}-question`}>{t('consultations.withdrawQuestion')}</p>
      <div class="actions">
        <button type="button" class="danger" disabled={action.busy} onClick={() => void action.run()}>
          {action.busy ? t('consultations.sending') : t('consultations.withdrawConfirm')}
        </button>
        <button type="button" ref={keep} onClick={onCancel}>{t('consultations.keepComment')}</button>
      </div>
      <ProblemAlert error={action.error} />
    </div>
  );
}

function ResolveForm({ round, id, onDone, onCancel }: {
  readonly round: ReadRound;
  readonly id: string;
  readonly onDone: (message: string) => void;
  readonly onCancel: () => void;
}) {
  const [outcome, setOutcome] = useState<Outcome>('ACCEPTED');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useAction(async () => {
    await resolve(round.id, id, outcome, outcome === 'DECLINED' ? reason.trim() : undefined);
    onDone(t(outcome === 'ACCEPTED' ? 'consultations.resolvedAccepted' : 'consultations.resolvedDeclined'));
  });
  useEffect(() => document.getElementById(`resolve-${id}-accepted`)?.focus(), []);
  const reasonError: MessageKey | undefined = missing ? 'consultations.reasonNeeded' : action.fields['reason'];
  return (
    <form id={`resolve-${id}-form`} noValidate onSubmit={(event) => {
      event.preventDefault();
      if (outcome === 'DECLINED' && !reason.trim()) {
        setMissing(true);
        document.getElementById(`resolve-${id}-reason`)?.focus();
        return;
      }
      setMissing(false);
      void action.run();
    }}>
      <fieldset>
        <legend>{t('consultations.resolution')}</legend>
        {(['ACCEPTED', 'DECLINED'] as const).map((value) => (
          <div class="check" key={value}>
            <input type="radio" id={`resolve-${id}-${value.toLowerCase()}`} name={`resolve-${id}-outcome`} value={value}
              checked={outcome === value} onChange={() => setOutcome(value)} />
            <label for={`resolve-${id}-${value.toLowerCase()}`}>
              {t(value === 'ACCEPTED' ? 'consultations.accept' : 'consultations.decline')}
            </label>
          </div>
        ))}
      </fieldset>
      {outcome === 'DECLINED' && (
        <TextArea id={`resolve-${id}-reason`} label={t('consultations.reasonLabel')} hint={t('consultations.reasonHint')} value={reason}
          onValue={setReason} required rows={3} maxLength={1000} error={reasonError} />
      )}
      <ProblemAlert error={action.error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          {action.busy ? t('consultations.sending') : t('consultations.recordResolution')}
        </button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
