// Hash routes (#/people) so that the gateway serves one static index.html without a fallback rule.
// Each area is its own lazily loaded chunk.
import { signal } from '@preact/signals';
import type { ComponentType } from 'preact';
import type { Area } from './nav';

const AREAS: readonly Area[] = ['dashboard', 'people', 'organisations', 'meetings', 'inbox', 'profile', 'security'];

/** null is home; 'notFound' an unknown route */
export type Route = Area | 'notFound' | null;

/** The route a location hash names, or undefined when the hash is no route (an in-page anchor). */
export function routeOf(hash: string): Route | undefined {
  if (hash === '' || hash === '#' || hash === '#/') return null;
  if (!hash.startsWith('#/')) return undefined;
  const name = hash.substring(2).split('/')[0] ?? '';
  return (AREAS as readonly string[]).includes(name) ? (name as Area) : 'notFound';
}

export const route = signal<Route>(null);

export function followHash(hash: string = window.location.hash): void {
  const next = routeOf(hash);
  if (next !== undefined) route.value = next;
}

export function hrefOf(area: Area): string {
  return `#/${area}`;
}

type AreaModule = { default: ComponentType };

/** One chunk per area (organisations live with people, security with profile). */
export const areaLoaders: Record<Area, () => Promise<AreaModule>> = {
  dashboard: () => import('../areas/dashboard/index'),
  people: () => import('../areas/people/index'),
  organisations: () => import('../areas/people/index').then((m) => ({ default: m.Organisations })),
  meetings: () => import('../areas/meetings/index'),
  inbox: () => import('../areas/inbox/index'),
  profile: () => import('../areas/profile/index'),
  security: () => import('../areas/profile/index').then((m) => ({ default: m.Security })),
};
