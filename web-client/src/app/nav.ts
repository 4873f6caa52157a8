// What the navigation offers follows the roles from /auth/me. The services check every call anyway;
// this only spares people links to screens that would refuse them.
import type { MessageKey } from '../i18n/messages/en';
import type { Part } from '../i18n/messages/parts';

export type Area = 'dashboard' | 'people' | 'organisations' | 'meetings' | 'membership'
  | 'research' | 'assignments' | 'note' | 'strategy' | 'consultations' | 'guide' | 'admin'
  | 'inbox' | 'profile' | 'security';

/** Every area in the order the navigation lists them. */
export const AREAS: readonly Area[] = ['dashboard', 'inbox', 'people', 'organisations', 'meetings', 'membership',
  'research', 'assignments', 'note', 'strategy', 'consultations', 'guide', 'admin', 'profile', 'security'];

export interface NavItem {
  readonly area: Area;
  readonly label: MessageKey;
}

/** Which areas each role works in; a person with several roles gets the union, in AREAS' order. */
const BY_ROLE: Readonly<Record<string, readonly Area[]>> = {
  coordinator: ['dashboard', 'people', 'organisations', 'meetings', 'research', 'assignments', 'note', 'strategy',
    'consultations', 'guide', 'admin'],
  expert: ['research', 'assignments', 'note', 'strategy', 'consultations'],
  member: ['research', 'note', 'strategy', 'consultations'],
  translator: ['guide'],
  observer: ['research', 'note'],
};
/** everyone: their meetings (RSVP), their membership (invitation, consent, status), messages, account */
const EVERYONE: readonly Area[] = ['meetings', 'membership', 'inbox', 'profile', 'security'];

export function navItems(roles: readonly string[]): NavItem[] {
  const offered = new Set<Area>(EVERYONE);
  for (const role of roles) for (const area of BY_ROLE[role] ?? []) offered.add(area);
  // coordinators hold the group together: their own membership page is not theirs to answer
  if (roles.includes('coordinator')) offered.delete('membership');
  return AREAS.filter((area) => offered.has(area)).map((area) => ({ area, label: `nav.${area}` as MessageKey }));
}

/** The catalogue parts an area needs besides the shell's (loaded with the area's chunk). */
export const AREA_PARTS: Readonly<Partial<Record<Area, readonly Part[]>>> = {
  research: ['research'],
  assignments: ['assignments'],
  note: ['note'],
  strategy: ['strategy'],
  consultations: ['consultations'],
  guide: ['guide'],
  admin: ['admin'],
};

/** Where a signed-in person lands: the dashboard for coordinators, the inbox for everyone else. */
export function homeArea(roles: readonly string[]): Area {
  return roles.includes('coordinator') ? 'dashboard' : 'inbox';
}

/** Whether the signed-in person has the role (what a screen offers follows it; the service decides). */
export function hasRole(roles: readonly string[], role: string): boolean {
  return roles.includes(role);
}
