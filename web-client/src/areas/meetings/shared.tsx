// What the list and a meeting's page share: who is looking, a meeting's time in
// both zones, the words for kinds, statuses and answers.
import { account } from '../../api/auth';
import { hasRole } from '../../app/nav';
import { meetingTime, type DateTimeFormatter } from '../../dates/format';
import { viewerZone, zoneCity } from '../../dates/zones';
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import { me, type Meeting, type MeetingKind, type MeetingStatus, type Rsvp } from './api';
import type { Viewer } from './logic';

/**
 * The viewer: roles and person id (the token's subject) from the session; their own zone from
 * GET /people/me, the browser's zone when that has none (404 for an account that is no person).
 */
export async function loadViewer(): Promise<Viewer> {
  const session = account.value.state === 'signedIn' ? account.value : null;
  const person = await me().catch(() => null);
  return {
    coordinator: hasRole(session?.roles ?? [], 'coordinator'),
    personId: session?.subject || person?.id || null,
    zone: person?.timeZone || viewerZone(),
  };
}

/** The start in the viewer's zone and in the meeting's zone (one line when they show the same time). */
export function When({ meeting, viewer, format }: { readonly meeting: Meeting; readonly viewer: Viewer; readonly format: DateTimeFormatter }) {
  // no start in the answer: no time to show; no zone of its own: the viewer's
  if (meeting.startsAt === undefined) return null;
  const meetingZone = meeting.local?.timeZone ?? viewer.zone;
  const time = meetingTime(format, new Date(meeting.startsAt), meetingZone, viewer.zone);
  if (time.meeting === null) {
    return <span class="meeting-when">{t('meetings.sameZoneTime', { time: time.local, zone: zoneCity(viewer.zone) })}</span>;
  }
  return (
    <span class="meeting-when">
      <span>{t('meetings.yourTime', { time: time.local, zone: zoneCity(viewer.zone) })}</span>
      <span>{t('meetings.meetingTime', { time: time.meeting, zone: zoneCity(meetingZone) })}</span>
    </span>
  );
}

export const kindKey = (kind: MeetingKind) => `meetings.kind.${kind}` as MessageKey;
export const statusKey = (status: MeetingStatus) => `meetings.status.${status}` as MessageKey;
export const rsvpKey = (answer: Rsvp) => `rsvp.${answer.toLowerCase()}` as MessageKey;
