import { describe, expect, it } from 'vitest';
import { homeArea, navItems } from './nav';
import { argsOf, hrefOf, routeOf } from './router';

describe('navigation by role', () => {
  it('offers a coordinator the coordinator areas and everyone\'s', () => {
    expect(navItems(['coordinator']).map((item) => item.area))
      .toEqual(['dashboard', 'inbox', 'people', 'organisations', 'meetings', 'research', 'assignments', 'note',
        'strategy', 'consultations', 'guide', 'admin', 'profile', 'security']);
  });

  it('offers everyone their inbox, meetings, membership, profile and security, and each role its work', () => {
    expect(navItems([]).map((item) => item.area)).toEqual(['inbox', 'meetings', 'membership', 'profile', 'security']);
    expect(navItems(['expert']).map((item) => item.area)).toEqual(['inbox', 'meetings', 'membership', 'research',
      'assignments', 'note', 'strategy', 'consultations', 'profile', 'security']);
    expect(navItems(['translator']).map((item) => item.area)).toEqual(['inbox', 'meetings', 'membership', 'guide',
      'profile', 'security']);
    expect(navItems(['member', 'translator']).map((item) => item.area)).toEqual(['inbox', 'meetings', 'membership',
      'research', 'note', 'strategy', 'consultations', 'guide', 'profile', 'security']);
  });

  it('lands coordinators on the dashboard and everyone else in the inbox', () => {
    expect(homeArea(['expert', 'coordinator'])).toBe('dashboard');
    expect(homeArea(['member'])).toBe('inbox');
  });

  it('reads routes from the hash and leaves in-page anchors alone', () => {
    expect(routeOf('#/people')).toBe('people');
    expect(routeOf('#/people/p-1')).toBe('people');
    expect(routeOf('')).toBeNull();
    expect(routeOf('#/nowhere')).toBe('notFound');
    expect(routeOf('#main')).toBeUndefined();
  });

  it('reads an area\'s arguments from the hash, decoded, and writes them encoded', () => {
    expect(argsOf('#/people/p-1')).toEqual(['p-1']);
    expect(argsOf('#/meetings/m%2F1/minutes')).toEqual(['m/1', 'minutes']);
    expect(argsOf('#/people')).toEqual([]);
    expect(argsOf('#main')).toEqual([]);
    expect(hrefOf('meetings', 'm/1', 'minutes')).toBe('#/meetings/m%2F1/minutes');
    expect(hrefOf('inbox')).toBe('#/inbox');
  });
});
