import { describe, expect, it } from 'vitest';
import type { Assignment, AssignmentStatus, Finding, FindingStatus } from './api';
import {
  bodyOf, checkDraft, draftOf, dueOf, editorFieldOf, emptyCitation, findingState, mayReview, mayRevise, maySubmit, mayWrite,
  type Viewer,
} from './logic';

const expert: Viewer = { coordinator: false, expert: true, personId: 'p-expert' };
const other: Viewer = { coordinator: false, expert: true, personId: 'p-other' };
const coordinator: Viewer = { coordinator: true, expert: false, personId: 'p-coord' };

const assignment = (status: AssignmentStatus, dueDate = '2026-12-10'): Assignment =>
  ({ id: 'a-1', expertId: 'p-expert', country: 'KZ', institutionId: 'wb', strand: 'STANDARDS_AND_RULES', dueDate, status });
const finding = (status: FindingStatus): Finding => ({
  id: 'f-1', assignmentId: 'a-1', status,
  versions: [{ version: 1, content: { statement: 'The ESF requires engagement.', confidence: 'high', standardIds: ['wb-ess10'],
    evidence: [{ document: 'ESS10', link: 'https://worldbank.org/ess10', accessedOn: '2026-11-01', quote: 'engage' }] } }],
  comments: [{ version: 1, text: 'Which page?', at: '2026-12-01T10:00:00Z' }],
});

describe('due dates', () => {
  it('says overdue, today or days left while the work is the expert\'s, nothing once submitted or accepted', () => {
    expect(dueOf(assignment('IN_PROGRESS', '2026-12-01'), '2026-12-04')).toEqual({ kind: 'overdue', days: 3 });
    expect(dueOf(assignment('RETURNED', '2026-12-04'), '2026-12-04')).toEqual({ kind: 'today' });
    expect(dueOf(assignment('ASSIGNED', '2027-01-03'), '2026-12-04')).toEqual({ kind: 'ahead', days: 30 });
    expect(dueOf(assignment('SUBMITTED', '2026-12-01'), '2026-12-04')).toBeNull();
    expect(dueOf(assignment('ACCEPTED', '2026-12-01'), '2026-12-04')).toBeNull();
    expect(dueOf({ ...assignment('IN_PROGRESS'), dueDate: 'soon' }, '2026-12-04')).toBeNull();
  });
});

describe('what is offered to whom', () => {
  it('lets only the assigned expert write, and only while the work is theirs', () => {
    for (const status of ['ASSIGNED', 'IN_PROGRESS', 'RETURNED'] as const) expect(mayWrite(expert, assignment(status))).toBe(true);
    for (const status of ['SUBMITTED', 'ACCEPTED'] as const) expect(mayWrite(expert, assignment(status))).toBe(false);
    expect(mayWrite(other, assignment('IN_PROGRESS'))).toBe(false);
    expect(mayWrite(coordinator, assignment('IN_PROGRESS'))).toBe(false);
    expect(mayRevise(expert, assignment('IN_PROGRESS'), finding('RETURNED'))).toBe(true);
    expect(mayRevise(expert, assignment('IN_PROGRESS'), finding('ACCEPTED'))).toBe(false);
  });

  it('offers submitting the assignment only with a finding and none still returned', () => {
    expect(maySubmit(expert, assignment('IN_PROGRESS'), [finding('SUBMITTED')])).toBe(true);
    expect(maySubmit(expert, assignment('IN_PROGRESS'), [])).toBe(false);
    expect(maySubmit(expert, assignment('IN_PROGRESS'), [finding('SUBMITTED'), finding('RETURNED')])).toBe(false);
    expect(maySubmit(expert, assignment('ASSIGNED'), [finding('SUBMITTED')])).toBe(false);
    expect(maySubmit(expert, assignment('SUBMITTED'), [finding('SUBMITTED')])).toBe(false);
  });

  it('offers review (accept, return with a comment) to coordinators on submitted work only', () => {
    expect(mayReview(coordinator, assignment('SUBMITTED'), finding('SUBMITTED'))).toBe(true);
    expect(mayReview(coordinator, assignment('SUBMITTED'))).toBe(true);
    expect(mayReview(coordinator, assignment('SUBMITTED'), finding('RETURNED'))).toBe(false);
    expect(mayReview(coordinator, assignment('IN_PROGRESS'), finding('SUBMITTED'))).toBe(false);
    expect(mayReview(expert, assignment('SUBMITTED'), finding('SUBMITTED'))).toBe(false);
  });

  it('names a finding\'s state from its own and its assignment\'s', () => {
    expect(findingState(assignment('IN_PROGRESS'), finding('SUBMITTED'))).toBe('draft');
    expect(findingState(assignment('SUBMITTED'), finding('SUBMITTED'))).toBe('inReview');
    expect(findingState(assignment('IN_PROGRESS'), finding('RETURNED'))).toBe('returned');
    expect(findingState(assignment('ACCEPTED'), finding('ACCEPTED'))).toBe('accepted');
  });
});

describe('the finding editor', () => {
  it('starts from the latest version and sends it back trimmed, untouched rows left out', () => {
    const draft = draftOf(finding('RETURNED'));
    expect(draft.statement).toBe('The ESF requires engagement.');
    expect(draft.citations).toHaveLength(1);
    const edited = { ...draft, statement: '  Corrected.  ', citations: [...draft.citations, emptyCitation(),
      { ...emptyCitation(), title: ' Annual report ', accessedOn: '2026-11-30' }] };
    expect(bodyOf(edited)).toEqual({
      statement: 'Corrected.', confidence: 'high', standardIds: ['wb-ess10'],
      evidence: [
        { document: 'ESS10', link: 'https://worldbank.org/ess10', accessedOn: '2026-11-01', quote: 'engage' },
        { document: 'Annual report', accessedOn: '2026-11-30' },
      ],
    });
  });

  it('checks what the service checks, next to each field', () => {
    const empty = draftOf();
    expect(checkDraft(empty, '2026-12-04')).toEqual({ statement: 'field.required', evidence: 'assignments.citation.atLeastOne' });
    const row = { ...emptyCitation(), link: 'worldbank.org', accessedOn: '2026-12-05' };
    const quoteOnly = { ...emptyCitation(), quote: 'only a quote' };
    const errors = checkDraft({ ...empty, statement: 'x', citations: [row, quoteOnly] }, '2026-12-04');
    expect(errors).toEqual({
      [`citation-${row.key}-link`]: 'assignments.citation.linkForm',
      [`citation-${row.key}-date`]: 'assignments.citation.datePast',
      [`citation-${quoteOnly.key}-title`]: 'assignments.citation.titleOrLink',
      [`citation-${quoteOnly.key}-date`]: 'field.required',
    });
  });

  it('puts the service\'s positional citation errors next to the row they are about', () => {
    const first = { ...emptyCitation(), title: 'A', accessedOn: '2026-11-01' };
    const blank = emptyCitation();
    const second = { ...emptyCitation(), title: 'B', accessedOn: '2026-11-01' };
    const draft = { ...draftOf(), citations: [first, blank, second] };
    expect(editorFieldOf('evidence[1].link', draft)).toBe(`citation-${second.key}-link`);
    expect(editorFieldOf('evidence[0].document', draft)).toBe(`citation-${first.key}-title`);
    expect(editorFieldOf('statement', draft)).toBe('statement');
  });
});
