// tg, research (to be reviewed by a native speaker).
import type { PartCatalogue } from '../parts';
import type { research as english } from '../en/research';

export const research = {
  'research.title': 'Таҳқиқот',
} as const satisfies PartCatalogue<typeof english>;
