// English: the reference catalogue. Every other catalogue has only keys that appear here.
// Messages are ICU MessageFormat (https://unicode-org.github.io/icu/userguide/format_parse/messages/).
// Messages are ICU MessageFormat (https://unicode-org.github.io/icu/userguide/format_parse/messages/).
// One file per area, so that areas are written side by side; the language is one chunk.
import { shell } from './shell';
import { dashboard } from './dashboard';
import { people } from './people';
import { meetings } from './meetings';
import { inbox } from './inbox';
import { profile } from './profile';
import { invitation } from './invitation';
import type { PartMessages } from '../parts';

export const en = { ...shell, ...dashboard, ...people, ...meetings, ...inbox, ...profile, ...invitation } as const;

/** The shell's keys and those of the parts loaded with their areas (./parts.ts). */
export type MessageKey = keyof typeof en | keyof PartMessages;
/** A catalogue for another language: any subset of the English keys (missing ones fall back). */
export type Catalogue = { readonly [K in MessageKey]?: string };
