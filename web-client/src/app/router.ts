// Hash routes (#/people) so that the gateway serves one static index.html without a fallback rule.
// Each area is its own lazily loaded chunk.
import { signal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { AREAS, type Area } from './nav';

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
/** What follows the area in the hash, decoded: #/people/p-1 → ['p-1'] (a person's page). */
export const routeArgs = signal<readonly string[]>([]);

/** The segments after the area, or [] when the hash is no route. */
export function argsOf(hash: string): string[] {
  if (!hash.startsWith('#/')) return [];
  return hash.substring(2).split('/').slice(1).filter((part) => part !== '').map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
}

export function followHash(hash: string = window.location.hash): void {
  const next = routeOf(hash);
  if (next !== undefined) {
    route.value = next;
    routeArgs.value = argsOf(hash);
  }
}

/** #/area or #/area/arg1/arg2 with each argument encoded. */
export function hrefOf(area: Area, ...args: readonly string[]): string {
  return [`#/${area}`, ...args.map((arg) => encodeURIComponent(arg))].join('/');
}

type AreaModule = { default: ComponentType };

/** One chunk per area (organisations live with people, security with profile). */
export const areaLoaders: Record<Area, () => Promise<AreaModule>> = {
  dashboard: () => import('../areas/dashboard/index'),
  people: () => import('../areas/people/index'),
  organisations: () => import('../areas/people/index').then((m) => ({ default: m.Organisations })),
  meetings: () => import('../areas/meetings/index'),
  membership: () => import('../areas/membership/index'),
  inbox: () => import('../areas/inbox/index'),
  profile: () => import('../areas/profile/index'),
  security: () => import('../areas/profile/index').then((m) => ({ default: m.Security })),
  research: () => import('../areas/research/index'),
  assignments: () => import('../areas/assignments/index'),
  note: () => import('../areas/note/index'),
  strategy: () => import('../areas/strategy/index'),
  consultations: () => import('../areas/consultations/index'),
  guide: () => import('../areas/guide/index'),
  admin: () => import('../areas/admin/index'),
};
