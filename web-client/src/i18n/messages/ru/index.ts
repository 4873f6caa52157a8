// Русский: полный каталог (сборка падает, если в нём нет ключа из en).
import type { Catalogue } from '../en';
import { shell } from './shell';
import { dashboard } from './dashboard';
import { people } from './people';
import { meetings } from './meetings';
import { inbox } from './inbox';
import { profile } from './profile';
import { invitation } from './invitation';

export const ru = { ...shell, ...dashboard, ...people, ...meetings, ...inbox, ...profile, ...invitation } as const satisfies Catalogue;
