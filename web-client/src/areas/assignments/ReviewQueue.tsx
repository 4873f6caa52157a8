// The coordinators' review queue: every submitted assignment with its submitted findings and their
// citations. Accept takes the assignment with its submitted findings; "Return for revision" sends one
// finding back to the expert with a comment (required) — one call: the finding returns with the comment
// on it, the assignment goes back in progress, the expert is told.
import { useState } from 'preact/hooks';
import { hrefOf } from '../../app/router';
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import { TextArea } from '../../ui/Field';
import { Page } from '../../ui/Page';
import { LoadFailed, Loading, ProblemAlert, StatusMessage } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useLoad } from '../../ui/useLoad';
import { activeExperts, findingsOf, listAssignments, moveAssignment, returnFinding, type Assignment, type Finding } from './api';
import { mayReview, type Viewer } from './logic';
import { FindingView } from './AssignmentPage';
import { country, day, institutionNames, strandKey } from './shared';

interface Item {
  readonly assignment: Assignment;
  readonly findings: readonly Finding[];
}

async function loadQueue() {
  const [submitted, names, experts] = await Promise.all([
    listAssignments({ status: 'SUBMITTED', page: 0, size: 50 }),
    institutionNames(),
    activeExperts().catch(() => []),
  ]);
  const items: Item[] = await Promise.all(submitted.content.map(async (assignment) => ({
    assignment,
    findings: assignment.id ? await findingsOf(assignment.id) : [],
  })));
  const expertNames = new Map(experts.flatMap((p) => (p.id && p.displayName ? [[p.id, p.displayName] as const] : [])));
  return { items, total: submitted.page.totalElements, names, expertNames };
}

export function ReviewQueue({ viewer }: { readonly viewer: Viewer }) {
  const [loaded, reload] = useLoad(loadQueue, []);
  const [message, setMessage] = useState<string | null>(null);
  if (!viewer.coordinator) {
    return <Page title={t('assignments.review.title')}><p>{t('assignments.review.coordinatorsOnly')}</p></Page>;
  }
  return (
    <Page title={t('assignments.review.title')}>
      <p><a href={hrefOf('assignments')}>{t('assignments.backAll')}</a></p>
      <StatusMessage message={message} />
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <LoadFailed error={loaded.error} retry={reload} />}
      {loaded.state === 'ready' && (loaded.data.items.length === 0
        ? <p id="review-queue">{t('assignments.review.empty')}</p>
        : (
          <>
            <p>{t('assignments.review.count', { count: loaded.data.total })}</p>
            <ul id="review-queue" class="review-queue">
              {loaded.data.items.map((item) => (
                <li key={item.assignment.id}>
                  <ReviewItem item={item} viewer={viewer} names={loaded.data.names} expertNames={loaded.data.expertNames}
                    onDone={(words) => {
                      setMessage(words);
                      reload();
                    }} />
                </li>
              ))}
            </ul>
          </>
        ))}
    </Page>
  );
}

function ReviewItem({ item, viewer, names, expertNames, onDone }: {
  readonly item: Item;
  readonly viewer: Viewer;
  readonly names: ReadonlyMap<string, string>;
  readonly expertNames: ReadonlyMap<string, string>;
  readonly onDone: (message: string) => void;
}) {
  const { assignment, findings } = item;
  const id = assignment.id ?? '';
  const institution = names.get(assignment.institutionId ?? '') ?? assignment.institutionId ?? '';
  const submitted = findings.filter((f) => mayReview(viewer, assignment, f));
  const accept = useAction(async () => {
    await moveAssignment(id, 'accept');
    onDone(t('assignments.review.accepted', { institution }));
  });
  return (
    <article aria-labelledby={`review-${id}-title`} class="review-item">
      <h2 id={`review-${id}-title`}>
        <a href={hrefOf('assignments', id)}>{t('assignments.heading', { institution, country: country(assignment.country) })}</a>
      </h2>
      <p class="hint">
        {t(strandKey(assignment.strand))}
        {' · '}{t('assignments.review.by', { expert: expertNames.get(assignment.expertId ?? '') ?? t('assignments.review.anExpert') })}
        {assignment.dueDate && <>{' · '}{t('assignments.review.dueOn', { date: day(assignment.dueDate) })}</>}
      </p>
      {submitted.length === 0 && <p>{t('assignments.review.noFindings')}</p>}
      {submitted.map((finding, index) => (
        <div key={finding.id} class="review-finding">
          <FindingView finding={finding} assignment={assignment} number={index + 1} />
          <ReturnForm finding={finding} number={index + 1} onDone={onDone} />
        </div>
      ))}
      <ProblemAlert error={accept.error} />
      {mayReview(viewer, assignment) && (
        <div class="actions">
          <button type="button" class="primary" disabled={accept.busy} onClick={() => void accept.run()}>
            {accept.busy ? t('assignments.review.accepting') : t('assignments.review.accept', { count: submitted.length })}
            <span class="visually-hidden">{`: ${institution}`}</span>
          </button>
        </div>
      )}
    </article>
  );
}

function ReturnForm({ finding, number, onDone }: { readonly finding: Finding; readonly number: number; readonly onDone: (message: string) => void }) {
  const [comment, setComment] = useState('');
  const [local, setLocal] = useState<MessageKey | undefined>(undefined);
  const action = useAction(async () => {
    await returnFinding(finding.id ?? '', comment.trim());
    onDone(t('assignments.review.returned', { number }));
  });
  const fieldId = `return-comment-${finding.id}`;
  async function submit(event: Event) {
    event.preventDefault();
    if (comment.trim() === '') {
      setLocal('assignments.review.commentRequired');
      document.getElementById(fieldId)?.focus();
      return;
    }
    setLocal(undefined);
    await action.run();
  }
  return (
    <form class="return-form" noValidate onSubmit={(event) => void submit(event)} aria-label={t('assignments.review.returnFormLabel', { number })}>
      <TextArea id={fieldId} label={t('assignments.review.comment', { number })} hint={t('assignments.review.commentHint')}
        value={comment} onValue={setComment} required maxLength={2000} rows={3} error={local ?? action.fields['comment']} />
      <ProblemAlert error={action.fields['comment'] ? null : action.error} />
      <div class="actions">
        <button type="submit" disabled={action.busy}>
          {action.busy ? t('assignments.review.returning') : t('assignments.review.return')}
        </button>
      </div>
    </form>
  );
}
