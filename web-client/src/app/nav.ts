// What the navigation offers follows the roles from /auth/me. The services check every call anyway;
// this only spares people links to screens that would refuse them.
import type { MessageKey } from '../i18n/messages/en';

export type Area = 'dashboard' | 'people' | 'organisations' | 'meetings' | 'membership' | 'inbox' | 'profile' | 'security';

export interface NavItem {
  readonly area: Area;
  readonly label: MessageKey;
}

const COORDINATOR: readonly Area[] = ['dashboard', 'people', 'organisations', 'meetings', 'inbox', 'profile', 'security'];
/** everyone else: their meetings (RSVP), their membership (invitation, consent, status), messages, account */
const EVERYONE: readonly Area[] = ['inbox', 'meetings', 'membership', 'profile', 'security'];

export function navItems(roles: readonly string[]): NavItem[] {
  const areas = roles.includes('coordinator') ? COORDINATOR : EVERYONE;
  return areas.map((area) => ({ area, label: `nav.${area}` as MessageKey }));
}

/** Where a signed-in person lands: the dashboard for coordinators, the inbox for everyone else. */
export function homeArea(roles: readonly string[]): Area {
  return roles.includes('coordinator') ? 'dashboard' : 'inbox';
}

/** Whether the signed-in person has the role (what a screen offers follows it; the service decides). */
export function hasRole(roles: readonly string[], role: string): boolean {
  return roles.includes(role);
}
