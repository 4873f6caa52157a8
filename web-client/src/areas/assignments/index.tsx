// Assignments (research, journey 3): #/assignments lists the coordinator's (all) or the expert's (own)
// assignments with their due dates, and lets a coordinator assign work to an active expert;
// #/assignments/<id> is one assignment with its findings and, for its expert, the finding editor;
// #/assignments/review is the coordinators' review queue. What is offered follows logic.ts.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { hrefOf, routeArgs } from '../../app/router';
import { t } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { LoadFailed, Loading } from '../../ui/feedback';
import { useLoad } from '../../ui/useLoad';
import { activeExperts, listAssignments, type Assignment } from './api';
import { STATUS_KEYS, localDay, type Viewer } from './logic';
import { DueText, country, institutionNames, strandKey, viewerNow } from './shared';
import { CreateAssignment } from './CreateAssignment';
import { AssignmentPage } from './AssignmentPage';
import { ReviewQueue } from './ReviewQueue';
import './assignments.css';

export default function Assignments() {
  const id = routeArgs.value[0];
  const viewer = viewerNow();
  if (id === 'review') return <ReviewQueue viewer={viewer} />;
  return id ? <AssignmentPage key={id} id={id} viewer={viewer} /> : <AssignmentList viewer={viewer} />;
}

const SIZE = 20;

async function loadList(page: number, coordinator: boolean) {
  const [assignments, names, experts] = await Promise.all([listAssignments({ page, size: SIZE }), institutionNames(),
    coordinator ? activeExperts().catch(() => []) : Promise.resolve([])]);
  const expertNames = new Map(experts.flatMap((p) => (p.id && p.displayName ? [[p.id, p.displayName] as const] : [])));
  return { assignments, names, expertNames };
}

function AssignmentList({ viewer }: { readonly viewer: Viewer }) {
  const [page, setPage] = useState(0);
  const [loaded, reload] = useLoad(() => loadList(page, viewer.coordinator), [page]);
  const [creating, setCreating] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const today = useMemo(() => localDay(), []);
  // back from an assignment (the same area, so the shell does not move focus): the list's heading
  useLayoutEffect(() => document.getElementById('area-title')?.focus(), []);

  return (
    <Page title={viewer.coordinator ? t('assignments.title') : t('assignments.mine')}>
      {viewer.coordinator && (
        <div class="actions">
          <button type="button" class="primary" ref={toggle} aria-expanded={creating} aria-controls="assignment-form"
            onClick={() => setCreating(!creating)}>
            {t('assignments.new')}
          </button>
          <a class="button-link" href={hrefOf('assignments', 'review')}>{t('assignments.review.open')}</a>
        </div>
      )}
      {viewer.coordinator && creating && (
        <CreateAssignment
          onCreated={reload}
          onClose={() => {
            setCreating(false);
            toggle.current?.focus();
          }}
        />
      )}
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <LoadFailed error={loaded.error} retry={reload} />}
      {loaded.state === 'ready' && (
        <List rows={loaded.data.assignments.content} names={loaded.data.names} expertNames={loaded.data.expertNames} viewer={viewer} today={today} />
      )}
      {loaded.state === 'ready' && <Pager page={loaded.data.assignments.page} onPage={setPage} label={t('assignments.pages')} />}
    </Page>
  );
}

function List({ rows, names, expertNames, viewer, today }: {
  readonly rows: readonly Assignment[];
  readonly names: ReadonlyMap<string, string>;
  readonly expertNames: ReadonlyMap<string, string>;
  readonly viewer: Viewer;
  readonly today: string;
}) {
  if (rows.length === 0) return <p id="assignments-list">{viewer.coordinator ? t('assignments.none') : t('assignments.noneMine')}</p>;
  return (
    <div class="table-scroll">
      <table id="assignments-list">
        <caption class="visually-hidden">{viewer.coordinator ? t('assignments.title') : t('assignments.mine')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assignments.field.institution')}</th>
            <th scope="col">{t('assignments.field.country')}</th>
            <th scope="col">{t('assignments.field.strand')}</th>
            {viewer.coordinator && <th scope="col">{t('assignments.field.expert')}</th>}
            <th scope="col">{t('assignments.field.due')}</th>
            <th scope="col">{t('assignments.field.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <a href={hrefOf('assignments', a.id ?? '')}>{names.get(a.institutionId ?? '') ?? a.institutionId}</a>
              </th>
              <td>{country(a.country)}</td>
              <td>{t(strandKey(a.strand))}</td>
              {viewer.coordinator && <td>{expertNames.get(a.expertId ?? '') ?? t('assignments.formerExpert')}</td>}
              <td><DueText assignment={a} today={today} /></td>
              <td>{a.status ? t(STATUS_KEYS[a.status]) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
