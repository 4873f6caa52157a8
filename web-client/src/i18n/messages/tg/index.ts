// Тоҷикӣ (хатти кириллӣ). NATIVE REVIEW NEEDED: written carefully by the developers, not yet
// checked by a native speaker. A missing key falls back to ru, then en.
import type { Catalogue } from '../en';
import { shell } from './shell';
import { dashboard } from './dashboard';
import { people } from './people';
import { meetings } from './meetings';
import { inbox } from './inbox';
import { profile } from './profile';
import { invitation } from './invitation';

export const tg = { ...shell, ...dashboard, ...people, ...meetings, ...inbox, ...profile, ...invitation } as const satisfies Catalogue;
